// Response exports as CSV (UTF-8 with BOM), k-anonymous over the respondent-profile columns, free text apart.
import { csvLine, type CsvSeparator } from '../csv.ts';
import { cryptoRandom } from './anonymity.ts';
import { exportTables, joinNotes, textsNote, withheldNote, type Cell, type ExportRow } from './layout.ts';
import type { QuestionnaireModel } from '../../surveys/model.ts';

export type CsvFormat = 'long' | 'wide' | 'texts';

/**
 * A small table (the dictionary, the poles × themes table) as one CSV file: UTF-8 with BOM, CRLF, like the others;
 * `decimals` to keep figures as precise as the results they copy.
 */
export function tableCsv(header: readonly string[], rows: readonly Cell[][], separator: CsvSeparator, decimals = 2): string {
  return `\uFEFF${[header, ...rows].map((row) => csvLine(row, separator, decimals)).join('\r\n')}\r\n`;
}

export interface CsvExport {
  /** The file, made a batch of rows at a time as the client reads. */
  body: ReadableStream<Uint8Array>;
  /** What was generalised, left out or withheld to protect respondents, for an `X-Export-Note` header (null: nothing). */
  note: string | null;
}

const BATCH = 200;

/**
 * `long`: one line per answered leaf (value and item score); `wide`: one line per response, one column per leaf;
 * `texts`: the free text, one line per distinct text of a (pole, question) with at least k answers, and its count.
 * Rows are anonymised as a whole first (the decision needs every row); lines are then written batch by batch.
 */
export function responsesCsv(
  questionnaire: QuestionnaireModel, campaign: { year: number }, rows: readonly ExportRow[], format: CsvFormat, separator: CsvSeparator,
  k: number, random: () => number = cryptoRandom,
): CsvExport {
  const tables = exportTables(questionnaire, campaign, rows, k, random);
  const encoder = new TextEncoder();
  let header: string[];
  let lines: (from: number, to: number) => Cell[][];
  let count: number;
  let note: string | null;
  if (format === 'texts') {
    const texts = tables.texts();
    header = tables.textsHeader;
    lines = (from, to) => texts.rows.slice(from, to);
    count = texts.rows.length;
    note = joinNotes(withheldNote(tables.decision.withheld, k), textsNote(texts.withheld, k));
  } else {
    header = format === 'long' ? tables.longHeader : tables.wideHeader;
    lines = (from, to) => tables.rows.slice(from, to).flatMap((r) => (format === 'long' ? tables.longRows(r) : [tables.wideRow(r)]));
    count = tables.rows.length;
    note = tables.rowsNote();
  }
  let next = 0;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(header, separator)}\r\n`));
    },
    pull(controller) {
      if (next >= count) {
        controller.close();
        return;
      }
      const text = lines(next, next + BATCH).map((row) => csvLine(row, separator));
      next += BATCH;
      if (text.length) controller.enqueue(encoder.encode(`${text.join('\r\n')}\r\n`));
    },
  });
  return { body, note };
}
