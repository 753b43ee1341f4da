// The Hono application: API under /api (described at /api/openapi.json) and the built client for every other path.
import { OpenAPIHono } from '@hono/zod-openapi';
import { bodyLimit } from 'hono/body-limit';
import { compress } from 'hono/compress';
import { secureHeaders } from 'hono/secure-headers';
import type { Context } from 'hono';
import { serveStatic } from '@hono/node-server/serve-static';
import type { HttpBindings } from '@hono/node-server';
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
import { adminRoutes } from './routes/admin.ts';
import { reviewRoutes } from './routes/review.ts';
import { surveyDocumentRoutes } from './routes/survey-documents.ts';

/**
 * Sent with every response. Scripts only from the app's own files (no inline script, no handler attribute: markup
 * slipped into a questionnaire cannot run). Inline styles are allowed: SurveyJS and the charts set style attributes.
 * Images may be data: URLs (the QR code sheet). No plugin, no framing, no <base>, forms post only to the app.
 */
const CONTENT_SECURITY_POLICY = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", 'data:'],
  objectSrc: ["'none'"],
  frameAncestors: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
};

export interface AppOptions {
  /** Folder of the built client (Vite's outDir); omitted in API-only tests. */
  clientDir?: string;
  /** The background mail sender, woken when a mailing is queued; API tests drain the queue themselves. */
  mailSender?: MailSender;
}

/** Security headers that browsers apply to documents only (and workers, which the client does not start). */
const SUBRESOURCE_TYPES = /^(text\/javascript|application\/javascript|text\/css|font\/)/;
const DOCUMENT_ONLY_HEADERS = [
  'Content-Security-Policy', 'Cross-Origin-Opener-Policy', 'Origin-Agent-Cluster', 'X-DNS-Prefetch-Control', 'X-Download-Options',
  'X-Frame-Options', 'X-Permitted-Cross-Domain-Policies', 'X-XSS-Protection',
];

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
  // A response sent before the request's body has fully arrived (a 413, a 401 or 403 from a middleware, a 404)
  // leaves the rest of that body on the socket, and Node then drops the connection: a client that trusted the
  // keep-alive would see its next request fail. Saying so lets it open a new connection instead.
  app.use('*', async (c, next) => {
    await next();
    const incoming = (c.env as Partial<HttpBindings> | undefined)?.incoming;
    if (incoming && !incoming.complete) c.header('Connection', 'close');
  });
  // Headers that only a document obeys (CSP, framing, XSS auditor, COOP…) are dropped from the built files: a phone
  // on 4G would otherwise fetch about 600 bytes of them with each of the respondent page's dozen files. What a
  // script, style sheet or font does obey stays: nosniff, the resource policy, HSTS, the referrer policy (fonts a style
  // sheet loads follow its policy). Only for scripts, style sheets and fonts: anything a browser could open as a
  // document (HTML, SVG, the app's page for a missing file) keeps them all. Registered before secureHeaders so that it
  // runs after it has set them.
  app.use('/assets/*', async (c, next) => {
    await next();
    if (c.res.status !== 200 || !SUBRESOURCE_TYPES.test(c.res.headers.get('Content-Type') ?? '')) return;
    for (const name of DOCUMENT_ONLY_HEADERS) c.res.headers.delete(name);
  });
  app.use('*', secureHeaders({ contentSecurityPolicy: CONTENT_SECURITY_POLICY, crossOriginEmbedderPolicy: false }));
  // Everything under /api is personal or tied to a pole (links carry tokens): never kept by a cache or a proxy.
  // Outside the body limit, so that its refusals are covered too.
  app.use('/api/*', async (c, next) => {
    await next();
    if (!c.res.headers.has('Cache-Control')) c.header('Cache-Control', 'no-store');
  });
  // JSON and CSV answers go compressed (gzip) to a browser that accepts it: a respondent on 4G gets the questionnaire
  // in a fifth of the bytes. Not the session, whose answer carries the CSRF token: a secret in a compressed answer
  // is what BREACH-style attacks measure.
  const compressJson = compress({ encoding: 'gzip' });
  app.use('/api/*', (c, next) => (c.req.path === '/api/session' ? next() : compressJson(c, next)));
  app.use('/api/*', bodyLimit({ maxSize: 512 * 1024, onError: (c) => c.json(errorBody('too_large', 'Requête trop volumineuse.'), 413) }));
  app.use('/api/*', sessionMiddleware(deps));
  // The opt-out link is the one write a mail client makes on its own (RFC 8058 one-click POST): its token is the
  // authority, and a recipient who also has a staff session must not be refused for lacking the header.
  const csrf = csrfMiddleware();
  app.use('/api/*', (c, next) => (c.req.method === 'POST' && isOptOutPath(c.req.path) ? next() : csrf(c, next)));

  const api = new OpenAPIHono<AppEnv>({ defaultHook: (app as any).defaultHook });
  for (const routes of [sessionRoutes, poleRoutes, campaignRoutes, poleCampaignRoutes, responseRoutes, resultRoutes, reviewRoutes, exportRoutes, networkRoutes, adminRoutes]) api.route('/', routes(deps));
  api.route('/', mailRoutes(deps, options.mailSender));
  api.route('/', surveyDocumentRoutes(deps));
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
    // Client-side routes (/r/<token>, /admin, ...) all load the single page, read afresh so a rebuild is picked up.
    // Stored nowhere: its address may carry a respondent's token, and no-store also keeps the page out of most
    // browsers' back-forward cache, where a shared device's next user could find what the previous one saw. Being
    // sent without a validator, it was downloaded in full each time anyway: no-cache saved nothing.
    const page = (file: string) => (c: Context<AppEnv>) => {
      c.header('Cache-Control', 'no-store');
      return c.html(readFileSync(file, 'utf8'));
    };
    const shell = page(indexFile);
    // A respondent's link opens its own page, which loads only what answering needs (no staff code).
    const respondentFile = join(options.clientDir, 'respondent.html');
    const respondentShell = (c: Context<AppEnv>) => page(existsSync(respondentFile) ? respondentFile : indexFile)(c);
    // Built files are named by their content: cached for good. Their brotli or gzip copy, written at build time
    // (vite.config.ts), is sent when the browser accepts it.
    // (Set once the file is answered: serveStatic's onFound comes after its response is made, too late for a header.)
    app.use('/assets/*', async (c, next) => {
      await next();
      if (c.res.status === 200) c.header('Cache-Control', 'public, max-age=31536000, immutable');
    });
    app.use('/assets/*', serveStatic({ root, precompressed: true }));
    // Before the static files, which would otherwise answer « / » with index.html and no Cache-Control.
    app.get('/', shell);
    app.get('/r/*', respondentShell);
    app.use('*', serveStatic({ root }));
    app.get('*', shell);
  }
  return app;
}
