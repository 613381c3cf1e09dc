/**
 * Reading the cells of an import as people fill them in: each parser takes the cell as the file
 * gives it (trimmed text, or a number or Date from a workbook) and answers a normalized value or a
 * reason code. Empty cells are the caller's business (required or optional).
 */
import { formatDate, isRealDay } from '../dates.js';
import { accept, refuse, type Parsed } from '../parsed.js';

export type Cell = string | number | Date;

/** The cell as text without any white space (people pad and split values freely). */
export const cellText = (cell: Cell) => (typeof cell === 'string' ? cell.replace(/\s/g, '') : String(cell));

export type DateProblem = 'format' | 'impossible';

/** Days from Excel's day 0 (1899-12-30, given its fictitious 1900-02-29) to 1970-01-01. */
const EXCEL_EPOCH_OFFSET = 25_569;

const datePatterns = [
  /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})$/,
  /^(\d{4})(\d{2})(\d{2})$/,
  /^(\d{4})年(\d{1,2})月(\d{1,2})[日号]?$/,
];

/**
 * A date as 'YYYY-MM-DD' from 2019-01-05, 2019/1/5, 2019.01.05, 20190105, 2019年1月5日 (a time of
 * day after it is ignored), an Excel serial number (43470, as a number or as text) or a Date
 * (exceljs gives UTC midnight).
 */
export function parseDate(cell: Cell): Parsed<string, DateProblem> {
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return refuse('impossible');
    return accept(formatDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()));
  }
  const value = String(cell).trim().replace(/[\sT]+\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?Z?$/, '').replace(/\s/g, '');
  for (const pattern of datePatterns) {
    const m = pattern.exec(value);
    if (!m) continue;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    return isRealDay(year, month, day) ? accept(formatDate(year, month, day)) : refuse('impossible');
  }
  // Five-digit serials are 1927-05-18 to 2173-10-13; shorter numbers are far likelier a bare
  // year (1985) than a day in Excel's first decades, so they are refused rather than guessed.
  if (/^\d{5}(\.\d+)?$/.test(value)) return accept(excelSerialDate(Math.floor(Number(value))));
  return refuse('format');
}

function excelSerialDate(serial: number): string {
  const date = new Date((serial - EXCEL_EPOCH_OFFSET) * 86_400_000);
  return formatDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

const yes = new Set(['是', 'y', 'yes', 'true', '1', '√']);
const no = new Set(['否', 'n', 'no', 'false', '0', '×']);

export function parseYesNo(cell: Cell): Parsed<boolean, 'unknown'> {
  const value = cellText(cell).toLowerCase();
  if (yes.has(value)) return accept(true);
  if (no.has(value)) return accept(false);
  return refuse('unknown');
}

/**
 * A mainland mobile (11 digits from 13–19, with or without +86) or a landline with its area code,
 * kept as 0871-1234567: three-digit area codes are 010 and 02x, the rest have four.
 */
export function parsePhone(cell: Cell): Parsed<string, 'format'> {
  const value = cellText(cell).replace(/[-－—()（）]/g, '').replace(/^(\+|00)?86(?=1\d{10}$)/, '');
  if (/^1[3-9]\d{9}$/.test(value)) return accept(value);
  const landline = /^(010|02\d|0[3-9]\d{2})(\d{7,8})$/.exec(value);
  return landline ? accept(`${landline[1]}-${landline[2]}`) : refuse('format');
}
