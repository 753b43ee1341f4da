// Response exports as one XLSX workbook: long and wide answers, theme scores, and the question dictionary.
// Written with exceljs' streaming writer (no in-memory cell model), into a buffer sent once complete.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralise } from '../csv.ts';
import { exportTables, parseResponse, type Cell, type ExportResponse } from './layout.ts';

type Json = Record<string, any>;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEETS = { long: 'Réponses (long)', wide: 'Réponses (large)', themes: 'Scores par thème', questions: 'Questions' } as const;
/** Rows of an Excel sheet, header included. */
const MAX_ROWS = 1_048_576;

export class TooManyRowsError extends Error {}

/** Text is written as text and neutralised like in CSV; numbers, booleans and dates keep their type. */
const xlsxCell = (v: Cell): Cell => (typeof v === 'string' ? neutralise(v) : v);

export async function responsesXlsx(definition: Json, campaign: { year: number }, responses: ExportResponse[]): Promise<Buffer> {
  const tables = exportTables(definition, campaign);
  const parsed = responses.map(parseResponse);
  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Auto-évaluation des PTCE';

  const sheet = (name: string, header: string[], widths: Record<number, number> = {}, numFmt: Record<number, string> = {}) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = header.map((h, i) => ({ key: String(i), width: widths[i] ?? Math.min(Math.max(h.length + 2, 10), 40), style: numFmt[i] ? { numFmt: numFmt[i] } : {} }));
    const top = ws.addRow(header.map(neutralise));
    top.font = { bold: true };
    top.commit();
    let count = 1;
    return {
      add(cells: Cell[]) {
        if (++count > MAX_ROWS) throw new TooManyRowsError(name);
        ws.addRow(cells.map(xlsxCell)).commit();
      },
      done: () => ws.commit(),
    };
  };

  const long = sheet(SHEETS.long, tables.longHeader, { 1: 30, 3: 18, 5: 32, 6: 30 }, { 7: '0.00' });
  for (const p of parsed) for (const row of tables.longRows(p)) long.add(row);
  long.done();

  const wide = sheet(SHEETS.wide, tables.wideHeader, { 1: 30, 3: 18, 5: 20 }, { 5: 'yyyy-mm-dd hh:mm:ss' });
  for (const p of parsed) wide.add(tables.wideRow(p));
  wide.done();

  const themeFormats = Object.fromEntries(tables.themeHeader.map((_, i) => [i, i >= 5 ? '0.00' : ''] as const).filter(([, f]) => f));
  const themes = sheet(SHEETS.themes, tables.themeHeader, { 1: 30, 3: 18 }, themeFormats);
  for (const p of parsed) themes.add(tables.themeRow(p));
  themes.done();

  const questions = sheet(SHEETS.questions, tables.questionsHeader, { 0: 32, 1: 60, 3: 28, 4: 40 });
  for (const row of tables.questionRows()) questions.add(row);
  questions.done();

  await workbook.commit();
  await ended;
  return Buffer.concat(chunks);
}
