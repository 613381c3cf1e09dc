/** The statistics as a workbook: the totals, then one sheet per breakdown, each row with the same figures. */
import type { ConcernFigures, StatisticsView } from './contracts.js';

const headers = ['受理', '已答复', '按期答复', '超期', '满意（含基本满意）', '已评价', '满意率', '按期答复率'];
const figures = (f: ConcernFigures) => [f.received, f.answered, f.onTime, f.overdue, f.satisfied, f.rated, f.satisfactionRate ?? '', f.onTimeRate ?? ''];

export async function statisticsWorkbook(s: StatisticsView): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, keys: string[], rows: (string | number)[][]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = [...keys, ...headers].map((header, i) => ({ header, width: i < keys.length ? 22 : 12 }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row);
    // Rates are shares: shown as percentages, stored as numbers so they can be summed and charted.
    for (const column of [keys.length + 7, keys.length + 8]) ws.getColumn(column).numFmt = '0.0%';
  };
  sheet('合计', ['组织', '时段'], [[`${s.org.name}（${s.org.code}）`, `${s.from} 至 ${s.to}`, ...figures(s)]]);
  sheet('按类别', ['类别'], s.byCategory.map((c) => [c.name, ...figures(c)]));
  sheet('按乡镇', ['乡镇', '编号'], s.byTownship.map((t) => [t.name, t.code, ...figures(t)]));
  sheet('按村（社区）', ['村（社区）', '编号', '乡镇'], s.byVillage.map((v) => [v.name, v.code, v.township, ...figures(v)]));
  sheet('按月', ['受理月份'], s.trend.map((m) => [m.month, ...figures(m)]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
