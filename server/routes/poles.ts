// Poles (admin creates; a coordinator sees and edits only their own) and coordinator accounts.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { adminOnly, poleAccess, requirePole, requireUser, signedIn } from '../auth.ts';
import { ApiError, invalidField, notFound } from '../errors.ts';
import { newId } from '../security/tokens.ts';
import { NewPasswordSchema } from '../security/passwords.ts';
import { PoleParams, PoleSchema, UserSchema, errors, json, jsonBody } from '../schemas.ts';

const optionalText = z.string().trim().max(120).nullable().optional();
const PoleInput = z.object({ name: z.string().trim().min(2).max(160), region: optionalText, departement: optionalText }).openapi('PoleInput');
const PolePatch = PoleInput.partial().openapi('PolePatch');
const UserInput = z.object({ email: z.email().max(254), password: NewPasswordSchema, poleId: z.string().min(1) }).openapi('CoordinatorInput');
const UserParams = z.object({ userId: z.string().min(1).max(64) });
const UserPatch = z.object({ disabled: z.boolean() }).openapi('UserPatch');

export function poleRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { poles, users, sessions } = deps.repos;

  app.openapi(
    createRoute({ method: 'get', path: '/poles', middleware: [signedIn] as const, tags: ['Pôles'], summary: 'Pôles visibles par l’utilisateur', responses: { 200: json(z.object({ poles: z.array(PoleSchema) }), 'Liste'), ...errors(401) } }),
    (c) => {
      const user = requireUser(c);
      const list = user.role === 'admin' ? poles.list() : poles.list().filter((p) => p.id === user.poleId);
      return c.json({ poles: list }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/poles', middleware: [adminOnly] as const, tags: ['Pôles'], summary: 'Créer un pôle (admin)', request: jsonBody(PoleInput), responses: { 201: json(PoleSchema, 'Créé'), ...errors(401, 403, 422) } }),
    (c) => {
      const input = c.req.valid('json');
      const pole = poles.create({ id: newId(), name: input.name, region: input.region ?? null, departement: input.departement ?? null, createdAt: deps.now().toISOString() });
      return c.json(pole, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/poles/{poleId}', middleware: [poleAccess(deps)] as const, tags: ['Pôles'], request: { params: PoleParams }, responses: { 200: json(PoleSchema, 'Pôle'), ...errors(401, 403, 404) } }),
    (c) => c.json(requirePole(c, deps, c.req.valid('param').poleId).pole, 200),
  );

  app.openapi(
    createRoute({ method: 'patch', path: '/poles/{poleId}', middleware: [poleAccess(deps)] as const, tags: ['Pôles'], request: { params: PoleParams, ...jsonBody(PolePatch) }, responses: { 200: json(PoleSchema, 'Modifié'), ...errors(401, 403, 404, 422) } }),
    (c) => {
      const { pole } = requirePole(c, deps, c.req.valid('param').poleId);
      const patch = c.req.valid('json');
      const updated = poles.update({
        ...pole,
        name: patch.name ?? pole.name,
        region: patch.region === undefined ? pole.region : patch.region,
        departement: patch.departement === undefined ? pole.departement : patch.departement,
      });
      return c.json(updated, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/users', middleware: [adminOnly] as const, tags: ['Comptes'], summary: 'Comptes (admin)', responses: { 200: json(z.object({ users: z.array(UserSchema) }), 'Liste'), ...errors(401, 403) } }),
    (c) => {
      return c.json({ users: users.list() }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/users', middleware: [adminOnly] as const, tags: ['Comptes'], summary: 'Créer un compte de coordination pour un pôle (admin)', request: jsonBody(UserInput), responses: { 201: json(UserSchema, 'Créé'), ...errors(401, 403, 404, 409, 422) } }),
    async (c) => {
      const input = c.req.valid('json');
      if (!poles.get(input.poleId)) throw invalidField('poleId', 'Pôle inconnu.');
      if (users.findByEmail(input.email)) throw new ApiError(409, 'email_taken', 'Un compte existe déjà pour cette adresse e-mail.');
      const passwordHash = await deps.passwords.hash(input.password);
      const user = deps.repos.transaction(() => {
        const created = users.create({ id: newId(), email: input.email.toLowerCase(), role: 'coordinator', poleId: input.poleId }, passwordHash, deps.now().toISOString());
        deps.repos.audit.record({ at: deps.now(), actor: requireUser(c), action: 'user.created', target: { type: 'user', id: created.id }, poleId: created.poleId, detail: created.email });
        return created;
      });
      return c.json(user, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'patch',
      path: '/users/{userId}',
      middleware: [adminOnly] as const,
      tags: ['Comptes'],
      summary: 'Désactiver ou réactiver un compte (admin) ; le désactiver ferme ses sessions',
      description: 'Un compte désactivé ne peut plus se connecter (403 account_disabled). On ne peut pas désactiver son propre compte (409 cannot_disable_self).',
      request: { params: UserParams, ...jsonBody(UserPatch) },
      responses: { 200: json(UserSchema, 'Modifié'), ...errors(401, 403, 404, 409, 422) },
    }),
    (c) => {
      const admin = requireUser(c);
      const { userId } = c.req.valid('param');
      const { disabled } = c.req.valid('json');
      const user = users.get(userId);
      if (!user) throw notFound('Compte introuvable.');
      // Nobody would be left to undo it if this was the last admin; and it is never what an admin means to do.
      if (disabled && user.id === admin.id) throw new ApiError(409, 'cannot_disable_self', 'Vous ne pouvez pas désactiver votre propre compte.');
      deps.repos.transaction(() => {
        // The first disabling moment is kept: disabling twice changes nothing.
        if (disabled !== user.disabled) {
          users.setDisabledAt(user.id, disabled ? deps.now().toISOString() : null);
          deps.repos.audit.record({ at: deps.now(), actor: admin, action: disabled ? 'user.disabled' : 'user.enabled', target: { type: 'user', id: user.id }, poleId: user.poleId, detail: user.email });
        }
        if (disabled) sessions.removeForUser(user.id);
      });
      return c.json({ ...user, disabled }, 200);
    },
  );
  return app;
}
