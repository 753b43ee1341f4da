// The Hono application: API under /api (described at /api/openapi.json) and the built client for every other path.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { secureHeaders } from 'hono/secure-headers';
import { serveStatic } from '@hono/node-server/serve-static';
import { readFileSync, existsSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { AppDeps, AppEnv } from './context.ts';
import { ApiError, errorBody, handleError } from './errors.ts';
import { csrfMiddleware, sessionMiddleware } from './auth.ts';
import { sessionRoutes } from './routes/session.ts';
import { poleRoutes } from './routes/poles.ts';
import { campaignRoutes } from './routes/campaigns.ts';
import { poleCampaignRoutes } from './routes/pole-campaign.ts';
import { responseRoutes } from './routes/responses.ts';
import { resultRoutes } from './routes/results.ts';
import { exportRoutes } from './routes/exports.ts';
import { mailRoutes } from './routes/mail.ts';
import { isOptOutPath } from './mail/links.ts';
import type { MailSender } from './mail/sender.ts';
import { networkRoutes } from './routes/network.ts';

export interface AppOptions {
  /** Folder of the built client (Vite's outDir); omitted in API-only tests. */
  clientDir?: string;
  /** The background mail sender, woken when a mailing is queued; API tests drain the queue themselves. */
  mailSender?: MailSender;
}

export function createApp(deps: AppDeps, options: AppOptions = {}) {
  const app = new OpenAPIHono<AppEnv>({
    // Every invalid input becomes a 422 in the API's error shape, listing each field's problem.
    defaultHook: (result, c) => {
      if (!result.success) {
        const details = result.error.issues.map((i) => ({ question: i.path.join('.'), message: i.message }));
        return c.json(errorBody('validation', 'Données invalides.', details), 422);
      }
    },
  });

  app.onError(handleError);
  app.use('*', secureHeaders({ contentSecurityPolicy: undefined, crossOriginEmbedderPolicy: false }));
  app.use('/api/*', bodyLimit({ maxSize: 512 * 1024, onError: (c) => c.json(errorBody('too_large', 'Requête trop volumineuse.'), 413) }));
  // Everything under /api is personal or tied to a pole (links carry tokens): never kept by a cache or a proxy.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  app.use('/api/*', sessionMiddleware(deps));
  // The opt-out link is the one write a mail client makes on its own (RFC 8058 one-click POST): its token is the
  // authority, and a recipient who also has a staff session must not be refused for lacking the header.
  const csrf = csrfMiddleware();
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && isOptOutPath(c.req.path) ? next() : csrf(c, next)));

  const api = new OpenAPIHono<AppEnv>({ defaultHook: (app as any).defaultHook });
  for (const routes of [sessionRoutes, poleRoutes, campaignRoutes, poleCampaignRoutes, responseRoutes, resultRoutes, exportRoutes, networkRoutes]) api.route('/', routes(deps));
  api.route('/', mailRoutes(deps, options.mailSender));
  app.route('/api', api);

  app.doc('/api/openapi.json', {
    openapi: '3.0.3',
    info: { title: 'API de l’auto-évaluation des PTCE', version: '1.0.0', description: 'Campagnes annuelles, invitations, réponses et participation.' },
  });
  app.all('/api/*', () => {
    throw new ApiError(404, 'not_found', 'Point d’accès inconnu.');
  });

  if (options.clientDir && existsSync(join(options.clientDir, 'index.html'))) {
    const root = relative(process.cwd(), options.clientDir) || '.';
    const indexFile = join(options.clientDir, 'index.html');
    app.use('/assets/*', serveStatic({ root, onFound: (_p, c) => c.header('Cache-Control', 'public, max-age=31536000, immutable') }));
    app.use('*', serveStatic({ root }));
    // Client-side routes (/r/<token>, /admin, ...) all load the single page, read afresh so a rebuild is picked up.
    app.get('*', (c) => {
      c.header('Cache-Control', 'no-cache');
      return c.html(readFileSync(indexFile, 'utf8'));
    });
  }
  return app;
}
