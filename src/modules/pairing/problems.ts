/** Refusing a pairing or contact: every field's problem at once, each named in the caller's language. */
import { invalid, type FieldProblem } from '../../platform/errors.js';
import { t, type Lang } from '../../platform/i18n/index.js';

export function refuseFields(fields: FieldProblem[], lang: Lang): void {
  if (fields.length === 0) return;
  const detail = fields.map((f) => t(lang, f.key, f.params)).join(lang === 'zh' ? '；' : '; ');
  throw invalid('pairing.invalid', { detail }, fields);
}
