
export interface TemplateColumn {
  header: string;
  width?: number;
  required?: boolean;
  /** Allowed values: Excel offers them as a drop-down list. */
  choices?: string[];
  note?: string;
}

/**
 * An import template as county offices expect one: the header row in bold (required columns
 * marked), drop-down lists where values are fixed, example rows, and a sheet of instructions.
 */
export async function importTemplate(sheetName: string, columns: TemplateColumn[], examples: string[][], instructions: string[]): Promise<Buffer> {
  // Loaded on demand: exceljs takes ~0.5 s to import.
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns.map((c) => ({ header: c.header, width: c.width ?? 16, style: { numFmt: '@' } }));
  // Examples first: a validation set on an empty row creates it, and addRow would append after row 2000.
  for (const example of examples) sheet.addRow(example);
  const header = sheet.getRow(1);
  header.font = { bold: true };
  columns.forEach((c, i) => {
    const cell = header.getCell(i + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: c.required ? 'FFFDE2E2' : 'FFEFEFEF' } };
    if (c.note) cell.note = c.note;
    if (c.choices) {
      const letter = sheet.getColumn(i + 1).letter;
      for (let row = 2; row <= 2000; row++) {
        sheet.getCell(`${letter}${row}`).dataValidation = {
          type: 'list', allowBlank: !c.required, formulae: [`"${c.choices.join(',')}"`],
          showErrorMessage: true, errorTitle: c.header, error: `请从下拉列表中选择：${c.choices.join('、')}`,
        };
      }
    }
  });
  const help = workbook.addWorksheet('填写说明');
  help.getColumn(1).width = 100;
  for (const line of instructions) help.addRow([line]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
