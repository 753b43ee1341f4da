// Starts the HTTP server on a data folder: used by `npm start`, `npm run demo` and the tests.
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createApp } from './app.ts';
import { createDeps, ensureAdmin } from './bootstrap.ts';
import { CLIENT_DIST } from './client-build.ts';
import type { Config } from './config.ts';
import type { AppDeps } from './context.ts';
import { createMailSender, type MailSender } from './mail/sender.ts';
import { createRetentionPurger } from './retention.ts';

export interface RunningServer {
  url: string;
  deps: AppDeps;
  admin: Awaited<ReturnType<typeof ensureAdmin>>;
  /** Sends queued mail in the background; tests await `drain()` rather than waiting for it. */
  mailSender: MailSender;
  close(): Promise<void>;
}

export async function startServer(config: Config, options: { now?: () => Date; clientDir?: string | null } = {}): Promise<RunningServer> {
  const deps = createDeps(config, options.now);
  const admin = await ensureAdmin(deps, config);
  // Mails queued by a mailing leave from here, in the background, while the server runs.
  const mailSender = createMailSender(deps);
  const app = createApp(deps, { clientDir: options.clientDir === null ? undefined : (options.clientDir ?? CLIENT_DIST), mailSender });
  const server: ServerType = await new Promise((resolve) => {
    const s = serve({ fetch: app.fetch, port: config.port, hostname: config.host }, () => resolve(s));
  });
  const { port } = server.address() as AddressInfo;
  mailSender.start();
  // RETENTION_YEARS: campaigns past the period are purged now, then daily, while the server runs.
  const retention = createRetentionPurger(deps, config.retentionYears);
  retention.start();
  return {
    url: `http://${config.host === '0.0.0.0' ? '127.0.0.1' : config.host}:${port}`,
    deps,
    admin,
    mailSender,
    close: async () => {
      await mailSender.stop();
      await retention.stop();
      await new Promise<void>((resolve) => {
        server.close(() => {
          deps.repos.close();
          resolve();
        });
        (server as any).closeAllConnections?.();
      });
    },
  };
}
