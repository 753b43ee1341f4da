// Analysis-ready exports for the Labo: the « pôles × thèmes » table (matching each pole's own results), the
// data dictionary as CSV, answer codes beside their labels, a theme column in the long CSV, yes/no in French, theme
// codes that say what the theme is — all in files French Excel opens as they are (BOM, « ; », decimal comma, CRLF).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { parseCsv } from '../helpers/csv.ts';
import { generateDemoNetwork, type DemoAccounts } from '../../server/demo/network.ts';
import { SHEETS } from '../../reports/export/xlsx.ts';
import { themeCode } from '../../reports/export/theme-codes.ts';

const CAMPAIGN = 'campagne-2026';
const BASE = `/api/campaigns/${CAMPAIGN}`;
let h: Harness;
let admin: Client;
let accounts: DemoAccounts;
beforeAll(async () => {
  h = await createHarness();
  accounts = await generateDemoNetwork(h.deps);
  admin = await h.admin();
});
afterAll(() => h.close());

/** A CSV as French Excel reads it: BOM, « ; », CRLF; numbers with a decimal comma. */
async function frenchCsv(client: Client, url: string) {
  const res = await client.request('GET', url);
  expect(res.status, url).toBe(200);
  const bytes = new Uint8Array(await res.arrayBuffer());
  // The byte-order mark tells Excel the file is UTF-8 (a decoder would drop it: read the bytes).
  expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = new TextDecoder().decode(bytes);
  expect(text.endsWith('\r\n')).toBe(true);
  const [header, ...rows] = parseCsv(text, ';').filter((r) => r.length > 1);
  expect(rows.every((r) => r.length === header.length)).toBe(true);
  const at = (row: string[], name: string) => row[header.indexOf(name)];
  return { res, header, rows, at };
}
const frenchNumber = (cell: string) => (cell === '' ? null : Number(cell.replace(',', '.')));
/** The questionnaire version a campaign runs on: its themes make the columns. */
const versionOf = (campaignId: string) => h.deps.questionnaires.get(h.deps.repos.campaigns.get(campaignId)!.questionnaireId)!;

describe('the « pôles × thèmes » table', () => {
  it('gives each pole with results its profile and its balanced scores, as its own results give them to 0.001', async () => {
    const model = versionOf(CAMPAIGN).model;
    const { header, rows, at, res } = await frenchCsv(admin, `${BASE}/export.csv?format=poles`);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptce-2026-reponses-poles-themes.csv"');
    expect(header.slice(0, 4)).toEqual(['campagne', 'pole', 'pole_id', 'region']);
    // Profile columns: a choice's code then its label, yes/no in French, numbers as numbers.
    expect(header).toEqual(expect.arrayContaining(['formeJuridique', 'formeJuridique_libelle', 'lieuVitrine', 'anneeCreation', 'charte', 'charte_libelle']));
    // Theme columns under codes that say what the theme is: the theme whose role is « gouv-isomorphisme » (whatever
    // its id in this version) is written « gouv-equilibre-independance ».
    expect(header.slice(header.indexOf('score_global') + 1)).toEqual(model.themes.map(themeCode));
    expect(model.themes.some((t) => t.role === 'gouv-isomorphisme')).toBe(true);
    expect(header).toContain('gouv-equilibre-independance');
    expect(header).not.toContain('gouv-isomorphisme');
    // Codes, not this version's ids, where the two differ.
    for (const t of model.themes.filter((t) => themeCode(t) !== t.id)) expect(header, t.id).not.toContain(t.id);

    const network = (await admin.json('GET', `${BASE}/results`)).body;
    const withResults = network.poles.filter((p: { available: boolean }) => p.available);
    expect(rows.map((r) => at(r, 'pole_id')).sort()).toEqual(withResults.map((p: { id: string }) => p.id).sort());
    for (const row of rows) {
      const poleId = at(row, 'pole_id');
      const own = (await admin.json('GET', `/api/poles/${poleId}/campaigns/${CAMPAIGN}/results`)).body;
      expect(frenchNumber(at(row, 'score_global'))).toBeCloseTo(own.overall, 3);
      for (const theme of own.themes) {
        const code = themeCode(model.themes.find((t) => t.id === theme.id)!);
        const cell = frenchNumber(at(row, code));
        if (theme.score === null) expect(cell).toBeNull();
        else expect(cell).toBeCloseTo(theme.score, 3);
      }
      expect(['oui', 'non']).toContain(at(row, 'lieuVitrine'));
      expect(at(row, 'formeJuridique_libelle')).not.toBe('');
      expect(Number.isInteger(Number(at(row, 'anneeCreation')))).toBe(true);
    }
  });

  it('adds each pole’s change since an earlier campaign, as the network results give it', async () => {
    const { header, rows, at } = await frenchCsv(admin, `${BASE}/export.csv?format=poles&compareTo=campagne-2025`);
    expect(header).toEqual(expect.arrayContaining(['evolution_global', 'evolution_gouv-equilibre-independance']));
    const network = (await admin.json('GET', `${BASE}/results?compareTo=campagne-2025`)).body;
    const { themes } = versionOf(CAMPAIGN).model;
    expect(rows.length).toBeGreaterThan(0);
    for (const row of rows) {
      const pole = network.poles.find((p: { id: string }) => p.id === at(row, 'pole_id'));
      const expected = pole.change.overall;
      if (expected === null) expect(at(row, 'evolution_global')).toBe('');
      else expect(frenchNumber(at(row, 'evolution_global'))).toBeCloseTo(expected, 3);
      // Each theme's change under its code, as the results give it under the theme's id.
      for (const theme of themes) {
        const change = pole.change.themes[theme.id];
        const cell = at(row, `evolution_${themeCode(theme)}`);
        expect(cell, `${pole.name} ${theme.id}`).toBeDefined();
        if (change === null) expect(cell).toBe('');
        else expect(frenchNumber(cell), `${pole.name} ${theme.id}`).toBeCloseTo(change, 3);
      }
    }
    const unknown = await admin.json('GET', `${BASE}/export.csv?format=poles&compareTo=inconnue`);
    expect(unknown.status).toBe(422);
  });

  it('keeps only the poles of the filters, says them, and gives a coordinator their own pole’s row only', async () => {
    const filtered = await frenchCsv(admin, `${BASE}/export.csv?format=poles&legalForm=aucune`);
    expect(decodeURIComponent(filtered.res.headers.get('x-export-filters')!)).toBe('Filtres : Forme juridique : Pas de structure juridique');
    expect(filtered.rows.length).toBeGreaterThan(0);
    expect(filtered.rows.every((r) => filtered.at(r, 'formeJuridique') === 'aucune')).toBe(true);

    const coordinator = h.client();
    await coordinator.login(accounts.coordinators[0].email, accounts.coordinators[0].password);
    const poleId = h.deps.repos.users.findByEmail(accounts.coordinators[0].email)!.poleId!;
    const own = await frenchCsv(coordinator, `/api/poles/${poleId}/campaigns/${CAMPAIGN}/export.csv?format=poles`);
    expect(own.rows.map((r) => own.at(r, 'pole_id'))).toEqual([poleId]);
  });

  it('is a sheet of the Labo’s workbook, with the same rows', async () => {
    const res = await admin.request('GET', `${BASE}/export.xlsx`);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await res.arrayBuffer()) as unknown as ArrayBuffer);
    const sheet = wb.getWorksheet(SHEETS.poles)!;
    const { header, rows } = await frenchCsv(admin, `${BASE}/export.csv?format=poles`);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual(header);
    expect(sheet.rowCount).toBe(rows.length + 1);
    const scoreColumn = header.indexOf('score_global') + 1;
    expect(sheet.getRow(2).getCell(scoreColumn).type).toBe(ExcelJS.ValueType.Number);
  });
});

