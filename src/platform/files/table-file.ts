// exceljs takes ~0.5 s to load: it is imported when a workbook is read, not at start-up.
import type ExcelJS from 'exceljs';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';

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

/**
 * A table whose header has been checked and whose rows are parsed one at a time as they are
 * consumed (once), so that a large file is never held as strings all at once. Reading the rows
 * may still throw a TableFileError: too many rows, no data rows, a malformed CSV record.
 */
export interface TableReader extends Omit<TableFile, 'rows'> {
  rows: AsyncIterable<TableRow>;
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
/** Bytes decoded at a time. */
const CHUNK = 1 << 20;
const SAVE_AS_HINT = {
  zh: '请在 Excel 中“另存为”CSV UTF-8（逗号分隔）或 Excel 工作簿（.xlsx）后重新导入。',
  en: 'Save it from Excel as "CSV UTF-8 (comma delimited)" or as an Excel workbook (.xlsx) and import again.',
};

/** The whole table at once: for files small enough to hold every row as strings. */
export async function readTableFile(content: Buffer, fileName: string, options: ReadTableOptions): Promise<TableFile> {
  const { rows, ...table } = await openTableFile(content, fileName, options);
  const all: TableRow[] = [];
  for await (const row of rows) all.push(row);
  return { ...table, rows: all };
}

/** Checks the format, encoding and header; the rows follow as the caller reads them. */
export async function openTableFile(content: Buffer, fileName: string, options: ReadTableOptions): Promise<TableReader> {
  const extension = /\.([^.]+)$/.exec(fileName)?.[1]?.toLowerCase();
  if (extension === 'csv') {
    const encoding = csvEncoding(content);
    return { format: 'csv', encoding, ...(await tableOf(csvRows(content, encoding), options)) };
  }
  if (extension === 'xlsx') return { format: 'xlsx', ...(await tableOf(xlsxRows(content), options)) };
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

/**
 * UTF-8 if every byte decodes as such, else GB18030 (what Excel on Chinese Windows saves as
 * "CSV"). Decoded a chunk at a time and thrown away: only the verdict is kept.
 */
function csvEncoding(content: Buffer): 'utf-8' | 'gb18030' {
  const hasBom = content.subarray(0, 3).equals(UTF8_BOM);
  const bytes = hasBom ? content.subarray(3) : content;
  if (decodes(bytes, 'utf-8') === 'ok') return 'utf-8';
  // A BOM is an explicit claim of UTF-8, so a GB18030 reading would only hide the damage.
  const gb = hasBom ? undefined : decodes(bytes, 'gb18030');
  if (gb === 'ok') return 'gb18030';

  // Name the spot where the likelier encoding (the one that decodes further) breaks.
  const utf8Bad = firstBadByte(bytes, 'utf-8');
  const gbBad = gb === 'broken' ? firstBadByte(bytes, 'gb18030') : -1;
  const offset = Math.max(utf8Bad, gbBad, 0) + (hasBom ? 3 : 0);
  const line = content.subarray(0, offset).filter((byte) => byte === 0x0a).length + 1;
  const byte = `0x${(content[offset] ?? 0).toString(16).toUpperCase().padStart(2, '0')}`;
  throw new TableFileError('broken_encoding', {
    zh: `文件编码无法识别（既不是 UTF-8 也不是 GB18030），第 ${line} 行附近第 ${offset} 字节（${byte}）有乱码。${SAVE_AS_HINT.zh}`,
    en: `The file is neither valid UTF-8 nor GB18030: bad byte ${byte} at offset ${offset}, near line ${line}. ${SAVE_AS_HINT.en}`,
  });
}

/** 'replaced': GB18030 decoders map some undefined sequences to U+FFFD instead of failing. */
function decodes(bytes: Uint8Array, encoding: 'utf-8' | 'gb18030'): 'ok' | 'replaced' | 'broken' {
  const decoder = new TextDecoder(encoding, { fatal: true, ignoreBOM: true });
  let replaced = false;
  try {
    for (let i = 0; i < bytes.length; i += CHUNK) replaced ||= decoder.decode(bytes.subarray(i, i + CHUNK), { stream: true }).includes('\uFFFD');
    replaced ||= decoder.decode().includes('\uFFFD');
  } catch {
    return 'broken';
  }
  return replaced && encoding === 'gb18030' ? 'replaced' : 'ok';
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

/** The text of a file known to decode, a chunk at a time, without a leading BOM (GB18030 has its own). */
function* decodedText(content: Buffer, encoding: 'utf-8' | 'gb18030'): Generator<string> {
  const decoder = new TextDecoder(encoding, { ignoreBOM: true });
  for (let i = 0; i < content.length; i += CHUNK) {
    const text = decoder.decode(content.subarray(i, i + CHUNK), { stream: true });
    yield i === 0 ? text.replace(/^\uFEFF/, '') : text;
  }
  yield decoder.decode();
}

async function* csvRows(content: Buffer, encoding: 'utf-8' | 'gb18030'): AsyncGenerator<RawRow> {
  // Empty lines stay as records so that indexes match Excel's row numbers (tableOf skips them).
  const parser = parse({ relax_column_count: true, relax_quotes: true, trim: true });
  // A failure of the parser ends the iteration below with it; the pipeline's own rejection says the same.
  const feeding = pipeline(Readable.from(decodedText(content, encoding)), parser).catch(() => undefined);
  let rowNumber = 0;
  try {
    for await (const cells of parser as AsyncIterable<string[]>) yield { rowNumber: ++rowNumber, cells };
  } catch (error) {
    if (!(error instanceof Error && 'code' in error && String(error.code).startsWith('CSV_'))) throw error;
    const line = (error as { lines?: number }).lines;
    throw new TableFileError('unreadable', {
      zh: `CSV 格式有误${line ? `（第 ${line} 行附近，可能是引号不匹配）` : ''}。${SAVE_AS_HINT.zh}`,
      en: `The CSV is malformed${line ? ` near line ${line} (perhaps mismatched quotes)` : ''}. ${SAVE_AS_HINT.en}`,
    });
  } finally {
    parser.destroy();
    await feeding;
  }
}

// ---- XLSX ----

const ZIP_END = Buffer.from([0x50, 0x4b, 0x05, 0x06]);
const ZIP_DIRECTORY_ENTRY = 0x02014b50;
const UNREADABLE_XLSX = {
  zh: `无法读取该 Excel 文件，文件可能已损坏，或并非 .xlsx 格式（旧版 .xls 需先另存为 .xlsx）。`,
  en: 'The Excel file cannot be read: it may be damaged or not really .xlsx (save an old .xls as .xlsx first).',
};

/** What exceljs's streaming reader has but does not declare. */
interface StreamedBook { model?: { sheets?: { name: string }[] }; properties?: { model?: { date1904?: boolean } } }

/** Whatever exceljs or the unzipper throws means a damaged file. */
const orUnreadable = <T>(step: Promise<T>) => step.catch(() => {
  throw new TableFileError('unreadable', UNREADABLE_XLSX);
});

/**
 * The zip's entries with the worksheets after everything else. exceljs's streaming reader parses a
 * sheet in place only when the shared strings came before it; otherwise (as Excel and exceljs
 * write them) it copies the sheet to a temporary file, which it deletes only when the whole book
 * has been read. The reader goes by the local headers alone, so the entries are reordered as they
 * are, with the central directory left as it was; a zip that is not what it seems stays as it is.
 */
function worksheetsLast(zip: Buffer): Buffer[] {
  const end = zip.lastIndexOf(ZIP_END);
  if (end < 0 || end + 22 > zip.length) return [zip];
  const count = zip.readUInt16LE(end + 10);
  const directory = zip.readUInt32LE(end + 16);
  const entries: { name: string; offset: number }[] = [];
  for (let at = directory, i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== ZIP_DIRECTORY_ENTRY) return [zip];
    const nameLength = zip.readUInt16LE(at + 28);
    entries.push({ name: zip.toString('utf8', at + 46, at + 46 + nameLength), offset: zip.readUInt32LE(at + 42) });
    at += 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
  }
  entries.sort((a, b) => a.offset - b.offset);
  if (entries.length === 0 || entries.some((e) => e.offset >= directory) || entries[0]!.offset !== 0) return [zip];
  const parts = entries.map((e, i) => ({ sheet: /^xl\/worksheets\/sheet\d+\.xml$/.test(e.name), bytes: zip.subarray(e.offset, entries[i + 1]?.offset ?? directory) }));
  return [...parts.filter((p) => !p.sheet), ...parts.filter((p) => p.sheet), { bytes: zip.subarray(directory) }].map((p) => p.bytes);
}

/** The rows of the first sheet (in tab order), streamed: exceljs's streaming reader keeps only the shared strings. */
async function* xlsxRows(content: Buffer): AsyncGenerator<RawRow> {
  const { default: Excel } = await import('exceljs');
  const input = Readable.from(worksheetsLast(content));
  // Styles tell dates from numbers.
  const reader = new Excel.stream.xlsx.WorkbookReader(input, { worksheets: 'emit', sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', entries: 'ignore' });
  const book = reader as unknown as StreamedBook;
  const sheets = reader[Symbol.asyncIterator]();
  try {
    for (let sheet = await orUnreadable(sheets.next()); !sheet.done; sheet = await orUnreadable(sheets.next())) {
      const first = book.model?.sheets?.[0]?.name;
      if (first !== undefined && (sheet.value as unknown as { name?: string }).name !== first) continue;
      const date1904 = book.properties?.model?.date1904 === true;
      const rows = sheet.value[Symbol.asyncIterator]();
      for (let row = await orUnreadable(rows.next()); !row.done; row = await orUnreadable(rows.next())) {
        const cells: string[] = [];
        for (let column = 1; column <= row.value.cellCount; column++) cells.push(cellText(row.value.getCell(column), date1904));
        yield { rowNumber: row.value.number, cells };
      }
      return;
    }
    throw new TableFileError('unreadable', UNREADABLE_XLSX);
  } finally {
    await sheets.return?.(undefined);
    input.destroy();
  }
}

/** The text a cell shows. */
function cellText(cell: ExcelJS.Cell, date1904: boolean): string {
  const { value } = cell;
  // The streaming reader dates plain numbers by their format but leaves formula results as numbers.
  if (value && typeof value === 'object' && 'formula' in value && typeof value.result === 'number' && isDateFormat(cell.numFmt)) {
    return valueText(excelDate(value.result, date1904));
  }
  return valueText(value);
}

function valueText(value: ExcelJS.CellValue | ExcelJS.CellFormulaValue['result']): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  // String() only switches to exponent notation from 1e21, so codes of up to 18 digits print in full.
  if (typeof value === 'number') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10); // exceljs gives dates as UTC midnight
  if ('richText' in value) return value.richText.map((run) => run.text).join('');
  if ('hyperlink' in value) return valueText(value.text as ExcelJS.CellValue); // text may itself be rich text
  if ('formula' in value || 'sharedFormula' in value) return valueText(value.result);
  if ('error' in value) return value.error;
  return '';
}

/** A number format that shows a date or time: one with y, m, d, h or s outside quotes and brackets (as exceljs decides). */
function isDateFormat(format: string | undefined): boolean {
  return format !== undefined && /[ymdhMsb]/.test(format.replace(/\[[^\]]*]|"[^"]*"/g, ''));
}

/** Excel's day number (days since 1899-12-30, or since 1904-01-01 in 1904-dated books) as a UTC date. */
function excelDate(days: number, date1904: boolean): Date {
  return new Date(Math.round((days - 25569 + (date1904 ? 1462 : 0)) * 86_400_000));
}

// ---- Shared ----

interface RawRow {
  rowNumber: number;
  cells: string[];
}

/** Also strips a stray BOM and full-width spaces (U+3000): both count as whitespace for trim(). */
const clean = (cell: string | undefined) => (cell ?? '').trim();
const isBlank = (row: RawRow) => row.cells.every((cell) => clean(cell) === '');

/** Takes the header from the first non-empty row, checks it, and maps each later non-empty row to the wanted columns. */
async function tableOf(raw: AsyncGenerator<RawRow>, options: ReadTableOptions): Promise<Pick<TableReader, 'headers' | 'rows'>> {
  let fileHeaders: string[];
  try {
    let first = await raw.next();
    while (!first.done && isBlank(first.value)) first = await raw.next();
    if (first.done) throw new TableFileError('empty', { zh: '文件是空的，没有表头和数据。', en: 'The file is empty: no header and no data.' });
    fileHeaders = first.value.cells.map(clean);
    checkHeaders(fileHeaders, options);
  } catch (error) {
    await raw.return(undefined);
    throw error;
  }
  const wanted = wantedHeaders(options);
  const columns = wanted.map((header) => [header, fileHeaders.indexOf(header)] as const);
  const maxRows = options.maxRows ?? DEFAULT_MAX_ROWS;

  async function* rows(): AsyncGenerator<TableRow> {
    let count = 0;
    for await (const row of raw) {
      if (isBlank(row)) continue;
      // Rows past the limit are only counted, for the message.
      if (++count > maxRows) continue;
      yield { rowNumber: row.rowNumber, values: Object.fromEntries(columns.map(([header, index]) => [header, index < 0 ? '' : clean(row.cells[index])])) };
    }
    if (count > maxRows) {
      throw new TableFileError('unreadable', {
        zh: `数据行过多：共 ${count} 行，单个文件最多 ${maxRows} 行，请拆分后分批导入。`,
        en: `Too many data rows: ${count}, at most ${maxRows} per file; split the file and import it in parts.`,
      });
    }
    if (count === 0) throw new TableFileError('empty', { zh: '文件只有表头，没有数据行。', en: 'The file has a header row but no data rows.' });
  }
  return { headers: fileHeaders.filter((header) => header !== ''), rows: rows() };
}

const wantedHeaders = (options: ReadTableOptions) => [...new Set([...options.requiredHeaders, ...(options.optionalHeaders ?? [])])];

function checkHeaders(fileHeaders: string[], options: ReadTableOptions): void {
  const missing = options.requiredHeaders.filter((header) => !fileHeaders.includes(header));
  if (missing.length > 0) {
    throw new TableFileError('missing_headers', {
      zh: `缺少表头：${missing.join('、')}（表头须在第一行非空行）。`,
      en: `Missing headers: ${missing.join(', ')} (headers must be on the first non-empty row).`,
    });
  }
  // Two columns with the same wanted header would make us silently pick one of them.
  const duplicated = wantedHeaders(options).filter((header) => fileHeaders.indexOf(header) !== fileHeaders.lastIndexOf(header));
  if (duplicated.length > 0) {
    throw new TableFileError('unreadable', {
      zh: `表头重复：${duplicated.join('、')}，请只保留一列。`,
      en: `Duplicate headers: ${duplicated.join(', ')}; keep only one column of each.`,
    });
  }
}
