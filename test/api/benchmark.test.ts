// « Comparaison avec le réseau » through the API: the network's quartiles in a pole's results and PDF, from 5 poles
// with results on, and never another pole's name or id.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { generateDemoNetwork } from '../../server/demo/network.ts';

const hasPoppler = existsSync('/usr/bin/pdftotext');
const CAMPAIGN = 'campagne-2026';
const POLE = 'pole-3';
const resultsPath = (poleId: string) => `/api/poles/${poleId}/campaigns/${CAMPAIGN}/results`;

let h: Harness;
let dir: string;
beforeEach(async () => {
  h = await createHarness();
  dir = mkdtempSync(join(tmpdir(), 'ptce-benchmark-'));
});
afterEach(() => {
  h.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Removes the submitted responses of these poles for the campaign, as if they had none. */
function withoutResponses(poleIds: string[]) {
  const remove = h.deps.repos.db.prepare('DELETE FROM responses WHERE pole_id = ? AND campaign_id = ?');
  for (const id of poleIds) remove.run(id, CAMPAIGN);
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

async function pdfText(client: Awaited<ReturnType<Harness['coordinator']>>, poleId: string) {
  const res = await client.request('GET', `/api/poles/${poleId}/campaigns/${CAMPAIGN}/report.pdf`);
  expect(res.status).toBe(200);
  const file = join(dir, `${poleId}-${Date.now()}.pdf`);
  writeFileSync(file, Buffer.from(await res.arrayBuffer()));
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
}

describe('benchmark against the network', () => {
  it('gives a coordinator the network’s quartiles and count, the same as the Labo’s view, naming no other pole', async () => {
    await generateDemoNetwork(h.deps);
    const coordinator = await h.coordinator(POLE);
    const res = await coordinator.json('GET', resultsPath(POLE));
    expect(res.status).toBe(200);
    const results = res.body;
    const network = (await (await h.admin()).json('GET', `/api/campaigns/${CAMPAIGN}/results`)).body;

    expect(results.benchmark.poles).toBe(12);
    expect(results.benchmark.themes.map((t: any) => t.id)).toEqual(results.themes.map((t: any) => t.id));
    for (const b of results.benchmark.themes) {
      const d = network.themes.find((t: any) => t.id === b.id).distribution;
      expect(d.n).toBe(12);
      expect({ q1: b.q1, median: b.median, q3: b.q3 }).toEqual({ q1: d.q1, median: d.median, q3: d.q3 });
      expect(Object.keys(b).sort()).toEqual(['id', 'median', 'position', 'q1', 'q3']);
      const score = results.themes.find((t: any) => t.id === b.id).score;
      const expected = score >= d.q3 ? 'top' : score >= d.median ? 'upper' : score >= d.q1 ? 'lower' : 'bottom';
      expect(b.position, b.id).toBe(expected);
    }
    expect(Object.keys(results.benchmark).sort()).toEqual(['poles', 'themes']);

    // No other pole's name or id anywhere in the pole's results.
    const json = JSON.stringify(results);
    const others = h.deps.repos.poles.list().filter((p) => p.id !== POLE);
    expect(others).toHaveLength(11);
    for (const other of others) {
      expect(json.includes(other.name), other.name).toBe(false);
      expect(new RegExp(`(?<![\\w-])${escape(other.id)}(?![\\w-])`).test(json), other.id).toBe(false);
    }
    // Nor the network's extremes, which could be a single pole's score.
    expect(json).not.toMatch(/"(min|max)"/);
  });

  it('is null from the moment fewer than 5 poles have results, and for a pole without results', async () => {
    await generateDemoNetwork(h.deps);
    const coordinator = await h.coordinator(POLE);
    expect((await coordinator.json('GET', resultsPath(POLE))).body.benchmark.poles).toBe(12);

    // 5 poles with results (pole-1 … pole-5): still compared. The cached quartiles follow the change.
    withoutResponses(['pole-6', 'pole-7', 'pole-8', 'pole-9', 'pole-10', 'pole-11', 'pole-12']);
    const five = (await coordinator.json('GET', resultsPath(POLE))).body;
    expect(five.benchmark.poles).toBe(5);
    const network = (await (await h.admin()).json('GET', `/api/campaigns/${CAMPAIGN}/results`)).body;
    expect(network.polesWithResults).toBe(5);
    expect(five.benchmark.themes[0].median).toBe(network.themes[0].distribution.median);

    // 4 poles: no comparison, but the field is there.
    withoutResponses(['pole-5']);
    const four = (await coordinator.json('GET', resultsPath(POLE))).body;
    expect(four.available).toBe(true);
    expect(four).toHaveProperty('benchmark', null);

    // A pole without results of its own gets none either, however many poles have results.
    const fresh = await createHarness();
    try {
      await generateDemoNetwork(fresh.deps);
      fresh.deps.repos.db.prepare('DELETE FROM responses WHERE pole_id = ? AND campaign_id = ?').run(POLE, CAMPAIGN);
      const alone = (await (await fresh.coordinator(POLE)).json('GET', resultsPath(POLE))).body;
      expect(alone.available).toBe(false);
      expect(alone).toHaveProperty('benchmark', null);
    } finally {
      fresh.close();
    }
  });

  it.runIf(hasPoppler || process.env.CI === 'true')('has its section in the PDF report, or a sentence when there is no comparison', async () => {
    await generateDemoNetwork(h.deps);
    const coordinator = await h.coordinator(POLE);
    const text = await pdfText(coordinator, POLE);
    expect(text).toContain('Comparaison avec le réseau');
    expect(text).toContain('comparé aux 12 pôles');
    expect(text).toContain('parmi les 25 % de pôles les plus hauts du réseau');
    for (const other of h.deps.repos.poles.list().filter((p) => p.id !== POLE)) expect(text.includes(other.name), other.name).toBe(false);

    withoutResponses(['pole-5', 'pole-6', 'pole-7', 'pole-8', 'pole-9', 'pole-10', 'pole-11', 'pole-12']);
    const none = await pdfText(coordinator, POLE);
    expect(none).toContain('Comparaison avec le réseau');
    expect(none).toContain('La comparaison apparaît quand au moins 5 pôles ont des résultats.');
  }, 30_000);
});
