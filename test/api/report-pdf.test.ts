// The pole's PDF, downloaded as a coordinator does, read back with pdftotext: sections, figures equal to the JSON.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { formatScore } from '../../reports/format.ts';

const hasPoppler = existsSync('/usr/bin/pdftotext');
let h: Harness;
let dir: string;
beforeAll(async () => {
  h = await createHarness();
  dir = mkdtempSync(join(tmpdir(), 'ptce-pdf-'));
});
afterAll(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

const pdfText = (file: string, page?: number) =>
  execFileSync('pdftotext', [...(page ? ['-f', String(page), '-l', String(page)] : []), '-layout', file, '-'], { encoding: 'utf8' });

describe.runIf(hasPoppler || process.env.CI === 'true')('the pole report PDF through the API', () => {
  it('holds every section, the same figures as the results JSON, and numbered pages', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    // Batches of three: {Recherche, Collectivités, Salariés} (all under k: « Autres collèges »), {ESS ×3}, {Salariés ×3}
    // (Salariés stays merged), then one ESS response waiting for the next batch.
    const colleges = ['recherche', 'collectivites', 'salaries', 'ess', 'ess', 'ess', 'salaries', 'salaries', 'salaries', 'ess'];
    const links = await createLinks(coordinator, base, { count: colleges.length });
    for (const [i, college] of colleges.entries()) {
      expect((await h.client().json('POST', `/api/responses/${links[i].token}/submit`, { data: completeAnswers(h, college, 40 + i) })).status).toBe(201);
    }
    const results = (await coordinator.json('GET', `${base}/results`)).body;
    const res = await coordinator.request('GET', `${base}/report.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toMatch(/attachment; filename="rapport-pole-des-coteaux-2026\.pdf"/);
    const file = join(dir, 'rapport.pdf');
    writeFileSync(file, Buffer.from(await res.arrayBuffer()));

    const text = pdfText(file);
    for (const heading of ['Sommaire', 'Synthèse', 'Participation par collège', 'Vue d’ensemble', 'Gouvernance', 'Coopération', 'Contexte', 'Consensus', 'Matrice SWOT', 'Options stratégiques', 'Évolution', 'Annexe']) {
      expect(text, heading).toContain(heading);
    }
    // The figures printed are the JSON's, rounded to one decimal.
    expect(text).toContain(formatScore(results.overall));
    for (const theme of results.themes) expect(text, theme.id).toContain(formatScore(theme.score));
    // Results rest on the 9 responses of three batches; the 10th waits: the cover says so, and that they are provisional.
    expect(results.snapshot).toMatchObject({ responses: 9, pending: 1, provisional: true });
    const cover = pdfText(file, 1).replace(/\s+/g, ' ');
    expect(cover).toMatch(/PROVISOIRES \(campagne en cours\) : établis sur 9 réponses ; prochaine mise à jour au plus tôt à 12 réponses envoyées/);
    // The promise, as on the respondent's first page.
    expect(cover).toContain('La coordination du pôle sait qui a répondu, jamais ce que chacun a répondu');
    expect(cover).toContain('Une réponse envoyée n’est jamais enregistrée avec le nom ni le lien de son auteur.');
    expect(cover).not.toContain('jamais attribuées');
    expect(pdfText(file, 3)).toContain('résultats provisoires');
    expect(results.groups.map((g: any) => [g.id, g.colleges, g.n])).toEqual([['ess', ['ess'], 3], ['autres', ['collectivites', 'recherche', 'salaries'], 6]]);
    expect(text).toContain('Autres collèges');
    // Every option proposed appears.
    for (const option of results.options.slice(0, 5)) expect(text).toContain(option.title.slice(0, 30));

    const pages = Number(/Pages:\s+(\d+)/.exec(execFileSync('pdfinfo', [file], { encoding: 'utf8' }))![1]);
    expect(pages).toBeGreaterThanOrEqual(8);
    expect(pages).toBeLessThanOrEqual(40);
    expect(pdfText(file, 2)).toContain(`Page 2 / ${pages}`);
  });
});
