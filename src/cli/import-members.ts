import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { systemClock } from '../platform/clock.js';
import { importMembers, openMemberFile, type MemberFile } from '../modules/members/import.js';
import { operatorFor } from '../modules/organizations/county.js';
import type { Values } from './args.js';
import { chooseCounty, cliLang, open, type Storage } from './common.js';

const zh = cliLang === 'zh';

/** `grassroots import members FILE [--commit]`: the rows with problems, then the counts; exit 1 on any error. */
export async function importMembersCommand(storage: Storage, file: string, values: Values): Promise<number> {
  const opened = await openMemberFile(await readFile(file), file);
  // A file whose format, encoding or header is wrong never reaches the database. Past that, the
  // rows are read while the database opens: the embedded engine starts in a thread of its own.
  const opening = open(storage);
  opening.catch(() => undefined); // awaited below, where a failure surfaces
  let table: MemberFile;
  try {
    table = await opened.read();
  } catch (error) {
    await opening.then((database) => database.close(), () => undefined);
    throw error;
  }
  const database = await opening;
  try {
    const county = await chooseCounty(database, values.county);
    const ctx = { db: database.db, clock: systemClock, actor: await operatorFor(database.db, county, 'import-members') };
    const report = await importMembers(ctx, table, { commit: values.commit ?? false, lang: cliLang, fileName: basename(file) });
    let row = 0;
    for (const p of report.problems) {
      if (p.rowNumber !== row) console.log(zh ? `第 ${p.rowNumber} 行` : `row ${p.rowNumber}`);
      row = p.rowNumber;
      const severity = p.severity === 'error' ? (zh ? '错误' : 'error') : (zh ? '警告' : 'warning');
      console.log(`\t${severity}\t${p.column}${p.value ? `「${p.value}」` : ''}: ${p.message}`);
    }
    const encoding = table.encoding ? ` (${table.encoding})` : '';
    console.log(zh
      ? `共 ${report.rows} 行${encoding}：新增 ${report.created} 人，更新 ${report.updated} 人（其中转入其他党组织 ${report.transferred} 人）；错误 ${report.errors} 处（${report.rowsWithErrors} 行），警告 ${report.warnings} 处。`
      : `${report.rows} rows${encoding}: ${report.created} new, ${report.updated} updated (${report.transferred} moved to another organization); ${report.errors} errors in ${report.rowsWithErrors} rows, ${report.warnings} warnings.`);
    if (report.errors > 0) {
      console.log(zh ? '未写入任何数据。请修正后重新导入。' : 'Nothing was written. Fix the rows and import again.');
      return 1;
    }
    console.log(report.committed
      ? (zh ? `已导入 ${report.rows} 行。` : `Imported ${report.rows} rows.`)
      : (zh ? '这是试运行，未写入数据；加 --commit 正式导入。' : 'Dry run: nothing written; add --commit to import.'));
    return 0;
  } finally {
    await database.close();
  }
}
