import { parseArgs } from 'node:util';
import { readFile } from 'node:fs/promises';
import { systemClock } from '../platform/clock.js';
import { verifyAuditChain } from '../platform/audit/audit.js';
import { DataDirLockedError } from '../platform/db/lock.js';
import { readTableFile, TableFileError } from '../platform/files/table-file.js';
import { AppError } from '../platform/errors.js';
import { roles, type Role } from '../platform/access/abilities.js';
import { addUser } from '../modules/accounts/users.js';
import { initCounty, operatorFor } from '../modules/organizations/county.js';
import { importOrganizations, orgImportHeaders } from '../modules/organizations/import.js';
import { backup, restore } from './backup.js';
import { chooseCounty, cliLang, describeError, open, storageFrom, UsageError } from './common.js';
import { loadDemo } from './demo.js';
import { serve } from './serve.js';

const zh = cliLang === 'zh';

const usage = `grassroots — 基层党建工作平台 / Grassroots Party-building platform

用法 Usage: grassroots <命令 command> [选项 options]

  serve [--port 3000] [--host 127.0.0.1] [--demo-if-empty]   启动平台 / start the platform
  init --county-code CODE --county-name NAME                 新建县及县委根组织 / create a county
  demo [--scale county|city|province] [--seed N] [--county-code CODE]
                                                             生成演示数据 / build demo data
  import orgs FILE [--commit] [--county CODE]                导入党组织（默认仅校验）/ import organizations (dry run unless --commit)
  user add --username U --password P --role ROLE --org CODE [--name NAME] [--title TITLE] [--county CODE]
                                                             新建账号 / add a user (roles: ${roles.join(', ')})
  audit verify                                               校验审计链 / verify the audit chain
  backup FILE                                                备份嵌入式数据库 / back up the embedded database
  restore FILE [--force]                                     从备份恢复 / restore from a backup

通用选项 Common: --data DIR（或 GRASSROOTS_DATA，默认 ./data）；设置 DATABASE_URL=postgres://… 则使用 PostgreSQL 服务器。
Set GRASSROOTS_LANG=en for English messages.`;

const options = {
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
  help: { type: 'boolean', short: 'h' },
} as const;

type Values = ReturnType<typeof parseArgs<{ options: typeof options; allowPositionals: true }>>['values'];

function required(values: Values, name: keyof Values): string {
  const value = values[name];
  if (typeof value !== 'string' || value.trim() === '') throw new UsageError(zh ? `缺少选项 --${name}` : `Missing option --${name}`);
  return value.trim();
}

function portNumber(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 1 || port > 65535) throw new UsageError(zh ? `端口“${value}”无效，应为 1–65535 的整数` : `Invalid port "${value}": a whole number from 1 to 65535`);
  return port;
}

