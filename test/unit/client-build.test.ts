// The client is rebuilt whenever one of its sources changed: every project file the build bundled (read from the
// build's manifest) must be watched, else a stale build slips into the browser tests.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, sep } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { CLIENT_MANIFEST, CLIENT_SOURCES, ROOT, clientBuildIsStale, ensureClientBuild } from '../../server/client-build.ts';
import type { ManifestChunk } from '../../client/build/vite-plugins.ts';
import { readClientBuild } from '../helpers/client-manifest.ts';

const watched = (file: string) => CLIENT_SOURCES.some((source) => file === source || file.startsWith(`${source}${sep}`) || file.startsWith(`${source}/`));

describe('the client build’s sources', () => {
  it('watches every file of the project that the build bundled', async () => {
    await ensureClientBuild(() => {});
    const { chunks } = JSON.parse(readFileSync(CLIENT_MANIFEST, 'utf8')) as { chunks: ManifestChunk[] };
    const bundled = [...new Set(chunks.flatMap((c) => c.modules))]
      .filter((m) => !m.includes('node_modules') && existsSync(join(ROOT, m)))
      .map((m) => relative(ROOT, join(ROOT, m)));
    // The build reads from surveys/ and reports/ as well as client/ (the reason the list was incomplete).
    expect(bundled).toEqual(expect.arrayContaining(['surveys/json.ts', 'surveys/serializer.ts', 'reports/vocabulary.ts', 'client/respondent.tsx']));
    expect(bundled.filter((file) => !watched(file))).toEqual([]);
  });

  it('gives the respondent page only files free of staff code (dashboards, charts, admin, exports, zod)', async () => {
    await ensureClientBuild(() => {});
    const build = readClientBuild();
    const staff = [...build.staffFiles.keys()];
    // The staff's own files are found by what they hold: the staff entry, the dashboards with chart.js…
    const holding = (pattern: RegExp) => staff.filter((file) => build.staffFiles.get(file)!.some((m) => pattern.test(m)));
    for (const pattern of [/^client\/main\.tsx$/, /^client\/pages\/results\//, /^client\/pages\/network\//, /^client\/pages\/admin\//, /node_modules\/chart\.js\//]) {
      expect(holding(pattern), String(pattern)).not.toEqual([]);
    }
    expect([...build.filesOfPage('client/index.html')]).toEqual(expect.arrayContaining(staff));
    // …and the respondent page reaches none of them, while it does reach SurveyJS.
    const respondent = build.filesOfPage('client/respondent.html');
    expect(staff.filter((file) => respondent.has(file))).toEqual([]);
    const modules = build.chunks.filter((c) => respondent.has(c.file)).flatMap((c) => c.modules);
    expect(modules).toEqual(expect.arrayContaining(['client/pages/respondent/RespondentPage.tsx', 'client/survey/QuestionnaireForm.tsx']));
    expect(modules.some((m) => m.includes('node_modules/survey-core/'))).toBe(true);
    // React's production build, even when the build was made by the test runner (NODE_ENV=test).
    expect(modules.some((m) => m.endsWith('react-dom/cjs/react-dom-client.production.js'))).toBe(true);
    expect(build.chunks.flatMap((c) => c.modules).filter((m) => /node_modules\/react(-dom)?\/.*development/.test(m))).toEqual([]);
  });

  describe('staleness', () => {
    const root = mkdtempSync(join(tmpdir(), 'ptce-client-build-'));
    afterAll(() => rmSync(root, { recursive: true, force: true }));
    const write = (file: string, at: number) => {
      mkdirSync(dirname(join(root, file)), { recursive: true });
      writeFileSync(join(root, file), '');
      utimesSync(join(root, file), at, at);
    };
    const built = ['dist/client/index.html', 'dist/client/respondent.html', 'dist/client-manifest.json'];
    // In seconds, around now: folders get the current time as files are written in them, and count too.
    const now = Date.now() / 1000;
    const [before, buildTime, after] = [now - 1_000, now + 1_000, now + 2_000];

    it('rebuilds when a page or the manifest is missing, or when any source is newer than the build', () => {
      for (const source of ['client/main.tsx', 'surveys/model.ts', 'reports/contract/respondent.ts', 'vite.config.ts']) write(source, before);
      expect(clientBuildIsStale(root)).toBe(true);
      for (const file of built) write(file, buildTime);
      expect(clientBuildIsStale(root)).toBe(false);
      rmSync(join(root, 'dist/client/respondent.html'));
      expect(clientBuildIsStale(root)).toBe(true);
      write('dist/client/respondent.html', buildTime);
      // A file the client imports from surveys/ or reports/ (none of which the old list named) makes it stale.
      for (const source of ['surveys/json.ts', 'reports/contract/respondent.ts', 'client/pages/respondent/respondent.css']) {
        write(source, after);
        expect(clientBuildIsStale(root), source).toBe(true);
        write(source, before);
        expect(clientBuildIsStale(root), source).toBe(false);
      }
    });
  });
});
