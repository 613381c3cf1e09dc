// exceljs takes ~0.5 s to load: it is imported when a workbook is read, not at start-up.
import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

/** `rowNumber` is the row as the user sees it in Excel: the header row is 1, the first data row 2. */
export interface TableRow {
  rowNumber: number;
  values: Record<string, string>;
}

export interface TableFile {
  format: 'csv' | 'xlsx';
  /** Only for CSV. */
  encoding?: 'utf-8' | 'gb18030';
  /** The file's own header cells, trimmed, empty ones dropped; includes columns the caller ignores. */
  headers: string[];
  rows: TableRow[];
}

export type TableFileErrorCode = 'broken_encoding' | 'missing_headers' | 'empty' | 'unreadable' | 'unknown_format';

export class TableFileError extends Error {
  constructor(
    readonly code: TableFileErrorCode,
    readonly detail: { zh: string; en: string },
  ) {
    super(detail.en);
    this.name = 'TableFileError';
  }
}

export interface ReadTableOptions {
  requiredHeaders: string[];
  optionalHeaders?: string[];
  /** Data rows allowed; default 50000. */
  maxRows?: number;
}

const DEFAULT_MAX_ROWS = 50_000;
const UTF8_BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const SAVE_AS_HINT = {
  zh: '请在 Excel 中“另存为”CSV UTF-8（逗号分隔）或 Excel 工作簿（.xlsx）后重新导入。',
  en: 'Save it from Excel as "CSV UTF-8 (comma delimited)" or as an Excel workbook (.xlsx) and import again.',
};

export async function readTableFile(content: Buffer, fileName: string, options: ReadTableOptions): Promise<TableFile> {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv') {
    const { text, encoding } = decodeCsv(content);
    return { format: 'csv', encoding, ...toTable(parseCsv(text), options) };
  }
  if (extension === 'xlsx') return { format: 'xlsx', ...toTable(await readXlsx(content), options) };
  throw new TableFileError('unknown_format', {
    zh: `不支持的文件类型“${fileName}”，请上传 .xlsx 或 .csv 文件。`,
    en: `Unsupported file type "${fileName}"; upload an .xlsx or .csv file.`,
  });
}

