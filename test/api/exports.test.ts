import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { itemScore, scoreRespondent, scoringModel } from '../../reports/analysis/scoring.ts';
import { neutralise } from '../../reports/csv.ts';
import { hashToken } from '../../server/security/tokens.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

type Json = Record<string, any>;

const HYPERLINK = '=HYPERLINK("http://x")';
const TRICKY = 'Oui; mais "vraiment",\nsur deux lignes';
const LONG_HEADER = ['campagne', 'pole', 'pole_id', 'reponse', 'college', 'question', 'valeur', 'score'];

/** RFC 4180 reading: quoted cells may hold the separator, quotes and line breaks. */
function parseCsv(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === sep) {
      row.push(cell);
      cell = '';
    } else if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += ch;
  }
  if (cell !== '' || row.length) rows.push([...row, cell]);
  return rows;
}

/** Answered leaf values, counted straight from the answers sent (matrix cells one by one; the collège has its own column). */
function leafCount(data: Json): number {
  let n = 0;
  for (const [key, value] of Object.entries(data)) {
    if (key === 'college' || value === undefined || value === null || value === '') continue;
    if (typeof value === 'object' && !Array.isArray(value)) n += Object.values(value).filter((v) => v !== undefined && v !== null && v !== '').length;
    else n++;
  }
  return n;
}

async function submit(links: { token: string }[], i: number, data: Json) {
  const res = await h.client().json('POST', `/api/responses/${links[i].token}/submit`, { data });
  if (res.status !== 201) throw new Error(JSON.stringify(res.body));
}

