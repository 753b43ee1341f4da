// Login, current user, password change, logout.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError, errorBody, invalidField } from '../errors.ts';
import { SESSION_COOKIE, SESSION_DAYS, idleSince, requireUser, signedIn } from '../auth.ts';
import { NewPasswordSchema, PASSWORD_MAX } from '../security/passwords.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { clientAddress, isHttps } from '../security/client.ts';
import { UserSchema, errors, json, jsonBody } from '../schemas.ts';

const LoginSchema = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(PASSWORD_MAX) }).openapi('Login');
const PasswordChangeSchema = z
  .object({ currentPassword: z.string().min(1).max(PASSWORD_MAX), newPassword: NewPasswordSchema })
  .openapi('PasswordChange');

/** "2 secondes", "15 minutes": how long before the next attempt. */
function delayText(ms: number): string {
  const seconds = Math.ceil(ms / 1000);
  if (seconds < 60) return seconds > 1 ? `${seconds} secondes` : '1 seconde';
  const minutes = Math.ceil(seconds / 60);
  return minutes > 1 ? `${minutes} minutes` : '1 minute';
}

/** 429 with Retry-After: the client knows when an attempt will be checked again. */
const tooManyAttempts = (c: Context<AppEnv>, retryAfterMs: number) =>
  c.json(errorBody('too_many_attempts', `Trop de tentatives de connexion. Réessayez dans ${delayText(retryAfterMs)}.`), 429, {
    'Retry-After': String(Math.ceil(retryAfterMs / 1000)),
  });

export function sessionRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { users, sessions } = deps.repos;

  app.openapi(
    createRoute({
      method: 'post',
      path: '/session',
      tags: ['Session'],
      summary: 'Se connecter (cookie de session HttpOnly)',
      description: 'Après quelques échecs, chaque nouvel essai attend un délai croissant : 429 avec Retry-After (secondes) en attendant. Un compte désactivé reçoit 403 account_disabled (après un mot de passe juste).',
      request: jsonBody(LoginSchema),
      responses: { 204: { description: 'Connecté ; cookie posé' }, ...errors(401, 403, 422, 429) },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const account = email.toLowerCase();
      const user = users.findByEmail(account);
      const outcome = await deps.loginLimiter.attempt(clientAddress(c, deps.trustProxy), account, () => deps.passwords.verify(password, user?.passwordHash));
      if (outcome.refused) return tooManyAttempts(c, outcome.retryAfterMs);
      // An unknown address is not written down: people sometimes type their password there.
      const failed = (detail: string) => deps.repos.audit.record({ at: deps.now(), actor: user ?? null, action: 'login.failed', detail });
      if (!user || !outcome.ok) {
        failed(user ? 'Mot de passe incorrect' : 'Adresse inconnue');
        throw new ApiError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
      }
      // Told only to whoever knows the password: a guesser learns nothing about the account's state.
      if (user.disabled) {
        failed('Compte désactivé');
        throw new ApiError(403, 'account_disabled', 'Ce compte a été désactivé. Adressez-vous à l’administration du Labo.');
      }
      // The password is at hand only now: a hash made with older parameters is redone at the current cost.
      if (deps.passwords.needsRehash(user.passwordHash)) users.setPasswordHash(user.id, await deps.passwords.hash(password));

      // Always a fresh session id: one planted in this browser before login (session fixation) dies here.
      const previous = getCookie(c, SESSION_COOKIE);
      if (previous) sessions.remove(hashToken(previous));
      const token = newToken();
      const now = deps.now();
      const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
      sessions.purgeExpired(now, idleSince(now));
      sessions.create(hashToken(token), user.id, newToken(), now, expires);
      deps.repos.audit.record({ at: now, actor: user, action: 'login.succeeded' });
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c, deps.trustProxy), path: '/', expires });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/session',
      tags: ['Session'],
      summary: 'Utilisateur connecté et jeton CSRF',
      responses: { 200: json(z.object({ user: UserSchema, csrfToken: z.string() }), 'Session ouverte'), ...errors(401) },
    }),
    (c) => {
      const user = requireUser(c);
      return c.json({ user, csrfToken: c.get('session')!.csrfToken }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'put',
      path: '/session/password',
      middleware: [signedIn] as const,
      tags: ['Session'],
      summary: 'Changer son mot de passe',
      description: 'Mot de passe actuel faux : 422 (details sur currentPassword). Les autres sessions du compte sont fermées ; celle-ci reste ouverte.',
      request: jsonBody(PasswordChangeSchema),
      responses: { 204: { description: 'Mot de passe changé' }, ...errors(401, 403, 422, 429) },
    }),
    async (c) => {
      const user = requireUser(c);
      const { currentPassword, newPassword } = c.req.valid('json');
      // Throttled like a login: a session left open must not let anyone guess the password behind it.
      const outcome = await deps.loginLimiter.attempt(clientAddress(c, deps.trustProxy), user.email.toLowerCase(), () =>
        deps.passwords.verify(currentPassword, users.passwordHash(user.id)),
      );
      if (outcome.refused) return tooManyAttempts(c, outcome.retryAfterMs);
      if (!outcome.ok) throw invalidField('currentPassword', 'Le mot de passe actuel est incorrect.');
      // Compared only once the current one is known right: before, it would tell a guesser when they had found it.
      if (newPassword === currentPassword) throw invalidField('newPassword', 'Le nouveau mot de passe doit être différent de l’actuel.');
      const passwordHash = await deps.passwords.hash(newPassword);
      deps.repos.transaction(() => {
        users.setPasswordHash(user.id, passwordHash);
        // Whoever else held a session (a lost phone, the reason for the change) is out.
        sessions.removeForUser(user.id, c.get('session')!.tokenHash);
        deps.repos.audit.record({ at: deps.now(), actor: user, action: 'user.password_changed', target: { type: 'user', id: user.id }, poleId: user.poleId });
      });
      return c.body(null, 204);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/session',
      tags: ['Session'],
      summary: 'Se déconnecter',
      responses: { 204: { description: 'Déconnecté' }, ...errors(401, 403) },
    }),
    (c) => {
      requireUser(c);
      sessions.remove(c.get('session')!.tokenHash);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
  return app;
}
