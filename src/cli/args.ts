import { parseArgs } from 'node:util';
import { roles } from '../platform/access/abilities.js';
import { cliLang, UsageError } from './common.js';

const zh = cliLang === 'zh';

export const usage = `grassroots — 基层党建工作平台 / Grassroots Party-building platform

用法 Usage: grassroots <命令 command> [选项 options]

  serve [--port 3000] [--host 127.0.0.1] [--demo-if-empty]   启动平台 / start the platform
  init --county-code CODE --county-name NAME                 新建县及县委根组织 / create a county
  demo [--scale county|city|province] [--seed N] [--county-code CODE]
                                                             生成演示数据 / build demo data
  import orgs FILE [--commit] [--county CODE]                导入党组织（默认仅校验）/ import organizations (dry run unless --commit)
  import members FILE [--commit] [--county CODE]             导入党员信息（默认仅校验）/ import members (dry run unless --commit)
  user add --username U --password P --role ROLE --org CODE [--name NAME] [--title TITLE] [--county CODE]
                                                             新建账号 / add a user (roles: ${roles.join(', ')})
  stats members --org CODE [--as-of YYYY-MM-DD] [--age-bands 35,54] [--format json|text]
                                                             党员统计 / member statistics
  report basic-situation --org CODE [--as-of DATE] [--lang zh|en]
                                                             基本情况段落 / the basic-situation paragraph
  compliance --org CODE --rule RULE [--from DATE] [--to DATE] [--format json|text]
                                                             制度落实情况 / compliance with a cadence rule
  compliance rules [--format json|text]                      现行制度频次要求 / the cadence rules in force
  compliance province --rule RULE [--from DATE] [--to DATE] [--format json|text]
                                                             全省各县制度落实情况 / every county's compliance
  concerns stats --org CODE --from DATE --to DATE [--format json|text]
                                                             民情诉求统计 / concern statistics
  rectification summary --org CODE --year YYYY [--format json|text]
                                                             软弱涣散整顿年度汇总 / the year's weak-lax rectification figures
  cards --village CODE --out FILE.pdf [--layout card|sheet] [--base-url URL]
                                                             打印民情联系卡 / print a village's concern cards
  audit verify                                               校验审计链 / verify the audit chain
  backup FILE                                                备份嵌入式数据库 / back up the embedded database
  restore FILE [--force]                                     从备份恢复 / restore from a backup

通用选项 Common: --data DIR（或 GRASSROOTS_DATA，默认 ./data）；设置 DATABASE_URL=postgres://… 则使用 PostgreSQL 服务器。
Set GRASSROOTS_LANG=en for English messages.`;

export const options = {
  data: { type: 'string' },
  port: { type: 'string' },
  host: { type: 'string' },
  'demo-if-empty': { type: 'boolean' },
  'county-code': { type: 'string' },
  'county-name': { type: 'string' },
  county: { type: 'string' },
  scale: { type: 'string' },
  seed: { type: 'string' },
  commit: { type: 'boolean' },
  username: { type: 'string' },
  password: { type: 'string' },
  role: { type: 'string' },
  org: { type: 'string' },
  name: { type: 'string' },
  title: { type: 'string' },
  force: { type: 'boolean' },
  'as-of': { type: 'string' },
  rule: { type: 'string' },
  from: { type: 'string' },
  to: { type: 'string' },
  'age-bands': { type: 'string' },
  format: { type: 'string' },
  lang: { type: 'string' },
  village: { type: 'string' },
  out: { type: 'string' },
  layout: { type: 'string' },
  'base-url': { type: 'string' },
  year: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

export type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

export function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(zh ? `缺少选项 --${name}` : `Missing option --${name}`);
  return value.trim();
}


export function parse(argv: string[]) {
  return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
}
