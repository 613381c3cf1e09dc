import { readFile } from 'node:fs/promises';
import { systemClock } from '../platform/clock.js';
import { verifyAuditChain } from '../platform/audit/audit.js';
import { readTableFile } from '../platform/files/table-file.js';
import { roles, type Role } from '../platform/access/abilities.js';
import { addUser } from '../modules/accounts/users.js';
import { initCounty, operatorFor } from '../modules/organizations/county.js';
import { importOrganizations, orgImportHeaders } from '../modules/organizations/import.js';
import { required, usage, type Values } from './args.js';
import { backup, restore } from './backup.js';
import { cardsCommand } from './cards.js';
import { chooseCounty, cliLang, open, UsageError, type Storage } from './common.js';
import { complianceCommand } from './compliance.js';
import { concernsCommand } from './concerns.js';
import { rectificationCommand } from './rectification.js';
import { loadDemo } from './demo.js';
import { importMembersCommand } from './import-members.js';
import { statisticsCommand } from './statistics.js';

const zh = cliLang === 'zh';

/** Every command but serve, which starts its database before loading the server (see main.ts). */
export async function runCommand(command: string, sub: string | undefined, arg: string | undefined, values: Values, storage: Storage): Promise<number> {
  switch (command) {
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
      if (sub === 'members' && arg) return importMembersCommand(storage, arg, values);
      if (sub !== 'orgs' || !arg) throw new UsageError(zh ? '用法：grassroots import orgs|members FILE [--commit]' : 'Usage: grassroots import orgs|members FILE [--commit]');
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
    case 'stats':
      if (sub !== 'members') throw new UsageError(zh ? '用法：grassroots stats members --org CODE …' : 'Usage: grassroots stats members --org CODE …');
      return statisticsCommand(storage, 'stats', values);
    case 'report':
      if (sub !== 'basic-situation') throw new UsageError(zh ? '用法：grassroots report basic-situation --org CODE …' : 'Usage: grassroots report basic-situation --org CODE …');
      return statisticsCommand(storage, 'report', values);
    case 'compliance':
      return complianceCommand(storage, sub, values);
    case 'rectification':
      return rectificationCommand(storage, sub, values);
    case 'cards':
      return cardsCommand(storage, values);
    case 'concerns':
      return concernsCommand(storage, sub, values);
    case 'backup':
      return backup(storage, sub ?? '');
    case 'restore':
      return restore(storage, sub ?? '', values.force ?? false);
    default:
      throw new UsageError((zh ? `未知命令：${command}\n\n` : `Unknown command: ${command}\n\n`) + usage);
  }
}

async function importOrgsCommand(storage: Storage, file: string, values: Values): Promise<number> {
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
