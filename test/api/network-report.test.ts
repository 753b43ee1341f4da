// The network's PDF, downloaded by the Labo through the API on the demo network, read back with pdftotext:
// sections, figures equal to the results JSON, every pole in the heatmap, page numbers, access and filters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { generateDemoNetwork } from '../../server/demo/network.ts';
import { NETWORK_ACTIONS_TITLE, networkActionsIntro, networkOwnActionsText } from '../../reports/contract/review-labels.ts';
import { formatDelta, formatScore } from '../../reports/format.ts';
import { NETWORK_SECTION_TITLES } from '../../reports/pdf/network-report.ts';
import { scoreBands } from '../../reports/vocabulary.ts';

const hasPoppler = existsSync('/usr/bin/pdftotext');
const REPORT = '/api/campaigns/campagne-2026/report.pdf';
let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await createHarness();
  await generateDemoNetwork(h.deps);
  dir = mkdtempSync(join(tmpdir(), 'ptce-network-pdf-'));
});
afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

const pdfText = (file: string, options: { page?: number; layout?: boolean } = {}) =>
  execFileSync('pdftotext', [...(options.page ? ['-f', String(options.page), '-l', String(options.page)] : []), ...(options.layout === false ? [] : ['-layout']), file, '-'], {
    encoding: 'utf8',
    maxBuffer: 64 * 1024 * 1024,
  });
const pageCount = (file: string) => Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
/** The text with every kind of white space folded to one space (pdftotext keeps no-break spaces as such). */
const flat = (text: string) => text.replace(/[\s\u00A0\u202F]+/g, ' ');

async function download(query = ''): Promise<{ file: string; res: Response }> {
  const admin = await h.admin();
  const res = await admin.request('GET', `${REPORT}${query}`);
  const file = join(dir, `reseau${query.replace(/\W+/g, '-')}.pdf`);
  if (res.status === 200) writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return { file, res };
}

