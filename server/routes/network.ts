// The Labo's view of a campaign across poles (admin only): poles are named here, never to other poles.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { adminOnly, requireCampaign } from '../auth.ts';
import { networkComparison, networkResults, networkResultsView, previousCampaign } from '../network-results.ts';
import { errors, json } from '../schemas.ts';
import type { Campaign } from '../db/index.ts';
import { invalidField, notFound } from '../errors.ts';
import type { ChartConfiguration } from 'chart.js';
import { NETWORK_CHART_TITLES, networkDistributionConfig, networkGroupsConfig, networkMediansEvolutionConfig, withChartTitle } from '../../reports/charts.ts';
import { chartSvg } from '../../reports/pdf/chart-svg.ts';
import { recordChartHere } from '../../reports/pdf/render-chart.ts';
import { activeFilters } from '../../reports/analysis/network-filters.ts';
import { COMPARE_MIN_POLES } from '../../reports/analysis/network-compare.ts';
import { COMPARE_BY, NetworkComparisonSchema, NetworkFiltersQuery, NetworkResultsSchema } from '../../reports/contract/network.ts';
import { renderNetworkReport } from '../../reports/pdf/network-report.ts';

const CampaignParams = z.object({ campaignId: z.string().min(1).max(64) });
const compareTo = z.string().min(1).max(64).optional();

const ResultsQuery = NetworkFiltersQuery.extend({
  compareTo: compareTo.openapi({ description: 'Identifiant d’une autre campagne : ajoute à chaque pôle son évolution depuis elle (`poles[].change`)' }),
});

const CompareQuery = NetworkFiltersQuery.extend({
  by: z.enum(COMPARE_BY).default('legalForm').openapi({ description: 'Ce qui forme les groupes : forme juridique, région, ou tranche d’âge du pôle' }),
});

/** `legalForm,ageBand` → each comparison once, in the order asked. */
const CompareList = z
  .string()
  .max(100)
  .optional()
  .transform((text, ctx) => {
    const asked = [...new Set((text ?? '').split(',').map((s) => s.trim()).filter(Boolean))];
    const unknown = asked.filter((by) => !(COMPARE_BY as readonly string[]).includes(by));
    if (unknown.length) ctx.addIssue({ code: 'custom', message: `Comparaison inconnue : ${unknown.join(', ')} (attendu : ${COMPARE_BY.join(', ')}).` });
    return asked as (typeof COMPARE_BY)[number][];
  });

const NETWORK_CHARTS = ['themes', 'evolution', 'groups'] as const;
const ChartQuery = NetworkFiltersQuery.extend({
  chart: z.enum(NETWORK_CHARTS).openapi({ description: 'themes : répartition par thème ; evolution : médianes par campagne ; groups : score global des groupes de pôles (`by`)' }),
  by: CompareQuery.shape.by,
});
/** Chart size in SVG pixels: the dashboard's proportions, one row per theme or group. */
const svgSize = (rows: number) => ({ width: 900, height: 120 + 26 * rows });

const ReportQuery = NetworkFiltersQuery.extend({
  compareTo: compareTo.openapi({ description: 'Campagne de l’« Évolution par pôle » (par défaut la précédente, s’il y en a une)' }),
  compare: CompareList.openapi({
    type: 'string',
    description: 'Comparaisons de groupes de pôles à ajouter, une page chacune, séparées par des virgules : legalForm, region, ageBand (ex. legalForm,region)',
  }),
});

