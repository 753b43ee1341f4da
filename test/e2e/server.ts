// A real server (built client + API) on a fresh data folder and a free port, for browser tests.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../server/config.ts';
import { startServer, type RunningServer } from '../../server/serve.ts';

export const E2E_ADMIN = { email: 'admin@e2e.test', password: 'mot-de-passe-e2e' };

export async function startE2eServer(): Promise<RunningServer & { dataDir: string; dispose(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ptce-e2e-'));
  const running = await startServer({ ...readConfig({ DATA_DIR: dataDir }), port: 0, adminEmail: E2E_ADMIN.email, adminPassword: E2E_ADMIN.password });
  return {
    ...running,
    /** The data folder (ptce.sqlite), for tests that check what is stored. */
    dataDir,
    async dispose() {
      await running.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
