/**
 * Word documents as county offices file them: a title and body paragraphs in 仿宋, the title in
 * 小标宋 style (bold, larger), A4. `docx` is loaded on first use, like exceljs, to keep start-up fast.
 */
export async function textDocx(title: string, paragraphs: string[]): Promise<Buffer> {
  const { Document, Packer, Paragraph, TextRun, AlignmentType } = await import('docx');
  const body = (text: string) => new Paragraph({
    indent: { firstLine: 640 },
    spacing: { line: 560 },
    children: [new TextRun({ text, font: 'FangSong', size: 32 })],
  });
  const doc = new Document({
    sections: [{
      properties: { page: { size: { width: 11906, height: 16838 } } },
      children: [
        new Paragraph({ alignment: AlignmentType.CENTER, spacing: { after: 400 }, children: [new TextRun({ text: title, bold: true, font: 'SimHei', size: 44 })] }),
        ...paragraphs.map(body),
      ],
    }],
  });
  return Packer.toBuffer(doc);
}
