// The CSRF header is compared in constant time (crypto.timingSafeEqual), and a header of another length is a 403,
// never the exception timingSafeEqual throws on buffers of different lengths.
import { describe, expect, it, vi } from 'vitest';
import { timingSafeEqual } from 'node:crypto';
import { Hono } from 'hono';
import { csrfMiddleware } from '../../server/auth.ts';
import { handleError } from '../../server/errors.ts';
import type { AppEnv } from '../../server/context.ts';

vi.mock('node:crypto', async (importOriginal) => {
  const crypto = await importOriginal<typeof import('node:crypto')>();
  return { ...crypto, timingSafeEqual: vi.fn(crypto.timingSafeEqual) };
});

const TOKEN = 'jeton-csrf-de-la-session-0123456789abcdefgh';

function app() {
  const app = new Hono<AppEnv>();
  app.onError(handleError);
  app.use('*', async (c, next) => {
    c.set('session', { tokenHash: 'h', csrfToken: TOKEN, expiresAt: '', lastSeenAt: '', user: { id: 'u', email: 'a@b.c', role: 'admin', poleId: null, disabled: false } });
    await next();
  });
  app.use('*', csrfMiddleware());
  app.post('/api/poles', (c) => c.body(null, 204));
  return app;
}

const post = (token?: string) => app().request('http://localhost/api/poles', { method: 'POST', headers: token === undefined ? {} : { 'x-csrf-token': token } });

describe('CSRF check', () => {
  it('compares the header with the session’s token in constant time', async () => {
    vi.mocked(timingSafeEqual).mockClear();
    expect((await post(TOKEN)).status).toBe(204);
    expect(timingSafeEqual).toHaveBeenCalledWith(Buffer.from(TOKEN), Buffer.from(TOKEN));
    expect((await post(TOKEN.replace(/.$/, 'x'))).status).toBe(403);
  });

  it('refuses a missing header or one of another length with 403', async () => {
    for (const token of [undefined, '', TOKEN.slice(1), `${TOKEN}x`]) {
      const res = await post(token);
      expect(res.status, String(token)).toBe(403);
      expect((await res.json()).error.code).toBe('csrf');
    }
  });
});
