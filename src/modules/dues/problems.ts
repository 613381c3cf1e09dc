/** Refusing a batch: every row's problems at once, each naming its row and field, in the caller's language. */
import { invalid, type FieldProblem } from '../../platform/errors.js';
import { t, type Lang, type MessageKey, type Params } from '../../platform/i18n/index.js';

export class RowProblems {
  readonly fields: FieldProblem[] = [];

  add(row: number, field: string, key: MessageKey, params: Params = {}): void {
    this.fields.push({ path: `body.items.${row}.${field}`, key, params: { row: row + 1, ...params } });
  }

  /** Throws when any row has a problem, so that nothing of the batch is written. */
  refuse(lang: Lang): void {
    refuseFields(this.fields, lang);
  }
}

/** Throws when any field has a problem, every problem named in the message. */
export function refuseFields(fields: FieldProblem[], lang: Lang): void {
  if (fields.length === 0) return;
  const detail = fields.map((f) => t(lang, f.key, f.params)).join(lang === 'zh' ? '；' : '; ');
  throw invalid('dues.invalid_rows', { detail }, fields);
}

/** Fen as 元 with two decimals, for messages. */
export const yuan = (fen: number) => (fen / 100).toFixed(2);
