// End-to-end: `grassroots import orgs FILE [--commit]` run as a child process on a PostgreSQL server
// (DATABASE_URL); the embedded engine's data directory is exercised by the operations tests.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { encodeCsv } from '../../src/platform/files/table-file.js';
import { killLeftovers, runCli, serverDatabase, shown, tempDirs, type CliResult } from '../support/cli.js';

const HEADERS = ['组织编码', '组织名称', '上级组织编码', '组织类型', '单位类型', '行政区划代码'];
type Row = [code: string, name: string, parent: string, type: string, unit: string, division: string];

interface RowReport { code: string; name: string; status: string; problems: string[] }

/** The per-row part of the report: `第N行\tCODE\tNAME\t通过|错误` followed by `\tfield: message` lines. */
function parseReport(stdout: string): Map<number, RowReport> {
  const rows = new Map<number, RowReport>();
  let current: RowReport | undefined;
  for (const line of stdout.split(/\r?\n/)) {
    const head = /^(?:第(\d+)行|row (\d+))\t([^\t]*)\t([^\t]*)\t(\S+)$/.exec(line);
    if (head) {
      current = { code: head[3]!, name: head[4]!, status: head[5]!, problems: [] };
      rows.set(Number(head[1] ?? head[2]), current);
    } else if (line.startsWith('\t') && current) {
      current.problems.push(line.trim());
    } else {
      current = undefined;
    }
  }
  return rows;
}

