/**
 * Each member's base and monthly amount for a year, set for a branch in one batch at the start of the
 * year (rules.md §3.2: fixed then, normally unchanged). Less than the rule gives needs a reason.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { permission } from '../../platform/access/actor.js';
import type { Lang } from '../../platform/i18n/index.js';
import { write, type ServiceContext } from '../../platform/service.js';
import { orgLabel } from '../organizations/queries.js';
import type { BasesInput, BasesView } from './contracts.js';
import { yuan, RowProblems } from './problems.js';
import { managedOrg, membersBetween, readableOrg, settingsOf } from './queries.js';
import { checkBase, duesKindLabels, ruleMonthlyFen, type DuesKind } from './rules.js';
import { duesBases } from './schema.js';

const yearSpan = (year: number) => [`${year}-01-01`, `${year}-12-31`] as const;

export async function getBases(ctx: ServiceContext, query: { org: string; year: number }): Promise<BasesView> {
  const org = await readableOrg(ctx, query.org);
  const members = await membersBetween(ctx.db, org, ...yearSpan(query.year));
  const settings = await settingsOf(ctx.db, org.countyId);
  const ids = members.map((m) => m.id);
  const bases = ids.length === 0 ? [] : await ctx.db.select().from(duesBases)
    .where(and(eq(duesBases.countyId, org.countyId), eq(duesBases.year, query.year), inArray(duesBases.personId, ids)));
  const baseOf = new Map(bases.map((b) => [b.personId, b]));
  return {
    org: { code: org.code, name: org.name },
    year: query.year,
    items: members.map((m) => {
      const b = baseOf.get(m.id);
      const froms = m.stays.map((s) => s.from);
      const tos = m.stays.map((s) => s.to);
      return {
        person: { id: m.id, name: m.name },
        category: m.category,
        from: froms.includes(null) ? null : froms.sort()[0]!,
        to: tos.includes(null) ? null : tos.sort().at(-1)!,
        base: b ? { kind: b.kind as DuesKind, baseFen: b.baseFen, monthlyFen: b.monthlyFen, reason: b.reason } : null,
        ruleFen: b ? ruleMonthlyFen(b.kind as DuesKind, b.baseFen, settings) : null,
      };
    }),
    can: { edit: permission(ctx.actor, 'dues.manage', org.path) },
  };
}

export async function saveBases(ctx: ServiceContext, input: BasesInput, lang: Lang): Promise<BasesView> {
  await write(ctx, async (w) => {
    const { org, post } = await managedOrg(ctx, input.orgCode, w.tx);
    const members = new Map((await membersBetween(w.tx, org, ...yearSpan(input.year))).map((m) => [m.id, m]));
    const settings = await settingsOf(w.tx, org.countyId);
    const problems = new RowProblems();
    const seen = new Set<string>();
    const rows = input.items.map((item, i) => {
      const member = members.get(item.personId);
      if (!member) {
        problems.add(i, 'personId', 'dues.row.not_in_branch', { org: org.name });
        return null;
      }
      if (seen.has(item.personId)) problems.add(i, 'personId', 'dues.row.twice', { name: member.name });
      seen.add(item.personId);
      const checked = checkBase(item, settings);
      if ('problem' in checked) {
        const field = checked.problem === 'below_rule' ? 'monthlyFen' : 'baseFen';
        problems.add(i, field, `dues.row.${checked.problem}`, {
          name: member.name, kind: duesKindLabels[item.kind][lang], monthly: yuan(item.monthlyFen ?? 0), rule: yuan(checked.ruleFen ?? 0),
        });
        return null;
      }
      return { personId: item.personId, kind: item.kind, baseFen: item.baseFen ?? null, monthlyFen: checked.monthlyFen, reason: item.reason ?? null };
    });
    problems.refuse(lang);
    const ids = input.items.map((r) => r.personId);
    const before = await w.tx.select().from(duesBases).where(and(eq(duesBases.countyId, org.countyId), eq(duesBases.year, input.year), inArray(duesBases.personId, ids)));
    for (const row of rows) {
      // A member who moved here mid-year is collected from here from now on.
      const values = { ...row!, orgId: org.id, orgPath: org.path, updatedAt: w.now };
      await w.tx.insert(duesBases).values({ countyId: org.countyId, year: input.year, ...values })
        .onConflictDoUpdate({ target: [duesBases.countyId, duesBases.personId, duesBases.year], set: values });
    }
    const snapshot = (r: { personId: string; kind: string; baseFen: number | null; monthlyFen: number; reason: string | null }) =>
      ({ personId: r.personId, kind: r.kind, baseFen: r.baseFen, monthlyFen: r.monthlyFen, reason: r.reason });
    w.audit({
      action: 'dues.bases', entityType: 'dues_bases', entityId: org.id, entityLabel: `${orgLabel(org)} ${input.year}`, orgPath: org.path, postId: post.postId,
      before: before.map(snapshot), after: rows.map((r) => snapshot(r!)),
    });
  });
  return getBases(ctx, { org: input.orgCode, year: input.year });
}
