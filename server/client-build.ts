// `npm start` (and the tests) build the client when its build is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
export const CLIENT_DIST = join(ROOT, 'dist', 'client');
/** Which modules went into which built file (client/build/vite-plugins.ts), beside the served folder. */
export const CLIENT_MANIFEST = join(ROOT, 'dist', 'client-manifest.json');
/**
 * Everything the build reads, relative to the project: the client imports from surveys/ and reports/ (the model, the
 * contracts, the vocabulary, the charts…), so both folders are watched whole rather than file by file, which let a
 * stale build slip into the browser tests.
 */
export const CLIENT_SOURCES = ['client', 'surveys', 'reports', 'vite.config.ts', 'package-lock.json'];
/** What a build writes: its two pages and its manifest. */
const BUILT = ['client/index.html', 'client/respondent.html', 'client-manifest.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newestMtime(join(path, entry))), stat.mtimeMs);
}

/** Whether the build in `root`/dist is missing a file or older than one of its sources. */
export function clientBuildIsStale(root = ROOT): boolean {
  const built = BUILT.map((file) => join(root, 'dist', file));
  if (!built.every((file) => existsSync(file))) return true;
  const builtAt = Math.min(...built.map((file) => statSync(file).mtimeMs));
  return CLIENT_SOURCES.some((s) => newestMtime(join(root, s)) > builtAt);
}

export async function ensureClientBuild(log: (msg: string) => void = console.log): Promise<void> {
  if (!clientBuildIsStale()) return;
  log('Construction de l’interface (vite build)…');
  const { build } = await import('vite');
  // Vite builds for the NODE_ENV it finds: under the test runner (NODE_ENV=test) that was React's development build,
  // slower, bigger, its effects run twice. The tests must load what `npm start` serves.
  const nodeEnv = process.env.NODE_ENV;
  process.env.NODE_ENV = 'production';
  try {
    await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn', mode: 'production' });
  } finally {
    if (nodeEnv === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = nodeEnv;
  }
}
