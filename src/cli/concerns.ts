/** `grassroots concerns stats`: the concern statistics of an organization over a span of intake, for scripts and offices. */
import { systemClock } from '../platform/clock.js';
import { operatorFor } from '../modules/organizations/county.js';
import type { ConcernFigures, StatisticsView } from '../modules/concerns/contracts.js';
import { concernStatistics } from '../modules/concerns/statistics.js';
import { required, type Values } from './args.js';
import { chooseCounty, cliLang, open, UsageError, type Storage } from './common.js';

const zh = cliLang === 'zh';
const day = /^\d{4}-\d{2}-\d{2}$/;

export async function concernsCommand(storage: Storage, sub: string | undefined, values: Values): Promise<number> {
  if (sub !== 'stats') throw new UsageError(zh ? '用法：grassroots concerns stats --org CODE --from DATE --to DATE [--format json|text]' : 'Usage: grassroots concerns stats --org CODE --from DATE --to DATE [--format json|text]');
  const format = values.format ?? 'text';
  if (!['json', 'text'].includes(format)) throw new UsageError(zh ? `--format 应为 json 或 text：${format}` : `--format must be json or text: ${format}`);
  const [org, from, to] = [required(values, 'org'), required(values, 'from'), required(values, 'to')];
  for (const [name, value] of [['from', from], ['to', to]]) {
    if (!day.test(value!)) throw new UsageError(zh ? `--${name} 应为 YYYY-MM-DD：${value}` : `--${name} must be YYYY-MM-DD: ${value}`);
  }
  const database = await open(storage);
  try {
    const county = await chooseCounty(database, values.county);
    const ctx = { db: database.db, clock: systemClock, actor: await operatorFor(database.db, county, 'concerns-stats') };
    const s = await concernStatistics(ctx, { org, from, to });
    if (format === 'json') {
      const { received, answered, onTime, overdue, satisfied, rated, satisfactionRate, onTimeRate, byCategory, byVillage, byTownship, trend } = s;
      console.log(JSON.stringify({ org: s.org, from, to, received, answered, onTime, overdue, satisfied, rated, satisfactionRate, onTimeRate, byCategory, byTownship, byVillage, trend }, null, 2));
    } else {
      console.log(asText(s));
    }
    return 0;
  } finally {
    await database.close();
  }
}

const percent = (share: number | null) => (share === null ? '—' : `${(share * 100).toFixed(1)}%`);

function asText(s: StatisticsView): string {
  const head = zh ? '\t受理\t答复\t按期\t超期\t满意率\t按期率' : '\tReceived\tAnswered\tOn time\tOverdue\tSatisfied\tOn-time rate';
  const line = (label: string, f: ConcernFigures) => `  ${label}\t${f.received}\t${f.answered}\t${f.onTime}\t${f.overdue}\t${percent(f.satisfactionRate)}\t${percent(f.onTimeRate)}`;
  const sections: [string, string[]][] = [
    [zh ? '按类别' : 'By category', s.byCategory.map((c) => line(c.name, c))],
    [zh ? '按乡镇' : 'By township', s.byTownship.map((t) => line(`${t.code} ${t.name}`, t))],
    [zh ? '按村（社区）' : 'By village', s.byVillage.map((v) => line(`${v.code} ${v.name}`, v))],
    [zh ? '按受理月份' : 'By month received', s.trend.map((m) => line(m.month, m))],
  ];
  const title = zh
    ? `${s.org.name}（${s.org.code}）民情诉求统计，${s.from} 至 ${s.to} 受理，截至 ${s.asOf}`
    : `${s.org.name} (${s.org.code}) concerns received ${s.from} to ${s.to}, as of ${s.asOf}`;
  const totals = zh
    ? `受理 ${s.received} 件，已答复 ${s.answered} 件（按期 ${s.onTime} 件，按期率 ${percent(s.onTimeRate)}），超期 ${s.overdue} 件；已评价 ${s.rated} 件，满意（含基本满意）${s.satisfied} 件，满意率 ${percent(s.satisfactionRate)}。`
    : `Received ${s.received}; answered ${s.answered} (${s.onTime} on time, ${percent(s.onTimeRate)}); overdue ${s.overdue}; rated ${s.rated}, satisfied ${s.satisfied} (${percent(s.satisfactionRate)}).`;
  return [title, totals, ...sections.filter(([, lines]) => lines.length > 0).flatMap(([name, lines]) => ['', name, head, ...lines])].join('\n');
}
