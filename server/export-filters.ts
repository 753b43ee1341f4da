// The network exports after the dashboard's filters: which poles they keep, and how the file says so (an
// `X-Export-Filters` header, and a row of the XLSX dictionary), without touching the export layouts themselves.
import ExcelJS from 'exceljs';
import type { AppDeps } from './context.ts';
import type { Campaign } from './db/index.ts';
import { networkFiltersText, networkPoleIds, type NetworkFilters } from './network-results.ts';
import { SHEETS } from '../reports/export/xlsx.ts';
import { neutralise } from '../reports/csv.ts';

/** First cell of the dictionary's filters row (as `(anonymisation)` heads its note row). */
export const FILTERS_LABEL = '(filtres)';

export interface NetworkExportScope {
  /** Whether any filter is set (else every pole is kept). */
  filtered: boolean;
  poleIds: ReadonlySet<string>;
  /** « Filtres : Forme juridique : Association », or « Filtres : aucun (tous les pôles) ». */
  text: string;
  /** The text as a header value: UTF-8, percent-encoded (only ASCII on the wire, as `X-Export-Note`). */
  header: string;
}

export function networkExportScope(deps: AppDeps, campaign: Campaign, filters: NetworkFilters): NetworkExportScope {
  const text = `Filtres : ${networkFiltersText(deps, campaign, filters)}`;
  return { filtered: Object.keys(filters).length > 0, poleIds: networkPoleIds(deps, campaign, filters), text, header: encodeURIComponent(text) };
}

/** The workbook with the filters stated on the last row of its dictionary sheet. */
export async function withFiltersRow(file: Buffer, scope: NetworkExportScope): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(file as unknown as ArrayBuffer);
  workbook.getWorksheet(SHEETS.questions)?.addRow([FILTERS_LABEL, neutralise(scope.text)]);
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
