import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { describe, it, expect } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import JSZip from 'jszip';
import { encodeCsv, openTableFile, readTableFile, TableFileError, type TableFileErrorCode } from './table-file.js';

const org = { requiredHeaders: ['组织编码', '组织名称'], optionalHeaders: ['上级组织编码', '备注'] };
const BOM = Buffer.from([0xef, 0xbb, 0xbf]);
const utf8 = (text: string) => Buffer.from(text, 'utf8');

async function failure(promise: Promise<unknown>, code: TableFileErrorCode): Promise<TableFileError> {
  const error = await promise.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(TableFileError);
  const tableError = error as TableFileError;
  expect(tableError.code).toBe(code);
  expect(tableError.detail.zh).toMatch(/[\u4e00-\u9fff]/);
  expect(tableError.detail.en).toMatch(/[A-Za-z]/);
  expect(tableError.message).toBe(tableError.detail.en);
  return tableError;
}

async function xlsx(build: (sheet: ExcelJS.Worksheet, workbook: ExcelJS.Workbook) => void): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  build(workbook.addWorksheet('组织'), workbook);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

describe('readTableFile: CSV encodings', () => {
  const text = '组织编码,组织名称\n330102001001,城关镇党委\n330102001002,东村党支部\n';

  it('reads UTF-8 with a BOM and strips the BOM from the first header', async () => {
    const table = await readTableFile(Buffer.concat([BOM, utf8(text)]), 'orgs.csv', org);
    expect(table.format).toBe('csv');
    expect(table.encoding).toBe('utf-8');
    expect(table.headers).toEqual(['组织编码', '组织名称']);
    expect(table.rows).toEqual([
      { rowNumber: 2, values: { 组织编码: '330102001001', 组织名称: '城关镇党委', 上级组织编码: '', 备注: '' } },
      { rowNumber: 3, values: { 组织编码: '330102001002', 组织名称: '东村党支部', 上级组织编码: '', 备注: '' } },
    ]);
  });

  it('reads UTF-8 without a BOM', async () => {
    const table = await readTableFile(utf8(text), 'orgs.csv', org);
    expect(table.encoding).toBe('utf-8');
    expect(table.rows.map((row) => row.values['组织名称'])).toEqual(['城关镇党委', '东村党支部']);
  });

  it('reads GB18030 (what Excel on Chinese Windows saves as plain "CSV")', async () => {
    const bytes = iconv.encode(text, 'gb18030');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow(); // the fixture really is not UTF-8
    const table = await readTableFile(bytes, 'orgs.csv', org);
    expect(table.encoding).toBe('gb18030');
    expect(table.headers).toEqual(['组织编码', '组织名称']);
    expect(table.rows[1]).toEqual({
      rowNumber: 3,
      values: { 组织编码: '330102001002', 组织名称: '东村党支部', 上级组织编码: '', 备注: '' },
    });
  });

  it('decodes GB18030 four-byte sequences (rare characters in names)', async () => {
    const bytes = iconv.encode('组织编码,组织名称\n1,𠀀村䶮党支部\n', 'gb18030');
    const table = await readTableFile(bytes, 'orgs.csv', org);
    expect(table.encoding).toBe('gb18030');
    expect(table.rows[0]?.values['组织名称']).toBe('𠀀村䶮党支部');
  });

  it('calls an ASCII-only file UTF-8', async () => {
    const table = await readTableFile(utf8('code,name\n1,a\n'), 'x.csv', { requiredHeaders: ['code', 'name'] });
    expect(table.encoding).toBe('utf-8');
    expect(table.rows).toEqual([{ rowNumber: 2, values: { code: '1', name: 'a' } }]);
  });

  it('rejects bytes that are neither UTF-8 nor GB18030, naming the line and offset', async () => {
    const head = utf8('组织编码,组织名称\n1,城关镇\n2,');
    const bytes = Buffer.concat([head, Buffer.from([0xff, 0xfe, 0x00, 0x81]), utf8('东村\n')]);
    const error = await failure(readTableFile(bytes, 'orgs.csv', org), 'broken_encoding');
    expect(error.detail.zh).toContain('第 3 行');
    expect(error.detail.zh).toContain(`第 ${head.length} 字节`);
    expect(error.detail.zh).toContain('0xFF');
    expect(error.detail.en).toContain(`offset ${head.length}`);
    expect(error.detail.en).toContain('line 3');
  });

  it('does not fall back to GB18030 when a BOM claims UTF-8', async () => {
    // Valid GB18030 after a UTF-8 BOM: the file lies about its encoding, so reading it as GB18030 could produce nonsense.
    const bytes = Buffer.concat([BOM, iconv.encode('组织编码,组织名称\n1,城关镇\n', 'gb18030')]);
    const error = await failure(readTableFile(bytes, 'orgs.csv', org), 'broken_encoding');
    // 组 is D7 E9 in GB18030; D7 could start a UTF-8 pair, so E9 (offset 3 + 1) is where UTF-8 breaks.
    expect(error.detail.en).toContain('0xE9 at offset 4,');
  });

  it('rejects a UTF-16 file (Excel "Unicode text") as broken encoding', async () => {
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from('组织编码,组织名称\r\n1,城关镇\r\n', 'utf16le')]);
    const error = await failure(readTableFile(bytes, 'orgs.csv', org), 'broken_encoding');
    expect(error.detail.zh).toContain('CSV UTF-8');
  });
});