/** Two poles: three submitted responses (with hostile free text), a draft and an unopened link in the first; one in the second. */
async function scenario() {
  const main = await poleWithCampaign(h);
  const { admin, coordinator, base, campaign } = main;
  const links = await createLinks(coordinator, base, { count: 5 });
  const answers = [
    { ...completeAnswers(h, 'ess', 1), coop_projets_niveau: 1, verbatimForces: HYPERLINK, verbatimObstacle: '+33 6 12 34 56 78', verbatimProposition: '-5' },
    { ...completeAnswers(h, 'salaries', 2), verbatimForces: '@cmd', verbatimObstacle: TRICKY, verbatimProposition: '\tTab' },
    completeAnswers(h, 'ess', 3),
  ];
  for (const [i, data] of answers.entries()) await submit(links, i, data);
  // A draft is not exported.
  const draft = await h.client().json('PUT', `/api/responses/${links[3].token}`, { data: { college: 'ess', verbatimForces: 'brouillon' } });
  expect(draft.status).toBe(200);

  const other = (await admin.json('POST', '/api/poles', { name: 'Autre pôle' })).body;
  const otherCoordinator = await h.coordinator(other.id);
  const otherBase = `/api/poles/${other.id}/campaigns/${campaign.id}`;
  const otherLinks = await createLinks(otherCoordinator, otherBase, { count: 1 });
  const otherAnswers = completeAnswers(h, 'collectivites', 4);
  await submit(otherLinks, 0, otherAnswers);

  const ids = h.deps.repos.db.prepare("SELECT id, pole_id AS poleId, data FROM responses WHERE status = 'submitted'").all() as { id: string; poleId: string; data: string }[];
  const idOf = (verbatim: string) => ids.find((r) => JSON.parse(r.data).verbatimForces === verbatim)!.id;
  return {
    ...main, links, answers, other, otherCoordinator, otherBase, otherLinks, otherAnswers,
    tokens: [...links, ...otherLinks].map((l) => l.token),
    firstId: idOf(HYPERLINK),
    allIds: ids.map((r) => r.id),
  };
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
  it('exports long CSV, one line per answered value, with `;` and decimal commas by default', async () => {
    const s = await scenario();
    const { res, text, rows } = await csv(s.admin, `/api/campaigns/${s.campaign.id}/export.csv`, ';');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptce-2026-reponses-long.csv"');
    expect(text.split('\r\n')[0]).toBe(LONG_HEADER.join(';'));
    const [header, ...lines] = rows;
    expect(header).toEqual(LONG_HEADER);
    const expected = [...s.answers, s.otherAnswers].reduce((n, data) => n + leafCount(data), 0);
    expect(lines).toHaveLength(expected);
    expect(lines.every((l) => l.length === LONG_HEADER.length)).toBe(true);
    expect(lines.some((l) => l[5] === 'verbatimForces' && l[6] === 'brouillon')).toBe(false);

    // Both poles, by name, and the campaign's year.
    expect(new Set(lines.map((l) => l[1]))).toEqual(new Set(['Pôle des Coteaux', 'Autre pôle']));
    expect(new Set(lines.map((l) => l[2]))).toEqual(new Set([s.pole.id, s.other.id]));
    expect(new Set(lines.map((l) => l[0]))).toEqual(new Set(['2026']));

    // Response ids are the random row ids: never a link token nor its hash.
    const ids = new Set(lines.map((l) => l[3]));
    expect(ids).toEqual(new Set(s.allIds.map(neutralise)));
    for (const token of s.tokens) {
      expect(ids.has(token)).toBe(false);
      expect(ids.has(hashToken(token))).toBe(false);
      expect(text).not.toContain(token);
      expect(text).not.toContain(hashToken(token));
    }

    // Hostile free text is neutralised; other text kept whole (quoted when needed).
    const first = lines.filter((l) => l[3] === neutralise(s.firstId));
    const value = (rowsOf: string[][], q: string) => rowsOf.find((l) => l[5] === q)?.[6];
    expect(value(first, 'verbatimForces')).toBe(`'${HYPERLINK}`);
    expect(value(first, 'verbatimObstacle')).toBe(`'+33 6 12 34 56 78`);
    expect(value(first, 'verbatimProposition')).toBe(`'-5`);
    expect(text).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(lines.some((l) => l[6] === `'@cmd`)).toBe(true);
    expect(lines.some((l) => l[6] === `'\tTab`)).toBe(true);
    expect(lines.some((l) => l[6] === TRICKY)).toBe(true);
    for (const l of lines) expect(l[6]).not.toMatch(/^[=+\-@\t\r]/);

    // Item scores: 0..100 with a decimal comma; empty for unscored questions.
    const model = scoringModel(h.deps.questionnaires.get('ptce-2026')!.definition);
    const item = model.items[model.itemIndex.get('coop_projets_niveau')!];
    const niveau = first.find((l) => l[5] === 'coop_projets_niveau')!;
    expect(niveau[6]).toBe('1');
    expect(niveau[7]).toBe(formatted(itemScore(item, 1)!, ','));
    expect(niveau[7]).toMatch(/^\d+,\d+$/);
    expect(first.find((l) => l[5] === 'verbatimForces')![7]).toBe('');
    expect(first.find((l) => l[5] === 'anciennete')![7]).toBe('');
    const matrixRow = first.find((l) => l[5] === 'gouv_debat.espaces_debat')!;
    const matrixItem = model.items[model.itemIndex.get('gouv_debat.espaces_debat')!];
    expect(matrixRow[7]).toBe(formatted(itemScore(matrixItem, s.answers[0].gouv_debat.espaces_debat)!, ','));
    expect(lines.every((l) => !l[7].includes('.'))).toBe(true);
  });

  it('uses `,` and decimal points on request, and exports one wide line per response', async () => {
    const s = await scenario();
    const long = await csv(s.admin, `/api/campaigns/${s.campaign.id}/export.csv?format=long&sep=${encodeURIComponent(',')}`, ',');
    expect(long.text.split('\r\n')[0]).toBe(LONG_HEADER.join(','));
    const niveau = long.rows.find((l) => l[3] === neutralise(s.firstId) && l[5] === 'coop_projets_niveau')!;
    expect(niveau[7]).toMatch(/^\d+\.\d+$/);
    expect(long.rows.slice(1).every((l) => !l[7].includes(','))).toBe(true);
    expect(long.rows.slice(1).find((l) => l[3] === neutralise(s.firstId) && l[5] === 'verbatimForces')![6]).toBe(`'${HYPERLINK}`);

    for (const sep of [';', ','] as const) {
      const { res, rows } = await csv(s.admin, `/api/campaigns/${s.campaign.id}/export.csv?format=wide&sep=${encodeURIComponent(sep)}`, sep);
      expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptce-2026-reponses-large.csv"');
      const [header, ...lines] = rows;
      expect(header.slice(0, 6)).toEqual(['campagne', 'pole', 'pole_id', 'reponse', 'college', 'soumis_le']);
      // Questionnaire order, matrix rows expanded.
      expect(header.indexOf('position')).toBeLessThan(header.indexOf('gouv_debat.espaces_debat'));
      expect(header.indexOf('gouv_debat.espaces_debat')).toBeLessThan(header.indexOf('verbatimForces'));
      expect(header).not.toContain('college.college');
      expect(lines).toHaveLength(4);
      expect(lines.every((l) => l.length === header.length)).toBe(true);
      const first = lines.find((l) => l[3] === neutralise(s.firstId))!;
      const at = (key: string) => first[header.indexOf(key)];
      expect(at('college')).toBe('ess');
      expect(at('soumis_le')).toBe('2026-03-01 10:00:00');
      expect(at('verbatimForces')).toBe(`'${HYPERLINK}`);
      expect(at('verbatimObstacle')).toBe(`'+33 6 12 34 56 78`);
      expect(at('coop_projets_niveau')).toBe('1');
      expect(at('gouv_debat.espaces_debat')).toBe(String(s.answers[0].gouv_debat.espaces_debat));
      // Answered values: as many non-empty cells as in the long export.
      const filled = lines.reduce((n, l) => n + l.slice(6).filter((v) => v !== '').length, 0);
      expect(filled).toBe(long.rows.length - 1);
    }
  });

  it('exports an XLSX workbook: typed cells, neutralised text, bold frozen headers', async () => {
    const s = await scenario();
    const { res, bytes } = await download(s.admin, `/api/campaigns/${s.campaign.id}/export.xlsx`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptce-2026-reponses.xlsx"');
    const wb = await workbook(bytes);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Réponses (long)', 'Réponses (large)', 'Scores par thème', 'Questions']);
    const definition = h.deps.questionnaires.get('ptce-2026')!.definition;
    const model = scoringModel(definition);

    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      ws.eachRow((row) => row.eachCell((cell) => {
        expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
        if (typeof cell.value === 'string') expect(cell.value).not.toMatch(/^[=+\-@\t\r]/);
      }));
    }

    const long = wb.getWorksheet('Réponses (long)')!;
    expect(long.getRow(1).values).toEqual([undefined, ...LONG_HEADER]);
    const expected = [...s.answers, s.otherAnswers].reduce((n, data) => n + leafCount(data), 0);
    expect(long.rowCount).toBe(expected + 1);
    const findRow = (ws: ExcelJS.Worksheet, test: (values: any[]) => boolean) => {
      for (let i = 2; i <= ws.rowCount; i++) if (test(ws.getRow(i).values as any[])) return ws.getRow(i);
      throw new Error('row not found');
    };
    const niveau = findRow(long, (v) => v[4] === neutralise(s.firstId) && v[6] === 'coop_projets_niveau');
    expect(niveau.getCell(1).value).toBe(2026);
    expect(niveau.getCell(1).type).toBe(ExcelJS.ValueType.Number);
    expect(niveau.getCell(7).value).toBe(1);
    expect(niveau.getCell(8).type).toBe(ExcelJS.ValueType.Number);
    expect(niveau.getCell(8).value).toBe(itemScore(model.items[model.itemIndex.get('coop_projets_niveau')!], 1));
    const forces = findRow(long, (v) => v[4] === neutralise(s.firstId) && v[6] === 'verbatimForces');
    expect(forces.getCell(7).type).toBe(ExcelJS.ValueType.String);
    expect(forces.getCell(7).value).toBe(`'${HYPERLINK}`);
    expect(forces.getCell(8).value).toBeNull();
    expect(findRow(long, (v) => v[7] === `'-5`).getCell(7).type).toBe(ExcelJS.ValueType.String);
    expect(findRow(long, (v) => v[7] === `'@cmd`).getCell(7).type).toBe(ExcelJS.ValueType.String);

    const wide = wb.getWorksheet('Réponses (large)')!;
    const wideHeader = (wide.getRow(1).values as any[]).slice(1);
    expect(wideHeader.slice(0, 6)).toEqual(['campagne', 'pole', 'pole_id', 'reponse', 'college', 'soumis_le']);
    expect(wide.rowCount).toBe(5);
    const firstWide = findRow(wide, (v) => v[4] === neutralise(s.firstId));
    const col = (key: string) => firstWide.getCell(wideHeader.indexOf(key) + 1);
    expect(col('verbatimForces').value).toBe(`'${HYPERLINK}`);
    expect(col('verbatimObstacle').value).toBe(`'+33 6 12 34 56 78`);
    expect(col('anciennete').value).toBe(s.answers[0].anciennete);
    expect(col('soumis_le').value).toEqual(new Date('2026-03-01T10:00:00Z'));

    const themes = wb.getWorksheet('Scores par thème')!;
    const themeHeader = (themes.getRow(1).values as any[]).slice(1);
    expect(themeHeader).toEqual(['campagne', 'pole', 'pole_id', 'reponse', 'college', ...model.themes.map((t) => t.id)]);
    expect(themes.rowCount).toBe(5);
    const firstThemes = findRow(themes, (v) => v[4] === neutralise(s.firstId));
    const expectedThemes = scoreRespondent(model, s.answers[0]).themes;
    expectedThemes.forEach((score, i) => {
      const cell = firstThemes.getCell(6 + i);
      if (score === null) expect(cell.value).toBeNull();
      else {
        expect(cell.type).toBe(ExcelJS.ValueType.Number);
        expect(cell.value).toBeCloseTo(score, 10);
      }
    });

    const questions = wb.getWorksheet('Questions')!;
    expect((questions.getRow(1).values as any[]).slice(1)).toEqual(['question', 'libelle', 'type', 'theme', 'theme_libelle', 'dimension', 'polarite', 'echelle_min', 'echelle_max']);
    const dictNiveau = findRow(questions, (v) => v[1] === 'coop_projets_niveau');
    const item = model.items[model.itemIndex.get('coop_projets_niveau')!];
    expect(dictNiveau.getCell(4).value).toBe(item.theme);
    expect(dictNiveau.getCell(6).value).toBe('cooperation');
    expect(dictNiveau.getCell(7).value).toBe(item.polarity);
    expect(dictNiveau.getCell(8).value).toBe(0);
    expect(dictNiveau.getCell(9).value).toBe(3);
    const dictVerbatim = findRow(questions, (v) => v[1] === 'verbatimForces');
    expect(dictVerbatim.getCell(3).value).toBe('comment');
    expect(dictVerbatim.getCell(4).value).toBeNull();
  });

  it('gives a coordinator their own pole only', async () => {
    const s = await scenario();
    const { res, rows } = await csv(s.coordinator, `${s.base}/export.csv`, ';');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ptce-2026-pole-des-coteaux-reponses-long.csv"');
    const lines = rows.slice(1);
    expect(lines).toHaveLength(s.answers.reduce((n, data) => n + leafCount(data), 0));
    expect(new Set(lines.map((l) => l[2]))).toEqual(new Set([s.pole.id]));

    const wide = await csv(s.coordinator, `${s.base}/export.csv?format=wide&sep=%2C`, ',');
    expect(wide.rows).toHaveLength(4);

    const xlsx = await download(s.coordinator, `${s.base}/export.xlsx`);
    expect(xlsx.res.status).toBe(200);
    const wb = await workbook(xlsx.bytes);
    expect(wb.getWorksheet('Réponses (large)')!.rowCount).toBe(4);
    const poleIds = new Set<unknown>();
    wb.getWorksheet('Réponses (long)')!.eachRow((row, i) => i > 1 && poleIds.add(row.getCell(3).value));
    expect(poleIds).toEqual(new Set([s.pole.id]));

    // Another pole's export, and the campaign-wide ones, are refused.
    expect((await s.coordinator.request('GET', `${s.otherBase}/export.csv`)).status).toBe(403);
    expect((await s.coordinator.request('GET', `${s.otherBase}/export.xlsx`)).status).toBe(403);
    expect((await s.coordinator.request('GET', `/api/campaigns/${s.campaign.id}/export.csv`)).status).toBe(403);
    expect((await s.coordinator.request('GET', `/api/campaigns/${s.campaign.id}/export.xlsx`)).status).toBe(403);
    // The admin may export any pole.
    const adminPole = await csv(s.admin, `${s.otherBase}/export.csv`, ';');
    expect(new Set(adminPole.rows.slice(1).map((l) => l[2]))).toEqual(new Set([s.other.id]));
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
