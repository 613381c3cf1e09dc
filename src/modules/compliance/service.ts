/**
 * Compliance with a cadence rule over a subtree and a span of periods: every subject's count and
 * status per period, how many are done, due or overdue in each period, and the same rolled up per
 * direct child (village → township → county).
 */
import { chinaDate } from '../../platform/clock.js';
import { periodLabel, periodsBetween, type Period } from '../../platform/cadence/periods.js';
import { cellStatus, type CellStatus } from '../../platform/cadence/status.js';
import { rows } from '../../platform/db/database.js';
import { formatDate } from '../../platform/dates.js';
import { invalid, notFound } from '../../platform/errors.js';
import type { Lang } from '../../platform/i18n/index.js';
import type { ServiceContext } from '../../platform/service.js';
import { scopeRoots, visibleOrg } from '../organizations/queries.js';
import type { CadenceRule } from './catalogue.js';
import type { ComplianceView } from './contracts.js';
import { matrixSql, type SubjectCounts } from './query.js';
import { ruleView, rulesInForce } from './rules.js';

/** A matrix wider than this is no longer readable (three years of weeks is 157). */
export const MAX_PERIODS = 160;

export interface ComplianceInput {
  rule: string;
  org?: string;
  from?: string;
  to?: string;
}

/** The day within a period from which a rule "normally in month M" is due. */
export function dueFrom(rule: Pick<CadenceRule, 'dueFromMonth'>, period: Period): string | undefined {
  if (!rule.dueFromMonth) return undefined;
  const day = formatDate(Number(period.start.slice(0, 4)), rule.dueFromMonth, 1);
  return day > period.start && day <= period.end ? day : undefined;
}

const existsIn = (s: SubjectCounts, p: Period) => s.establishedOn <= p.end && (s.dissolvedOn === null || s.dissolvedOn > p.start);

export async function compliance(ctx: ServiceContext, input: ComplianceInput, lang: Lang): Promise<ComplianceView> {
  const rule = (await rulesInForce(ctx.db, ctx.actor.countyId)).find((r) => r.id === input.rule);
  if (!rule) throw notFound('compliance.rule_not_found', { id: input.rule });
  const scopes = await scopeRoots(ctx, 'org.read');
  if (scopes.length === 0) throw notFound();
  const org = input.org ? await visibleOrg(ctx, input.org) : scopes[0]!;
  const today = chinaDate(ctx.clock.now());
  const from = input.from ?? `${today.slice(0, 4)}-01-01`;
  const to = input.to ?? today;
  if (from > to) throw invalid('compliance.span_reversed', { from, to }, [{ path: 'querystring.to', key: 'compliance.span_reversed', params: { from, to } }]);
  const periods = periodsBetween(rule.period, from, to);
  if (periods.length > MAX_PERIODS) {
    throw invalid('compliance.span_too_long', { max: MAX_PERIODS }, [{ path: 'querystring.from', key: 'compliance.span_too_long', params: { max: MAX_PERIODS } }]);
  }

  const [found] = await rows<{ subjects: string }>(ctx.db, matrixSql({ countyId: org.countyId, id: org.id, path: org.path }, rule, periods));
  const subjects = JSON.parse(found!.subjects) as SubjectCounts[];
  const matrix = subjects.map((s) => ({
    org: { code: s.code, name: s.name },
    under: s.underCode ? { code: s.underCode, name: s.underName! } : null,
    cells: periods.map((p, i) => {
      if (!existsIn(s, p)) return null;
      const held = s.held[String(i)] ?? 0;
      return { held, status: cellStatus({ period: p, held, min: rule.min, dueFrom: dueFrom(rule, p) }, today) };
    }),
  }));

  const count = (cells: ({ status: CellStatus } | null)[], status: CellStatus) => cells.filter((c) => c?.status === status).length;
  const summary = periods.map((p, i) => {
    const column = matrix.map((r) => r.cells[i]!);
    return { period: p.key, done: count(column, 'done'), due: count(column, 'due'), overdue: count(column, 'overdue'), notDue: count(column, 'not_due') };
  });
  const groups = new Map<string, { code: string; name: string; rows: typeof matrix }>();
  for (const row of matrix) {
    const under = row.under ?? { code: org.code, name: org.name };
    const group = groups.get(under.code) ?? { ...under, rows: [] };
    group.rows.push(row);
    groups.set(under.code, group);
  }
  const rollup = [...groups.values()].map((g) => {
    const cells = g.rows.flatMap((r) => r.cells);
    return { code: g.code, name: g.name, subjects: g.rows.length, overdue: count(cells, 'overdue'), due: count(cells, 'due'), done: count(cells, 'done') };
  });

  return {
    rule: ruleView(rule, lang),
    org: { code: org.code, name: org.name },
    periods: periods.map((p) => ({ key: p.key, label: periodLabel(p, lang), start: p.start, end: p.end })),
    rows: matrix,
    summary,
    rollup,
  };
}
