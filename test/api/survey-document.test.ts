// The questionnaire definition is served once per version (issue 13): the answers view gives its address, named by the
// content's hash, and the address answers anyone with a year-long immutable cache, an ETag, 304 on If-None-Match
// and brotli or gzip; an unknown version or hash is a 404 kept by no cache.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { DEFINITIONS_DIR } from '../../surveys/registry.ts';
import { chooseEncoding } from '../../server/survey-document.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

const ADDRESS = /^\/api\/questionnaires\/ptce-2026\/survey\/([A-Za-z0-9_-]{22})$/;
const get = (path: string, headers: Record<string, string> = {}) => h.app.request(`http://localhost${path}`, { headers });

/** The address given by a fresh link's answers view, for the respondent who opened it. */
async function addressOfNewLink(base: string, coordinator: Parameters<typeof createLinks>[0], body: Record<string, unknown> = { count: 1 }) {
  const [link] = await createLinks(coordinator, base, body);
  const view = await h.client().json('GET', `/api/responses/${link.token}`);
  expect(view.status).toBe(200);
  return view.body;
}

describe('GET /api/questionnaires/{id}/survey/{hash}', () => {
  it('is where the answers view points, instead of carrying the definition; the same address for every link', async () => {
    const { coordinator, base, admin } = await poleWithCampaign(h);
    const view = await addressOfNewLink(base, coordinator);
    expect(view).not.toHaveProperty('questionnaire');
    expect(view.questionnaireUrl).toMatch(ADDRESS);
    // A draft's view does not carry it either.
    const [link] = await createLinks(coordinator, base, { count: 1, college: 'ess' });
    const respondent = h.client();
    expect((await respondent.json('PUT', `/api/responses/${link.token}`, { data: { college: 'ess' } })).status).toBe(200);
    const draft = await respondent.json('GET', `/api/responses/${link.token}`);
    expect(draft.body).toMatchObject({ status: 'draft', presetCollege: 'ess', questionnaireUrl: view.questionnaireUrl });
    expect(draft.body).not.toHaveProperty('questionnaire');
    // Another pole on another campaign of the same version: the same document, so a browser or proxy keeps one copy.
    const other = (await admin.json('POST', '/api/poles', { name: 'Pôle du Littoral' })).body;
    const otherCoordinator = await h.coordinator(other.id);
    const otherBase = `/api/poles/${other.id}/campaigns/${base.split('/').at(-1)}`;
    expect((await addressOfNewLink(otherBase, otherCoordinator, { count: 1, college: 'recherche' })).questionnaireUrl).toBe(view.questionnaireUrl);

    // Anyone gets it (no cookie, no session): the version's definition, the one the staff see, nothing of a pole.
    const res = await get(view.questionnaireUrl);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^application\/json/);
    const served = await res.json();
    expect(served).toEqual((await admin.json('GET', '/api/questionnaires/ptce-2026')).body);
    const text = JSON.stringify(served);
    for (const poleName of ['Pôle des Coteaux', 'Pôle du Littoral']) expect(text).not.toContain(poleName);
  });

  it('is cached for good under an address that changes with the content, with an ETag and 304', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const { questionnaireUrl } = await addressOfNewLink(base, coordinator);
    const hash = ADDRESS.exec(questionnaireUrl)![1];
    const res = await get(questionnaireUrl);
    expect(res.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(res.headers.get('etag')).toBe(`W/"${hash}"`);
    expect(res.headers.get('vary')).toMatch(/Accept-Encoding/i);
    const plain = Buffer.from(await res.arrayBuffer());

    // The browser's revalidation (or a second tab's) is answered without the body.
    for (const tag of [`W/"${hash}"`, `"${hash}"`, `"autre", W/"${hash}"`, '*']) {
      const again = await get(questionnaireUrl, { 'if-none-match': tag });
      expect(again.status, tag).toBe(304);
      expect((await again.arrayBuffer()).byteLength).toBe(0);
      expect(again.headers.get('etag')).toBe(`W/"${hash}"`);
      expect(again.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    }
    expect((await get(questionnaireUrl, { 'if-none-match': '"autre"' })).status).toBe(200);

    // Compressed once, brotli first: the same bytes once decompressed.
    const br = await get(questionnaireUrl, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(plain.length / 4);
    expect(brotliDecompressSync(brBytes).equals(plain)).toBe(true);
    const gz = await get(questionnaireUrl, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(plain)).toBe(true);
    expect((await get(questionnaireUrl, { 'accept-encoding': 'br;q=0, gzip' })).headers.get('content-encoding')).toBe('gzip');

    // Another content, another address: a version imported with a changed title is served under its own hash.
    const admin = await h.admin();
    const changed = JSON.parse(readFileSync(join(DEFINITIONS_DIR, 'ptce-2026.json'), 'utf8'));
    changed.title = 'Auto-évaluation PTCE 2027';
    expect((await admin.json('POST', '/api/questionnaires', { id: 'ptce-2028', definition: changed })).status).toBe(201);
    const campaign = (await admin.json('POST', '/api/campaigns', { year: 2027, questionnaireId: 'ptce-2028', opensAt: '2026-01-01' })).body;
    const base2027 = `${base.split('/campaigns/')[0]}/campaigns/${campaign.id}`;
    const url2027 = (await addressOfNewLink(base2027, coordinator)).questionnaireUrl;
    expect(url2027).toMatch(/^\/api\/questionnaires\/ptce-2028\/survey\/[A-Za-z0-9_-]{22}$/);
    expect(url2027.split('/').at(-1)).not.toBe(hash);
    expect((await (await get(url2027)).json()).title).toBe('Auto-évaluation PTCE 2027');
  });

  it('answers 404 in French, kept by no cache, for an unknown version or a hash that is not the content’s', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const { questionnaireUrl } = await addressOfNewLink(base, coordinator);
    const hash = questionnaireUrl.split('/').at(-1)!;
    for (const url of [
      `/api/questionnaires/ptce-1999/survey/${hash}`,
      '/api/questionnaires/ptce-2026/survey/AAAAAAAAAAAAAAAAAAAAAA',
      `/api/questionnaires/ptce-2026/survey/${hash.slice(0, -1)}`,
      `/api/questionnaires/ptce-2026/survey/${'x'.repeat(64)}`,
    ]) {
      const res = await get(url, { 'if-none-match': `W/"${hash}"` });
      expect(res.status, url).toBe(404);
      expect(res.headers.get('cache-control'), url).toBe('no-store');
      expect((await res.json()).error.message, url).toBe('Version de questionnaire inconnue.');
    }
  });
});