describe('readTableFile: CSV parsing', () => {
  it('handles quoted fields with commas, quotes and line breaks, numbering rows as Excel shows them', async () => {
    const text = [
      '组织编码,组织名称,备注',
      '1,"城关镇党委, 机关","他说""好"""',
      '2,东村党支部,"第一行',
      '第二行"',
      '3,西村党支部,',
    ].join('\n');
    const table = await readTableFile(utf8(text), 'orgs.csv', org);
    expect(table.rows.map((row) => [row.rowNumber, row.values['组织名称'], row.values['备注']])).toEqual([
      [2, '城关镇党委, 机关', '他说"好"'],
      [3, '东村党支部', '第一行\n第二行'],
      [4, '西村党支部', ''],
    ]);
  });

  it('accepts CRLF line ends without leaving carriage returns in values', async () => {
    const text = '组织编码,组织名称\r\n1,城关镇党委\r\n2,"东村\r\n党支部"\r\n';
    const table = await readTableFile(utf8(text), 'orgs.csv', org);
    expect(table.rows.map((row) => row.values['组织名称'])).toEqual(['城关镇党委', '东村\r\n党支部']);
    expect(table.rows[0]?.values['组织编码']).toBe('1');
  });

  it('splits on commas only, not semicolons', async () => {
    const table = await readTableFile(utf8('组织编码,组织名称\n1,甲;乙\n'), 'orgs.csv', org);
    expect(table.rows[0]?.values['组织名称']).toBe('甲;乙');
  });

  it('trims cells and headers, including BOMs and full-width spaces', async () => {
    const text = '\u3000组织编码 ,\uFEFF组织名称\u3000\n  1 ,"\u3000城关镇党委 "\n';
    const table = await readTableFile(utf8(text), 'orgs.csv', org);
    expect(table.headers).toEqual(['组织编码', '组织名称']);
    expect(table.rows[0]?.values).toMatchObject({ 组织编码: '1', 组织名称: '城关镇党委' });
  });

  it('skips empty lines and comma-only lines but keeps Excel row numbers', async () => {
    const text = '\n组织编码,组织名称\n\n1,城关镇党委\n,,\n , \n2,东村党支部\n\n';
    const table = await readTableFile(utf8(text), 'orgs.csv', org);
    expect(table.rows.map((row) => [row.rowNumber, row.values['组织编码']])).toEqual([
      [4, '1'],
      [7, '2'],
    ]);
  });

  it('tolerates rows shorter or longer than the header', async () => {
    const table = await readTableFile(utf8('组织编码,组织名称,备注\n1\n2,东村,b,extra\n'), 'orgs.csv', org);
    expect(table.rows.map((row) => row.values)).toEqual([
      { 组织编码: '1', 组织名称: '', 上级组织编码: '', 备注: '' },
      { 组织编码: '2', 组织名称: '东村', 上级组织编码: '', 备注: 'b' },
    ]);
  });

  it('reports an unclosed quote as unreadable', async () => {
    const error = await failure(readTableFile(utf8('组织编码,组织名称\n1,"城关镇\n2,东村\n'), 'orgs.csv', org), 'unreadable');
    expect(error.detail.en).toContain('quote');
  });

  it('accepts an upper-case extension', async () => {
    const table = await readTableFile(utf8('组织编码,组织名称\n1,甲\n'), 'ORGS.CSV', org);
    expect(table.format).toBe('csv');
    expect(table.rows).toHaveLength(1);
  });
});

