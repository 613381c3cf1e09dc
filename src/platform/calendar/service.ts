/** A county's work calendar by year: read by everyone, kept by the county administrator (edited, imported, reverted). */
import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { grantingPost, permission, type Actor, type Permission } from '../access/actor.js';
import { chinaDate } from '../clock.js';
import { counties } from '../db/counties.js';
import type { Db } from '../db/database.js';
import { forbidden, invalid } from '../errors.js';
import { t, type Lang } from '../i18n/index.js';
import { write, type ServiceContext } from '../service.js';
import type { CalendarDay } from './calendar.js';
import type { CalendarYearsView, CalendarYearView } from './contracts.js';
import { nationalCalendars } from './national.js';
import { checkCalendarYear, normalizedDays, workingDaysOf, type DayProblem } from './rules.js';
import { calendarYears } from './schema.js';
import { calendarDaySchema } from './store.js';

/**
 * The county root's path. The platform knows no organizations, but every path starts with the
 * root's own segment ('1.7.42.' lies under '1.'), and the root never moves.
 */
const rootPath = (actor: Actor): string | undefined => actor.posts[0]?.orgPath.replace(/^(\d+\.).*$/, '$1');

/** The county's configuration is its administrator's: whoever manages the root organization. */
function editPermission(actor: Actor): Permission {
  const root = rootPath(actor);
  return root === undefined ? { allowed: false, reason: 'no_ability' } : permission(actor, 'org.manage', root);
}

export async function adminPost(ctx: ServiceContext) {
  const root = rootPath(ctx.actor);
  const post = root === undefined ? undefined : grantingPost(ctx.actor, 'org.manage', root);
  if (!post || root === undefined) throw forbidden('calendar.forbidden');
  const [county] = await ctx.db.select({ name: counties.name }).from(counties).where(eq(counties.id, ctx.actor.countyId));
  return { post, root, countyName: county?.name ?? '' };
}

async function ownYear(db: Db, countyId: string, year: number) {
  const [row] = await db.select().from(calendarYears).where(and(eq(calendarYears.countyId, countyId), eq(calendarYears.year, year)));
  return row ? { source: row.source as 'imported' | 'edited', days: z.array(calendarDaySchema).parse(row.days) } : undefined;
}

export async function getCalendarYear(ctx: ServiceContext, year: number, lang: Lang): Promise<CalendarYearView> {
  const can = { edit: editPermission(ctx.actor) };
  const own = await ownYear(ctx.db, ctx.actor.countyId, year);
  const national = nationalCalendars.get(year);
  const found = own ?? (national ? { source: 'national' as const, days: [...national] } : undefined);
  if (!found) return { year, source: null, days: [], workingDays: null, message: t(lang, 'calendar.year_missing', { year }), can };
  return { year, source: found.source, days: found.days, workingDays: workingDaysOf(year, found.days), message: null, can };
}

/** Years with a calendar, the county's own or the national one. */
export async function listCalendarYears(ctx: ServiceContext): Promise<CalendarYearsView> {
  const own = await ctx.db.select({ year: calendarYears.year, source: calendarYears.source }).from(calendarYears).where(eq(calendarYears.countyId, ctx.actor.countyId));
  const items = new Map<number, CalendarYearsView['items'][number]>();
  for (const year of nationalCalendars.keys()) items.set(year, { year, source: 'national' });
  for (const r of own) items.set(r.year, { year: r.year, source: r.source as 'imported' | 'edited' });
  return { items: [...items.values()].sort((a, b) => a.year - b.year), can: { edit: editPermission(ctx.actor) } };
}

/** Refuses days that break the rules, each problem on the day's field as the request names it. */
function refuseDays(problems: DayProblem[], lang: Lang): void {
  if (problems.length === 0) return;
  const fields = problems.map((p) => ({ path: `body.days.${p.index}.${p.field}`, key: p.key, params: { ...p.params, row: p.index + 1 } }));
  const detail = problems.map((p) => t(lang, p.key, p.params)).join(lang === 'zh' ? '；' : '; ');
  throw invalid('calendar.invalid_days', { detail }, fields);
}

/** Stores a year as the county's own, replacing what it had; the caller has checked the days. */
export async function storeCalendarYear(ctx: ServiceContext, year: number, days: CalendarDay[], source: 'imported' | 'edited', lang: Lang): Promise<CalendarYearView> {
  const { post, root, countyName } = await adminPost(ctx);
  const stored = normalizedDays(days);
  await write(ctx, async (w) => {
    const before = (await ownYear(w.tx, ctx.actor.countyId, year)) ?? { source: nationalCalendars.has(year) ? 'national' : null, days: nationalCalendars.get(year) ?? [] };
    await w.tx.insert(calendarYears).values({ countyId: ctx.actor.countyId, year, days: stored, source, updatedBy: ctx.actor.userId, updatedAt: w.now })
      .onConflictDoUpdate({ target: [calendarYears.countyId, calendarYears.year], set: { days: stored, source, updatedBy: ctx.actor.userId, updatedAt: w.now } });
    w.audit({ action: `calendar.${source === 'edited' ? 'edit' : 'import'}`, entityType: 'calendar_year', entityId: String(year), entityLabel: `${countyName}${year}年工作日历`, orgPath: root, postId: post.postId, before, after: { source, days: stored } });
  });
  return getCalendarYear(ctx, year, lang);
}

export async function saveCalendarYear(ctx: ServiceContext, year: number, days: CalendarDay[], lang: Lang): Promise<CalendarYearView> {
  await adminPost(ctx);
  refuseDays(checkCalendarYear(year, days), lang);
  return storeCalendarYear(ctx, year, days, 'edited', lang);
}

/** Back to the national calendar for the year (or to none, for a year the code lacks). */
export async function revertCalendarYear(ctx: ServiceContext, year: number, lang: Lang): Promise<CalendarYearView> {
  const { post, root, countyName } = await adminPost(ctx);
  await write(ctx, async (w) => {
    const before = await ownYear(w.tx, ctx.actor.countyId, year);
    if (!before) return;
    await w.tx.delete(calendarYears).where(and(eq(calendarYears.countyId, ctx.actor.countyId), eq(calendarYears.year, year)));
    w.audit({ action: 'calendar.revert', entityType: 'calendar_year', entityId: String(year), entityLabel: `${countyName}${year}年工作日历`, orgPath: root, postId: post.postId, before, after: { source: nationalCalendars.has(year) ? 'national' : null } });
  });
  return getCalendarYear(ctx, year, lang);
}

/** The year whose national days the template shows: the current one. */
export const currentYear = (ctx: ServiceContext) => Number(chinaDate(ctx.clock.now()).slice(0, 4));
