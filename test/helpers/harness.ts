// An app on a fresh data folder, called in-process (app.request) with a cookie jar: the same path as HTTP clients.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../server/app.ts';
import { createDeps, ensureAdmin } from '../../server/bootstrap.ts';
import { readConfig } from '../../server/config.ts';
import { createPasswordHasher, type PasswordHasher } from '../../server/security/passwords.ts';
import { newId } from '../../server/security/tokens.ts';

export const ADMIN = { email: 'admin@labo.test', password: 'mot-de-passe-admin' };

export interface Harness {
  app: ReturnType<typeof createApp>;
  deps: ReturnType<typeof createDeps>;
  clock: { now: Date };
  dataDir: string;
  client(): Client;
  admin(): Promise<Client>;
  coordinator(poleId: string, email?: string): Promise<Client>;
  close(): void;
}

export interface Client {
  csrf: string | null;
  /** The cookies this client holds, by name. */
  cookies: Map<string, string>;
  request(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<Response>;
  json<T = any>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }>;
  login(email: string, password: string): Promise<Response>;
  /** Signs in again as the last account signed in: once the clock has moved past a session's 2 idle hours. */
  relogin(): Promise<Response>;
}

export interface HarnessOptions {
  /** SMTP_URL for this app (e.g. a local test server); without it the app has no mailer, as in production. */
  smtpUrl?: string;
  /** TRUST_PROXY=1: X-Forwarded-For and X-Forwarded-Proto are believed. */
  trustProxy?: boolean;
  /** Password hashing; by default a cheap scrypt cost (production's takes 0.3 s and 128 MiB per hash). */
  passwords?: PasswordHasher;
}

/** Same algorithm and format as production, at a cost a test suite can pay hundreds of times. */
export const TEST_SCRYPT = { N: 1024, r: 8, p: 1 };

export async function createHarness(options: HarnessOptions = {}): Promise<Harness> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ptce-test-'));
  const clock = { now: new Date('2026-03-01T10:00:00Z') };
  const env: NodeJS.ProcessEnv = { DATA_DIR: dataDir };
  if (options.smtpUrl) env.SMTP_URL = options.smtpUrl;
  if (options.trustProxy) env.TRUST_PROXY = '1';
  const config = { ...readConfig(env), adminEmail: ADMIN.email, adminPassword: ADMIN.password };
  const deps = createDeps(config, () => clock.now, { passwords: options.passwords ?? createPasswordHasher(TEST_SCRYPT) });
  await ensureAdmin(deps, config);
  const app = createApp(deps);

  const client = (): Client => {
    // One jar per client, like one browser: every cookie by name (the session, the respondent's).
    const jar = new Map<string, string>();
    let credentials: { email: string; password: string } | undefined;
    const c: Client = {
      csrf: null,
      cookies: jar,
      async request(method, path, body, headers = {}) {
        const h: Record<string, string> = { ...headers };
        if (jar.size && !('cookie' in headers)) h.cookie = [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
        if (c.csrf && method !== 'GET' && !('x-csrf-token' in headers)) h['x-csrf-token'] = c.csrf;
        if (body !== undefined) h['content-type'] = 'application/json';
        const res = await app.request(`http://localhost${path}`, { method, headers: h, body: body === undefined ? undefined : JSON.stringify(body) });
        for (const set of res.headers.getSetCookie()) {
          const [pair, ...attributes] = set.split(';');
          const [name, value] = [pair.slice(0, pair.indexOf('=')).trim(), pair.slice(pair.indexOf('=') + 1)];
          if (!value || attributes.some((a) => /^\s*max-age=0\s*$/i.test(a))) jar.delete(name);
          else jar.set(name, value);
        }
        return res;
      },
      async json(method, path, body) {
        const res = await c.request(method, path, body);
        const text = await res.text();
        return { status: res.status, body: text ? JSON.parse(text) : null };
      },
      async login(email, password) {
        credentials = { email, password };
        const res = await c.request('POST', '/api/session', { email, password });
        if (res.status === 204) c.csrf = (await c.json('GET', '/api/session')).body.csrfToken;
        return res;
      },
      relogin() {
        if (!credentials) throw new Error('relogin() before login()');
        return c.login(credentials.email, credentials.password);
      },
    };
    return c;
  };

  return {
    app,
    deps,
    clock,
    dataDir,
    client,
    async admin() {
      const c = client();
      const res = await c.login(ADMIN.email, ADMIN.password);
      if (res.status !== 204) throw new Error(`admin login failed: ${res.status}`);
      return c;
    },
    async coordinator(poleId, email = `coord-${poleId}@pole.test`) {
      const password = 'mot-de-passe-coord';
      if (!deps.repos.users.findByEmail(email)) {
        deps.repos.users.create({ id: newId(), email, role: 'coordinator', poleId }, await deps.passwords.hash(password), clock.now.toISOString());
      }
      const c = client();
      await c.login(email, password);
      return c;
    },
    close() {
      deps.repos.db.close();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
