/**
 * The county's commitment settings: levels, appraisal weights (summing to 100), the fewest commitments per
 * maker, the publishing month. A level some commitment uses cannot be removed (its label would be lost).
 */
import { and, eq } from 'drizzle-orm';
import type { FieldProblem } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import type { ServiceContext } from '../../platform/service.js';
import { saveSetting } from '../organizations/county-setting.js';
import type { CommitmentSettings, CommitmentSettingsView } from './contracts.js';
import { fieldsOf, refuseAll } from './problems.js';
import { commitmentSetting } from './queries.js';
import { weightsProblems } from './rules.js';
import { commitments } from './schema.js';

export async function saveCommitmentSettings(ctx: ServiceContext, input: CommitmentSettings, lang: Lang): Promise<CommitmentSettingsView> {
  return saveSetting(ctx, commitmentSetting, input, async (tx, before) => {
    const problems: FieldProblem[] = [...fieldsOf('body.', weightsProblems(input.weights))];
    const seen = new Set<string>();
    input.levels.forEach((l, index) => {
      if (seen.has(l.key)) problems.push({ path: `body.levels.${index}.key`, key: 'commitments.level_duplicate', params: { key: l.key } });
      seen.add(l.key);
    });
    for (const removed of before.levels.filter((l) => !seen.has(l.key))) {
      const [used] = await tx.select({ id: commitments.id }).from(commitments)
        .where(and(eq(commitments.countyId, ctx.actor.countyId), eq(commitments.level, removed.key))).limit(1);
      if (used) problems.push({ path: 'body.levels', key: 'commitments.level_in_use', params: { label: removed.label } });
    }
    refuseAll(lang, problems);
  });
}