describe('the dictionary and the long CSV', () => {
  it('gives the dictionary as CSV: theme codes and questionnaire ids, scales, value codes beside their labels, the codes’ version', async () => {
    const { header, rows, at } = await frenchCsv(admin, `${BASE}/export.csv?format=dictionary`);
    expect(header).toEqual(['question', 'libelle', 'type', 'theme', 'theme_libelle', 'theme_id_questionnaire', 'dimension', 'polarite', 'echelle_min', 'echelle_max', 'valeurs']);
    // The theme of role « gouv-isomorphisme », whatever its id and label in the campaign's version.
    const theme = versionOf(CAMPAIGN).model.themes.find((t) => t.role === 'gouv-isomorphisme')!;
    const isomorphisme = rows.find((r) => at(r, 'theme_id_questionnaire') === theme.id)!;
    expect(at(isomorphisme, 'theme')).toBe('gouv-equilibre-independance');
    expect(at(isomorphisme, 'theme_libelle')).toBe(theme.label);
    const debate = rows.find((r) => at(r, 'question') === 'gouv_debat.espaces_debat')!;
    expect(at(debate, 'valeurs')).toMatch(/^1 = .+ \| 2 = .+ \| 3 = .+ \| 4 = .+ \| 5 = .+ \| nsp = .+$/);
    expect(rows.at(-1)![0]).toBe('(codes des thèmes)');
    expect(rows.at(-1)![1]).toMatch(/version 2026-12/);
  });

  it('writes each answer with its label and its theme code in the long CSV', async () => {
    const { header, rows, at } = await frenchCsv(admin, `${BASE}/export.csv`);
    expect(header.slice(-5)).toEqual(['question', 'valeur', 'valeur_libelle', 'theme', 'score']);
    const debate = rows.find((r) => at(r, 'question') === 'gouv_debat.espaces_debat' && at(r, 'valeur') !== 'nsp')!;
    expect(at(debate, 'theme')).toBe('gouv-debat-concertation');
    expect(at(debate, 'valeur_libelle')).not.toBe(at(debate, 'valeur'));
    expect(rows.some((r) => at(r, 'theme') === 'gouv-equilibre-independance')).toBe(true);
    // Decimal commas for French Excel, never « true »/« false ».
    expect(rows.some((r) => /^\d+,\d+$/.test(at(r, 'score')))).toBe(true);
    expect(rows.some((r) => r.includes('true') || r.includes('false'))).toBe(false);
  });
});