async function run(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  const [command, sub, arg] = positionals;
  if (values.help || !command) {
    console.log(usage);
    return command || values.help ? 0 : 2;
  }
  const storage = storageFrom(values);
  switch (command) {
    case 'serve':
      return serve(storage, {
        port: portNumber(values.port ?? process.env.PORT ?? '3000'),
        host: values.host ?? '127.0.0.1',
        demoIfEmpty: values['demo-if-empty'] ?? false,
      });
    case 'init': {
      const code = required(values, 'county-code');
      const name = required(values, 'county-name');
      const database = await open(storage);
      try {
        await initCounty(database.db, systemClock, { code, name });
        console.log(zh ? `已创建 ${name}（${code}）及县委根组织“${name}委”，组织编码 ${code}。` : `Created ${name} (${code}) and its root organization ${name}委 with code ${code}.`);
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'demo':
      return loadDemo(storage, {
        scale: (values.scale ?? 'county') as 'county' | 'city' | 'province',
        seed: Number(values.seed ?? 1),
        countyCode: values['county-code'],
      });
    case 'import': {
      if (sub !== 'orgs' || !arg) throw new UsageError(zh ? '用法：grassroots import orgs FILE [--commit]' : 'Usage: grassroots import orgs FILE [--commit]');
      return importOrgsCommand(storage, arg, values);
    }
    case 'user': {
      if (sub !== 'add') throw new UsageError(zh ? '用法：grassroots user add …' : 'Usage: grassroots user add …');
      const role = required(values, 'role');
      if (!roles.includes(role as Role)) throw new UsageError(zh ? `未知角色 ${role}，可选：${roles.join(', ')}` : `Unknown role ${role}; one of ${roles.join(', ')}`);
      const database = await open(storage);
      try {
        const county = await chooseCounty(database, values.county);
        const ctx = { db: database.db, clock: systemClock, actor: await operatorFor(database.db, county, 'user-add') };
        await addUser(ctx, {
          username: required(values, 'username'), password: required(values, 'password'), role: role as Role,
          orgCode: required(values, 'org'), name: values.name, title: values.title,
        });
        console.log(zh ? `已创建账号 ${values.username}。` : `Created user ${values.username}.`);
        return 0;
      } finally {
        await database.close();
      }
    }
    case 'audit': {
      if (sub !== 'verify') throw new UsageError(zh ? '用法：grassroots audit verify' : 'Usage: grassroots audit verify');
      const database = await open(storage);
      try {
        const result = await verifyAuditChain(database.db);
        if (result.ok) {
          console.log(zh ? `审计链完整：${result.counties} 个县，${result.events} 条事件。` : `Audit chain intact: ${result.counties} counties, ${result.events} events.`);
          return 0;
        }
        console.error(zh
          ? `审计链已断裂：县 ${result.countyCode} 第 ${result.seq} 条事件（${result.reason}）。此前 ${result.events} 条事件校验通过。`
          : `Audit chain broken at county ${result.countyCode}, event #${result.seq} (${result.reason}); ${result.events} events before it verified.`);
        return 1;
      } finally {
        await database.close();
      }
    }
    case 'backup':
      return backup(storage, sub ?? '');
    case 'restore':
      return restore(storage, sub ?? '', values.force ?? false);
    default:
      throw new UsageError((zh ? `未知命令：${command}\n\n` : `Unknown command: ${command}\n\n`) + usage);
  }
}

async function importOrgsCommand(storage: ReturnType<typeof storageFrom>, file: string, values: Values): Promise<number> {
  const table = await readTableFile(await readFile(file), file, { requiredHeaders: orgImportHeaders.required, optionalHeaders: orgImportHeaders.optional });
  const database = await open(storage);
  try {
    const county = await chooseCounty(database, values.county);
    const ctx = { db: database.db, clock: systemClock, actor: await operatorFor(database.db, county, 'import-orgs') };
    const report = await importOrganizations(ctx, table, { commit: values.commit ?? false, lang: cliLang });
    for (const row of report.rows) {
      const status = row.problems.length === 0 ? (zh ? '通过' : 'ok') : (zh ? '错误' : 'error');
      console.log(`${zh ? '第' : 'row '}${row.rowNumber}${zh ? '行' : ''}\t${row.code}\t${row.name}\t${status}`);
      for (const p of row.problems) console.log(`\t${p.field}: ${p.message}`);
    }
    const encoding = table.encoding ? ` (${table.encoding})` : '';
    console.log(zh
      ? `共 ${report.rows.length} 行${encoding}：${report.valid} 行通过，${report.invalid} 行有误。`
      : `${report.rows.length} rows${encoding}: ${report.valid} valid, ${report.invalid} with errors.`);
    if (report.invalid > 0) {
      console.log(zh ? '未写入任何数据。请修正后重新导入。' : 'Nothing was written. Fix the rows and import again.');
      return 1;
    }
    console.log(report.committed
      ? (zh ? `已导入 ${report.valid} 个党组织。` : `Imported ${report.valid} organizations.`)
      : (zh ? '这是试运行，未写入数据；加 --commit 正式导入。' : 'Dry run: nothing written; add --commit to import.'));
    return 0;
  } finally {
    await database.close();
  }
}

run(process.argv.slice(2)).then(
  (code) => { process.exitCode = code; },
  (error: unknown) => {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      console.error((error as Error).message);
      process.exitCode = 2;
    } else if (error instanceof AppError || error instanceof DataDirLockedError) {
      console.error(describeError(error));
      process.exitCode = 1;
    } else if (error instanceof TableFileError) {
      console.error(error.detail[cliLang === 'zh' ? 'zh' : 'en']);
      process.exitCode = 1;
    } else {
      console.error(error);
      process.exitCode = 1;
    }
  },
);
