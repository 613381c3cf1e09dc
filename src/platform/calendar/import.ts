/**
 * A year of the work calendar from a file (xlsx, or CSV in UTF-8 or GB18030) of rows 日期, 类型, 名称:
 * every row checked first and the problems reported by row and column; the year is replaced only
 * when there are none.
 */
import { openTableFile, type TableRow } from '../files/table-file.js';
import { parseDate } from '../files/cells.js';
import { importTemplate } from '../files/xlsx-template.js';
import { t, type Lang, type MessageKey, type Params } from '../i18n/index.js';
import type { ServiceContext } from '../service.js';
import type { CalendarDay } from './calendar.js';
import type { CalendarImportReport } from './contracts.js';
import { nationalCalendars } from './national.js';
import { calendarKindLabels, checkCalendarYear, kindOfCell } from './rules.js';
import { adminPost, storeCalendarYear } from './service.js';

export const calendarColumns = { date: '日期', kind: '类型', name: '名称' } as const;
const MAX_ROWS = 366;

interface Problem { rowNumber: number; column: string; value: string; key: MessageKey; params?: Params }

/** Each row read on its own; a row with an unreadable cell yields no day. */
function readRows(rows: TableRow[], problems: Problem[]): { row: TableRow; day: CalendarDay }[] {
  const days: { row: TableRow; day: CalendarDay }[] = [];
  for (const row of rows) {
    const cell = (c: keyof typeof calendarColumns) => row.values[calendarColumns[c]] ?? '';
    const fail = (c: keyof typeof calendarColumns, key: MessageKey, params?: Params) => problems.push({ rowNumber: row.rowNumber, column: calendarColumns[c], value: cell(c), key, params });
    const date = cell('date') === '' ? undefined : parseDate(cell('date'));
    if (!date) fail('date', 'calendar.cell_required');
    else if (!date.ok) fail('date', 'calendar.bad_date', { value: cell('date') });
    const kind = kindOfCell(cell('kind'));
    if (cell('kind') === '') fail('kind', 'calendar.cell_required');
    else if (!kind) fail('kind', 'calendar.bad_kind', { value: cell('kind') });
    if (date?.ok && kind) days.push({ row, day: { date: date.value, kind, name: cell('name') } });
  }
  return days;
}

export async function importCalendarYear(ctx: ServiceContext, year: number, file: { content: Buffer; fileName: string; commit: boolean }, lang: Lang)
  : Promise<CalendarImportReport> {
  await adminPost(ctx);
  const table = await openTableFile(file.content, file.fileName, {
    requiredHeaders: Object.values(calendarColumns), maxRows: MAX_ROWS,
  });
  const rows: TableRow[] = [];
  for await (const row of table.rows) rows.push(row);
  const problems: Problem[] = [];
  const read = readRows(rows, problems);
  for (const p of checkCalendarYear(year, read.map((r) => r.day))) {
    const { row } = read[p.index]!;
    // Within the file, the other row of a duplicate is named by its row number, not its place in the list.
    const params = p.key === 'calendar.duplicate_date' ? { ...p.params, other: read[Number(p.params!.other) - 1]!.row.rowNumber } : p.params;
    const column = calendarColumns[p.field];
    problems.push({ rowNumber: row.rowNumber, column, value: row.values[column] ?? '', key: p.key, params });
  }
  problems.sort((a, b) => a.rowNumber - b.rowNumber);
  const days = read.map((r) => r.day);
  const committed = file.commit && problems.length === 0;
  if (committed) await storeCalendarYear(ctx, year, days, 'imported', lang);
  return {
    format: table.format,
    encoding: table.encoding ?? null,
    rows: rows.length,
    holidays: days.filter((d) => d.kind === 'holiday').length,
    workdays: days.filter((d) => d.kind === 'workday').length,
    errors: problems.length,
    problems: problems.map((p) => ({ rowNumber: p.rowNumber, column: p.column, value: p.value, message: t(lang, p.key, p.params) })),
    committed,
  };
}

/** The import template, filled with the national days of `year` (none for a year the code lacks). */
export function calendarTemplate(year: number): Promise<Buffer> {
  const days = nationalCalendars.get(year) ?? [];
  return importTemplate('工作日历', [
    { header: calendarColumns.date, required: true, width: 14 },
    { header: calendarColumns.kind, required: true, width: 10, choices: Object.values(calendarKindLabels) },
    { header: calendarColumns.name, required: true, width: 20 },
  ], days.map((d) => [d.date, calendarKindLabels[d.kind], d.name]), [
    '工作日历导入说明',
    '1. 每行一天：放假的日期（含周末放假的日子）和调休上班的周末。其余日期按周一至周五上班、周六周日休息。',
    '2. 类型填“放假”或“上班”；“上班”只能是周六或周日。名称如 春节、国庆节。',
    '3. 日期可写作 2026-02-16、2026/2/16、20260216 或 2026年2月16日，须都在导入的年份内，且不重复。',
    `4. 导入会替换本县该年份的全部日历；模板中已填入 ${year} 年国家法定节假日安排，可按本地调整修改。`,
    '5. 也可另存为 CSV（UTF-8 或 GB18030 编码）后导入。有任何错误都不会写入。',
  ]);
}
