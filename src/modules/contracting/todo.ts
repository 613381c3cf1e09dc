/**
 * A team leader's visits still wanted this period; and, for whoever arranges a township's teams,
 * the leaders who fell short in the last period. Only the townships of the user's own posts: the
 * county sees every team on the compliance page, and its home page should not count them all.
 */
import { and, eq, inArray } from 'drizzle-orm';
import { postsWith } from '../../platform/access/actor.js';
import { periodLabel, periodOf, type Period } from '../../platform/cadence/periods.js';
import { chinaDate } from '../../platform/clock.js';
import { addDays } from '../../platform/dates.js';
import { t } from '../../platform/i18n/index.js';
import type { ServiceContext } from '../../platform/service.js';
import type { TodoItem, TodoProvider } from '../../platform/todo/todo.js';
import { organizations } from '../organizations/schema.js';
import { contractingSettings, namesOf, visitCounts, type TeamRow } from './queries.js';
import { quotaCell, remaining, yearSpan } from './rules.js';
import { contractingTeams } from './schema.js';

/** The quota period holding `day`, cut to the day's year. */
function periodIn(unit: Period['unit'], day: string): Period {
  const p = periodOf(unit, day);
  const span = yearSpan(Number(day.slice(0, 4)));
  return { ...p, start: p.start < span.start ? span.start : p.start, end: p.end > span.end ? span.end : p.end };
}

async function teamsWhere(ctx: ServiceContext, where: ReturnType<typeof and>): Promise<(TeamRow & { code: string })[]> {
  const found = await ctx.db.select({ team: contractingTeams, code: organizations.code }).from(contractingTeams)
    .innerJoin(organizations, and(eq(organizations.countyId, contractingTeams.countyId), eq(organizations.id, contractingTeams.orgId)))
    .where(and(eq(contractingTeams.countyId, ctx.actor.countyId), where))
    .orderBy(contractingTeams.orgPath, contractingTeams.name);
  return found.map((f) => ({ ...f.team, code: f.code }));
}

export const contractingTodos: TodoProvider = async (ctx, lang) => {
  const today = chinaDate(ctx.clock.now());
  const settings = await contractingSettings(ctx.db, ctx.actor.countyId);
  const items: TodoItem[] = [];

  const current = periodIn(settings.period, today);
  const led = ctx.actor.personId
    ? await teamsWhere(ctx, and(eq(contractingTeams.leaderId, ctx.actor.personId), eq(contractingTeams.year, Number(today.slice(0, 4)))))
    : [];
  const held = await visitCounts(ctx.db, ctx.actor.countyId, led, [current], settings.memberVisitsCount);
  for (const team of led) {
    const left = remaining(quotaCell(current, held.get(team.id)!.held[0]!, settings, today));
    if (left === 0) continue;
    items.push({
      kind: 'contracting.quota', title: t(lang, 'contracting.todo.remaining', { team: team.name, period: periodLabel(current, lang), count: left }),
      link: `/contracting?org=${team.code}`, due: current.end,
    });
  }

  const townships = postsWith(ctx.actor, 'contracting.manage').map((p) => p.orgId);
  if (townships.length === 0) return items;
  const previous = periodIn(settings.period, addDays(periodOf(settings.period, today).start, -1));
  const arranged = await teamsWhere(ctx, and(inArray(contractingTeams.orgId, townships), eq(contractingTeams.year, Number(previous.start.slice(0, 4)))));
  const counts = await visitCounts(ctx.db, ctx.actor.countyId, arranged, [previous], settings.memberVisitsCount);
  const short = arranged.filter((team) => quotaCell(previous, counts.get(team.id)!.held[0]!, settings, today).status === 'overdue');
  const leaders = await namesOf(ctx.db, ctx.actor.countyId, short.map((s) => s.leaderId));
  for (const code of [...new Set(short.map((s) => s.code))]) {
    const ofTownship = short.filter((s) => s.code === code);
    items.push({
      kind: 'contracting.missed', overdue: true, link: `/contracting?org=${code}&week=${periodOf('week', previous.start).key}`,
      title: t(lang, 'contracting.todo.missed', {
        period: periodLabel(previous, lang), count: ofTownship.length,
        names: ofTownship.map((s) => `${leaders.get(s.leaderId)?.name ?? ''}（${s.name}）`).join(lang === 'zh' ? '、' : ', '),
      }),
    });
  }
  return items;
};
