/**
 * The accountability events as a workbook: the county's notice (通报) of townships that let reports lapse or
 * deadlines pass is drafted from it, so it holds the counts per township and then every event with its
 * township, village, kind, the period or item, and the day it fell due.
 */
import type { AccountabilityView } from './cases/contracts.js';
import { reportPeriodName } from './cases/rules.js';

export const accountabilityKindLabels: Record<AccountabilityView['events'][number]['kind'], string> = {
  missed_report: '未按期报送进展',
  overdue_item: '整改事项逾期未完成',
  overdue_case: '整顿期满未申请验收',
};

export async function accountabilityWorkbook(view: AccountabilityView): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = (name: string, columns: [string, number][], rows: (string | number)[][]) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = columns.map(([header, width]) => ({ header, width }));
    ws.getRow(1).font = { bold: true };
    for (const row of rows) ws.addRow(row);
  };
  sheet('按乡镇', [['乡镇（街道）', 22], ['编号', 12], ['未按期报送', 12], ['逾期事项', 12], ['逾期未申请验收', 16], ['合计', 10]],
    view.byTownship.map((t) => [t.name, t.code, t.missedReports, t.overdueItems, t.overdueCases, t.missedReports + t.overdueItems + t.overdueCases]));
  sheet('问责事项', [['乡镇（街道）', 22], ['党组织', 24], ['编号', 16], ['事项类别', 20], ['期次或事项', 40], ['应完成日期', 14]],
    view.events.map((e) => [e.township?.name ?? '', e.org.name, e.org.code, accountabilityKindLabels[e.kind], e.kind === 'missed_report' ? reportPeriodName(e.what, 'zh') : e.what, e.day]));
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
