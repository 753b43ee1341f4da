// CSV for French spreadsheets: UTF-8 with BOM, `;` by default, and no cell a spreadsheet could run as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  let text = value === null || value === undefined ? '' : String(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[";,\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][], separator: ';' | ',' = ';'): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