describe('readTableFile: headers', () => {
  it('names every missing required header', async () => {
    const error = await failure(readTableFile(utf8('备注,其他\nx,y\n'), 'orgs.csv', org), 'missing_headers');
    expect(error.detail.zh).toContain('缺少表头：组织编码、组织名称');
    expect(error.detail.en).toContain('Missing headers: 组织编码, 组织名称');
  });

  it('names only the headers that are missing', async () => {
    const error = await failure(readTableFile(utf8('组织名称\n甲\n'), 'orgs.csv', org), 'missing_headers');
    expect(error.detail.zh).toContain('缺少表头：组织编码');
    expect(error.detail.zh).not.toContain('组织名称');
  });

  it('does not accept missing optional headers as required, and gives them empty values', async () => {
    const table = await readTableFile(utf8('组织名称,组织编码\n甲,1\n'), 'orgs.csv', org);
    expect(table.rows[0]?.values).toEqual({ 组织编码: '1', 组织名称: '甲', 上级组织编码: '', 备注: '' });
  });

  it('ignores columns that are neither required nor optional, in any order', async () => {
    const text = '序号,组织名称,联系电话,组织编码,备注\n1,城关镇党委,13800000000,330102001001,无\n';
    const table = await readTableFile(utf8(text), 'orgs.csv', org);
    expect(table.headers).toEqual(['序号', '组织名称', '联系电话', '组织编码', '备注']);
    expect(table.rows[0]?.values).toEqual({ 组织编码: '330102001001', 组织名称: '城关镇党委', 上级组织编码: '', 备注: '无' });
    expect(Object.keys(table.rows[0]?.values ?? {})).not.toContain('序号');
  });

  it('refuses a wanted header that appears twice', async () => {
    const error = await failure(
      readTableFile(utf8('组织编码,组织名称,组织名称\n1,甲,乙\n'), 'orgs.csv', org),
      'unreadable',
    );
    expect(error.detail.zh).toContain('表头重复：组织名称');
  });

  it('allows duplicated columns that are ignored anyway', async () => {
    const table = await readTableFile(utf8('组织编码,组织名称,,\n1,甲,x,y\n'), 'orgs.csv', org);
    expect(table.headers).toEqual(['组织编码', '组织名称']);
    expect(table.rows[0]?.values['组织名称']).toBe('甲');
  });
});

describe('readTableFile: empty, limits, formats', () => {
  it('calls a zero-byte file empty', async () => {
    await failure(readTableFile(Buffer.alloc(0), 'orgs.csv', org), 'empty');
  });

  it('calls a file of blank lines (with just a BOM) empty', async () => {
    await failure(readTableFile(Buffer.concat([BOM, utf8('\r\n,,\r\n\r\n')]), 'orgs.csv', org), 'empty');
  });

  it('calls a header-only file empty', async () => {
    const error = await failure(readTableFile(utf8('组织编码,组织名称\n\n'), 'orgs.csv', org), 'empty');
    expect(error.detail.en).toContain('no data rows');
  });

  it('rejects more rows than maxRows, naming the limit', async () => {
    const text = '组织编码,组织名称\n' + Array.from({ length: 4 }, (_, i) => `${i},n${i}\n`).join('');
    await expect(readTableFile(utf8(text), 'orgs.csv', { ...org, maxRows: 4 })).resolves.toHaveProperty('rows.length', 4);
    const error = await failure(readTableFile(utf8(text), 'orgs.csv', { ...org, maxRows: 3 }), 'unreadable');
    expect(error.detail.zh).toContain('最多 3 行');
    expect(error.detail.en).toContain('at most 3');
  });

  it('defaults maxRows to 50000', async () => {
    const rows = (n: number) => '组织编码,组织名称\n' + '1,甲\n'.repeat(n);
    await expect(readTableFile(utf8(rows(50_000)), 'orgs.csv', org)).resolves.toHaveProperty('rows.length', 50_000);
    const error = await failure(readTableFile(utf8(rows(50_001)), 'orgs.csv', org), 'unreadable');
    expect(error.detail.zh).toContain('50000');
  });

  it.each(['orgs.xls', 'orgs.txt', 'orgs', 'csv', 'orgs.csv.zip'])('rejects %s as an unknown format', async (name) => {
    const error = await failure(readTableFile(utf8('组织编码,组织名称\n1,甲\n'), name, org), 'unknown_format');
    expect(error.detail.zh).toContain(name);
  });
});

