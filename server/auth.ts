// Who is calling: the session cookie, CSRF checks for cookie-authenticated writes, and permission guards.
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { timingSafeEqual } from 'node:crypto';
import type { AppDeps, AppEnv } from './context.ts';
import { ApiError, forbidden, notFound } from './errors.ts';
import { hashToken } from './security/tokens.ts';
import type { Pole, User, Campaign } from './db/index.ts';
import type { Questionnaire } from '../surveys/registry.ts';

export const SESSION_COOKIE = 'ptce_session';
export const SESSION_DAYS = 14;
/** A session unused this long ends, whatever its expiry: a forgotten open tab on a shared computer does not stay signed in. */
export const SESSION_IDLE_MS = 2 * 60 * 60_000;
/** Use is recorded at most this often: a write per request would cost more than the precision is worth. */
const SEEN_PRECISION_MS = 60_000;
const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Sessions last seen before this moment have lapsed. */
export const idleSince = (now: Date) => new Date(now.getTime() - SESSION_IDLE_MS);

export function sessionMiddleware(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const token = getCookie(c, SESSION_COOKIE);
    const now = deps.now();
    const session = token ? deps.repos.sessions.find(hashToken(token), now, idleSince(now)) : undefined;
    if (session && now.getTime() - Date.parse(session.lastSeenAt) >= SEEN_PRECISION_MS) deps.repos.sessions.touch(session.tokenHash, now);
    c.set('session', session);
    await next();
  };
}

/** Compares in constant time, so that the response time does not tell how much of a guessed token was right. */
function sameSecret(sent: string | undefined, expected: string): boolean {
  const a = Buffer.from(sent ?? '');
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Double-submit check for the staff API: a write made with the session cookie must carry the session's CSRF token
 * in a header, which a page on another site cannot read nor set. Respondent routes carry their credential in the
 * URL (no ambient cookie), and login has no session yet, so neither needs it.
 */
export function csrfMiddleware(): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const session = c.get('session');
    if (session && UNSAFE.has(c.req.method) && !c.req.path.startsWith('/api/responses/') && !(c.req.path === '/api/session' && c.req.method === 'POST')) {
      if (!sameSecret(c.req.header('x-csrf-token'), session.csrfToken)) {
        throw new ApiError(403, 'csrf', 'Jeton CSRF manquant ou invalide : rechargez la page.');
      }
    }
    await next();
  };
}

export function requireUser(c: Context<AppEnv>): User {
  const session = c.get('session');
  if (!session) throw new ApiError(401, 'unauthenticated', 'Veuillez vous connecter.');
  return session.user;
}

export function requireAdmin(c: Context<AppEnv>): User {
  const user = requireUser(c);
  if (user.role !== 'admin') throw new ApiError(403, 'forbidden', 'Réservé à l’administration du Labo.');
  return user;
}

/** Loads the pole first, then checks the caller's right on the stored pole (never on the URL alone). */
export function requirePole(c: Context<AppEnv>, deps: AppDeps, poleId: string): { user: User; pole: Pole } {
  const user = requireUser(c);
  // Loaded and checked once per request by poleAccess: the handler after it gets the same pole.
  const checked = c.get('pole');
  if (checked?.id === poleId) return { user, pole: checked };
  const pole = deps.repos.poles.get(poleId);
  if (!pole) throw user.role === 'admin' ? notFound('Pôle introuvable.') : forbidden();
  if (user.role !== 'admin' && user.poleId !== pole.id) throw forbidden();
  return { user, pole };
}

export function requireCampaign(deps: AppDeps, campaignId: string): Campaign {
  const campaign = deps.repos.campaigns.get(campaignId);
  if (!campaign) throw notFound('Campagne introuvable.');
  return campaign;
}

/** The campaign's frozen questionnaire version (409 if it is no longer loaded). */
function questionnaireOf(deps: AppDeps, campaign: Campaign): Questionnaire {
  const questionnaire = deps.questionnaires.get(campaign.questionnaireId);
  if (!questionnaire) throw new ApiError(409, 'questionnaire_missing', 'Le questionnaire de cette campagne n’est plus disponible.');
  return questionnaire;
}

/** What poleAccess loaded and checked for a /poles/{poleId}/campaigns/{campaignId}/… route. */
export function poleCampaign(c: Context<AppEnv>): { user: User; pole: Pole; campaign: Campaign; questionnaire: Questionnaire } {
  const pole = c.get('pole');
  const campaign = c.get('campaign');
  const questionnaire = c.get('questionnaire');
  // A route that forgot the middleware is a programming error, not the caller's: it must fail loudly.
  if (!pole || !campaign || !questionnaire) throw new Error('poleCampaign() sur une route sans le middleware poleAccess');
  return { user: requireUser(c), pole, campaign, questionnaire };
}

/** Route middleware: checks the caller before the body is validated, so a stranger gets 401/403, not 422. */
export const signedIn: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireUser(c);
  await next();
};
export const adminOnly: MiddlewareHandler<AppEnv> = async (c, next) => {
  requireAdmin(c);
  await next();
};
/**
 * Route middleware for /poles/{poleId}/…: the pole's coordinator or the admin, checked before the body. Under
 * /campaigns/{campaignId}/ it also loads the campaign and its questionnaire: handlers read them with poleCampaign().
 */
export const poleAccess = (deps: AppDeps): MiddlewareHandler<AppEnv> => async (c, next) => {
  c.set('pole', requirePole(c, deps, c.req.param('poleId') ?? '').pole);
  const campaignId = c.req.param('campaignId');
  if (campaignId !== undefined) {
    const campaign = requireCampaign(deps, campaignId);
    c.set('campaign', campaign);
    c.set('questionnaire', questionnaireOf(deps, campaign));
  }
  await next();
};