describe.runIf(hasPoppler || process.env.CI === 'true')('the network report PDF through the API', () => {
  it('holds every section, the figures of the results JSON, every pole in the heatmap, and numbered pages', async () => {
    const results = (await (await h.admin()).json('GET', '/api/campaigns/campagne-2026/results')).body;
    const { file, res } = await download();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="reseau-ptce-2026.pdf"');
    expect(res.headers.get('cache-control')).toBe('no-store');

    const text = flat(pdfText(file, { layout: false }));
    expect(text).toContain('Réseau des PTCE – synthèse de la campagne 2026');
    for (const heading of Object.values(NETWORK_SECTION_TITLES).slice(1)) expect(text, heading).toContain(flat(heading));
    expect(text).toContain('aucun (tous les pôles)');
    // The heatmap's shades follow the dashboard's score bands, named as on the dashboard.
    expect(text).toContain(flat(scoreBands(results.thresholds).map((b) => b.label).join(' ; ')));

    // The figures printed are the JSON's, rounded to one decimal.
    const layoutText = flat(pdfText(file));
    expect(layoutText).toContain(formatScore(results.overall.median));
    for (const theme of results.themes) {
      const d = theme.distribution;
      // The theme's row of the distribution table: n, min, Q1, median, Q3, max in that order.
      const row = [d.n, ...[d.min, d.q1, d.median, d.q3, d.max].map(formatScore)].join(' ');
      expect(layoutText, theme.id).toContain(row);
    }
    // The seed's kind of profile table: 8 associations out of 12 poles.
    expect(layoutText).toMatch(/Association 8 sur 12/);

    // Every pole is named in the heatmap, with its scores.
    const heatmapStart = text.indexOf('Score de chaque pôle');
    const heatmapEnd = text.indexOf(NETWORK_SECTION_TITLES.evolution, heatmapStart);
    expect(heatmapStart).toBeGreaterThan(0);
    const heatmap = text.slice(heatmapStart, heatmapEnd);
    for (const pole of results.poles) {
      expect(heatmap, pole.name).toContain(pole.name);
      expect(heatmap, pole.name).toContain(formatScore(pole.scores[0]));
    }

    const pages = pageCount(file);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(30);
    expect(pdfText(file, { page: 2 })).toContain(`Page 2 / ${pages}`);
    expect(pdfText(file, { page: pages })).toContain(`Page ${pages} / ${pages}`);
  });

  it('applies the same filters as the results', async () => {
    const ues = (await (await h.admin()).json('GET', '/api/campaigns/campagne-2026/results?legalForm=ues')).body;
    expect(ues.poles.map((p: { name: string }) => p.name)).toEqual(['Cité des Coopérations Urbaines']);
    const { file, res } = await download('?legalForm=ues');
    expect(res.status).toBe(200);
    const text = flat(pdfText(file, { layout: false }));
    expect(text).toContain('Cité des Coopérations Urbaines');
    expect(text).toContain('Union d’économie sociale (UES)');
    const all = (await (await h.admin()).json('GET', '/api/campaigns/campagne-2026/results')).body;
    for (const pole of all.poles.filter((p: { name: string }) => p.name !== 'Cité des Coopérations Urbaines')) expect(text, pole.name).not.toContain(pole.name);
    expect((await (await h.admin()).request('GET', `${REPORT}?minAge=vieux`)).status).toBe(422);
  });

  it('carries exactly the filters of the request, on its cover and in its method', async () => {
    const cases: [string, string, number][] = [
      ['', 'aucun (tous les pôles)', 12],
      ['?legalForm=association&minAge=13', 'Forme juridique : Association ; pôles d’au moins 13 ans', 7],
      [`?region=${encodeURIComponent('Bretagne')}&maxAge=40`, 'Région : Bretagne ; pôles d’au plus 40 ans', 1],
    ];
    for (const [query, said, poles] of cases) {
      const results = (await (await h.admin()).json('GET', `/api/campaigns/campagne-2026/results${query}`)).body;
      expect(results.poles, query).toHaveLength(poles);
      const { file, res } = await download(query);
      expect(res.status).toBe(200);
      const cover = flat(pdfText(file, { page: 1, layout: false }));
      expect(/Filtres appliqués (.*?) Pôles /.exec(cover)?.[1], query).toBe(flat(said));
      expect(cover).toContain(`Pôles ${poles}, dont ${results.polesWithResults} avec résultats`);
      expect(flat(pdfText(file, { layout: false }))).toContain(flat(`Filtres appliqués : ${said}.`));
    }
  });

  it('adds a section per comparison asked, and each pole’s change since the campaign asked', async () => {
    const admin = await h.admin();
    const byForm = (await admin.json('GET', '/api/campaigns/campagne-2026/compare?by=legalForm')).body;
    const changes = (await admin.json('GET', '/api/campaigns/campagne-2026/results?compareTo=campagne-2025')).body;
    const { file, res } = await download('?compare=legalForm,ageBand&compareTo=campagne-2025');
    expect(res.status).toBe(200);
    const text = flat(pdfText(file, { layout: false }));
    expect(text).toContain('Comparaison par forme juridique');
    expect(text).toContain('Comparaison par âge du pôle');
    expect(text).not.toContain('Comparaison par région');
    // The associations' overall score and a theme, as the comparison's JSON: median (Q1–Q3).
    const associations = byForm.groups[0];
    const spread = (d: { median: number; q1: number; q3: number }) => `${formatScore(d.median)} (${formatScore(d.q1)}–${formatScore(d.q3)})`;
    expect(text).toContain(`Association 8 ${spread(associations.overall)}`);
    expect(text).toContain(spread(associations.themes[byForm.themes[0].id]));
    expect(text).toContain('autres (Pas de structure juridique : 3, Union d’économie sociale (UES) : 1) 4 moins de 5 pôles');

    // « Évolution par pôle »: every pole, with its overall change as the JSON's.
    const start = text.indexOf('Écart de score de chaque pôle entre 2025 et 2026');
    expect(start).toBeGreaterThan(0);
    const section = flat(pdfText(file)).slice(flat(pdfText(file)).indexOf('Écart de score de chaque pôle'));
    for (const pole of changes.poles) expect(section, pole.name).toMatch(new RegExp(`${pole.name} ${formatDelta(pole.change.overall).replace('+', '\\+')} `));

    // Without compareTo, the previous campaign; an unknown comparison is refused.
    expect(flat(pdfText((await download()).file, { layout: false }))).toContain('Écart de score de chaque pôle entre 2025 et 2026');
    expect((await admin.request('GET', `${REPORT}?compare=legalForm,couleur`)).status).toBe(422);
    expect((await admin.request('GET', `${REPORT}?compareTo=inconnue`)).status).toBe(422);
  });

  it('says which options the poles adopted after their review, and how many carried them out', async () => {
    const admin = await h.admin();
    const results = (await admin.json('GET', '/api/campaigns/campagne-2025/results')).body;
    expect(results.actions.poles).toBeGreaterThan(0);
    const res = await admin.request('GET', '/api/campaigns/campagne-2025/report.pdf');
    expect(res.status).toBe(200);
    const file = join(dir, 'reseau-2025-plans.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));
    const text = flat(pdfText(file, { layout: false }));
    const section = text.slice(text.lastIndexOf(flat(NETWORK_ACTIONS_TITLE)));
    expect(section).toContain(flat(networkActionsIntro(results.actions.poles, 2025)));
    for (const o of results.actions.options.slice(0, 3)) expect(section).toContain(flat(o.title));
    expect(section).toContain(flat(networkOwnActionsText(results.actions.ownActions)));
    // A campaign with no plan yet says so, and shows no table.
    const none = await download();
    const noneText = flat(pdfText(none.file, { layout: false }));
    expect(noneText).toContain(flat(networkActionsIntro(0, 2026)));
  });

  it('is for the Labo only', async () => {
    const coordinator = await h.coordinator('pole-1');
    expect((await coordinator.request('GET', REPORT)).status).toBe(403);
    expect((await h.client().request('GET', REPORT)).status).toBe(401);
    expect((await (await h.admin()).request('GET', '/api/campaigns/inconnue/report.pdf')).status).toBe(404);
  });
});
