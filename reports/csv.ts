// CSV for French spreadsheets: UTF-8 with BOM, `;` by default, and no cell a spreadsheet could run as a formula.
const FORMULA_START = /^[=+\-@\t\r]/;

export type CsvSeparator = ';' | ',';

/** Text a spreadsheet could run as a formula (starting with = + - @ tab or CR) gets a leading `'`: shown, never run. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export function csvCell(value: unknown): string {
  const text = neutralise(value === null || value === undefined ? '' : String(value));
  return /[";,\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function toCsv(header: string[], rows: unknown[][], separator: CsvSeparator = ';'): string {
  const lines = [header, ...rows].map((row) => row.map((cell) => csvCell(cell)).join(separator));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/**
 * A number as the spreadsheet that goes with the separator reads it: decimal comma with `;` (French Excel),
 * decimal point with `,`. At most two decimals. A number is not text: it is never prefixed with `'`.
 */
export function csvNumber(n: number, separator: CsvSeparator = ';', decimals = 2): string {
  if (!Number.isFinite(n)) return '';
  const scale = 10 ** decimals;
  const text = String(Math.round(n * scale) / scale || 0);
  return separator === ';' ? text.replace('.', ',') : text;
}

/** Date and time (UTC) as spreadsheets recognise it: `2026-03-01 10:00:00`. */
export const csvDate = (d: Date): string => d.toISOString().slice(0, 19).replace('T', ' ');

/**
 * One CSV line (without line break) of typed cells: numbers per `csvNumber`, dates per `csvDate`, everything else
 * as neutralised text, quoted only when it holds the separator, a quote or a line break.
 */
export function csvLine(cells: readonly unknown[], separator: CsvSeparator = ';', decimals = 2): string {
  const quote = separator === ';' ? /[";\n\r]/ : /[",\n\r]/;
  const out: string[] = new Array(cells.length);
  for (let i = 0; i < cells.length; i++) {
    const v = cells[i];
    if (typeof v === 'number') out[i] = csvNumber(v, separator, decimals);
    else if (v instanceof Date) out[i] = csvDate(v);
    else {
      const text = neutralise(v === null || v === undefined ? '' : String(v));
      out[i] = quote.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
    }
  }
  return out.join(separator);
}
