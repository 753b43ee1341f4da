// Poles (admin creates; a coordinator sees and edits only their own) and coordinator accounts.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { adminOnly, poleAccess, requirePole, requireUser, signedIn } from '../auth.ts';
import { ApiError, invalidField } from '../errors.ts';
import { newId } from '../security/tokens.ts';
import { hashPassword } from '../security/passwords.ts';
import { PoleParams, PoleSchema, UserSchema, errors, json, jsonBody } from '../schemas.ts';

const optionalText = z.string().trim().max(120).nullable().optional();
const PoleInput = z.object({ name: z.string().trim().min(2).max(160), region: optionalText, departement: optionalText }).openapi('PoleInput');
const PolePatch = PoleInput.partial().openapi('PolePatch');
const UserInput = z
  .object({ email: z.email().max(254), password: z.string().min(10, 'Le mot de passe doit faire au moins 10 caractères.').max(200), poleId: z.string().min(1) })
  .openapi('CoordinatorInput');

export function poleRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { poles, users } = deps.repos;

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
      const user = users.create({ id: newId(), email: input.email.toLowerCase(), role: 'coordinator', poleId: input.poleId }, await hashPassword(input.password), deps.now().toISOString());
      return c.json(user, 201);
    },
  );
  return app;
}
