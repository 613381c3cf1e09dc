// End-to-end, the "done when": a town's organizations and members imported with the CLI
// (an XLSX file and a GB18030 CSV) give seed 003's figures for 和顺镇.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { memberColumns } from '../../src/modules/members/import-rows.js';
import { occupationLabels } from '../../src/modules/members/rules/occupation.js';
import { memberCategoryLabels } from '../../src/modules/members/rules/pipeline.js';
import type { MemberStatistics } from '../../src/modules/members/statistics/service.js';
import { encodeCsv } from '../../src/platform/files/table-file.js';
import { killLeftovers, runCli, serverDatabase, shown, tempDirs, type CliResult } from '../support/cli.js';
import { HESHUN_AS_OF, HESHUN_BRANCHES, HESHUN_CODE, heshunBranchCode, heshunPeople, type HeshunPerson } from '../support/heshun.js';

const headers = Object.values(memberColumns);
const expectOk = (r: CliResult) => expect(r.code, shown(r)).toBe(0);

/** A person as a row of the member import template. */
function templateRow({ name, gender, ethnicity, birthDate, education, occupation, branch, membership: m }: HeshunPerson): string[] {
  return [
    name, gender === '1' ? '男' : '女', ethnicity, birthDate, '', education, memberCategoryLabels[m.category].zh, heshunBranchCode(branch),
    m.appliedOn ?? '', m.joinedOn ?? '', m.fullOn ?? '', m.mobile ? '是' : '否', occupationLabels[occupation].zh, '',
  ];
}

// Founding dates as a register writes them; the party group was set up after 2019.
const orgRows = [
  [HESHUN_CODE, '和顺镇党委', '', '党委', '乡镇', '530522101000', '1956/1/1'],
  ...Array.from({ length: HESHUN_BRANCHES }, (_, b) => [heshunBranchCode(b), `第${b + 1}村党支部`, HESHUN_CODE, '党支部', '行政村', heshunBranchCode(b), '1958.10.01']),
  [`${heshunBranchCode(0)}-1`, '第一村第一党小组', heshunBranchCode(0), '党小组', '', '', '20210701'],
];

interface Engine { name: string; env(): Record<string, string>; args(): string[]; setUp(): Promise<void>; tearDown(): Promise<void> }

const dirs = tempDirs('grassroots-members-');

// On the server engine only: each command on an embedded data directory first starts and checks the
// engine, which the operations tests cover; here it only made the run slower.
const server: Engine = (() => {
  const database = serverDatabase('cli_members');
  return {
    name: 'PostgreSQL (DATABASE_URL)',
    env: () => ({ DATABASE_URL: database.url() }),
    args: () => [],
    setUp: () => database.create(),
    tearDown: () => database.drop(),
  };
})();

