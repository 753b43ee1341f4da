// The Labo's view of a campaign across poles (admin only): poles are named here, never to other poles.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { adminOnly, requireCampaign } from '../auth.ts';
import { networkEvolution, networkResults } from '../network-results.ts';
import { errors, json } from '../schemas.ts';
import { renderNetworkReport } from '../../reports/pdf/network-report.ts';
import { scoringModel } from '../../reports/analysis/scoring.ts';

const score = z.number().nullable();
const DistributionSchema = z.object({ n: z.number().int(), min: score, q1: score, median: score, q3: score, max: score }).openapi('Distribution');
const NetworkResultsSchema = z
  .object({
    campaign: z.object({ id: z.string(), year: z.number().int(), questionnaireId: z.string() }),
    filters: z.object({ region: z.string().optional(), legalForm: z.string().optional(), minAge: z.number().optional(), maxAge: z.number().optional() }),
    minGroupSize: z.number().int(),
    thresholds: z.object({ high: z.number(), low: z.number() }),
    polesWithResults: z.number().int(),
    themes: z.array(z.object({
      id: z.string(), label: z.string(), dimension: z.string(), factor: z.enum(['internal', 'external']),
      distribution: DistributionSchema, weakPoles: z.number().int(), dissensusPoles: z.number().int(),
    })),
    poles: z.array(z.object({
      id: z.string(), name: z.string(), region: z.string().nullable(), legalForm: z.string().nullable(), foundedYear: z.number().nullable(),
      invited: z.number().int(), submitted: z.number().int(), available: z.boolean(), overall: score,
      scores: z.array(score).openapi({ description: 'Une valeur par thème, dans l’ordre de `themes` (ligne de la carte de chaleur)' }),
    })),
    frequentWeaknesses: z.array(z.string()),
    frequentThreats: z.array(z.string()),
    dissensus: z.array(z.string()),
    participation: z.object({
      invited: z.number().int(), submitted: z.number().int(),
      colleges: z.array(z.object({ college: z.string().nullable(), label: z.string(), invited: z.number().int(), submitted: z.number().int() })),
    }),
    profile: z.record(z.string(), z.object({ label: z.string(), kind: z.enum(['single', 'multiple', 'sum']), answered: z.number().int(), counts: z.array(z.object({ value: z.string(), label: z.string(), count: z.number() })) })),
    overall: DistributionSchema,
    evolution: z.object({
      campaigns: z.array(z.object({ id: z.string(), year: z.number().int(), polesWithResults: z.number().int(), medians: z.record(z.string(), score) })),
    }),
  })
  .openapi('NetworkResults');

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
        { generatedAt: deps.now(), dimensions: questionnaire ? scoringModel(questionnaire.definition).dimensions : undefined },
      );
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="reseau-ptce-${campaign.year}.pdf"`);
      c.header('Cache-Control', 'no-store');
      return c.body(new Uint8Array(pdf), 200);
    },
  );
  return app;
}
