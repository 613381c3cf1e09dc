/** `grassroots rectification summary`: a year's weak-lax screening and rectification figures for a subtree. */
import { operatorFor } from '../modules/organizations/county.js';
import { visibleOrg } from '../modules/organizations/queries.js';
import { yearSummary } from '../modules/rectification/summary.js';
import { systemClock } from '../platform/clock.js';
import { required, type Values } from './args.js';
import { chooseCounty, cliLang, open, UsageError, type Storage } from './common.js';

const zh = cliLang === 'zh';

const categoryWords: Record<string, string> = { soft: '软', lax: '散', poor: '穷', chaotic: '乱' };

export async function rectificationCommand(storage: Storage, sub: string | undefined, values: Values): Promise<number> {
  if (sub !== 'summary') throw new UsageError(zh ? '用法：grassroots rectification summary --org CODE --year YYYY [--format json|text]' : 'Usage: grassroots rectification summary --org CODE --year YYYY [--format json|text]');
  const format = values.format ?? 'text';
  if (!['json', 'text'].includes(format)) throw new UsageError(zh ? `--format 应为 json 或 text：${format}` : `--format must be json or text: ${format}`);
  const yearText = required(values, 'year');
  if (!/^\d{4}$/.test(yearText)) throw new UsageError(zh ? `--year 应为四位年份：${yearText}` : `--year must be a four-digit year: ${yearText}`);
  const database = await open(storage);
  try {
    const county = await chooseCounty(database, values.county);
    const ctx = { db: database.db, clock: systemClock, actor: await operatorFor(database.db, county, 'rectification-summary') };
    const org = await visibleOrg(ctx, required(values, 'org'));
    const s = await yearSummary(ctx.db, { countyId: county.id, path: org.path }, Number(yearText));
    if (format === 'json') {
      console.log(JSON.stringify(s, null, 2));
      return 0;
    }
    const line = (zhLabel: string, enLabel: string, n: number) => console.log(`${zh ? zhLabel : enLabel}\t${n}`);
    console.log(zh ? `${org.name} ${yearText} 年软弱涣散党组织整顿` : `${org.name}: weak-lax organizations, ${yearText}`);
    line('排查', 'screened', s.screened);
    line('认定', 'defined', s.defined);
    line('整顿中', 'rectifying', s.rectifying);
    line('验收通过', 'accepted', s.accepted);
    line('验收未通过', 'failed acceptance', s.failedAcceptance);
    line('巩固观察', 'in watch', s.inWatch);
    line('销号', 'closed', s.closed);
    line('反弹', 'rebounds', s.rebounds);
    for (const c of s.byCriterion) console.log(`${zh ? '标准' : 'criterion'} ${c.code}\t${c.organizations}\t${c.title}`);
    for (const c of s.byCategory) console.log(`${zh ? '类别' : 'category'} ${zh ? categoryWords[c.category] ?? c.category : c.category}\t${c.organizations}`);
    for (const t of s.byTownship) console.log(`${t.code}\t${t.name}\t${t.screened}\t${t.withFindings}\t${t.defined}`);
    return 0;
  } finally {
    await database.close();
  }
}
