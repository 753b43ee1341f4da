// The network exports honour the dashboard's filters (only the poles kept) and say which apply: the
// X-Export-Filters header (percent-encoded French) and, in a filtered workbook, a row of the dictionary.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { parseCsv } from '../helpers/csv.ts';
import { generateDemoNetwork } from '../../server/demo/network.ts';
import { FILTERS_LABEL } from '../../server/export-filters.ts';
import { SHEETS } from '../../reports/export/xlsx.ts';

const BASE = '/api/campaigns/campagne-2026';
let h: Harness;
let admin: Client;
beforeAll(async () => {
  h = await createHarness();
  await generateDemoNetwork(h.deps);
  admin = await h.admin();
});
afterAll(() => h.close());

/** The poles of an export (column pole_id of its rows) and the filters it states. */
async function csvExport(query: string) {
  const res = await admin.request('GET', `${BASE}/export.csv${query}`);
  expect(res.status, query).toBe(200);
  const [header, ...rows] = parseCsv((await res.text()).replace(/^\uFEFF/, ''), ';').filter((r) => r.length > 1);
  const column = header.indexOf('pole_id');
  return { poles: new Set(rows.map((r) => r[column])), filters: decodeURIComponent(res.headers.get('x-export-filters') ?? '') };
}
const polesOf = async (query: string) => new Set<string>((await admin.json('GET', `${BASE}/results${query}`)).body.poles.map((p: { id: string }) => p.id));

describe('network exports after the dashboard’s filters', () => {
  it('export exactly the poles of the results with the same filters, and say the filters', async () => {
    const cases: [string, string][] = [
      ['', 'Filtres : aucun (tous les pôles)'],
      ['legalForm=ues', 'Filtres : Forme juridique : Union d’économie sociale (UES)'],
      ['legalForm=association&minAge=13', 'Filtres : Forme juridique : Association ; pôles d’au moins 13 ans'],
      [`region=${encodeURIComponent('Bretagne')}`, 'Filtres : Région : Bretagne'],
    ];
    for (const [filters, said] of cases) {
      const expected = await polesOf(filters ? `?${filters}` : '');
      for (const format of ['long', 'wide']) {
        const got = await csvExport(`?format=${format}${filters ? `&${filters}` : ''}`);
        expect(got.poles, `${format} ${filters}`).toEqual(expected);
        expect(got.filters).toBe(said);
      }
    }
    expect((await polesOf('?legalForm=association&minAge=13')).size).toBe(7);
    expect((await admin.request('GET', `${BASE}/export.csv?minAge=vieux`)).status).toBe(422);
  });

  it('states the filters in the workbook’s dictionary, and keeps only the poles they keep', async () => {
    const res = await admin.request('GET', `${BASE}/export.xlsx?legalForm=aucune`);
    expect(res.status).toBe(200);
    expect(decodeURIComponent(res.headers.get('x-export-filters')!)).toBe('Filtres : Forme juridique : Pas de structure juridique');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await res.arrayBuffer());
    const dictionary = workbook.getWorksheet(SHEETS.questions)!;
    const last = dictionary.getRow(dictionary.rowCount).values as unknown[];
    expect(last.slice(1)).toEqual([FILTERS_LABEL, 'Filtres : Forme juridique : Pas de structure juridique']);
    const wide = workbook.getWorksheet(SHEETS.wide)!;
    const column = (wide.getRow(1).values as unknown[]).indexOf('pole_id');
    const poles = new Set<unknown>();
    wide.eachRow((row, n) => n > 1 && poles.add(row.getCell(column).value));
    expect(poles).toEqual(await polesOf('?legalForm=aucune'));
    expect(poles.size).toBe(3);

    // Unfiltered, the header says so and the dictionary has no filters row.
    const all = await admin.request('GET', `${BASE}/export.xlsx`);
    expect(decodeURIComponent(all.headers.get('x-export-filters')!)).toBe('Filtres : aucun (tous les pôles)');
    const whole = new ExcelJS.Workbook();
    await whole.xlsx.load(await all.arrayBuffer());
    const questions = whole.getWorksheet(SHEETS.questions)!;
    expect((questions.getRow(questions.rowCount).values as unknown[])[1]).not.toBe(FILTERS_LABEL);
  });

  it('leaves a pole’s own export unfiltered and unlabelled', async () => {
    const res = await admin.request('GET', '/api/poles/pole-1/campaigns/campagne-2026/export.csv?legalForm=ues');
    expect(res.status).toBe(200);
    expect(res.headers.get('x-export-filters')).toBeNull();
  });
});