describe.each([server])('grassroots import members and stats on $name', (engine) => {
  let files: string;
  const cli = (args: string[]) => runCli([...args, ...engine.args()], { env: engine.env() });

  beforeAll(async () => {
    await engine.setUp();
    files = dirs.make();
    expectOk(await cli(['init', '--county-code', '530522', '--county-name', '测试县']));
    const orgs = join(files, 'orgs.csv');
    writeFileSync(orgs, encodeCsv(['组织编码', '组织名称', '上级组织编码', '组织类型', '单位类型', '行政区划代码', '成立日期'], orgRows, 'utf-8'));
    const orgImport = await cli(['import', 'orgs', orgs, '--commit']);
    expectOk(orgImport);
    expect(orgImport.stdout).toContain(`已导入 ${orgRows.length} 个党组织。`);
  }, 240_000);
  afterEach(() => killLeftovers());
  afterAll(async () => {
    killLeftovers();
    await engine.tearDown();
  });

  it("imports the town's members, and its 2019 statistics are seed 003's", async () => {
    // Half the town in a workbook (birth dates as Excel dates, ethnicity as names), the rest in a GB18030 CSV.
    const town = heshunPeople();
    const half = Math.ceil(town.length / 2);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('党员');
    sheet.addRow(headers);
    for (const person of town.slice(0, half)) {
      const row: (string | Date)[] = templateRow(person);
      row[2] = person.ethnicity === '03' ? '回族' : '汉族';
      row[3] = new Date(`${person.birthDate}T00:00:00Z`);
      sheet.addRow(row);
    }
    const xlsx = join(files, '和顺镇党员（一）.xlsx');
    await workbook.xlsx.writeFile(xlsx);
    const csv = join(files, '和顺镇党员（二）.csv');
    writeFileSync(csv, encodeCsv(headers, town.slice(half).map(templateRow), 'gb18030'));

    const dry = await cli(['import', 'members', xlsx]);
    expectOk(dry);
    expect(dry.stdout).toContain(`共 ${half} 行：新增 ${half} 人，更新 0 人`);
    expect(dry.stdout).toContain('错误 0 处');
    expect(dry.stdout).toContain('这是试运行，未写入数据');
    for (const [file, rows, encoding] of [[xlsx, half, ''], [csv, town.length - half, ' (gb18030)']] as const) {
      const done = await cli(['import', 'members', file, '--commit']);
      expectOk(done);
      // Had the dry run written anything, the first file's people would now be updated, not new.
      expect(done.stdout).toContain(`共 ${rows} 行${encoding}：新增 ${rows} 人，更新 0 人`);
      expect(done.stdout).toContain(`已导入 ${rows} 行。`);
    }

    const stats = await cli(['stats', 'members', '--org', HESHUN_CODE, '--as-of', HESHUN_AS_OF, '--format', 'json']);
    expectOk(stats);
    const s = JSON.parse(stats.stdout) as MemberStatistics;
    expect(s.members).toMatchObject({ total: 391, full: 379, probationary: 12, male: 243, female: 148, minority: 15, aged35OrUnder: 128, collegeOrAbove: 139, mobile: 7 });
    expect(s.percents).toMatchObject({ probationary: 3.07, female: 37.85, minority: 3.84, aged35OrUnder: 32.74, collegeOrAbove: 35.55 });
    expect(s.pipeline).toEqual({ applicants: 0, activists: 71, developmentTargets: 9 });
    expect(s.ethnicity.map((e) => [e.name, e.count])).toEqual([['汉族', 376], ['回族', 15]]);
    expect(s.ageBands.reduce((n, band) => n + band.count, 0)).toBe(391);

    const report = await cli(['report', 'basic-situation', '--org', HESHUN_CODE, '--as-of', HESHUN_AS_OF]);
    expectOk(report);
    expect(report.stdout).toContain(`截至2019年12月31日，和顺镇党委下设基层党组织${HESHUN_BRANCHES}个（党支部${HESHUN_BRANCHES}个）；`);
    expect(report.stdout).toContain('共有党员391名，其中预备党员12名，占党员总数的3.07%；女党员148名，占党员总数的37.85%；少数民族党员15名，占党员总数的3.84%；35岁及以下党员128名，占党员总数的32.74%；大专及以上学历党员139名，占党员总数的35.55%；流动党员7名。');
    expect(report.stdout).toContain('入党积极分子71名、发展对象9名');

    // Today the party group of 2021 exists and the member of 2025 is counted.
    const today = await cli(['report', 'basic-situation', '--org', HESHUN_CODE]);
    expectOk(today);
    expect(today.stdout).toContain(`和顺镇党委下设基层党组织${HESHUN_BRANCHES}个（党支部${HESHUN_BRANCHES}个），党小组1个；共有党员392名，其中预备党员13名`);
  }, 600_000);

  it('refuses a file with a bad row, naming the row, column and reason, and writes nothing', async () => {
    const bad = join(files, 'bad.csv');
    writeFileSync(bad, encodeCsv(headers, [
      templateRow({ ...heshunPeople()[0]!, name: '王新' }),
      [...templateRow({ ...heshunPeople()[1]!, name: '李新' }).slice(0, 3), '1990-02-30', ...templateRow(heshunPeople()[1]!).slice(4)],
    ], 'gb18030'));
    const result = await cli(['import', 'members', bad, '--commit']);
    expect(result.code, shown(result)).toBe(1);
    expect(result.stdout).toMatch(/^第 3 行\n\t错误\t出生日期「1990-02-30」: 日历上没有这一天$/m);
    expect(result.stdout).toContain('错误 1 处（1 行）');
    expect(result.stdout).toContain('未写入任何数据');
    // Without the bad row the first is new: nothing of the file was written.
    const good = join(files, 'good.csv');
    writeFileSync(good, encodeCsv(headers, [templateRow({ ...heshunPeople()[0]!, name: '王新' })], 'gb18030'));
    const retry = await cli(['import', 'members', good]);
    expectOk(retry);
    expect(retry.stdout).toContain('新增 1 人，更新 0 人');
  }, 300_000);
});

afterAll(() => dirs.cleanup());