describe('readTableFile: XLSX', () => {
  it('converts cell values to the strings the user sees', async () => {
    const content = await xlsx((sheet) => {
      sheet.addRow(['组织编码', '组织名称', '上级组织编码', '备注', '成立日期', '是否在册']);
      sheet.addRow([330102001001, { richText: [{ text: '城关镇', font: { bold: true } }, { text: '党委' }] }, null, '  首行 ']);
      sheet.getCell('E2').value = new Date(Date.UTC(2024, 0, 15));
      sheet.getCell('F2').value = true;
      sheet.addRow([]); // row 3 left empty
      sheet.getCell('A4').value = 123456789012345680; // 18 digits, as Excel would have rounded it
      sheet.getCell('B4').value = { text: '东村党支部', hyperlink: 'https://example.org/' };
      sheet.getCell('C4').value = { formula: 'A2', result: 330102001001 };
      sheet.getCell('D4').value = 12.5;
      sheet.getCell('E4').value = { formula: 'DATE(1999,12,31)', result: new Date(Date.UTC(1999, 11, 31)) };
      sheet.getCell('F4').value = false;
      sheet.getCell('A5').value = '';
      sheet.getCell('B5').value = '   ';
    });
    const table = await readTableFile(content, '组织.XLSX', {
      requiredHeaders: ['组织编码', '组织名称'],
      optionalHeaders: ['上级组织编码', '备注', '成立日期', '是否在册'],
    });
    expect(table.format).toBe('xlsx');
    expect(table.encoding).toBeUndefined();
    expect(table.headers).toEqual(['组织编码', '组织名称', '上级组织编码', '备注', '成立日期', '是否在册']);
    expect(table.rows).toEqual([
      {
        rowNumber: 2,
        values: { 组织编码: '330102001001', 组织名称: '城关镇党委', 上级组织编码: '', 备注: '首行', 成立日期: '2024-01-15', 是否在册: 'TRUE' },
      },
      {
        rowNumber: 4,
        values: {
          组织编码: '123456789012345680', // no exponent notation
          组织名称: '东村党支部',
          上级组织编码: '330102001001',
          备注: '12.5',
          成立日期: '1999-12-31',
          是否在册: 'FALSE',
        },
      },
    ]);
  });

  it('finds the header on the first non-empty row, ignores extra columns and reads only the first sheet', async () => {
    const content = await xlsx((sheet, workbook) => {
      sheet.getCell('B3').value = '组织名称';
      sheet.getCell('C3').value = '联系人';
      sheet.getCell('D3').value = '\u3000组织编码 ';
      sheet.getCell('B4').value = '城关镇党委';
      sheet.getCell('C4').value = '张三';
      sheet.getCell('D4').value = '330102001001';
      workbook.addWorksheet('说明').addRow(['组织编码', '组织名称']);
    });
    const table = await readTableFile(content, 'orgs.xlsx', org);
    expect(table.headers).toEqual(['组织名称', '联系人', '组织编码']);
    expect(table.rows).toEqual([
      { rowNumber: 4, values: { 组织编码: '330102001001', 组织名称: '城关镇党委', 上级组织编码: '', 备注: '' } },
    ]);
  });

  it('reports missing headers in a workbook', async () => {
    const content = await xlsx((sheet) => {
      sheet.addRow(['编码', '组织名称']);
      sheet.addRow(['1', '甲']);
    });
    const error = await failure(readTableFile(content, 'orgs.xlsx', org), 'missing_headers');
    expect(error.detail.zh).toContain('缺少表头：组织编码');
  });

  it('calls a workbook with only a header row, or an empty sheet, empty', async () => {
    const headerOnly = await xlsx((sheet) => sheet.addRow(['组织编码', '组织名称']));
    await failure(readTableFile(headerOnly, 'orgs.xlsx', org), 'empty');
    const blank = await xlsx(() => undefined);
    await failure(readTableFile(blank, 'orgs.xlsx', org), 'empty');
  });

  it('rejects more rows than maxRows', async () => {
    const content = await xlsx((sheet) => {
      sheet.addRow(['组织编码', '组织名称']);
      for (let i = 0; i < 3; i++) sheet.addRow([i, `n${i}`]);
    });
    const error = await failure(readTableFile(content, 'orgs.xlsx', { ...org, maxRows: 2 }), 'unreadable');
    expect(error.detail.en).toContain('at most 2');
  });

  it('rejects a corrupt or fake workbook as unreadable', async () => {
    const good = await xlsx((sheet) => {
      sheet.addRow(['组织编码', '组织名称']);
      sheet.addRow(['1', '甲']);
    });
    await failure(readTableFile(good.subarray(0, Math.floor(good.length / 2)), 'orgs.xlsx', org), 'unreadable');
    await failure(readTableFile(utf8('组织编码,组织名称\n1,甲\n'), 'orgs.xlsx', org), 'unreadable');
    await failure(readTableFile(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), 'orgs.xlsx', org), 'unreadable');
  });
});

