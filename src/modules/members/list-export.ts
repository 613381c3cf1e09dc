/**
 * The member list as a workbook. Its headers and values are the import's (plus the organization's
 * name, which the import ignores), so an exported file can be edited and imported again.
 */
import { PassThrough } from 'node:stream';
import { genderLabels, memberColumns } from './import-rows.js';
import type { ListedMember } from './queries.js';
import { educationCodes } from './rules/education.js';
import { ethnicityByCode } from './rules/ethnicity.js';
import { occupationLabels, type Occupation } from './rules/occupation.js';
import { memberCategoryLabels, type MemberCategory } from './rules/pipeline.js';

type Column = { header: string; width: number; value: (row: ListedMember) => string | null };
const column = (field: keyof typeof memberColumns, width: number, value: Column['value']): Column => ({ header: memberColumns[field], width, value });

const columns: Column[] = [
  column('name', 10, (r) => r.name),
  column('gender', 6, (r) => (r.gender === '1' || r.gender === '2' ? genderLabels[r.gender].zh : null)),
  column('ethnicity', 8, (r) => ethnicityByCode(r.ethnicity)?.zh ?? r.ethnicity),
  column('birthDate', 12, (r) => r.birthDate),
  column('idNumber', 21, (r) => r.idNumber),
  column('education', 14, (r) => (r.education ? educationCodes[r.education] ?? r.education : null)),
  column('category', 12, (r) => memberCategoryLabels[r.category as MemberCategory]?.zh ?? r.category),
  column('orgCode', 16, (r) => r.orgCode),
  // Not read back by the import (the code decides), but a reader wants the name.
  { header: '所在党组织', width: 22, value: (r) => r.orgName },
  column('appliedOn', 12, (r) => r.appliedOn),
  column('joinedOn', 12, (r) => r.joinedOn),
  column('fullOn', 12, (r) => r.fullOn),
  column('mobile', 8, (r) => (r.mobile ? '是' : '否')),
  column('occupation', 16, (r) => (r.occupation ? occupationLabels[r.occupation as Occupation]?.zh ?? r.occupation : null)),
  column('phone', 14, (r) => r.phone),
];

export const memberExportHeaders = columns.map((c) => c.header);

/** Written with the streaming writer: each row is serialized as it is added instead of kept as cell objects. */
export async function membersWorkbook(rows: ListedMember[]): Promise<Buffer> {
  // Loaded on demand: exceljs takes ~0.5 s to import.
  const { default: ExcelJS } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('党员名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(columns.map((c) => c.value(row) ?? '')).commit();
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
