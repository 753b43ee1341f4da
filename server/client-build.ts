// `npm start` builds the client when its build is missing or older than its sources.
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export const ROOT = new URL('..', import.meta.url).pathname;
export const CLIENT_DIST = join(ROOT, 'dist', 'client');
const SOURCES = ['client', 'vite.config.ts', 'surveys/metadata.ts', 'surveys/html.ts', 'reports/charts.ts', 'reports/types.ts', 'package-lock.json'];

function newestMtime(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((max, entry) => Math.max(max, newestMtime(join(path, entry))), stat.mtimeMs);
}

export function clientBuildIsStale(): boolean {
  const built = join(CLIENT_DIST, 'index.html');
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return SOURCES.some((s) => newestMtime(join(ROOT, s)) > builtAt);
}

export async function ensureClientBuild(log: (msg: string) => void = console.log): Promise<void> {
  if (!clientBuildIsStale()) return;
  log('Construction de l’interface (vite build)…');
  const { build } = await import('vite');
  await build({ configFile: join(ROOT, 'vite.config.ts'), logLevel: 'warn' });
}
