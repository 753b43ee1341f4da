// Fewer bytes on the wire (issue 13, first step): built files are sent precompressed (brotli, else gzip) with
// long cache lifetimes, and JSON answers gzip-compressed for a browser that accepts it — never the session's,
// which carries the CSRF token.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { createApp } from '../../server/app.ts';
import { CLIENT_DIST, ensureClientBuild } from '../../server/client-build.ts';

let h: Harness;
let app: ReturnType<typeof createApp>;
beforeAll(async () => {
  await ensureClientBuild(() => {});
  h = await createHarness();
  app = createApp(h.deps, { clientDir: CLIENT_DIST });
});
afterAll(() => h.close());

const get = (path: string, headers: Record<string, string> = {}) => app.request(`http://localhost${path}`, { headers });

describe('compression', () => {
  it('sends the SurveyJS bundle precompressed: brotli when accepted, else gzip, else as is; cached for good', async () => {
    const file = readdirSync(join(CLIENT_DIST, 'assets')).find((f) => /^surveyjs-.*\.js$/.test(f))!;
    const original = readFileSync(join(CLIENT_DIST, 'assets', file));
    const br = await get(`/assets/${file}`, { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers.get('content-encoding')).toBe('br');
    expect(br.headers.get('vary')).toMatch(/Accept-Encoding/i);
    expect(br.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const brBytes = Buffer.from(await br.arrayBuffer());
    expect(brBytes.length).toBeLessThan(original.length / 3);
    expect(brotliDecompressSync(brBytes).equals(original)).toBe(true);

    const gz = await get(`/assets/${file}`, { 'accept-encoding': 'gzip' });
    expect(gz.headers.get('content-encoding')).toBe('gzip');
    expect(gunzipSync(Buffer.from(await gz.arrayBuffer())).equals(original)).toBe(true);

    const plain = await get(`/assets/${file}`);
    expect(plain.headers.get('content-encoding')).toBeNull();
    expect(Buffer.from(await plain.arrayBuffer()).equals(original)).toBe(true);
  });

  it('sends built files without the headers only documents obey, and keeps those scripts and fonts do', async () => {
    const file = readdirSync(join(CLIENT_DIST, 'assets')).find((f) => /^surveyjs-.*\.js$/.test(f))!;
    const asset = await get(`/assets/${file}`, { 'accept-encoding': 'br' });
    expect(asset.status).toBe(200);
    for (const name of ['content-security-policy', 'x-frame-options', 'cross-origin-opener-policy', 'x-xss-protection']) expect(asset.headers.get(name), name).toBeNull();
    expect(asset.headers.get('x-content-type-options')).toBe('nosniff');
    expect(asset.headers.get('cross-origin-resource-policy')).toBe('same-origin');
    expect(asset.headers.get('referrer-policy')).toBe('no-referrer');
    // The page itself keeps them all.
    const page = await get('/r/un-lien');
    expect(page.headers.get('content-security-policy')).toMatch(/default-src 'self'/);
    expect(page.headers.get('x-frame-options')).toBe('SAMEORIGIN');
    // So does a file that is not there (answered by the app's page).
    const missing = await get('/assets/absent.js');
    expect(missing.headers.get('content-security-policy')).not.toBeNull();
  });

  it('gzips JSON answers for a browser that accepts it, never the session’s', async () => {
    const admin = await h.admin();
    const cookie = [...admin.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
    const plain = await get('/api/questionnaires/ptce-2026', { cookie });
    const text = await plain.text();
    const zipped = await get('/api/questionnaires/ptce-2026', { cookie, 'accept-encoding': 'gzip, br' });
    expect(zipped.headers.get('content-encoding')).toBe('gzip');
    expect(zipped.headers.get('cache-control')).toBe('no-store');
    const bytes = Buffer.from(await zipped.arrayBuffer());
    expect(bytes.length).toBeLessThan(Buffer.byteLength(text) / 4);
    expect(gunzipSync(bytes).toString('utf8')).toBe(text);

    const session = await get('/api/session', { cookie, 'accept-encoding': 'gzip' });
    expect(session.status).toBe(200);
    expect(session.headers.get('content-encoding')).toBeNull();
    expect((await session.json()).csrfToken).toEqual(expect.any(String));
  });
});
