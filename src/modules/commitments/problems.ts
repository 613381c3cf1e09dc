/** Refusing a commitment write: every problem at once, each naming its field, in the caller's language. */
import { invalid, type AppError, type FieldProblem } from '../../platform/errors.js';
import { t, type Lang, type MessageKey } from '../../platform/i18n/index.js';
import type { Problem } from './rules.js';

export function refusal(lang: Lang, fields: FieldProblem[]): AppError {
  const detail = fields.map((f) => t(lang, f.key, f.params)).join(lang === 'zh' ? '；' : '; ');
  return invalid('commitments.invalid', { detail }, fields);
}

/** Throws when there is any problem, so that nothing is written. */
export function refuseAll(lang: Lang, fields: FieldProblem[]): void {
  if (fields.length > 0) throw refusal(lang, fields);
}

/** A rule's problems as field problems under `at` (e.g. "body." or "body.items.2."). */
export const fieldsOf = (at: string, problems: Problem[]): FieldProblem[] =>
  problems.map((p) => ({ path: `${at}${p.field}`, key: `commitments.${p.reason}` as MessageKey, params: p.params }));
