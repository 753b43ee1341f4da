// `npm run dev`: Vite's dev server for the client (hot reload, proxies /api) and the API restarted on change.
import { spawn } from 'node:child_process';
import { createServer } from 'vite';
import { ROOT } from './client-build.ts';

const api = spawn(process.execPath, ['--import', 'tsx', '--watch', 'server/start.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, PTCE_API_ONLY: '1' },
});
const vite = await createServer({ configFile: `${ROOT}vite.config.ts` });
await vite.listen();
vite.printUrls();
const stop = () => {
  api.kill();
  void vite.close().then(() => process.exit(0));
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
