/**
 * The petition register (信访登记簿): what the reader may see, filtered by state, lateness, channel
 * and year, newest first, with the counts of open and overdue matters; and the same as a workbook.
 */
import { and, count, desc, eq, inArray, lt, sql, type SQL } from 'drizzle-orm';
import ExcelJS from 'exceljs';
import { postsWith } from '../../platform/access/actor.js';
import { chinaDate } from '../../platform/clock.js';
import type { ServiceContext } from '../../platform/service.js';
import type { ListQuery, PetitionListView } from './contracts.js';
import { registerRows, summaryOf } from './queries.js';
import { openStates, type PetitionState } from './rules.js';
import { petitions } from './schema.js';
import { petitionVisible } from './visibility.js';

const PAGE_SIZE = 50;
export const EXPORT_LIMIT = 20_000;

function filters(ctx: ServiceContext, q: ListQuery, today: string): SQL {
  const conditions: (SQL | undefined)[] = [
    petitionVisible(ctx.actor),
    q.state === 'open' ? inArray(petitions.state, [...openStates]) : q.state ? eq(petitions.state, q.state) : undefined,
    q.overdue === 'true' ? lt(petitions.dueOn, today) : undefined,
    q.overdue === 'false' ? sql`(${petitions.dueOn} is null or ${petitions.dueOn} >= ${today})` : undefined,
    q.channel ? eq(petitions.channel, q.channel) : undefined,
    q.year ? sql`extract(year from ${petitions.receivedOn}) = ${q.year}` : undefined,
  ];
  return and(...conditions)!;
}

const newestFirst = [desc(petitions.receivedOn), desc(petitions.number)];

export async function listPetitions(ctx: ServiceContext, q: ListQuery): Promise<PetitionListView> {
  const today = chinaDate(ctx.clock.now());
  const page = q.page ?? 1;
  const where = filters(ctx, q, today);
  const visible = petitionVisible(ctx.actor);
  const [rows, [total], [counts]] = await Promise.all([
    registerRows(ctx.db, where).orderBy(...newestFirst).limit(PAGE_SIZE).offset((page - 1) * PAGE_SIZE),
    ctx.db.select({ n: count() }).from(petitions).where(where),
    ctx.db.select({
      open: sql<number>`count(*) filter (where ${inArray(petitions.state, [...openStates])})::int`,
      overdue: sql<number>`count(*) filter (where ${lt(petitions.dueOn, today)})::int`,
    }).from(petitions).where(visible),
  ]);
  return {
    items: rows.map((r) => summaryOf(r, today)),
    page,
    pageSize: PAGE_SIZE,
    total: total?.n ?? 0,
    counts: { open: counts?.open ?? 0, overdue: counts?.overdue ?? 0 },
    can: { register: postsWith(ctx.actor, 'petition.register').length > 0 ? { allowed: true } : { allowed: false, reason: 'no_ability' } },
  };
}

export const stateLabels: Record<PetitionState, string> = {
  registered: '待决定是否受理', not_accepted: '不予受理', handling: '办理中', replied: '已书面答复', reviewing: '复查中', reviewed: '已复查',
  re_reviewing: '复核中', re_reviewed: '已复核（终结）', closed: '已办结',
};
const channelLabels = { letter: '来信', visit: '来访', phone: '来电', online: '网上信访', referred: '上级转交办' } as const;
const categoryLabels = {
  land: '土地征收与承包', social_security: '社会保障', infrastructure: '基础设施', environment: '生态环境', dispute: '矛盾纠纷', cadre_conduct: '干部作风', other: '其他',
} as const;

/** The register as a workbook, petitioners masked as on the page: the whole names stay in the audited detail. */
export async function exportRegister(ctx: ServiceContext, q: ListQuery): Promise<Buffer> {
  const today = chinaDate(ctx.clock.now());
  const rows = await registerRows(ctx.db, filters(ctx, q, today)).orderBy(...newestFirst).limit(EXPORT_LIMIT);
  const book = new ExcelJS.Workbook();
  const sheet = book.addWorksheet('信访登记簿');
  sheet.columns = [
    { header: '登记号', width: 12 }, { header: '收到日期', width: 12 }, { header: '来源', width: 12 }, { header: '类别', width: 14 },
    { header: '信访人', width: 14 }, { header: '主要内容', width: 50 }, { header: '办理单位', width: 20 }, { header: '状态', width: 16 },
    { header: '当前期限', width: 12 }, { header: '是否超期', width: 10 },
  ];
  for (const r of rows.map((x) => summaryOf(x, today))) {
    sheet.addRow([r.number, r.receivedOn, channelLabels[r.channel], categoryLabels[r.category], r.petitioners, r.content, r.org.name, stateLabels[r.state], r.dueOn ?? '', r.overdue ? '超期' : '']);
  }
  sheet.getRow(1).font = { bold: true };
  return Buffer.from(await book.xlsx.writeBuffer());
}
