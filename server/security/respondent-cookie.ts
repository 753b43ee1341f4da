// The respondent's browser secret: one random value per browser, in an HttpOnly cookie sent to /api/responses only.
// Tickets store its hash.
import type { Context } from 'hono';
import { getCookie, setCookie } from 'hono/cookie';
import { hashToken, looksLikeToken, newToken } from './tokens.ts';
import { isHttps } from './client.ts';

export const RESPONDENT_COOKIE = 'ptce_respondent';
const COOKIE_DAYS = 400;

export interface RespondentBrowser {
  /** SHA-256 of the browser's secret (a fresh one if it sent none). */
  hash: string;
  /** The secret itself: keys the browser's drafts (draft-crypto.ts); never stored. */
  secret: string;
  /**
   * Gives a fresh secret to the browser: called only once a ticket is bound to it. A refusal never sets a cookie,
   * which would replace the one the browser already holds for its own drafts (two first requests at once, say).
   */
  keep(): void;
}

export function respondentBrowser(c: Context, trustProxy: boolean): RespondentBrowser {
  const sent = getCookie(c, RESPONDENT_COOKIE);
  if (sent && looksLikeToken(sent)) return { hash: hashToken(sent), secret: sent, keep: () => undefined };
  const secret = newToken();
  return {
    hash: hashToken(secret),
    secret,
    keep: () => setCookie(c, RESPONDENT_COOKIE, secret, { httpOnly: true, sameSite: 'Strict', path: '/api/responses', secure: isHttps(c, trustProxy), maxAge: COOKIE_DAYS * 86_400 }),
  };
}
