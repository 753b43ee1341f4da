import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { itemScore, scoreRespondent } from '../../reports/analysis/scoring.ts';
import { partsOf } from '../../surveys/model.ts';
import { themeCode } from '../../reports/export/theme-codes.ts';
import { hashToken } from '../../server/security/tokens.ts';
import { parseCsv } from '../helpers/csv.ts';
import { neutralise } from '../../reports/csv.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

type Json = Record<string, any>;

const HYPERLINK = '=HYPERLINK("http://x")';
const TRICKY = 'Oui; mais "vraiment",\nsur deux lignes';
const LONG_HEADER = ['campagne', 'pole', 'pole_id', 'reponse', 'college', 'college_libelle', 'question', 'valeur', 'valeur_libelle', 'theme', 'score'];
const SCORE = LONG_HEADER.indexOf('score');


const PROFILE = ['college', 'position', 'anciennete', 'siegeInstance'];
const FREE_TEXT = ['verbatimForces', 'verbatimObstacle', 'verbatimProposition'];

/** Answered leaf values that stay in the rows: matrix cells one by one; neither the profile nor free text. */
function leafCount(data: Json): number {
  let n = 0;
  for (const [key, value] of Object.entries(data)) {
    if (PROFILE.includes(key) || FREE_TEXT.includes(key) || value === undefined || value === null || value === '') continue;
    if (typeof value === 'object' && !Array.isArray(value)) n += Object.values(value).filter((v) => v !== undefined && v !== null && v !== '').length;
    else n++;
  }
  return n;
}

async function submit(links: { token: string }[], i: number, data: Json) {
  const res = await h.client().json('POST', `/api/responses/${links[i].token}/submit`, { data });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
}

/**
 * Two poles of three sent responses each (one results batch each), hostile free text in the first, which also has a
 * draft and an unopened link; the first pole's three write the same proposal, to be counted, not repeated.
 */
async function scenario() {
  const main = await poleWithCampaign(h);
  const { admin, coordinator, base, campaign } = main;
  const links = await createLinks(coordinator, base, { count: 5 });
  const answers = [
    { ...completeAnswers(h, 'ess', 1), coop_projets_niveau: 1, verbatimForces: HYPERLINK, verbatimObstacle: '+33 6 12 34 56 78', verbatimProposition: 'Un lieu commun' },
    { ...completeAnswers(h, 'salaries', 2), verbatimForces: '@cmd', verbatimObstacle: TRICKY, verbatimProposition: 'Un lieu commun' },
    { ...completeAnswers(h, 'ess', 3), verbatimForces: '-5', verbatimObstacle: '\tTab', verbatimProposition: 'Un lieu commun' },
  ];
  for (const [i, data] of answers.entries()) await submit(links, i, data);
  // A draft is not exported.
  const draft = await h.client().json('PUT', `/api/responses/${links[3].token}`, { data: { college: 'ess', verbatimForces: 'brouillon' } });
  expect(draft.status).toBe(200);

  const other = (await admin.json('POST', '/api/poles', { name: 'Autre pôle' })).body;
  const otherCoordinator = await h.coordinator(other.id);
  const otherBase = `/api/poles/${other.id}/campaigns/${campaign.id}`;
  const otherLinks = await createLinks(otherCoordinator, otherBase, { count: 3 });
  const otherAnswers = [completeAnswers(h, 'collectivites', 4), completeAnswers(h, 'collectivites', 5), completeAnswers(h, 'collectivites', 6)];
  for (const [i, data] of otherAnswers.entries()) await submit(otherLinks, i, data);

  const stored = h.deps.repos.db.prepare('SELECT id FROM responses').pluck().all() as string[];
  return { ...main, links, answers, other, otherCoordinator, otherBase, otherLinks, otherAnswers, tokens: [...links, ...otherLinks].map((l) => l.token), storedIds: stored };
}

async function download(client: Client, path: string) {
  const res = await client.request('GET', path);
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

async function csv(client: Client, path: string, sep: ';' | ',') {
  const { res, bytes } = await download(client, path);
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/csv; charset=utf-8/);
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  const text = bytes.toString('utf8').slice(1);
  expect(text.endsWith('\r\n')).toBe(true);
  return { res, text, rows: parseCsv(text, sep) };
}

async function workbook(bytes: Buffer) {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(bytes as any);
  return wb;
}

