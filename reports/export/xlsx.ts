// Response exports as one XLSX workbook: long and wide answers, theme scores, free text, and the question
// dictionary (with a note on what anonymisation changed). Written with exceljs' streaming writer (no in-memory
// cell model), into a buffer sent once complete.
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutralise } from '../csv.ts';
import { cryptoRandom } from './anonymity.ts';
import { exportTables, joinNotes, textsNote, type Cell, type ExportRow } from './layout.ts';
import type { QuestionnaireModel } from '../../surveys/model.ts';


export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
export const SHEETS = {
  long: 'Réponses (long)', wide: 'Réponses (large)', themes: 'Scores par thème', texts: 'Expression libre', poles: 'Pôles × thèmes', questions: 'Questions',
} as const;
/** Rows of an Excel sheet, header included. */
const MAX_ROWS = 1_048_576;
/** First cell of the dictionary's note row. */
export const NOTE_LABEL = '(anonymisation)';

export class TooManyRowsError extends Error {}

export interface XlsxExport {
  file: Buffer;
  /** What was generalised, left out or withheld to protect respondents, for an `X-Export-Note` header (null: nothing). */
  note: string | null;
}

/** Text is written as text and neutralised like in CSV; numbers, booleans and dates keep their type. */
const xlsxCell = (v: Cell): Cell => (typeof v === 'string' ? neutralise(v) : v);

const WIDTHS: Record<string, number> = { pole: 30, reponse: 24, college_libelle: 30, question: 32, valeur: 30, libelle: 60, texte: 80, theme: 28, theme_libelle: 40 };

export interface XlsxOptions {
  /** The « pôles × thèmes » table (reports/export/poles.ts), as its own sheet. */
  poles?: { header: string[]; rows: Cell[][] };
  /** More rows at the end of the dictionary, e.g. the filters the export applies: [label, text]. */
  notes?: [string, string][];
  random?: () => number;
}

export async function responsesXlsx(
  questionnaire: QuestionnaireModel, campaign: { year: number }, rows: readonly ExportRow[], k: number, options: XlsxOptions = {},
): Promise<XlsxExport> {
  const random = options.random ?? cryptoRandom;
  const tables = exportTables(questionnaire, campaign, rows, k, random);
  const texts = tables.texts();
  const rowsNote = tables.rowsNote();
  const note = joinNotes(rowsNote, textsNote(texts.withheld, k));

  const stream = new PassThrough();
  const chunks: Buffer[] = [];
  stream.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise<void>((resolve, reject) => {
    stream.on('end', resolve);
    stream.on('error', reject);
  });
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Auto-évaluation des PTCE';

  /** `numFmt`: the number format of a column, by name and index. */
  const sheet = (name: string, header: string[], numFmt: (column: string, i: number) => string | undefined = () => undefined) => {
    const ws = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = header.map((h, i) => {
      const fmt = numFmt(h, i);
      return { key: String(i), width: WIDTHS[h] ?? Math.min(Math.max(h.length + 2, 10), 40), style: fmt ? { numFmt: fmt } : {} };
    });
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

  const long = sheet(SHEETS.long, tables.longHeader, (h) => (h === 'score' ? '0.00' : undefined));
  for (const r of tables.rows) for (const row of tables.longRows(r)) long.add(row);
  long.done();

  const wide = sheet(SHEETS.wide, tables.wideHeader);
  for (const r of tables.rows) wide.add(tables.wideRow(r));
  wide.done();

  const firstTheme = tables.themeHeader.length - tables.layout.model.themes.length;
  const themes = sheet(SHEETS.themes, tables.themeHeader, (_, i) => (i >= firstTheme ? '0.00' : undefined));
  for (const r of tables.rows) themes.add(tables.themeRow(r));
  themes.done();

  const free = sheet(SHEETS.texts, tables.textsHeader);
  for (const row of texts.rows) free.add(row);
  free.done();

  if (options.poles) {
    const firstScore = options.poles.header.indexOf('score_global');
    const poles = sheet(SHEETS.poles, options.poles.header, (_, i) => (i >= firstScore ? '0.00' : undefined));
    for (const row of options.poles.rows) poles.add(row);
    poles.done();
  }

  const questions = sheet(SHEETS.questions, tables.questionsHeader);
  for (const row of tables.questionRows()) questions.add(row);
  const allKept = `Aucune colonne de profil regroupée ni retirée : chaque combinaison de profil est partagée par au moins ${k} réponses de chaque lot.`;
  questions.add([NOTE_LABEL, joinNotes(rowsNote ?? allKept, textsNote(texts.withheld, k))]);
  for (const note of options.notes ?? []) questions.add(note);
  questions.done();

  await workbook.commit();
  await ended;
  return { file: Buffer.concat(chunks), note };
}