describe('encodeCsv', () => {
  const headers = ['组织编码', '组织名称', '备注'];
  const rows = [
    ['330102001001', '城关镇党委, 机关', '他说"好"'],
    ['330102001002', '东村党支部', '第一行\n第二行'],
    ['330102001003', '西村党支部', ''],
  ];

  it('quotes only the fields that need it and ends records with CRLF', () => {
    const text = encodeCsv(['a', 'b'], [['x,y', 'say "hi"'], ['line\r\nbreak', 'plain']], 'utf-8').toString('utf8');
    expect(text).toBe('\uFEFFa,b\r\n"x,y","say ""hi"""\r\n"line\r\nbreak",plain\r\n');
  });

  it('writes UTF-8 with a BOM and round-trips through readTableFile', async () => {
    const bytes = encodeCsv(headers, rows, 'utf-8');
    expect(bytes.subarray(0, 3)).toEqual(BOM);
    const table = await readTableFile(bytes, 'export.csv', org);
    expect(table.encoding).toBe('utf-8');
    expect(table.headers).toEqual(headers);
    expect(table.rows.map((row) => [row.rowNumber, row.values['组织编码'], row.values['组织名称'], row.values['备注']])).toEqual(
      rows.map((row, i) => [i + 2, ...row]),
    );
  });

  it('writes GB18030 without a BOM and round-trips through readTableFile', async () => {
    const bytes = encodeCsv(headers, rows, 'gb18030');
    expect(bytes.subarray(0, 3)).not.toEqual(BOM);
    expect(iconv.decode(bytes, 'gb18030').startsWith('组织编码,组织名称,备注\r\n')).toBe(true);
    const table = await readTableFile(bytes, 'export.csv', org);
    expect(table.encoding).toBe('gb18030');
    expect(table.rows.map((row) => [row.values['组织编码'], row.values['组织名称'], row.values['备注']])).toEqual(rows);
  });
});