const formatted = (n: number, decimal: ',' | '.') => String(Math.round(n * 100) / 100).replace('.', decimal);

describe('response exports', () => {
  it('exports long CSV: no profile detail beyond k, no free text, no time, codes of the export only', async () => {
    const s = await scenario();
    const { res, text, rows } = await csv(s.admin, `/api/campaigns/${s.campaign.id}/export.csv`, ';');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptce-2026-reponses-long.csv"');
    expect(res.headers.get('cache-control')).toBe('no-store');
    const [header, ...lines] = rows;
    // Each pole's batch is one group (Autres collèges: ESS 2 + Salariés 1; Collectivités 3): the group column holds.
    expect(header).toEqual(LONG_HEADER);
    const at = (l: string[], name: string) => l[header.indexOf(name)];
    expect(new Set(lines.map((l) => `${at(l, 'pole')}|${at(l, 'college')}|${at(l, 'college_libelle')}`))).toEqual(
      new Set(['Pôle des Coteaux|autres|Autres collèges', 'Autre pôle|collectivites|Collectivités territoriales et organismes publics']),
    );
    const answered = lines.filter((l) => !PROFILE.includes(at(l, 'question')));
    expect(answered).toHaveLength([...s.answers, ...s.otherAnswers].reduce((n, data) => n + leafCount(data), 0));
    expect(lines.every((l) => l.length === header.length)).toBe(true);
    // Free text never shares a row with other answers; the draft is not there.
    expect(lines.some((l) => FREE_TEXT.includes(at(l, 'question')))).toBe(false);
    expect(text).not.toContain('brouillon');
    expect(new Set(lines.map((l) => at(l, 'campagne')))).toEqual(new Set(['2026']));

    // Each response under a code of this export only, `<salt>-<code>` with one salt for the file: never a stored id,
    // a link token nor its hash; another export of the same responses shares no code with it.
    const cells = new Set(lines.map((l) => at(l, 'reponse')));
    expect(cells.size).toBe(6);
    for (const cell of cells) expect(cell).toMatch(/^[a-z2-7]{8}-[a-z2-7]{12}$/);
    expect(new Set([...cells].map((cell) => cell.split('-')[0])).size).toBe(1);
    const again = await csv(s.admin, `/api/campaigns/${s.campaign.id}/export.csv`, ';');
    const codes = (cellsOf: Iterable<string>) => new Set([...cellsOf].map((cell) => cell.split('-')[1]));
    const againCodes = codes(again.rows.slice(1).map((l) => l[again.rows[0].indexOf('reponse')]));
    expect(againCodes.size).toBe(6);
    expect([...codes(cells)].filter((code) => againCodes.has(code))).toEqual([]);
    for (const secret of [...s.storedIds, ...s.tokens, ...s.tokens.map(hashToken)]) expect(text).not.toContain(secret);
    // No time anywhere.
    expect(text).not.toMatch(/2026-03-01|10:00/);
    for (const l of lines) expect(at(l, 'valeur')).not.toMatch(/^[=+\-@\t\r]/);

    // Item scores: 0..100 with a decimal comma; empty for unscored questions.
    const model = h.deps.questionnaires.get('ptce-2026')!.model;
    const item = model.items[model.itemIndex.get('coop_projets_niveau')!];
    const niveau = lines.filter((l) => at(l, 'question') === 'coop_projets_niveau' && at(l, 'valeur') === '1');
    expect(niveau.length).toBeGreaterThan(0);
    expect(at(niveau[0], 'score')).toBe(formatted(itemScore(item, 1)!, ','));
    expect(lines.every((l) => !at(l, 'score').includes('.'))).toBe(true);
  });

  it('puts free text in its own file: shuffled, counted, neutralised, without collège', async () => {
    const s = await scenario();
    const { res, rows } = await csv(s.coordinator, `${s.base}/export.csv?format=texts`, ';');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptce-2026-pole-des-coteaux-reponses-textes.csv"');
    const [header, ...lines] = rows;
    expect(header).toEqual(['campagne', 'pole', 'pole_id', 'question', 'libelle', 'texte', 'nombre']);
    const texts = lines.map((l) => [l[3], l[5], l[6]]);
    // The same proposal written three times is counted once.
    expect(texts.filter(([, t]) => t === 'Un lieu commun')).toEqual([['verbatimProposition', 'Un lieu commun', '3']]);
    expect(texts).toContainEqual(['verbatimForces', `'${HYPERLINK}`, '1']);
    expect(texts).toContainEqual(['verbatimForces', `'@cmd`, '1']);
    expect(texts).toContainEqual(['verbatimObstacle', TRICKY, '1']);
    for (const l of lines) expect(l[5]).not.toMatch(/^[=+\-@\t\r]/);
  });

  it('uses `,` and decimal points on request, and one wide line per response with no submission time', async () => {
    const s = await scenario();
    const long = await csv(s.admin, `/api/campaigns/${s.campaign.id}/export.csv?format=long&sep=${encodeURIComponent(',')}`, ',');
    expect(long.text.split('\r\n')[0]).toBe(LONG_HEADER.join(','));
    expect(long.rows.slice(1).some((l) => /^\d+\.\d+$/.test(l[SCORE]))).toBe(true);
    expect(long.rows.slice(1).every((l) => !l[SCORE].includes(','))).toBe(true);

    for (const sep of [';', ','] as const) {
      const { res, rows } = await csv(s.admin, `/api/campaigns/${s.campaign.id}/export.csv?format=wide&sep=${encodeURIComponent(sep)}`, sep);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptce-2026-reponses-large.csv"');
      const [header, ...lines] = rows;
      expect(header.slice(0, 6)).toEqual(['campagne', 'pole', 'pole_id', 'reponse', 'college', 'college_libelle']);
      expect(header).not.toContain('soumis_le');
      for (const key of FREE_TEXT) expect(header).not.toContain(key);
      expect(header.indexOf('gouv_debat.espaces_debat')).toBeLessThan(header.indexOf('coop_projets_niveau'));
      expect(lines).toHaveLength(6);
      expect(lines.every((l) => l.length === header.length)).toBe(true);
      // k-anonymous within each pole's batch over the profile columns kept.
      const kept = PROFILE.filter((p) => header.includes(p));
      const combos = new Map<string, number>();
      for (const l of lines) {
        const key = JSON.stringify([l[2], ...kept.map((p) => l[header.indexOf(p)])]);
        combos.set(key, (combos.get(key) ?? 0) + 1);
      }
      for (const n of combos.values()) expect(n).toBeGreaterThanOrEqual(3);
      // Answered values: as many non-empty answer cells as answer lines in the long export.
      const answerStart = header.indexOf('college_libelle') + 1;
      const filled = lines.reduce((n, l) => n + l.slice(answerStart).filter((v) => v !== '').length, 0);
      expect(filled).toBe(long.rows.length - 1);
    }
  });

  it('exports an XLSX workbook: typed cells, neutralised text, free text apart, what was withheld said', async () => {
    const s = await scenario();
    const { res, bytes } = await download(s.admin, `/api/campaigns/${s.campaign.id}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptce-2026-reponses.xlsx"');
    const wb = await workbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Réponses (long)', 'Réponses (large)', 'Scores par thème', 'Expression libre', 'Pôles × thèmes', 'Questions']);
    const model = h.deps.questionnaires.get('ptce-2026')!.model;

    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      ws.eachRow((row) => row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
      }));
    }
    const findRow = (ws: ExcelJS.Worksheet, test: (values: any[]) => boolean) => {
      for (let i = 2; i <= ws.rowCount; i++) if (test(ws.getRow(i).values as any[])) return ws.getRow(i);
      throw new Error('row not found');
    };
    const long = wb.getWorksheet('Réponses (long)')!;
    expect(long.getRow(1).values).toEqual([undefined, ...LONG_HEADER]);
    const csvLong = await csv(s.admin, `/api/campaigns/${s.campaign.id}/export.csv`, ';');
    expect(long.rowCount).toBe(csvLong.rows.length);
    const niveau = findRow(long, (v) => v[7] === 'coop_projets_niveau' && v[8] === 1);
    expect(niveau.getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect(niveau.getCell(11).type).toBe(ExcelJS.ValueType.Number);
    expect(niveau.getCell(11).value).toBe(itemScore(model.items[model.itemIndex.get('coop_projets_niveau')!], 1));
    // The code and its label side by side, and the item's theme under its export code.
    expect(niveau.getCell(9).value).toBe(partsOf(model.questions.find((q) => q.name === 'coop_projets_niveau')!.json.choices).find((c) => c.value === 1)!.label);
    expect(niveau.getCell(10).value).toBe(model.items[model.itemIndex.get('coop_projets_niveau')!].theme);

    const wide = wb.getWorksheet('Réponses (large)')!;
    expect(wide.rowCount).toBe(7);
    expect((wide.getRow(1).values as any[]).slice(1)).not.toContain('soumis_le');

    const themes = wb.getWorksheet('Scores par thème')!;
    expect((themes.getRow(1).values as any[]).slice(1)).toEqual(['campagne', 'pole', 'pole_id', 'reponse', 'college', 'college_libelle', ...model.themes.map(themeCode)]);
    expect((themes.getRow(1).values as any[])).toContain('gouv-equilibre-independance');
    expect(themes.rowCount).toBe(7);
    // The theme scores of the first pole's rows are those of its three respondents, in some order.
    const expected = s.answers.map((a) => scoreRespondent(model, a).themes[0]).sort();
    const got: number[] = [];
    themes.eachRow((row, i) => i > 1 && row.getCell(3).value === neutralise(s.pole.id) && got.push(row.getCell(7).value as number));
    expect(got.sort()).toEqual(expected);

    const texts = wb.getWorksheet('Expression libre')!;
    expect(findRow(texts, (v) => v[6] === 'Un lieu commun').getCell(7).value).toBe(3);
    expect(findRow(texts, (v) => v[6] === `'${HYPERLINK}`).getCell(6).type).toBe(ExcelJS.ValueType.String);

    const questions = wb.getWorksheet('Questions')!;
    expect((questions.getRow(1).values as any[]).slice(1)).toEqual([
      'question', 'libelle', 'type', 'theme', 'theme_libelle', 'theme_id_questionnaire', 'dimension', 'polarite', 'echelle_min', 'echelle_max', 'valeurs',
    ]);
    const dictNiveau = findRow(questions, (v) => v[1] === 'coop_projets_niveau');
    expect(dictNiveau.getCell(7).value).toBe('cooperation');
    expect(dictNiveau.getCell(9).value).toBe(0);
    expect(dictNiveau.getCell(10).value).toBe(3);
    expect(dictNiveau.getCell(11).value).toMatch(/^0 = .+ \| 1 = .+ \| 2 = .+ \| 3 = /);
    expect(findRow(questions, (v) => v[1] === '(codes des thèmes)').getCell(2).value).toMatch(/version 2026-12/);
    // The last line says what anonymisation did.
    expect(questions.getRow(questions.rowCount).getCell(1).value).toBe('(anonymisation)');
  });

  it('gives a coordinator their own pole only', async () => {
    const s = await scenario();
    const { res, rows } = await csv(s.coordinator, `${s.base}/export.csv`, ';');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptce-2026-pole-des-coteaux-reponses-long.csv"');
    const lines = rows.slice(1);
    expect(lines.filter((l) => !PROFILE.includes(l[6]))).toHaveLength(s.answers.reduce((n, data) => n + leafCount(data), 0));
    // Ids are random: one starting with « - » is written as text, like any formula-looking cell.
    expect(new Set(lines.map((l) => l[2]))).toEqual(new Set([neutralise(s.pole.id)]));

    const wide = await csv(s.coordinator, `${s.base}/export.csv?format=wide&sep=%2C`, ',');
    expect(wide.rows).toHaveLength(4);

    const xlsx = await download(s.coordinator, `${s.base}/export.xlsx`);
    expect(xlsx.res.status).toBe(200);
    const wb = await workbook(xlsx.bytes);
    expect(wb.getWorksheet('Réponses (large)')!.rowCount).toBe(4);
    const poleIds = new Set<unknown>();
    wb.getWorksheet('Réponses (long)')!.eachRow((row, i) => i > 1 && poleIds.add(row.getCell(3).value));
    expect(poleIds).toEqual(new Set([neutralise(s.pole.id)]));

    // Another pole's export, and the campaign-wide ones, are refused.
    expect((await s.coordinator.request('GET', `${s.otherBase}/export.csv`)).status).toBe(403);
    expect((await s.coordinator.request('GET', `${s.otherBase}/export.xlsx`)).status).toBe(403);
    expect((await s.coordinator.request('GET', `/api/campaigns/${s.campaign.id}/export.csv`)).status).toBe(403);
    expect((await s.coordinator.request('GET', `/api/campaigns/${s.campaign.id}/export.xlsx`)).status).toBe(403);
    // The admin may export any pole.
    const adminPole = await csv(s.admin, `${s.otherBase}/export.csv`, ';');
    expect(new Set(adminPole.rows.slice(1).map((l) => l[2]))).toEqual(new Set([neutralise(s.other.id)]));
  });

  it('defeats the coordinator who exports before and after a batch: the new rows single out no one', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    // Twelve people, nearly all unique on collège + position + seniority + seat (random profiles).
    const colleges = ['ess', 'ess', 'collectivites', 'recherche', 'ess', 'salaries', 'collectivites', 'hors_ess', 'ess', 'benevoles_citoyens', 'collectivites', 'salaries'];
    const links = await createLinks(coordinator, base, { count: 12 });
    const answerOf = (i: number) => completeAnswers(h, colleges[i], 500 + i);
    const profileOf = (i: number) => JSON.stringify(PROFILE.map((p) => answerOf(i)[p]));
    expect(new Set(colleges.map((_, i) => profileOf(i))).size).toBeGreaterThanOrEqual(10);
    for (let i = 0; i < 9; i++) await submit(links, i, answerOf(i));
    const before = await csv(coordinator, `${base}/export.csv?format=wide`, ';');
    for (let i = 9; i < 12; i++) await submit(links, i, answerOf(i));
    const after = await csv(coordinator, `${base}/export.csv?format=wide`, ';');
    const [header, ...rowsAfter] = after.rows;
    expect(rowsAfter).toHaveLength(12);
    expect(before.rows).toHaveLength(10);
    // Rows matched on their answers: the three new ones are the last batch's.
    const answersOnly = (h2: string[], l: string[]) => JSON.stringify(h2.map((k, i) => (PROFILE.includes(k) || k.startsWith('college') || k === 'reponse' ? '' : l[i])));
    const seen = new Set(before.rows.slice(1).map((l) => answersOnly(before.rows[0], l)));
    const fresh = rowsAfter.filter((l) => !seen.has(answersOnly(header, l)));
    expect(fresh).toHaveLength(3);
    // Whatever profile detail is left, the three new rows share it: none can be told from the others.
    const kept = header.filter((k) => PROFILE.includes(k) || k === 'college');
    const combos = new Set(fresh.map((l) => JSON.stringify(kept.map((k) => l[header.indexOf(k)]))));
    expect(combos.size).toBe(1);
    // And the file says what it withheld, in French, in a header.
    const note = decodeURIComponent(after.res.headers.get('x-export-note') ?? '');
    expect(note).toMatch(/anonymat|retir|généralis/i);
  });

  it('refuses anonymous callers, invalid options and unknown campaigns', async () => {
    const { admin, coordinator, campaign, base } = await poleWithCampaign(h);
    const anonymous = h.client();
    for (const path of [`/api/campaigns/${campaign.id}/export.csv`, `/api/campaigns/${campaign.id}/export.xlsx`, `${base}/export.csv`, `${base}/export.xlsx`]) {
      expect((await anonymous.request('GET', path)).status).toBe(401);
    }
    for (const query of ['format=xml', `sep=${encodeURIComponent('|')}`, 'format=wide&sep=%09']) {
      const res = await admin.json('GET', `/api/campaigns/${campaign.id}/export.csv?${query}`);
      expect(res.status).toBe(422);
      expect(res.body.error.code).toBe('validation');
      expect((await coordinator.json('GET', `${base}/export.csv?${query}`)).status).toBe(422);
    }
    expect((await admin.json('GET', '/api/campaigns/nope/export.csv')).status).toBe(404);
    expect((await admin.json('GET', '/api/campaigns/nope/export.xlsx')).status).toBe(404);
    expect((await coordinator.json('GET', base.replace(/campaigns\/.*/, 'campaigns/nope/export.csv'))).status).toBe(404);

    // No submitted response yet: just the header.
    const empty = await csv(admin, `/api/campaigns/${campaign.id}/export.csv?format=wide`, ';');
    expect(empty.rows).toHaveLength(1);
    const wb = await workbook((await download(admin, `/api/campaigns/${campaign.id}/export.xlsx`)).bytes);
    expect(wb.getWorksheet('Réponses (long)')!.rowCount).toBe(1);
    expect(wb.getWorksheet('Questions')!.rowCount).toBeGreaterThan(50);
  });
});
