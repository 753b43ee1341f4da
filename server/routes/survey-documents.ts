// GET /api/questionnaires/{id}/survey/{hash}: a questionnaire version for the respondent page, public and cached for
// good. Public (no link, no cookie): it holds nothing of a pole or a person (the same document for every link of
// every campaign on this version; the collège fixed by a link stays in the answers view), and a version never
// changes. Any change of content changes the address, so no cache can serve a stale one.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { notFound } from '../errors.ts';
import { SurveyJsonSchema, errors, json } from '../schemas.ts';
import { chooseEncoding, matchesETag, surveyDocument } from '../survey-document.ts';

/** A year, and no revalidation: the address changes with the content (survey-document.ts). */
const FOREVER = 'public, max-age=31536000, immutable';

export function surveyDocumentRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get',
      path: '/questionnaires/{id}/survey/{hash}',
      tags: ['Réponses'],
      summary: 'Définition SurveyJS d’une version, pour la page du répondant (publique, gardée en cache)',
      description:
        'L’adresse est donnée par `questionnaireUrl` de GET /api/responses/{token} ; `hash` est l’empreinte du contenu, ' +
        'qui sert aussi d’ETag. La réponse est gardée un an sans revalidation (`immutable`) : une autre version, ou un ' +
        'autre contenu, a une autre adresse. `If-None-Match` avec l’ETag répond 304.',
      request: { params: z.object({ id: z.string().min(1).max(100), hash: z.string().min(1).max(64) }) },
      responses: {
        200: {
          ...json(SurveyJsonSchema, 'La définition (brotli ou gzip selon Accept-Encoding)'),
          headers: { ETag: { schema: { type: 'string' }, description: 'W/"<hash>"' } },
        },
        304: { description: 'Inchangée (If-None-Match)' },
        ...errors(404),
      },
    }),
    async (c) => {
      const { id, hash } = c.req.valid('param');
      const questionnaire = deps.questionnaires.get(id);
      const document = questionnaire ? surveyDocument(questionnaire) : undefined;
      if (!document || document.hash !== hash) throw notFound('Version de questionnaire inconnue.');
      c.header('Cache-Control', FOREVER);
      c.header('ETag', `W/"${document.hash}"`);
      c.header('Vary', 'Accept-Encoding');
      if (matchesETag(c.req.header('If-None-Match'), document.hash)) return c.body(null, 304);
      c.header('Content-Type', 'application/json; charset=UTF-8');
      const encoding = chooseEncoding(c.req.header('Accept-Encoding'));
      if (!encoding) return c.body(new Uint8Array(document.body), 200);
      c.header('Content-Encoding', encoding);
      return c.body(new Uint8Array(await document.compressed(encoding)), 200);
    },
  );
  return app;
}