describe('the OpenAPI document', () => {
  it('describes the address, its 304 and 404, and the answers view’s questionnaireUrl in place of the definition', async () => {
    const doc = (await h.client().json('GET', '/api/openapi.json')).body;
    const route = doc.paths['/api/questionnaires/{id}/survey/{hash}'].get;
    expect(Object.keys(route.responses)).toEqual(expect.arrayContaining(['200', '304', '404']));
    expect(route.security ?? []).toEqual([]);
    const view = doc.components.schemas.ResponseView.properties;
    expect(view.questionnaireUrl.type).toBe('string');
    expect(view).not.toHaveProperty('questionnaire');
  });
});

describe('choice of the encoding', () => {
  it('prefers brotli, then gzip, honours q=0 and the wildcard, and sends none when nothing fits', () => {
    expect(chooseEncoding('gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding('gzip')).toBe('gzip');
    expect(chooseEncoding('br;q=0, gzip;q=0.5')).toBe('gzip');
    expect(chooseEncoding('gzip;q=1, br;q=0.2')).toBe('gzip');
    expect(chooseEncoding('*')).toBe('br');
    expect(chooseEncoding('*;q=0, gzip')).toBe('gzip');
    expect(chooseEncoding('identity')).toBeNull();
    expect(chooseEncoding('deflate')).toBeNull();
    expect(chooseEncoding(undefined)).toBeNull();
  });
});
