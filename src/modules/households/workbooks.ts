/**
 * The household workbooks: the import template, and the export in the import's columns (plus the
 * village, which the import takes from the page), so that an exported file can be edited and imported again.
 */
import { PassThrough } from 'node:stream';
import { importTemplate } from '../../platform/files/xlsx-template.js';
import { idCheckCharacter } from '../members/rules/id-number.js';
import { genderLabels } from '../members/import-rows.js';
import { HOUSEHOLD_IMPORT_MAX_ROWS } from './import.js';
import { householdColumns as c } from './import-rows.js';
import { relationLabels, relations, type Relation } from './rules.js';

export function householdTemplate(countyCode: string, tagNames: string[]): Promise<Buffer> {
  const area = /^\d{6}$/.test(countyCode) ? countyCode : '110105';
  const id = (birth: string, sequence: string) => `${area}${birth}${sequence}${idCheckCharacter(`${area}${birth}${sequence}`)}`;
  const [tag1, tag2] = [tagNames[0] ?? '', tagNames[1] ?? ''];
  return importTemplate('农户', [
    { header: c.number, required: true, width: 10, note: '同一户的成员填写相同户号' },
    { header: c.villagerGroup, width: 10 },
    { header: c.name, required: true, width: 10 },
    { header: c.relation, required: true, width: 12, choices: relations.map((r) => relationLabels[r].zh) },
    { header: c.gender, width: 8, choices: ['男', '女'], note: '有身份证号时可留空' },
    { header: c.birthDate, width: 12, note: '留空时取自身份证号' },
    { header: c.idNumber, width: 22 },
    { header: c.phone, width: 16, note: '户主的电话即本户联系电话' },
    { header: c.address, width: 24 },
    { header: c.tags, width: 20, note: `多个标签用“、”分隔：${tagNames.join('、')}` },
  ], [
    ['001', '一组', '张建国', '户主', '男', '1966-04-15', id('19660415', '131'), '13812345678', '一组 12 号', [tag1, tag2].filter(Boolean).join('、')],
    ['001', '一组', '李秀英', '配偶', '女', '1969-08-20', id('19690820', '242'), '', '', ''],
    ['002', '二组', '王德明', '户主', '男', '1955-01-05', '', '0871-1234567', '二组 3 号', tag1],
  ], [
    '农户信息导入说明',
    '1. 第一行为表头，请勿修改；带红色底纹的列为必填。示例行请删除后再导入。',
    '2. 每行一名家庭成员，同一户的成员填写相同的户号；每户须有且只有一名户主。',
    '3. 村民小组、家庭住址、标签按户填写，写在户主一行即可；同一户各行填写的须一致。',
    '4. 与户主关系：户主、配偶、子女、父母、孙子女、兄弟姐妹、其他（也可写 妻、长子、孙女 等）。',
    '5. 身份证号须符合国家标准（含校验码），并与出生日期、性别一致；出生日期和性别留空时取自号码。',
    `6. 标签须是本县的农户标签：${tagNames.join('、')}。`,
    '7. 本村已有的户号按文件内容整户更新；有任何错误都不会写入任何数据。',
    `8. 也可另存为 CSV（UTF-8 或 GB18030 编码）后导入；单个文件最多 ${HOUSEHOLD_IMPORT_MAX_ROWS} 行。`,
  ]);
}

export interface ExportedMember {
  orgName: string;
  number: string | null;
  villagerGroup: string | null;
  name: string;
  relation: string;
  gender: string | null;
  birthDate: string | null;
  idNumber: string | null;
  phone: string | null;
  address: string | null;
  tags: string;
}

export const VILLAGE_COLUMN = '村（社区）';

export async function householdsWorkbook(rows: ExportedMember[]): Promise<Buffer> {
  // Loaded on demand: exceljs takes ~0.5 s to import.
  const { default: ExcelJS } = await import('exceljs');
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (chunk: Buffer) => chunks.push(chunk));
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useSharedStrings: false, useStyles: true });
  const sheet = workbook.addWorksheet('农户名册', { views: [{ state: 'frozen', ySplit: 1 }] });
  const widths = [22, 8, 10, 10, 10, 6, 12, 21, 14, 24, 20];
  sheet.columns = [VILLAGE_COLUMN, c.number, c.villagerGroup, c.name, c.relation, c.gender, c.birthDate, c.idNumber, c.phone, c.address, c.tags].map((header, i) => ({ header, width: widths[i], style: { numFmt: '@' } }));
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) {
    const gender = r.gender === '1' || r.gender === '2' ? genderLabels[r.gender].zh : '';
    sheet.addRow([r.orgName, r.number ?? '', r.villagerGroup ?? '', r.name, relationLabels[r.relation as Relation]?.zh ?? r.relation, gender, r.birthDate ?? '', r.idNumber ?? '', r.phone ?? '', r.address ?? '', r.tags]).commit();
  }
  sheet.commit();
  await workbook.commit();
  return Buffer.concat(chunks);
}
