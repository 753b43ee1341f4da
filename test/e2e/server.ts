// A real server (built client + API) on a fresh data folder and a free port, for browser tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/serve.ts';

export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'mot-de-passe-e2e' };

/**
 * `dataDir` and `port` start the server again on a folder and port a stopped one used (a server brought back after an
 * outage: same database and key, same address for the pages still open).
 */
export async function startE2eServer(options: { dataDir?: string; port?: number } = {}): Promise<RunningServer & { dataDir: string; port: number; dispose(): Promise<void> }> {
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'ptce-e2e-'));
  const running = await startServer({ ...readConfig({ DATA_DIR: dataDir }), port: options.port ?? 0, adminEmail: E2E_ADMIN.email, adminPassword: E2E_ADMIN.password });
  return {
    ...running,
    /** The data folder (ptce.sqlite), for tests that check what is stored. */
    dataDir,
    port: Number(new URL(running.url).port),
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
