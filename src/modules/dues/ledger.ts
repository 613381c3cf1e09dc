/**
 * The branch's dues register (党费收缴台账) for a year, as a county office keeps it on paper: a row
 * per member with the month's amount paid in each month's column, totals below; a second sheet with
 * what was remitted up and spent, and the balance. Amounts are 元 with two decimals, from whole fen.
 */
import { and, eq, inArray } from 'drizzle-orm';
import type { Worksheet } from 'exceljs';
import { chinaDate } from '../../platform/clock.js';
import type { ServiceContext } from '../../platform/service.js';
import type { OrgRow } from '../organizations/queries.js';
import { duesRecords, membersBetween, readableOrg } from './queries.js';
import { yearAccount } from './published.js';
import { duesKindLabels, usePurposeLabels, yearMonths, type DuesKind, type UsePurpose } from './rules.js';
import { duesBases } from './schema.js';

const YUAN = '0.00';
const yuanOf = (fen: number) => fen / 100;

/** A title across `width` columns, then the header row in bold. */
function heading(sheet: Worksheet, title: string, headers: string[]): void {
  const titleRow = sheet.addRow([title]);
  sheet.mergeCells(titleRow.number, 1, titleRow.number, headers.length);
  titleRow.font = { bold: true, size: 14 };
  titleRow.alignment = { horizontal: 'center' };
  sheet.addRow(headers).font = { bold: true };
}

/** Marks the cells of the given columns (1-based) of a row as 元. */
function asYuan(sheet: Worksheet, rowNumber: number, columns: number[]): void {
  for (const c of columns) sheet.getRow(rowNumber).getCell(c).numFmt = YUAN;
}

export async function duesLedger(ctx: ServiceContext, query: { org: string; year: number }): Promise<{ org: OrgRow; workbook: Buffer }> {
  const org = await readableOrg(ctx, query.org);
  const months = yearMonths(query.year);
  const members = await membersBetween(ctx.db, org, `${query.year}-01-01`, `${query.year}-12-31`);
  const ids = members.map((m) => m.id);
  const bases = ids.length === 0 ? [] : await ctx.db.select({ personId: duesBases.personId, kind: duesBases.kind, monthlyFen: duesBases.monthlyFen }).from(duesBases)
    .where(and(eq(duesBases.countyId, org.countyId), eq(duesBases.year, query.year), inArray(duesBases.personId, ids)));
  const baseOf = new Map(bases.map((b) => [b.personId, b]));
  const account = await yearAccount(ctx.db, org, query.year);
  const paid = new Map(account.payments.map((p) => [`${p.personId}|${p.month}`, p.amountFen]));
  // Behind as of the year's last month, or this month while the year runs.
  const thisMonth = chinaDate(ctx.clock.now()).slice(0, 7);
  const asOf = months.at(-1)! < thisMonth ? months.at(-1)! : thisMonth;
  const records = await duesRecords(ctx.db, org.countyId, ids, asOf);

  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const register = workbook.addWorksheet('党费收缴台账', { views: [{ state: 'frozen', ySplit: 2, xSplit: 2 }] });
  const headers = ['序号', '姓名', '计缴类别', '月缴金额（元）', ...months.map((m) => `${Number(m.slice(5))}月`), '合计（元）', '连续未缴月数'];
  register.columns = headers.map((h, i) => ({ width: i === 0 ? 6 : i === 1 ? 10 : i === 2 ? 16 : h.length > 3 ? 12 : 8 }));
  heading(register, `${org.name}${query.year}年党费收缴台账`, headers);
  const amountColumns = [4, ...months.map((_, i) => 5 + i), 5 + months.length];
  const monthTotals = months.map(() => 0);
  let monthlyTotal = 0;
  members.forEach((m, n) => {
    const base = baseOf.get(m.id);
    const cells = months.map((month, i) => {
      const fen = paid.get(`${m.id}|${month}`);
      if (fen !== undefined) monthTotals[i]! += fen;
      return fen === undefined ? null : yuanOf(fen);
    });
    const totalFen = months.reduce((sum, month) => sum + (paid.get(`${m.id}|${month}`) ?? 0), 0);
    monthlyTotal += base?.monthlyFen ?? 0;
    const row = register.addRow([
      n + 1, m.name, base ? duesKindLabels[base.kind as DuesKind].zh : '未核定', base ? yuanOf(base.monthlyFen) : null, ...cells, yuanOf(totalFen), records.behind(m.id),
    ]);
    asYuan(register, row.number, amountColumns);
  });
  const totalRow = register.addRow([null, '合计', null, yuanOf(monthlyTotal), ...monthTotals.map(yuanOf), yuanOf(account.totals.collectedFen), null]);
  totalRow.font = { bold: true };
  asYuan(register, totalRow.number, amountColumns);

  const flows = workbook.addWorksheet('上缴与使用');
  flows.columns = [{ width: 12 }, { width: 14 }, { width: 30 }, { width: 20 }, { width: 24 }];
  heading(flows, `${org.name}${query.year}年党费上缴与使用`, ['所属月份', '上缴金额（元）', '上缴日期', '上缴至', '备注']);
  for (const { r, to } of account.sent) asYuan(flows, flows.addRow([r.month, yuanOf(r.amountFen), r.remittedOn, to.name, r.note]).number, [2]);
  asYuan(flows, flows.addRow(['小计', yuanOf(account.totals.remittedFen)]).number, [2]);
  flows.addRow([]);
  flows.addRow(['使用日期', '金额（元）', '用途', '说明']).font = { bold: true };
  for (const u of account.uses) asYuan(flows, flows.addRow([u.usedOn, yuanOf(u.amountFen), usePurposeLabels[u.purpose as UsePurpose].zh, u.description]).number, [2]);
  asYuan(flows, flows.addRow(['小计', yuanOf(account.totals.usedFen)]).number, [2]);
  flows.addRow([]);
  const summary: [string, number][] = [
    ['上年结余', account.totals.openingFen],
    ['本年收缴', account.totals.collectedFen],
    ['收到下级上缴', account.totals.receivedFen],
    ['本年上缴', account.totals.remittedFen],
    ['本年使用', account.totals.usedFen],
    ['年末结余', account.totals.balanceFen],
  ];
  for (const [label, fen] of summary) asYuan(flows, flows.addRow([label, yuanOf(fen)]).number, [2]);
  return { org, workbook: Buffer.from(await workbook.xlsx.writeBuffer()) };
}
