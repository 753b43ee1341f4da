// Login, current user, logout.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import { deleteCookie, setCookie } from 'hono/cookie';
import type { AppDeps, AppEnv } from '../context.ts';
import { ApiError } from '../errors.ts';
import { SESSION_COOKIE, SESSION_DAYS, requireUser } from '../auth.ts';
import { decoyHash, verifyPassword } from '../security/passwords.ts';
import { hashToken, newToken } from '../security/tokens.ts';
import { clientAddress, isHttps } from '../security/client.ts';
import { UserSchema, errors, json, jsonBody } from '../schemas.ts';

const LoginSchema = z.object({ email: z.string().trim().min(3).max(254), password: z.string().min(1).max(200) }).openapi('Login');

export function sessionRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'post',
      path: '/session',
      tags: ['Session'],
      summary: 'Se connecter (cookie de session HttpOnly)',
      request: jsonBody(LoginSchema),
      responses: { 204: { description: 'Connecté ; cookie posé' }, ...errors(401, 422, 429) },
    }),
    async (c) => {
      const { email, password } = c.req.valid('json');
      const nowMs = deps.now().getTime();
      const keys = [`ip:${clientAddress(c)}`, `email:${email.toLowerCase()}`];
      if (keys.some((k) => deps.loginLimiter.isBlocked(k, nowMs))) {
        throw new ApiError(429, 'too_many_attempts', 'Trop de tentatives de connexion. Réessayez dans quelques minutes.');
      }
      const user = deps.repos.users.findByEmail(email);
      const ok = await verifyPassword(password, user?.passwordHash ?? (await decoyHash()));
      if (!user || !ok) {
        for (const k of keys) deps.loginLimiter.fail(k, nowMs);
        throw new ApiError(401, 'invalid_credentials', 'Adresse e-mail ou mot de passe incorrect.');
      }
      deps.loginLimiter.reset(`email:${email.toLowerCase()}`);
      const token = newToken();
      const now = deps.now();
      const expires = new Date(now.getTime() + SESSION_DAYS * 86_400_000);
      deps.repos.sessions.purgeExpired(now);
      deps.repos.sessions.create(hashToken(token), user.id, newToken(), now, expires);
      setCookie(c, SESSION_COOKIE, token, { httpOnly: true, sameSite: 'Lax', secure: isHttps(c), path: '/', expires });
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
      method: 'delete',
      path: '/session',
      tags: ['Session'],
      summary: 'Se déconnecter',
      responses: { 204: { description: 'Déconnecté' }, ...errors(401, 403) },
    }),
    (c) => {
      requireUser(c);
      deps.repos.sessions.remove(c.get('session')!.tokenHash);
      deleteCookie(c, SESSION_COOKIE, { path: '/' });
      return c.body(null, 204);
    },
  );
  return app;
}