export function networkRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  /** The campaign to compare with: an unknown one is a bad query (422), not a missing page (404). */
  const comparedCampaign = (id: string | undefined): Campaign | undefined => {
    if (id === undefined) return undefined;
    const campaign = deps.repos.campaigns.get(id);
    if (!campaign || !deps.questionnaires.has(campaign.questionnaireId)) throw invalidField('compareTo', 'Campagne de comparaison introuvable.');
    return campaign;
  };

  app.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{campaignId}/results', middleware: [adminOnly] as const, tags: ['Réseau'],
      summary: 'Résultats du réseau pour une campagne : distributions par thème, carte de chaleur, faiblesses et menaces fréquentes, profils, pôles à accompagner',
      request: { params: CampaignParams, query: ResultsQuery },
      responses: { 200: json(NetworkResultsSchema, 'Résultats du réseau'), ...errors(401, 403, 404, 422) },
    }),
    (c) => {
      const campaign = requireCampaign(deps, c.req.valid('param').campaignId);
      const query = c.req.valid('query');
      return c.json(networkResultsView(deps, campaign, activeFilters(query), comparedCampaign(query.compareTo)), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{campaignId}/compare', middleware: [adminOnly] as const, tags: ['Réseau'],
      summary: 'Groupes de pôles côte à côte (forme juridique, région, tranche d’âge) : nombre de pôles, médiane et quartiles de chaque thème',
      description: `Un groupe n’est présenté seul qu’à partir de ${COMPARE_MIN_POLES} pôles avec résultats ; les plus petits sont réunis dans « autres », qui n’a de chiffres qu’à partir du même nombre. Mêmes filtres que les résultats.`,
      request: { params: CampaignParams, query: CompareQuery },
      responses: { 200: json(NetworkComparisonSchema, 'Comparaison de groupes de pôles'), ...errors(401, 403, 404, 422) },
    }),
    (c) => {
      const campaign = requireCampaign(deps, c.req.valid('param').campaignId);
      const query = c.req.valid('query');
      return c.json(networkComparison(deps, campaign, activeFilters(query), query.by), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{campaignId}/chart.svg', middleware: [adminOnly] as const, tags: ['Réseau'],
      summary: 'Un graphique du tableau de bord du réseau en SVG (vectoriel, pour un rapport imprimé), avec les mêmes filtres',
      request: { params: CampaignParams, query: ChartQuery },
      responses: { 200: { content: { 'image/svg+xml': { schema: z.string() } }, description: 'SVG' }, ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const campaign = requireCampaign(deps, c.req.valid('param').campaignId);
      const query = c.req.valid('query');
      const filters = activeFilters(query);
      const web = { print: false };
      let config: ChartConfiguration<any, any> | null;
      let title: string;
      let rows: number;
      if (query.chart === 'groups') {
        const comparison = networkComparison(deps, campaign, filters, query.by);
        config = networkGroupsConfig(comparison, web);
        title = NETWORK_CHART_TITLES.groups(comparison.label, campaign.year);
        rows = comparison.groups.filter((g) => g.overall).length;
      } else if (query.chart === 'evolution') {
        const view = networkResultsView(deps, campaign, filters);
        config = networkMediansEvolutionConfig(view, web);
        title = NETWORK_CHART_TITLES.evolution();
        rows = view.themes.length;
      } else {
        const results = networkResults(deps, campaign, filters);
        config = results.polesWithResults ? networkDistributionConfig(results, web) : null;
        title = NETWORK_CHART_TITLES.themes(campaign.year);
        rows = results.themes.length;
      }
      if (!config || !rows) throw notFound('Ce graphique est vide pour cette campagne et ces filtres.');
      const drawing = await recordChartHere(withChartTitle(config, title), svgSize(rows));
      c.header('Content-Type', 'image/svg+xml; charset=utf-8');
      c.header('Content-Disposition', `attachment; filename="reseau-${campaign.year}-${query.chart}.svg"`);
      c.header('Cache-Control', 'no-store');
      return c.body(chartSvg(drawing, title), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{campaignId}/report.pdf', middleware: [adminOnly] as const, tags: ['Réseau'],
      summary: 'Rapport PDF du réseau (A4) : synthèse, participation, profils, distributions, carte de chaleur, évolution des médianes et par pôle, comparaisons choisies',
      request: { params: CampaignParams, query: ReportQuery },
      responses: { 200: { content: { 'application/pdf': { schema: z.string().openapi({ format: 'binary' }) } }, description: 'PDF' }, ...errors(401, 403, 404, 422) },
    }),
    async (c) => {
      const campaign = requireCampaign(deps, c.req.valid('param').campaignId);
      const query = c.req.valid('query');
      const filters = activeFilters(query);
      const questionnaire = deps.questionnaires.get(campaign.questionnaireId);
      const pdf = await renderNetworkReport(networkResultsView(deps, campaign, filters, comparedCampaign(query.compareTo) ?? previousCampaign(deps, campaign)), {
        generatedAt: deps.now(),
        dimensions: questionnaire?.model.dimensions,
        comparisons: query.compare.map((by) => networkComparison(deps, campaign, filters, by)),
      });
      c.header('Content-Type', 'application/pdf');
      c.header('Content-Disposition', `attachment; filename="reseau-ptce-${campaign.year}.pdf"`);
      c.header('Cache-Control', 'no-store');
      return c.body(new Uint8Array(pdf), 200);
    },
  );
  return app;
}