/** RFC 4180 CSV with CRLF line ends. UTF-8 gets a BOM, without which Excel reads it as the local ANSI code page. */
export function encodeCsv(headers: string[], rows: string[][], encoding: 'utf-8' | 'gb18030'): Buffer {
  const field = (value: string) => (/[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value);
  const text = [headers, ...rows].map((record) => record.map(field).join(',') + '\r\n').join('');
  return encoding === 'utf-8' ? Buffer.concat([UTF8_BOM, Buffer.from(text, 'utf8')]) : iconv.encode(text, 'gb18030');
}

// ---- CSV ----

function decodeCsv(content: Buffer): { text: string; encoding: 'utf-8' | 'gb18030' } {
  const hasBom = content.subarray(0, 3).equals(UTF8_BOM);
  const bytes = hasBom ? content.subarray(3) : content;
  const utf8 = tryDecode(bytes, 'utf-8');
  if (utf8 !== undefined) return { text: utf8, encoding: 'utf-8' };
  // A BOM is an explicit claim of UTF-8, so a GB18030 reading would only hide the damage.
  const gb = hasBom ? undefined : tryDecode(bytes, 'gb18030');
  if (gb !== undefined && !gb.includes('\uFFFD')) return { text: gb, encoding: 'gb18030' };

  // Name the spot where the likelier encoding (the one that decodes further) breaks.
  const utf8Bad = firstBadByte(bytes, 'utf-8');
  const gbBad = gb === undefined && !hasBom ? firstBadByte(bytes, 'gb18030') : -1;
  const offset = Math.max(utf8Bad, gbBad, 0) + (hasBom ? 3 : 0);
  const line = content.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
  const byte = `0x${(content[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  throw new TableFileError('broken_encoding', {
    zh: `文件编码无法识别（既不是 UTF-8 也不是 GB18030），第 ${line} 行附近第 ${offset} 字节（${byte}）有乱码。${SAVE_AS_HINT.zh}`,
    en: `The file is neither valid UTF-8 nor GB18030: bad byte ${byte} at offset ${offset}, near line ${line}. ${SAVE_AS_HINT.en}`,
  });
}

function tryDecode(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * Offset of the first byte that cannot be decoded, for a buffer known not to decode.
 * Binary search over prefixes: streaming decode leaves a trailing partial sequence pending
 * instead of failing, so "this prefix fails" is monotonic in the prefix length.
 */
function firstBadByte(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): number {
  const fails = (length: number) => {
    try {
      new TextDecoder(encoding, { fatal: true }).decode(bytes.subarray(0, length), { stream: true });
      return false;
    } catch {
      return true;
    }
  };
  if (!fails(bytes.length)) return bytes.length - 1; // only a sequence truncated at the very end
  let low = 1;
  let high = bytes.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (fails(mid)) high = mid;
    else low = mid + 1;
  }
  return low - 1;
}

function parseCsv(text: string): RawRow[] {
  let records: string[][];
  try {
    // Empty lines stay as records so that indexes match Excel's row numbers (toTable skips them).
    // A leading U+FEFF here is GB18030's own BOM.
    records = parse(text.replace(/^\uFEFF/, ''), { relax_column_count: true, relax_quotes: true, trim: true });
  } catch (error) {
    const line = (error as { lines?: number }).lines;
    throw new TableFileError('unreadable', {
      zh: `CSV 格式有误${line ? `（第 ${line} 行附近，可能是引号不匹配）` : ''}。${SAVE_AS_HINT.zh}`,
      en: `The CSV is malformed${line ? ` near line ${line} (perhaps mismatched quotes)` : ''}. ${SAVE_AS_HINT.en}`,
    });
  }
  return records.map((cells, index) => ({ rowNumber: index + 1, cells }));
}

// ---- XLSX ----

async function readXlsx(content: Buffer): Promise<RawRow[]> {
  const { default: Excel } = await import('exceljs');
  const workbook = new Excel.Workbook();
  try {
    // exceljs declares its own global `Buffer` (extends ArrayBuffer) that no Node Buffer type-checks against.
    await workbook.xlsx.load(content as unknown as Parameters<typeof workbook.xlsx.load>[0]);
  } catch {
    throw new TableFileError('unreadable', {
      zh: `无法读取该 Excel 文件，文件可能已损坏，或并非 .xlsx 格式（旧版 .xls 需先另存为 .xlsx）。`,
      en: 'The Excel file cannot be read: it may be damaged or not really .xlsx (save an old .xls as .xlsx first).',
    });
  }
  const rows: RawRow[] = [];
  workbook.worksheets[0]?.eachRow((row) => {
    const cells: string[] = [];
    for (let column = 1; column <= row.cellCount; column++) cells.push(cellText(row.getCell(column).value));
    rows.push({ rowNumber: row.number, cells });
  });
  return rows;
}

function cellText(value: ExcelJS.CellValue | ExcelJS.CellFormulaValue['result']): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // String() only switches to exponent notation from 1e21, so codes of up to 18 digits print in full.
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10); // exceljs gives dates as UTC midnight
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return cellText(value.text as ExcelJS.CellValue); // text may itself be rich text
  if ('formula' in value || 'sharedFormula' in value) return cellText(value.result);
  if ('error' in value) return value.error;
  return '';
}

// ---- Shared ----

interface RawRow {
  rowNumber: number;
  cells: string[];
}

/** Also strips a stray BOM and full-width spaces (U+3000): both count as whitespace for trim(). */
const clean = (cell: string | undefined) => (cell ?? '').trim();

function toTable(rawRows: RawRow[], options: ReadTableOptions): Pick<TableFile, 'headers' | 'rows'> {
  const nonEmpty = rawRows.filter((row) => row.cells.some((cell) => clean(cell) !== ''));
  const [headerRow, ...dataRows] = nonEmpty;
  if (!headerRow) {
    throw new TableFileError('empty', { zh: '文件是空的，没有表头和数据。', en: 'The file is empty: no header and no data.' });
  }

  const fileHeaders = headerRow.cells.map(clean);
  const wanted = [...new Set([...options.requiredHeaders, ...(options.optionalHeaders ?? [])])];
  const missing = options.requiredHeaders.filter((header) => !fileHeaders.includes(header));
  if (missing.length > 0) {
    throw new TableFileError('missing_headers', {
      zh: `缺少表头：${missing.join('、')}（表头须在第一行非空行）。`,
      en: `Missing headers: ${missing.join(', ')} (headers must be on the first non-empty row).`,
    });
  }
  // Two columns with the same wanted header would make us silently pick one of them.
  const duplicated = wanted.filter((header) => fileHeaders.indexOf(header) !== fileHeaders.lastIndexOf(header));
  if (duplicated.length > 0) {
    throw new TableFileError('unreadable', {
      zh: `表头重复：${duplicated.join('、')}，请只保留一列。`,
      en: `Duplicate headers: ${duplicated.join(', ')}; keep only one column of each.`,
    });
  }

  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;
  if (dataRows.length > maxRows) {
    throw new TableFileError('unreadable', {
      zh: `数据行过多：共 ${dataRows.length} 行，单个文件最多 ${maxRows} 行，请拆分后分批导入。`,
      en: `Too many data rows: ${dataRows.length}, at most ${maxRows} per file; split the file and import it in parts.`,
    });
  }
  if (dataRows.length === 0) {
    throw new TableFileError('empty', { zh: '文件只有表头，没有数据行。', en: 'The file has a header row but no data rows.' });
  }

  const columns = wanted.map((header) => [header, fileHeaders.indexOf(header)] as const);
  return {
    headers: fileHeaders.filter((header) => header !== ''),
    rows: dataRows.map((row) => ({
      rowNumber: row.rowNumber,
      values: Object.fromEntries(columns.map(([header, index]) => [header, index < 0 ? '' : clean(row.cells[index])])),
    })),
  };
}
