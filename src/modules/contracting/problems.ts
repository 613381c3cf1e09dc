/** Refusing a team or a visit: every problem at once, each naming its field, in the caller's language. */
import { invalid } from '../../platform/errors.js';
import { t, type Lang } from '../../platform/i18n/index.js';
import type { Problem, teamRules, visitRules } from './rules.js';

type Key = `contracting.team.${(typeof teamRules)[number]}` | `contracting.visit.${(typeof visitRules)[number]}`;

export function refuseProblems(kind: 'team' | 'visit', problems: Problem[], lang: Lang): void {
  if (problems.length === 0) return;
  const fields = problems.map((p) => ({ path: `body.${p.field}`, key: `contracting.${kind}.${p.rule}` as Key, params: p.params }));
  const detail = fields.map((f) => t(lang, f.key, f.params)).join(lang === 'zh' ? '；' : '; ');
  throw invalid(`contracting.${kind}_invalid`, { detail }, fields);
}
