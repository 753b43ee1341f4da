// A pole's collective review of a campaign and its action plan: read, record (coordinator of the pole or admin), and
// print as a one-page « Plan d'action » for the meeting's minutes.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { poleAccess, poleCampaign } from '../auth.ts';
import { reviewChoices, reviewOf, reviewView, saveReview } from '../commands/review.ts';
import { poleResults } from '../pole-results.ts';
import { fileSlug } from './results.ts';
import { renderActionPlan } from '../../reports/pdf/action-plan.ts';
import { ReviewInputSchema, ReviewSchema, ReviewViewSchema } from '../../reports/contract/review.ts';
import { PoleCampaignParams, errors, json, jsonBody } from '../schemas.ts';

const PATH = '/poles/{poleId}/campaigns/{campaignId}';

export function reviewRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: `${PATH}/review`, middleware: [poleAccess(deps)] as const, tags: ['Revue collective'],
      summary: 'La revue collective et le plan d’action (vides avant la réunion), avec ce qu’ils peuvent nommer',
      request: { params: PoleCampaignParams },
      responses: { 200: json(ReviewViewSchema, 'Revue, et collèges, thèmes et options acceptés'), ...errors(401, 403, 404, 409) },
    }),
    (c) => c.json(reviewView(deps, poleCampaign(c)), 200),
  );

  app.openapi(
    createRoute({
      method: 'put', path: `${PATH}/review`, middleware: [poleAccess(deps)] as const, tags: ['Revue collective'],
      summary: 'Enregistrer la revue et le plan d’action (tout le document) ; les statuts se mettent à jour de même pendant l’année',
      description:
        'Collèges, thèmes et thèmes visés : ceux du questionnaire de la campagne. Option : une option du catalogue dont le questionnaire a les thèmes, ' +
        'proposée ou non par les résultats (ou déjà dans le plan enregistré). 422 avec le chemin de chaque problème ; 409 `review_conflict` si `basedOn` ' +
        'ne correspond plus à la revue enregistrée.',
      request: { params: PoleCampaignParams, ...jsonBody(ReviewInputSchema) },
      responses: { 200: json(ReviewSchema, 'Revue enregistrée'), ...errors(401, 403, 404, 409, 422) },
    }),
    (c) => c.json(saveReview(deps, poleCampaign(c), c.req.valid('json')), 200),
  );

  app.openapi(
    createRoute({
      method: 'get', path: `${PATH}/action-plan.pdf`, middleware: [poleAccess(deps)] as const, tags: ['Revue collective'],
      summary: 'Plan d’action (PDF, une page A4) : suivi du plan précédent, lecture du diagnostic, actions adoptées',
      request: { params: PoleCampaignParams },
      responses: { 200: { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'PDF' }, ...errors(401, 403, 404, 409) },
    }),
    async (c) => {
      const scope = poleCampaign(c);
      const { pole, campaign, questionnaire } = scope;
      const { colleges, themes } = reviewChoices(questionnaire);
      const pdf = await renderActionPlan(
        { pole, campaign, review: reviewOf(deps, scope), colleges, themes, followUp: poleResults(deps, pole, campaign).followUp },
        { generatedAt: deps.now() },
      );
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="plan-d-action-${fileSlug(pole.name)}-${campaign.year}.pdf"`);
      return c.body(new Uint8Array(pdf), 200);
    },
  );
  return app;
}