describe('grassroots import orgs', () => {
  const dirs = tempDirs('grassroots-import-');
  const database = serverDatabase('cli_import');
  let files: string;
  const cli = (args: string[], env?: Record<string, string>) => runCli(args, { env: { DATABASE_URL: database.url(), ...env } });
  const csv = (name: string, rows: Row[], encoding: 'utf-8' | 'utf-8-no-bom' | 'gb18030' = 'utf-8') => {
    let bytes = encodeCsv(HEADERS, rows, encoding === 'gb18030' ? 'gb18030' : 'utf-8');
    if (encoding === 'utf-8-no-bom') bytes = bytes.subarray(3);
    const file = join(files, name);
    writeFileSync(file, bytes);
    return file;
  };
  const expectOk = (r: CliResult) => expect(r.code, shown(r)).toBe(0);

  beforeAll(async () => {
    await database.create();
    files = dirs.make();
    const init = await cli(['init', '--county-code', '530522', '--county-name', '测试县']);
    expect(init.code, shown(init)).toBe(0);
    expect(init.stdout).toContain('已创建 测试县（530522）');
  }, 240_000);
  afterEach(() => killLeftovers());
  afterAll(async () => {
    killLeftovers();
    dirs.cleanup();
    await database.drop();
  });

  it('imports CSV (UTF-8 with and without BOM, GB18030) and XLSX files: a dry run first, then --commit', async () => {
    // Children before their parents; an empty 上级组织编码 means directly under the county root.
    const withBom: Row[] = [
      ['530522101001', '马家村党支部', '530522101', '党支部', '行政村', '530522101001'],
      ['530522101001-1', '马家村第一党小组', '530522101001', '党小组', '', ''],
      ['530522101', '和顺镇党委', '', '党委', '乡镇', '530522101000'],
      ['530522101002', '石桥村党支部', '530522101', '党支部', '行政村', '530522101002'],
      ['530522190', '县直机关"工委",一', '', '党工委', '机关', ''],
    ];
    const noBom: Row[] = [
      ['530522102001', '东风村党支部', '530522102', '党支部', '行政村', '530522102001'],
      ['530522102', '清水乡党委', '', '党委', '乡镇', ''],
      ['530522102002', '清水乡卫生院党支部', '530522102', '党支部', '事业单位', ''],
    ];
    const gb: Row[] = [
      ['530522103001', '碧䶮村党支部', '530522103', '党支部', '行政村', '530522103001'],
      ['530522103002', '龙潭社区党总支', '530522103', '党总支', '社区', ''],
      ['530522103', '龙潭街道党工委', '', '党工委', '街道', '530522103000'],
    ];
    const xlsx: Row[] = [
      ['530522104001', '新华村党支部', '530522104', '党支部', '行政村', '530522104001'],
      ['530522104', '新华镇党委', '', '党委', '乡镇', '530522104000'],
      ['530522104002', '新华中学党支部', '530522104', '党支部', '学校', ''],
    ];
    const bomFile = csv('utf8-bom.csv', withBom);
    const noBomFile = csv('utf8.csv', noBom, 'utf-8-no-bom');
    const gbFile = csv('gb18030.csv', gb, 'gb18030');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('党组织');
    sheet.addRow(HEADERS);
    // Spreadsheets hold long digit strings as numbers: the division code of the first row is one.
    for (const [i, row] of xlsx.entries()) sheet.addRow(i === 0 ? [...row.slice(0, 5), Number(row[5])] : row);
    const xlsxFile = join(files, 'orgs.xlsx');
    await workbook.xlsx.writeFile(xlsxFile);

    const cases = [
      { file: bomFile, rows: withBom, encoding: '(utf-8)' },
      { file: noBomFile, rows: noBom, encoding: '(utf-8)' },
      { file: gbFile, rows: gb, encoding: '(gb18030)' },
      { file: xlsxFile, rows: xlsx, encoding: '' },
    ];
    for (const { file, rows, encoding } of cases) {
      const dry = await cli(['import', 'orgs', file]);
      expectOk(dry);
      const report = parseReport(dry.stdout);
      expect([...report.keys()], shown(dry)).toEqual(rows.map((_, i) => i + 2));
      for (const [i, [code, name]] of rows.entries()) {
        expect(report.get(i + 2), shown(dry)).toEqual({ code, name, status: '通过', problems: [] });
      }
      expect(dry.stdout).toContain(`共 ${rows.length} 行${encoding ? ` ${encoding}` : ''}：${rows.length} 行通过，0 行有误。`);
      expect(dry.stdout).toContain('这是试运行，未写入数据；加 --commit 正式导入。');
      expect(dry.stdout).not.toContain('已导入');

      // Had the dry run written anything, these codes would now be taken.
      const commit = await cli(['import', 'orgs', file, '--commit']);
      expectOk(commit);
      expect(commit.stdout).toContain(`已导入 ${rows.length} 个党组织。`);
      expect([...parseReport(commit.stdout).values()].every((r) => r.status === '通过'), shown(commit)).toBe(true);
    }

    // Every row of every file was written: each code is now taken.
    const all = [...withBom, ...noBom, ...gb, ...xlsx];
    const again = await cli(['import', 'orgs', csv('again.csv', all), '--commit']);
    expect(again.code, shown(again)).toBe(1);
    const againReport = parseReport(again.stdout);
    for (const [i, [code]] of all.entries()) {
      expect(againReport.get(i + 2)?.problems, shown(again)).toContain(`组织编码: 组织编码“${code}”已存在`);
    }
    expect(again.stdout).toContain(`共 ${all.length} 行 (utf-8)：0 行通过，${all.length} 行有误。`);
    expect(again.stdout).toContain('未写入任何数据');

    // The new organizations serve as parents, with the types they were imported as.
    const children: Row[] = [
      ['530522101002-1', '石桥村第一党小组', '530522101002', '党小组', '', ''],
      ['530522102001-1', '东风村第一党小组', '530522102001', '党小组', '', ''],
      ['530522103002001', '龙潭社区第一党支部', '530522103002', '党支部', '社区', ''],
      ['530522104002-1', '新华中学教师党小组', '530522104002', '党小组', '', ''],
      ['530522190001', '县财政局党支部', '530522190', '党支部', '机关', ''],
    ];
    const more = await cli(['import', 'orgs', csv('children.csv', children), '--commit']);
    expectOk(more);
    expect(more.stdout).toContain(`已导入 ${children.length} 个党组织。`);
  }, 600_000);

  it('refuses a file with a bad row, names the row and the reason, and writes none of its rows even with --commit', async () => {
    const bad: { name: string; rows: Row[]; wrong: Record<number, string[]> }[] = [
      {
        name: 'unknown-type.csv',
        rows: [
          ['530522301', '甲镇党委', '', '党委', '乡镇', '530522301000'],
          ['530522301001', '甲一村党支部', '530522301', '党支部', '行政村', '530522301001'],
          ['530522301002', '甲二村党支部', '530522301', '党员大会', '行政村', ''],
          ['530522301003', '甲三村党支部', '530522301', '党支部', '行政村', ''],
          ['530522301004', '甲四村党支部', '530522301', '党支部', '行政村', ''],
        ],
        wrong: { 4: ['组织类型: 未知的组织类型“党员大会”，可选：'] },
      },
      {
        name: 'division-11.csv',
        rows: [
          ['530522302001', '乙一村党支部', '530522302', '党支部', '行政村', '530522302001'],
          ['530522302', '乙镇党委', '', '党委', '乡镇', '530522302000'],
          ['530522302002', '乙二村党支部', '530522302', '党支部', '行政村', '53052230200'],
          ['530522302003', '乙三村党支部', '530522302', '党支部', '行政村', ''],
          ['530522302004', '乙四村党支部', '530522302', '党支部', '行政村', ''],
        ],
        wrong: { 4: ['行政区划代码: 行政区划代码“53052230200”应为 12 位数字'] },
      },
      {
        name: 'duplicates.csv',
        rows: [
          ['530522303', '丙镇党委', '', '党委', '乡镇', ''],
          ['530522303001', '丙一村党支部', '530522303', '党支部', '行政村', ''],
          ['530522303002', '丙二村党支部', '530522303', '党支部', '行政村', ''],
          ['530522303001', '丙三村党支部', '530522303', '党支部', '行政村', ''],
          ['530522303004', '丙四村党支部', '530522303', '党支部', '行政村', ''],
        ],
        wrong: {
          3: ['组织编码: 编码“530522303001”在文件中重复（第 3, 5 行）'],
          5: ['组织编码: 编码“530522303001”在文件中重复（第 3, 5 行）'],
        },
      },
      {
        name: 'unknown-parent.csv',
        rows: [
          ['530522304', '丁镇党委', '', '党委', '乡镇', ''],
          ['530522304001', '丁一村党支部', '530522304', '党支部', '行政村', ''],
          ['530522304002', '丁二村党支部', '530522399', '党支部', '行政村', ''],
          ['530522304003', '丁三村党支部', '530522304', '党支部', '行政村', ''],
          ['530522304004', '丁四村党支部', '530522304', '党支部', '行政村', ''],
        ],
        wrong: { 4: ['上级组织编码: 上级组织“530522399”既不在文件中也不在系统中'] },
      },
      {
        name: 'cycle.csv',
        rows: [
          ['530522325', '戊镇党委', '', '党委', '乡镇', ''],
          ['530522305', '甲片区党委', '530522315', '党委', '其他', ''],
          ['530522325001', '戊一村党支部', '530522325', '党支部', '行政村', ''],
          ['530522315', '乙片区党委', '530522305', '党委', '其他', ''],
          ['530522325002', '戊二村党支部', '530522325', '党支部', '行政村', ''],
        ],
        wrong: { 3: ['上级组织编码: 上下级关系成环：'], 5: ['上级组织编码: 上下级关系成环：'] },
      },
      {
        name: 'branch-under-group.csv',
        rows: [
          ['530522306', '己镇党委', '', '党委', '乡镇', ''],
          ['530522306001', '己一村党支部', '530522306', '党支部', '行政村', ''],
          ['530522306001-1', '己一村第一党小组', '530522306001', '党小组', '', ''],
          ['530522306009', '己一村某党支部', '530522306001-1', '党支部', '行政村', ''],
          ['530522306002', '己二村党支部', '530522306', '党支部', '行政村', ''],
        ],
        wrong: { 5: ['组织类型: 党支部不能设在党小组之下'] },
      },
    ];

    const stillValid: Row[] = [];
    for (const { name, rows, wrong } of bad) {
      const result = await cli(['import', 'orgs', csv(name, rows), '--commit']);
      expect(result.code, shown(result)).toBe(1);
      const report = parseReport(result.stdout);
      expect(report.size, shown(result)).toBe(5);
      for (const [rowNumber, row] of report) {
        const expected = wrong[rowNumber];
        if (!expected) {
          expect(row, `${name} row ${rowNumber}\n${shown(result)}`).toMatchObject({ status: '通过', problems: [] });
          continue;
        }
        expect(row.status, `${name} row ${rowNumber}\n${shown(result)}`).toBe('错误');
        for (const message of expected) {
          expect(row.problems.some((p) => p.startsWith(message)), `${name} row ${rowNumber}: ${message}\n${shown(result)}`).toBe(true);
        }
      }
      const wrongCount = Object.keys(wrong).length;
      expect(result.stdout).toContain(`共 5 行 (utf-8)：${5 - wrongCount} 行通过，${wrongCount} 行有误。`);
      expect(result.stdout).toContain('未写入任何数据。请修正后重新导入。');
      expect(result.stdout).not.toContain('已导入');
      stillValid.push(...rows.filter((_, i) => !wrong[i + 2]));
    }
    // Six files of five rows; the duplicate and the cycle each make two rows wrong.
    expect(stillValid).toHaveLength(30 - 8);

    // English on request.
    const english = await cli(['import', 'orgs', join(files, 'unknown-type.csv'), '--commit'], { GRASSROOTS_LANG: 'en' });
    expect(english.code, shown(english)).toBe(1);
    expect(english.stdout).toMatch(/^row 4\t530522301002\t甲二村党支部\terror$/m);
    expect(english.stdout).toContain('组织类型: unknown organization type "党员大会"; one of: ');
    expect(english.stdout).toContain('5 rows (utf-8): 4 valid, 1 with errors.');
    expect(english.stdout).toContain('Nothing was written. Fix the rows and import again.');
    for (const zh of ['通过', '错误', '未写入', '共 5 行']) expect(english.stdout).not.toContain(zh);

    // None of the valid rows of those files was written: imported alone, every one of them goes in.
    const rest = await cli(['import', 'orgs', csv('still-valid.csv', stillValid), '--commit']);
    expectOk(rest);
    expect(rest.stdout).toContain(`已导入 ${stillValid.length} 个党组织。`);
  }, 600_000);

  it('refuses unreadable files before touching the database', async () => {
    const header = Buffer.from(`${HEADERS.join(',')}\r\n`, 'utf8');
    const broken = join(files, 'broken.csv');
    // A UTF-8 BOM, then a row whose name holds bytes that are neither UTF-8 nor GB18030.
    writeFileSync(broken, Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]), header,
      Buffer.from('530522401,'), Buffer.from([0xe5, 0x28, 0xff]), Buffer.from(',,党委,乡镇,\r\n'),
    ]));
    const noType = join(files, 'no-type.csv');
    writeFileSync(noType, encodeCsv(['组织编码', '组织名称', '上级组织编码', '单位类型'], [['530522402', '庚镇党委', '', '乡镇']], 'utf-8'));
    const text = join(files, 'orgs.txt');
    writeFileSync(text, encodeCsv(HEADERS, [['530522403', '辛镇党委', '', '党委', '乡镇', '']], 'utf-8'));

    // None of these should open the data directory, so they may run side by side.
    const [encoding, header2, extension] = await Promise.all([
      cli(['import', 'orgs', broken, '--commit']),
      cli(['import', 'orgs', noType, '--commit']),
      cli(['import', 'orgs', text, '--commit']),
    ]);
    expect(encoding.code, shown(encoding)).toBe(1);
    expect(encoding.stderr).toContain('文件编码无法识别');
    expect(encoding.stderr).toContain('第 2 行附近');
    expect(encoding.stdout).toBe('');
    expect(header2.code, shown(header2)).toBe(1);
    expect(header2.stderr).toContain('缺少表头：组织类型');
    expect(header2.stderr).not.toContain('单位类型');
    expect(extension.code, shown(extension)).toBe(1);
    expect(extension.stderr).toContain('不支持的文件类型“');
    expect(extension.stderr).toContain('orgs.txt');
    expect(extension.stderr).toContain('.xlsx 或 .csv');

    // Nothing of them reached the database.
    const rows: Row[] = [
      ['530522401', '庚一镇党委', '', '党委', '乡镇', ''],
      ['530522402', '庚镇党委', '', '党委', '乡镇', ''],
      ['530522403', '辛镇党委', '', '党委', '乡镇', ''],
    ];
    const fixed = await cli(['import', 'orgs', csv('fixed.csv', rows), '--commit']);
    expectOk(fixed);
    expect(fixed.stdout).toContain('已导入 3 个党组织。');
  }, 300_000);
});
