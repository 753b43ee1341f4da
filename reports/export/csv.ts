// Response exports as CSV (UTF-8 with BOM), streamed a batch of responses at a time.
import { csvLine, type CsvSeparator } from '../csv.ts';
import { exportTables, parseResponse, type ExportResponse } from './layout.ts';

type Json = Record<string, any>;
export type CsvFormat = 'long' | 'wide';

const BATCH = 200;

/**
 * `long`: one line per answered leaf (value and item score); `wide`: one line per response, one column per leaf.
 * The rows are already read (the database is free again); the text is made batch by batch as the client reads.
 */
export function responsesCsv(
  definition: Json, campaign: { year: number }, responses: ExportResponse[], format: CsvFormat, separator: CsvSeparator,
): ReadableStream<Uint8Array> {
  const tables = exportTables(definition, campaign);
  const encoder = new TextEncoder();
  let next = 0;
  return new ReadableStream<Uint8Array>({
    start(controller) {
      const header = format === 'long' ? tables.longHeader : tables.wideHeader;
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(header, separator)}\r\n`));
    },
    pull(controller) {
      if (next >= responses.length) {
        controller.close();
        return;
      }
      const lines: string[] = [];
      for (const r of responses.slice(next, next + BATCH)) {
        const parsed = parseResponse(r);
        if (format === 'long') for (const row of tables.longRows(parsed)) lines.push(csvLine(row, separator));
        else lines.push(csvLine(tables.wideRow(parsed), separator));
      }
      next += BATCH;
      if (lines.length) controller.enqueue(encoder.encode(`${lines.join('\r\n')}\r\n`));
    },
  });
}