describe('openTableFile: streaming', () => {
  const MIB = 1 << 20;
  const GB18030_BOM = Buffer.from([0x84, 0x31, 0x95, 0x33]);

  // Over two decoding chunks of valid rows, then an unclosed quote.
  const longCsv = (header: string) => utf8(`${header}\n${Array.from({ length: 100_000 }, (_, i) => `${i},第${i}村党支部\n`).join('')}x,"东村\n`);

  it('checks the header at once and parses the rows only as they are read', async () => {
    const content = longCsv('组织编码,组织名称');
    expect(content.length).toBeGreaterThan(2 * MIB);
    const table = await openTableFile(content, 'orgs.csv', { ...org, maxRows: 200_000 });
    expect(table.headers).toEqual(['组织编码', '组织名称']);
    const rows = table.rows[Symbol.asyncIterator]();
    expect((await rows.next()).value).toEqual({ rowNumber: 2, values: { 组织编码: '0', 组织名称: '第0村党支部', 上级组织编码: '', 备注: '' } });
    let read = 1;
    const error = await failure((async () => {
      for (let next = await rows.next(); !next.done; next = await rows.next()) read++;
    })(), 'unreadable');
    expect(read).toBe(100_000);
    expect(error.detail.zh).toContain('第 100002 行附近');
  });

  it('refuses a wrong header before any row is read', async () => {
    await failure(openTableFile(longCsv('编码,组织名称'), 'orgs.csv', org), 'missing_headers');
  });

  it('counts every row past the limit before refusing the file', async () => {
    const text = '组织编码,组织名称\n' + Array.from({ length: 7 }, (_, i) => `${i},n${i}\n`).join('');
    const table = await openTableFile(utf8(text), 'orgs.csv', { ...org, maxRows: 5 });
    const read: number[] = [];
    const error = await failure((async () => {
      for await (const row of table.rows) read.push(row.rowNumber);
    })(), 'unreadable');
    expect(read).toEqual([2, 3, 4, 5, 6]);
    expect(error.detail.zh).toContain('共 7 行');
  });

  // Characters cut in two by the 1 MiB decoding chunks: 城 is 3 bytes in UTF-8, 2 in GB18030, 𠀀 4 in GB18030.
  it.each([
    ['UTF-8 with a BOM', (text: string) => Buffer.concat([BOM, utf8(text)]), 'utf-8', 3],
    ['UTF-8 without a BOM', utf8, 'utf-8', 0],
    ['GB18030', (text: string) => iconv.encode(text, 'gb18030'), 'gb18030', 0],
    ['GB18030 with its BOM', (text: string) => Buffer.concat([GB18030_BOM, iconv.encode(text, 'gb18030')]), 'gb18030', 4],
  ] as const)('reads %s across chunk boundaries', async (_, encode, encoding, bomLength) => {
    const head = '组织编码,组织名称,备注\n';
    const filler = (bytes: number) => `1,城关镇党委,${'x'.repeat(bytes)}\n`;
    // Put the first character of row 3 one byte before the chunk boundary.
    const before = encode(head + filler(0)).length - bomLength;
    const padding = MIB - 1 - bomLength - before;
    const names = ['城𠀀䶮村党支部', ...Array.from({ length: 40_000 }, (_, i) => `第${i}村党支部`)];
    const text = head + filler(padding) + names.map((name, i) => `${name},${i},${name}${i}\n`).join('');
    const bytes = encode(text);
    expect(bytes.length).toBeGreaterThan(2 * MIB);
    if (encoding === 'utf-8') expect(bytes.subarray(MIB - 1, MIB + 2).toString('utf8')).toBe('城');
    const table = await openTableFile(bytes, 'orgs.csv', org);
    expect(table.encoding).toBe(encoding);
    expect(table.headers).toEqual(['组织编码', '组织名称', '备注']);
    let count = 0;
    for await (const row of table.rows) {
      count++;
      if (row.rowNumber < 3) continue;
      const i = row.rowNumber - 3;
      expect(row.values).toEqual({ 组织编码: names[i], 组织名称: String(i), 上级组织编码: '', 备注: `${names[i]}${i}` });
    }
    expect(count).toBe(names.length + 1);
  });

  it('reads the first sheet in tab order even when its part comes later in the file', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('说明').addRow(['说明', '请勿修改']);
    const sheet = workbook.addWorksheet('组织');
    sheet.addRow(['组织编码', '组织名称']);
    sheet.addRow(['1', '城关镇党委']);
    const zip = await JSZip.loadAsync(await workbook.xlsx.writeBuffer());
    const book = await zip.file('xl/workbook.xml')!.async('string');
    const [first, second] = book.match(/<sheet [^>]*\/>/g)!;
    expect(first).toContain('说明');
    zip.file('xl/workbook.xml', book.replace(first!, '\u0000').replace(second!, first!).replace('\u0000', second!));
    const reordered = await zip.generateAsync({ type: 'nodebuffer' });
    expect(Object.keys(zip.files).indexOf('xl/worksheets/sheet1.xml')).toBeLessThan(Object.keys(zip.files).indexOf('xl/worksheets/sheet2.xml'));
    const table = await readTableFile(reordered, 'orgs.xlsx', org);
    expect(table.rows.map((row) => row.values['组织名称'])).toEqual(['城关镇党委']);
  });

  it('leaves no temporary copy of a sheet behind, also when a reader stops early', async () => {
    const ours = () => readdirSync(tmpdir()).filter((name) => name.startsWith(`tmp-${process.pid}-`));
    const before = ours();
    // exceljs writes the shared strings after the sheets, as Excel does.
    const content = await xlsx((sheet) => {
      sheet.addRow(['组织编码', '组织名称']);
      for (let i = 0; i < 2000; i++) sheet.addRow([String(i), `n${i}`]);
    });
    expect((await readTableFile(content, 'orgs.xlsx', org)).rows).toHaveLength(2000);
    for await (const row of (await openTableFile(content, 'orgs.xlsx', org)).rows) {
      expect(row.rowNumber).toBe(2);
      break;
    }
    expect(ours()).toEqual(before);
  });

  it('lets a reader stop early', async () => {
    const content = await xlsx((sheet) => {
      sheet.addRow(['组织编码', '组织名称']);
      for (let i = 0; i < 2000; i++) sheet.addRow([String(i), `n${i}`]);
    });
    const table = await openTableFile(content, 'orgs.xlsx', org);
    for await (const row of table.rows) {
      expect(row.rowNumber).toBe(2);
      break;
    }
  });
});
