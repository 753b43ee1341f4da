// Child process of the submission benchmark: serves the API only, on a prepared data folder.
import { readConfig } from '../../server/config.ts';
import { startServer } from '../../server/serve.ts';

const running = await startServer({ ...readConfig(), port: 0 }, { clientDir: null });
process.send?.({ url: running.url });
process.on('message', async (msg) => {
  if (msg === 'stop') {
    await running.close();
    process.exit(0);
  }
});
