import { importTemplate } from '../../platform/files/xlsx-template.js';
import { memberColumns } from './import-rows.js';
import { MEMBER_IMPORT_MAX_ROWS } from './import.js';
import { ethnicities } from './rules/ethnicity.js';
import { idCheckCharacter } from './rules/id-number.js';
import { occupationLabels, occupations } from './rules/occupation.js';
import { memberCategories, memberCategoryLabels } from './rules/pipeline.js';

const educationChoices = ['博士研究生', '硕士研究生', '大学本科', '大学专科', '中专', '职高', '技校', '高中', '初中', '小学', '其他'];

/** The member import template (xlsx): drop-down lists where values are fixed, two example rows, instructions. */
export function memberImportTemplate(countyCode: string, orgCode: string): Promise<Buffer> {
  const area = /^\d{6}/.test(countyCode) ? countyCode.slice(0, 6) : '110105';
  const idNumber = (birth: string, sequence: string) => `${area}${birth}${sequence}${idCheckCharacter(`${area}${birth}${sequence}`)}`;
  const c = memberColumns;
  return importTemplate('党员', [
    { header: c.name, required: true, width: 12 },
    { header: c.gender, required: true, width: 8, choices: ['男', '女'], note: '有公民身份号码时可留空' },
    { header: c.ethnicity, width: 10, choices: ethnicities.map((e) => e.zh), note: '留空按汉族' },
    { header: c.birthDate, width: 12, note: '留空时取自公民身份号码' },
    { header: c.idNumber, width: 22, note: '18 位；已登记的人员按此号码更新' },
    { header: c.education, width: 12, choices: educationChoices },
    { header: c.category, required: true, width: 14, choices: memberCategories.map((k) => memberCategoryLabels[k].zh) },
    { header: c.orgCode, required: true, width: 18 },
    { header: c.appliedOn, width: 14 },
    { header: c.joinedOn, width: 12, note: '预备党员、正式党员必填' },
    { header: c.fullOn, width: 12, note: '正式党员必填' },
    { header: c.mobile, width: 10, choices: ['是', '否'] },
    { header: c.occupation, width: 20, choices: occupations.map((o) => occupationLabels[o].zh) },
    { header: c.phone, width: 16 },
  ], [
    ['张建国', '男', '汉族', '1985-03-12', idNumber('19850312', '131'), '大学本科', '正式党员', orgCode, '2005-04-01', '2007-06-28', '2008-06-28', '否', '农牧渔民', '13812345678'],
    ['李秀英', '女', '彝族', '1998-09-20', idNumber('19980920', '242'), '大学专科', '入党积极分子', orgCode, '2024-03-15', '', '', '否', '其他职业人员', ''],
  ], [
    '党员信息导入说明',
    '1. 第一行为表头，请勿修改；带红色底纹的列为必填。示例行请删除后再导入。',
    '2. 人员类别：入党申请人、入党积极分子、发展对象、预备党员、正式党员。预备党员须填入党日期，正式党员须填入党日期和转正日期。',
    '3. 日期可写作 2019-01-05、2019/1/5、2019.01.05、20190105 或 2019年1月5日。',
    '4. 公民身份号码须与出生日期、性别一致；出生日期留空时取自号码。',
    '5. 所在党组织编码须是您管辖范围内的党支部（党总支、党委）。',
    '6. 已登记的人员（按公民身份号码，无号码时按姓名、出生日期和党组织）会被更新而不会重复登记；党组织变了的，原组织关系结束，在新组织建立关系。',
    '7. 导入时先逐行校验，违反发展党员规定的日期列为警告；有任何错误都不会写入任何数据。',
    `8. 也可另存为 CSV（UTF-8 或 GB18030 编码）后导入；单个文件最多 ${MEMBER_IMPORT_MAX_ROWS} 行。`,
  ]);
}
