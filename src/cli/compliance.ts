/** `grassroots compliance`: a rule's compliance per organization and period, every county's (province), and the rules in force. */
import { compliance } from '../modules/compliance/service.js';
import { rulesInForce, ruleView } from '../modules/compliance/rules.js';
import { provinceCompliance } from '../modules/compliance/province.js';
import { operatorFor } from '../modules/organizations/county.js';
import { chinaDate, systemClock } from '../platform/clock.js';
import type { Db } from '../platform/db/database.js';
import { required, type Values } from './args.js';
import { chooseCounty, cliLang, open, UsageError, type Storage } from './common.js';

const zh = cliLang === 'zh';
const day = /^\d{4}-\d{2}-\d{2}$/;

const statusWords = { done: '已完成', due: '待完成', overdue: '逾期', not_due: '未到期' } as const;

export async function complianceCommand(storage: Storage, sub: string | undefined, values: Values): Promise<number> {
  const format = values.format ?? 'text';
  if (!['json', 'text'].includes(format)) throw new UsageError(zh ? `--format 应为 json 或 text：${format}` : `--format must be json or text: ${format}`);
  for (const name of ['from', 'to'] as const) {
    const value = values[name];
    if (value !== undefined && !day.test(value)) throw new UsageError(zh ? `--${name} 应为 YYYY-MM-DD：${value}` : `--${name} must be YYYY-MM-DD: ${value}`);
  }
  if (sub !== undefined && sub !== 'rules' && sub !== 'province') throw new UsageError(zh ? '用法：grassroots compliance [rules|province] …' : 'Usage: grassroots compliance [rules|province] …');
  const database = await open(storage);
  try {
    if (sub === 'province') return await provinceCommand(database.db, required(values, 'rule'), values, format);
    const county = await chooseCounty(database, values.county);
    const ctx = { db: database.db, clock: systemClock, actor: await operatorFor(database.db, county, 'compliance') };
    if (sub === 'rules') {
      const rules = await rulesInForce(ctx.db, county.id);
      if (format === 'json') {
        console.log(JSON.stringify(rules.map(({ id, eventKind, subjectType, period, min, dueFromMonth, source }) => ({ id, eventKind, subjectType, period, min, dueFromMonth, source })), null, 2));
      } else {
        for (const rule of rules) console.log(`${rule.id}\t${ruleView(rule, cliLang).label}`);
      }
      return 0;
    }
    const view = await compliance(ctx, { rule: required(values, 'rule'), org: required(values, 'org'), from: values.from, to: values.to }, cliLang);
    const items = view.rows.flatMap((row) => view.periods.flatMap((p, i) => {
      const cell = row.cells[i];
      return cell ? [{ org: row.org.code, name: row.org.name, period: p.key, start: p.start, end: p.end, required: view.rule.min, held: cell.held, status: cell.status }] : [];
    }));
    if (format === 'json') {
      console.log(JSON.stringify({ rule: view.rule, org: view.org, items }, null, 2));
    } else {
      console.log(`${view.org.name}：${view.rule.label}`);
      for (const item of items) console.log(`${item.org}\t${item.name}\t${item.period}\t${item.held}/${item.required}\t${zh ? statusWords[item.status] : item.status}`);
    }
    return 0;
  } finally {
    await database.close();
  }
}

/** Every county of the database (a province's deployment): per period, subjects that met the rule out of those it applied to. */
async function provinceCommand(db: Db, rule: string, values: Values, format: string): Promise<number> {
  const today = chinaDate(systemClock.now());
  const view = await provinceCompliance(db, rule, values.from ?? `${today.slice(0, 4)}-01-01`, values.to ?? today, today);
  if (format === 'json') {
    console.log(JSON.stringify({ rule, periods: view.periods.map((p) => ({ period: p.key, start: p.start, end: p.end })), counties: view.counties }, null, 2));
    return 0;
  }
  for (const county of view.counties) {
    const cells = county.cells.map((c) => `${c.period} ${c.done}/${c.subjects}${c.status ? ` ${c.notDone}${zh ? statusWords[c.status] : ` ${c.status}`}` : ''}`);
    console.log(`${county.code}\t${county.name}\t${county.inForce ? cells.join('\t') : zh ? '本县未执行此制度' : 'rule not in force'}`);
  }
  return 0;
}
