import { can } from '../../../platform/access/actor.js';
import { chinaDate } from '../../../platform/clock.js';
import { forbidden, invalid } from '../../../platform/errors.js';
import type { ServiceContext } from '../../../platform/service.js';
import { scopeRoots, visibleOrg, type OrgRow } from '../../organizations/queries.js';
import type { OrgType } from '../../organizations/rules.js';
import { figuresOf, type Figures, type Lang } from './figures.js';
import { childrenOn, countMembers, countOrganizations } from './query.js';
import { defaultAgeEdges } from './rules.js';
import { tallyMembers } from './tallied.js';

export interface StatisticsRequest {
  orgCode?: string;
  asOf?: string;
  ageEdges?: readonly number[];
  lang: Lang;
}

export interface MemberStatistics extends Figures {
  org: { code: string; name: string; type: OrgType };
  asOf: string;
  ageEdges: number[];
  /** The same figures per direct child; with the organization's own members, they add up to it. */
  children: ({ code: string; name: string; type: OrgType; own: boolean } & Figures)[];
}

/**
 * Party statistics of an organization's subtree as of a day (default today), from the member
 * records themselves: memberships open that day, at the stage each had reached that day.
 */
export async function memberStatistics(ctx: ServiceContext, request: StatisticsRequest): Promise<MemberStatistics> {
  const today = chinaDate(ctx.clock.now());
  const asOf = request.asOf ?? today;
  if (asOf > today) throw invalid('statistics.future_date', { asOf, today }, [{ path: 'asOf', key: 'statistics.future_date', params: { asOf, today } }]);
  const org = request.orgCode ? await visibleOrg(ctx, request.orgCode) : await widestScope(ctx);
  if (!can(ctx.actor, 'person.read', org.path)) throw forbidden();
  const ageEdges = [...(request.ageEdges ?? defaultAgeEdges)];
  const subtree = { countyId: org.countyId, path: org.path };
  // Today is read from the maintained breakdowns; another day needs the rows open that day.
  const groups = asOf === today
    ? await tallyMembers(ctx.db, { ...subtree, orgId: org.id }, today, ageEdges)
    : await countMembers(ctx.db, subtree, asOf, ageEdges);
  const orgCounts = await countOrganizations(ctx.db, subtree, asOf);
  const children = await childrenOn(ctx.db, org.countyId, org.id, asOf);
  const figures = (seqs: (seq: string) => boolean) => figuresOf(groups, orgCounts, seqs, ageEdges, request.lang);
  const own = groups.some((g) => g.seq === '' && g.n > 0)
    ? [{ code: org.code, name: request.lang === 'zh' ? `${org.name}（本级）` : `${org.name} (own)`, type: org.type as OrgType, own: true, ...figures((s) => s === '') }]
    : [];
  return {
    org: { code: org.code, name: org.name, type: org.type as OrgType },
    asOf,
    ageEdges,
    ...figures(() => true),
    children: [
      ...children.map((c) => ({ code: c.code, name: c.name, type: c.type as OrgType, own: false, ...figures((s) => s === c.seq) })),
      ...own,
    ],
  };
}

/** The top organization of the widest subtree whose people the actor may read. */
async function widestScope(ctx: ServiceContext): Promise<OrgRow> {
  const [org] = await scopeRoots(ctx, 'person.read');
  if (!org) throw forbidden();
  return org;
}
