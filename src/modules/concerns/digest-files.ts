/**
 * The digest as files: a one-page notice (docx) a village posts on its board, headed as a county
 * office heads a notice (the issuing organization in red, a red rule, the title), and a workbook
 * (xlsx) with one sheet per village for the township's records. docx and exceljs load on first use.
 */
import type { DigestView, VillageDigest } from './contracts.js';

const [year, month] = [(m: string) => Number(m.slice(0, 4)), (m: string) => Number(m.slice(5, 7))];
export const monthTitle = (m: string) => `${year(m)}年${month(m)}月`;
/** Text cut so the notice stays on one page. */
const cut = (text: string | null, max: number) => (text === null ? '' : text.length > max ? `${text.slice(0, max)}…` : text);

/** The paragraphs of the notice above its table: what was collected, answered and is still open. */
export function noticeLines(v: VillageDigest, m: string): string[] {
  const categories = v.byCategory.filter((c) => c.collected > 0).map((c) => `${c.name}${c.collected}件`).join('、');
  return [
    `${monthTitle(m)}，本村共收集群众诉求${v.collected}件${categories ? `（${categories}）` : ''}，当月答复${v.answered}件，其中按期答复${v.onTime}件；目前尚在办理${v.open}件。`,
    '现将办理情况公示如下。群众对答复有意见的，可凭查询码在诉求页面评价或申请重新办理，也可向村党组织反映。',
  ];
}

/** One page per village: a township prints all its villages' notices at once. */
export async function digestNotice(d: DigestView, issuedOn: string): Promise<Buffer> {
  const m = d.month;
  const { AlignmentType, BorderStyle, Document, Packer, Paragraph, Table, TableCell, TableRow, TextRun, WidthType } = await import('docx');
  const run = (text: string, size = 24, bold = false, color?: string) => new TextRun({ text, font: 'FangSong', size, bold, color });
  const cell = (text: string, width: number, bold = false) => new TableCell({ width: { size: width, type: WidthType.PERCENTAGE }, children: [new Paragraph({ children: [run(text, 20, bold)] })] });
  const rows = (v: VillageDigest) => v.items.map((i) => new TableRow({
    children: [cell(i.receivedOn.slice(5), 9), cell(i.category ?? '未分类', 12), cell(cut(i.summary, 30), 35), cell(i.stateLabel, 12), cell(cut(i.reply, 40), 32)],
  }));
  const doc = new Document({
    sections: d.villages.map((v) => ({
      properties: { page: { size: { width: 11906, height: 16838 }, margin: { top: 1400, bottom: 1200, left: 1400, right: 1300 } } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, children: [new TextRun({ text: v.org.name, font: 'SimSun', size: 52, bold: true, color: 'C00000' })] }),
        new Paragraph({ border: { bottom: { style: BorderStyle.SINGLE, size: 18, color: 'C00000', space: 4 } }, spacing: { after: 300 }, children: [] }),
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 300 }, children: [new TextRun({ text: `${monthTitle(m)}民情诉求办理情况公示`, font: 'SimHei', size: 36, bold: true })] }),
        ...noticeLines(v, m).map((line) => new Paragraph({ indent: { firstLine: 560 }, spacing: { line: 440 }, children: [run(line, 28)] })),
        new Table({
          width: { size: 100, type: WidthType.PERCENTAGE },
          rows: [new TableRow({ tableHeader: true, children: [cell('收到日期', 9, true), cell('类别', 12, true), cell('诉求摘要', 35, true), cell('办理状态', 12, true), cell('答复', 32, true)] }), ...rows(v)],
        }),
        new Paragraph({ alignment: AlignmentType.RIGHT, spacing: { before: 400 }, children: [run(v.org.name, 28)] }),
        new Paragraph({ alignment: AlignmentType.RIGHT, children: [run(`${year(issuedOn)}年${month(issuedOn)}月${Number(issuedOn.slice(8, 10))}日`, 28)] }),
      ],
    })),
  });
  return Packer.toBuffer(doc);
}

export async function digestWorkbook(d: DigestView): Promise<Buffer> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const summary = workbook.addWorksheet('汇总', { views: [{ state: 'frozen', ySplit: 1 }] });
  summary.columns = [
    { header: '村（社区）', width: 24 }, { header: '编号', width: 16 }, { header: '当月收集', width: 10 }, { header: '当月答复', width: 10 },
    { header: '按期答复', width: 10 }, { header: '尚在办理', width: 10 },
  ];
  summary.getRow(1).font = { bold: true };
  for (const v of d.villages) summary.addRow([v.org.name, v.org.code, v.collected, v.answered, v.onTime, v.open]);
  for (const v of d.villages) {
    // Sheet names are at most 31 characters and unique; the code makes them so.
    const sheet = workbook.addWorksheet(`${v.org.code}`.slice(0, 31), { views: [{ state: 'frozen', ySplit: 2 }] });
    sheet.addRow([`${v.org.name} ${monthTitle(d.month)}民情诉求办理情况`]).font = { bold: true };
    sheet.addRow(['收到日期', '类别', '诉求摘要', '办理状态', '答复日期', '答复', '当月收集', '当月答复', '尚在办理']).font = { bold: true };
    sheet.columns = [12, 12, 44, 14, 12, 50, 10, 10, 10].map((width) => ({ width }));
    for (const i of v.items) {
      sheet.addRow([i.receivedOn, i.category ?? '未分类', i.summary, i.stateLabel, i.repliedOn ?? '', i.reply ?? '', i.collected ? '是' : '', i.answered ? '是' : '', i.open ? '是' : '']);
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
