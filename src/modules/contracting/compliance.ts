/**
 * The visit quota per team and period over a township or the county: each leader's counted visits
 * against the quota, with the cadence status of each period. Periods are cut to the year and end with
 * the one holding today; the counts are one statement for all the teams.
 */
import { and, eq, sql } from 'drizzle-orm';
import { inScope } from '../../platform/access/actor.js';
import { periodLabel } from '../../platform/cadence/periods.js';
import { chinaDate } from '../../platform/clock.js';
import { invalid } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import type { ServiceContext } from '../../platform/service.js';
import { visibleOrg } from '../organizations/queries.js';
import { organizations } from '../organizations/schema.js';
import type { ComplianceView } from './contracts.js';
import { contractingSettings, teamViews, visitCounts } from './queries.js';
import { quotaCell, quotaPeriods, yearSpan } from './rules.js';
import { contractingTeams } from './schema.js';

export async function teamCompliance(ctx: ServiceContext, query: { org: string; year: number; from?: string; to?: string }, lang: Lang): Promise<ComplianceView> {
  const org = await visibleOrg(ctx, query.org);
  const span = yearSpan(query.year);
  const from = query.from ?? span.start;
  const to = query.to ?? span.end;
  if (from > to) throw invalid('contracting.range_reversed', { from, to }, [{ path: 'querystring.to', key: 'contracting.range_reversed', params: { from, to } }]);
  const settings = await contractingSettings(ctx.db, ctx.actor.countyId);
  const today = chinaDate(ctx.clock.now());
  const periods = quotaPeriods(settings.period, query.year, from, to, today);

  const found = await ctx.db.select({ team: contractingTeams, township: { code: organizations.code, name: organizations.name } }).from(contractingTeams)
    .innerJoin(organizations, and(eq(organizations.countyId, contractingTeams.countyId), eq(organizations.id, contractingTeams.orgId)))
    .where(and(inScope(ctx.actor, 'org.read', { county: contractingTeams.countyId, path: contractingTeams.orgPath }),
      sql`${contractingTeams.orgPath} like ${org.path + '%'}`, eq(contractingTeams.year, query.year)))
    .orderBy(contractingTeams.orgPath, contractingTeams.name);
  const teams = found.map((f) => f.team);
  const views = await teamViews(ctx.db, ctx.actor.countyId, teams);
  const counts = await visitCounts(ctx.db, ctx.actor.countyId, teams, periods, settings.memberVisitsCount);
  return {
    org: { code: org.code, name: org.name },
    year: query.year,
    quota: settings,
    periods: periods.map((p) => ({ key: p.key, label: periodLabel(p, lang), start: p.start, end: p.end })),
    teams: views.map((v, i) => ({
      id: v.id, name: v.name, township: found[i]!.township, leader: v.leader, villages: v.villages,
      cells: periods.map((p, j) => quotaCell(p, counts.get(v.id)!.held[j]!, settings, today)),
    })),
  };
}
