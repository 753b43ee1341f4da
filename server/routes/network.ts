// The Labo's view of a campaign across poles (admin only): poles are named here, never to other poles.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { adminOnly, requireCampaign } from '../auth.ts';
import { networkEvolution, networkResults } from '../network-results.ts';
import { errors, json } from '../schemas.ts';
import { NetworkResultsSchema } from '../../reports/contract/network.ts';
import { renderNetworkReport } from '../../reports/pdf/network-report.ts';

const age = z.coerce.number().int().min(0).max(200).optional();
const FiltersQuery = z.object({
  region: z.string().max(120).optional(),
  legalForm: z.string().max(60).optional(),
  minAge: age,
  maxAge: age,
});

export function networkRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  app.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{campaignId}/results', middleware: [adminOnly] as const, tags: ['Réseau'],
      summary: 'Résultats du réseau pour une campagne : distributions par thème, carte de chaleur, faiblesses et menaces fréquentes, profils',
      request: { params: z.object({ campaignId: z.string().min(1).max(64) }), query: FiltersQuery },
      responses: { 200: json(NetworkResultsSchema, 'Résultats du réseau'), ...errors(401, 403, 404, 422) },
    }),
    (c) => {
      const campaign = requireCampaign(deps, c.req.valid('param').campaignId);
      const filters = Object.fromEntries(Object.entries(c.req.valid('query')).filter(([, v]) => v !== undefined && v !== ''));
      const results = networkResults(deps, campaign, filters);
      return c.json({ ...results, filters, evolution: networkEvolution(deps, campaign, filters, results) }, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{campaignId}/report.pdf', middleware: [adminOnly] as const, tags: ['Réseau'],
      summary: 'Rapport PDF du réseau (A4) : synthèse, participation, profils, distributions, carte de chaleur, évolution des médianes',
      request: { params: z.object({ campaignId: z.string().min(1).max(64) }), query: FiltersQuery },
      responses: { 200: { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'PDF' }, ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const campaign = requireCampaign(deps, c.req.valid('param').campaignId);
      const filters = Object.fromEntries(Object.entries(c.req.valid('query')).filter(([, v]) => v !== undefined && v !== ''));
      const results = networkResults(deps, campaign, filters);
      const questionnaire = deps.questionnaires.get(campaign.questionnaireId);
      const pdf = await renderNetworkReport(
        { ...results, filters, evolution: networkEvolution(deps, campaign, filters, results) },
        { generatedAt: deps.now(), dimensions: questionnaire?.model.dimensions },
      );
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="reseau-ptce-${campaign.year}.pdf"`);
      c.header('Cache-Control', 'no-store');
      return c.body(new Uint8Array(pdf), 200);
    },
  );
  return app;
}
