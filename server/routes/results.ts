// A pole's results for a campaign: JSON for the dashboard, the full PDF report and its two-page summary for the general
// assembly. Coordinator of the pole or admin.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { poleAccess, poleCampaign } from '../auth.ts';
import { poleResults } from '../pole-results.ts';
import { renderPoleReport } from '../../reports/pdf/pole-report.ts';
import { renderPoleSummary } from '../../reports/pdf/summary.ts';
import { PoleCampaignParams, PoleResultsSchema, errors, json } from '../schemas.ts';

/** A file name safe in a Content-Disposition header: letters, digits and dashes. */
export const fileSlug = (name: string) =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'pole';

const pdfResponse = { 200: { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'PDF' }, ...errors(401, 403, 404) };

export function resultRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/results', middleware: [poleAccess(deps)] as const, tags: ['Résultats'],
      summary: 'Scores par thème, collèges, dissensus, SWOT, options stratégiques, évolution, verbatims',
      request: { params: PoleCampaignParams },
      responses: { 200: json(PoleResultsSchema, 'Résultats (nombres non arrondis)'), ...errors(401, 403, 404) },
    }),
    (c) => {
      const { pole, campaign } = poleCampaign(c);
      return c.json(poleResults(deps, pole, campaign), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/report.pdf', middleware: [poleAccess(deps)] as const, tags: ['Résultats'],
      summary: 'Rapport PDF du pôle (A4) : synthèse, détail par thème et par collège, options, suivi du plan précédent, conclusions de la réunion',
      request: { params: PoleCampaignParams },
      responses: pdfResponse,
    }),
    async (c) => {
      const { pole, campaign } = poleCampaign(c);
      const review = deps.repos.reviews.get(pole.id, campaign.id)?.review ?? null;
      const pdf = await renderPoleReport(poleResults(deps, pole, campaign), { generatedAt: deps.now(), review });
      return pdfFile(c, pdf, `rapport-${fileSlug(pole.name)}-${campaign.year}.pdf`);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/summary.pdf', middleware: [poleAccess(deps)] as const, tags: ['Résultats'],
      summary: 'Synthèse PDF du pôle (deux pages A4 au plus) : score, points forts, points faibles et leurs pistes, désaccords, participation',
      request: { params: PoleCampaignParams },
      responses: pdfResponse,
    }),
    async (c) => {
      const { pole, campaign } = poleCampaign(c);
      const pdf = await renderPoleSummary(poleResults(deps, pole, campaign), { generatedAt: deps.now() });
      return pdfFile(c, pdf, `synthese-${fileSlug(pole.name)}-${campaign.year}.pdf`);
    },
  );
  return app;
}

function pdfFile(c: Context<AppEnv>, pdf: Buffer, fileName: string) {
  c.header('Content-Type', 'application/pdf');
  c.header('Content-Disposition', `attachment; filename="${fileName}"`);
  c.header('Cache-Control', 'no-store');
  return c.body(new Uint8Array(pdf), 200);
}
