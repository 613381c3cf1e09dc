import { systemClock } from '../platform/clock.js';
import { invalid } from '../platform/errors.js';
import { operatorFor } from '../modules/organizations/county.js';
import { basicSituation } from '../modules/members/statistics/basic-situation.js';
import { parseAgeEdges } from '../modules/members/statistics/rules.js';
import { memberStatistics, type MemberStatistics } from '../modules/members/statistics/service.js';
import { required, type Values } from './args.js';
import { chooseCounty, cliLang, open, UsageError, type Storage } from './common.js';

const zh = cliLang === 'zh';

/** `stats members` and `report basic-situation`: the figures of a subtree as of a day, for scripts and offices. */
export async function statisticsCommand(storage: Storage, kind: 'stats' | 'report', values: Values): Promise<number> {
  const orgCode = required(values, 'org');
  const asOf = values['as-of'];
  if (asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(asOf)) throw new UsageError(zh ? `--as-of 应为 YYYY-MM-DD：${asOf}` : `--as-of must be YYYY-MM-DD: ${asOf}`);
  let ageEdges: number[] | undefined;
  if (values['age-bands'] !== undefined) {
    ageEdges = parseAgeEdges(values['age-bands']) ?? undefined;
    if (!ageEdges) throw invalid('statistics.bad_age_edges', { value: values['age-bands'] });
  }
  if (values.format !== undefined && !['json', 'text'].includes(values.format)) throw new UsageError(zh ? `--format 应为 json 或 text：${values.format}` : `--format must be json or text: ${values.format}`);
  if (values.lang !== undefined && !['zh', 'en'].includes(values.lang)) throw new UsageError(zh ? `--lang 应为 zh 或 en：${values.lang}` : `--lang must be zh or en: ${values.lang}`);
  const lang = kind === 'report' && values.lang ? (values.lang as 'zh' | 'en') : cliLang;
  const database = await open(storage);
  try {
    const county = await chooseCounty(database, values.county);
    const ctx = { db: database.db, clock: systemClock, actor: await operatorFor(database.db, county, `${kind}-members`) };
    const s = await memberStatistics(ctx, { orgCode, asOf, ageEdges, lang });
    if (kind === 'report') console.log(basicSituation(s, lang));
    else if ((values.format ?? 'text') === 'json') console.log(JSON.stringify(s, null, 2));
    else console.log(asText(s));
    return 0;
  } finally {
    await database.close();
  }
}

function asText(s: MemberStatistics): string {
  const line = (label: string, count: number, pct?: number) => `  ${label}\t${count}${pct === undefined ? '' : `\t${pct.toFixed(2)}%`}`;
  const { members: m, percents: p } = s;
  const sections: [string, string[]][] = [
    [zh ? '党员' : 'Members', [
      line(zh ? '党员总数' : 'Total', m.total), line(zh ? '正式党员' : 'Full', m.full, p.full), line(zh ? '预备党员' : 'Probationary', m.probationary, p.probationary),
      line(zh ? '男' : 'Male', m.male, p.male), line(zh ? '女' : 'Female', m.female, p.female), line(zh ? '少数民族' : 'Minority', m.minority, p.minority),
      line(zh ? '35岁及以下' : 'Aged 35 or under', m.aged35OrUnder, p.aged35OrUnder), line(zh ? '大专及以上' : 'College or above', m.collegeOrAbove, p.collegeOrAbove),
      line(zh ? '本科及以上' : 'Bachelor or above', m.bachelorOrAbove, p.bachelorOrAbove), line(zh ? '流动党员' : 'Mobile', m.mobile, p.mobile),
    ]],
    [zh ? '发展党员' : 'Pipeline', [
      line(zh ? '入党申请人' : 'Applicants', s.pipeline.applicants), line(zh ? '入党积极分子' : 'Activists', s.pipeline.activists),
      line(zh ? '发展对象' : 'Development targets', s.pipeline.developmentTargets),
    ]],
    [zh ? '年龄' : 'Age', s.ageBands.map((b) => line(b.label, b.count, b.percent))],
    [zh ? '学历' : 'Education', s.education.map((e) => line(e.label, e.count, e.percent))],
    [zh ? '民族' : 'Ethnicity', s.ethnicity.map((e) => line(e.name, e.count, e.percent))],
    [zh ? '职业' : 'Occupation', s.occupation.map((o) => line(o.label, o.count, o.percent))],
    [zh ? '入党时间' : 'Joined', s.joinPeriods.map((j) => line(j.label, j.count, j.percent))],
    [zh ? '下级组织' : 'Children', s.children.map((c) => `  ${c.code}\t${c.name}\t${c.members.total}`)],
  ];
  const title = zh ? `${s.org.name}（${s.org.code}）党员统计，截至 ${s.asOf}` : `${s.org.name} (${s.org.code}) member statistics as of ${s.asOf}`;
  return [title, ...sections.flatMap(([name, lines]) => ['', name, ...lines])].join('\n');
}
