// Builds and serves the minimal questionnaire page (main.tsx) that `npm run bench:web` measures the app against.
// Same bundler, same React plugin and the same precompression (brotli, gzip) as the app's vite.config.ts, served by
// the same static handler (brotli when the browser accepts it): only what the page holds differs.
import { serve, type ServerType } from '@hono/node-server';
import { serveStatic } from '@hono/node-server/serve-static';
import react from '@vitejs/plugin-react';
import { Hono } from 'hono';
import type { AddressInfo } from 'node:net';
import { fileURLToPath } from 'node:url';
import { build, type InlineConfig, type Plugin } from 'vite';
import { compression } from 'vite-plugin-compression2';

export const MINIMAL_PAGE_SOURCES = fileURLToPath(new URL('.', import.meta.url));
const VIEW_MODULE = 'virtual:respondent-view';

/** The questionnaire and the answers a link shows (a new link: none), as the module `virtual:respondent-view`. */
export interface RespondentView {
  questionnaire: object;
  data: Record<string, unknown>;
}

function respondentView(view: RespondentView): Plugin {
  const resolved = `\0${VIEW_MODULE}`;
  return {
    name: 'respondent-view',
    resolveId: (id) => (id === VIEW_MODULE ? resolved : null),
    // Parsed from a string: quicker for the browser than the same object written as a JavaScript literal.
    load: (id) => (id === resolved ? `export default JSON.parse(${JSON.stringify(JSON.stringify(view))});` : null),
  };
}

/** The minimal page's Vite configuration (no config file: the repository's own would be picked up otherwise). */
export function minimalPageConfig(outDir: string, view: RespondentView): InlineConfig {
  return {
    configFile: false,
    root: MINIMAL_PAGE_SOURCES,
    logLevel: 'warn',
    plugins: [react(), respondentView(view), compression({ algorithms: ['brotliCompress', 'gzip'], threshold: 1024, logLevel: 'silent' })],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 4000, rolldownOptions: { checks: { bundlerTimings: false } } },
  };
}

export async function buildMinimalPage(outDir: string, view: RespondentView): Promise<void> {
  await build(minimalPageConfig(outDir, view));
}

export interface StaticServer {
  url: string;
  close(): Promise<void>;
}

/** Serves a built folder on a free loopback port, sending a file's .br (or .gz) copy when the browser accepts it. */
export async function serveMinimalPage(dir: string): Promise<StaticServer> {
  const app = new Hono();
  app.use('*', serveStatic({ root: dir, precompressed: true }));
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        (server as { closeAllConnections?: () => void }).closeAllConnections?.();
      }),
  };
}
