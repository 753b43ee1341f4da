// Submitted responses as files for analysis: CSV (long, wide, or the free texts apart) and XLSX. The admin exports a
// whole campaign; a pole's coordinator (or the admin) exports that pole. Rows come from the results snapshot, with the
// collège group of the pole's results, k-anonymous over the respondent-profile columns (reports/export/anonymity.ts),
// each under a code of that export only (server/export-codes.ts). Every export is in the audit trail.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { Context } from 'hono';
import type { AppDeps, AppEnv } from '../context.ts';
import { adminOnly, poleAccess, requireCampaign, poleCampaign, requireUser } from '../auth.ts';
import { ApiError } from '../errors.ts';
import type { Campaign, Pole } from '../db/index.ts';
import { responsesCsv, tableCsv } from '../../reports/export/csv.ts';
import { polesTable } from '../../reports/export/poles.ts';
import { themeCode } from '../../reports/export/theme-codes.ts';
import { QUESTIONS_HEADER, dictionaryRows } from '../../reports/export/layout.ts';
import { networkPoleResults, type NetworkFilters } from '../network-results.ts';
import { invalidField } from '../errors.ts';
import { TooManyRowsError, XLSX_TYPE, responsesXlsx } from '../../reports/export/xlsx.ts';
import { exportNoteHeader, type ExportRow } from '../../reports/export/layout.ts';
import { groupColleges } from '../../reports/analysis/groups.ts';
import { settleIfClosed } from '../results-snapshot.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import { ErrorSchema, PoleCampaignParams, errors, json } from '../schemas.ts';
import { NetworkFiltersQuery } from '../../reports/contract/network.ts';
import { activeFilters } from '../../reports/analysis/network-filters.ts';
import { FILTERS_LABEL, networkExportScope, type NetworkExportScope } from '../export-filters.ts';

const CampaignParams = z.object({ campaignId: z.string().min(1).max(64) });
const CsvQuery = z.object({
  format: z.enum(['long', 'wide', 'texts', 'poles', 'dictionary']).default('long').openapi({
    description:
      'long : une ligne par réponse à une question (valeur, libellé de la valeur, thème, score) ; wide : une ligne par répondant ; ' +
      'texts : les réponses libres à part, mélangées, comptées ; poles : une ligne par pôle ayant des résultats (profil, score global et ' +
      'scores équilibrés par thème, comme ses résultats) ; dictionary : le dictionnaire des colonnes (thèmes, échelles, codes et libellés des valeurs)',
  }),
  sep: z.enum([';', ',']).default(';').openapi({ description: '; (Excel français, décimales avec virgule) ou , (décimales avec point)' }),
});

/** A campaign's export takes the network dashboard's filters: only the poles they keep. */
const CampaignCsvQuery = CsvQuery.extend(NetworkFiltersQuery.shape).extend({
  compareTo: z.string().min(1).max(64).optional().openapi({ description: 'format=poles : ajoute l’évolution de chaque pôle depuis cette campagne (colonnes evolution_…)' }),
});

const csvResponse = { 200: { content: { 'text/csv': { schema: z.string() } }, description: 'CSV UTF-8 avec BOM' } };
const xlsxResponse = {
  200: { content: { [XLSX_TYPE]: { schema: z.string().openapi({ format: 'binary' }) } }, description: 'Classeur XLSX' },
  413: json(ErrorSchema, 'Trop de lignes pour Excel : utiliser le CSV'),
};

/** A file name safe in a Content-Disposition header: letters, digits and dashes. */
const fileSlug = (name: string) =>
  name.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase() || 'pole';

export function exportRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();
  const { repos } = deps;

  const questionnaireOf = (campaign: Campaign) => {
    const questionnaire = deps.questionnaires.get(campaign.questionnaireId);
    if (!questionnaire) throw new ApiError(409, 'questionnaire_missing', 'Le questionnaire de cette campagne n’est plus disponible.');
    return questionnaire;
  };
  const fileBase = (campaign: Campaign, pole?: Pole) => `ptce-${campaign.year}${pole ? `-${fileSlug(pole.name)}` : ''}-reponses`;

  /** The snapshot's rows, each with its pole's collège group (the same grouping as the pole's results) and its code. */
  const exportRows = (questionnaire: Questionnaire, campaign: Campaign, pole: Pole | undefined, scope?: NetworkExportScope): ExportRow[] => {
    settleIfClosed(deps, campaign);
    const stored = repos.responses.forExport(campaign.id, pole?.id).filter((r) => !scope || scope.poleIds.has(r.poleId));
    const codeOf = deps.responseCodes.newExport();
    const k = deps.analysis.minGroupSize;
    const byPole = new Map<string, typeof stored>();
    for (const r of stored) {
      const rows = byPole.get(r.poleId);
      if (rows) rows.push(r);
      else byPole.set(r.poleId, [r]);
    }
    return [...byPole.values()].flatMap((rows) => {
      const grouping = groupColleges(questionnaire.colleges, rows, k);
      const labels = new Map(grouping.groups.map((g) => [g.id, g.label]));
      return rows.map((r) => {
        const group = grouping.groupOf(r.college);
        return { code: codeOf(r.id), poleId: r.poleId, poleName: r.poleName, group, groupLabel: labels.get(group) ?? group, batch: r.batch, data: r.data };
      });
    });
  };
  const noteHeader = (c: Context<AppEnv>, note: string | null) => {
    if (note) c.header('X-Export-Note', exportNoteHeader(note));
  };
  const audit = (c: Context<AppEnv>, campaign: Campaign, pole: Pole | undefined, format: string, scope?: NetworkExportScope) =>
    repos.audit.record({
      at: deps.now(), actor: requireUser(c), action: 'export.downloaded', target: { type: 'campaign', id: campaign.id }, poleId: pole?.id ?? null,
      detail: `Campagne ${campaign.year}${pole ? '' : scope?.filtered ? ` (${scope.text})` : ', tous les pôles'} : ${format}`,
    });

  /**
   * The poles × themes table: each pole's balanced scores as the network view (and so its own results) gives them,
   * its profile, and its change since `compareTo` when asked; only `pole` for a pole's own export.
   */
  const polesOf = (campaign: Campaign, questionnaire: Questionnaire, filters: NetworkFilters, pole?: Pole, compareTo?: string) => {
    const earlier = compareTo === undefined ? undefined : repos.campaigns.get(compareTo);
    if (compareTo !== undefined && (!earlier || !deps.questionnaires.has(earlier.questionnaireId))) throw invalidField('compareTo', 'Campagne de comparaison introuvable.');
    const poles = networkPoleResults(deps, campaign, filters, earlier);
    const profiles = repos.network.profiles(campaign.id);
    return polesTable({
      campaign,
      // The network results' scores follow the model's themes, in order.
      themes: questionnaire.model.themes.map((t) => ({ id: t.id, code: themeCode(t) })),
      profileQuestions: questionnaire.profileModel.questions,
      poles: poles.filter((p) => !pole || p.id === pole.id).map((p) => ({ ...p, profile: profiles.get(p.id) ?? null })),
      withChange: earlier !== undefined,
    });
  };

  const SUFFIX = { long: 'long', wide: 'large', texts: 'textes', poles: 'poles-themes', dictionary: 'dictionnaire' } as const;
  const sendCsv = (c: Context<AppEnv>, campaign: Campaign, pole: Pole | undefined, query: z.infer<typeof CampaignCsvQuery>, scope?: NetworkExportScope) => {
    const questionnaire = questionnaireOf(campaign);
    let body: ReadableStream<Uint8Array> | string;
    let note: string | null = null;
    if (query.format === 'dictionary') body = tableCsv(QUESTIONS_HEADER, dictionaryRows(questionnaire.model), query.sep);
    else if (query.format === 'poles') {
      const table = polesOf(campaign, questionnaire, scope ? activeFilters(query) : {}, pole, query.compareTo);
      // Four decimals: the table must give back each pole's results to 0.001.
      body = tableCsv(table.header, table.rows, query.sep, 4);
    } else {
      ({ body, note } = responsesCsv(questionnaire.model, campaign, exportRows(questionnaire, campaign, pole, scope), query.format, query.sep, deps.analysis.minGroupSize));
    }
    if (scope) c.header('X-Export-Filters', scope.header);
    const suffix = SUFFIX[query.format];
    c.header('Content-Type', 'text/csv; charset=utf-8');
    c.header('Content-Disposition', `attachment; filename="${fileBase(campaign, pole)}-${suffix}.csv"`);
    c.header('Cache-Control', 'no-store');
    noteHeader(c, note);
    audit(c, campaign, pole, `CSV ${suffix}, séparateur « ${query.sep} »`, scope);
    return c.body(body, 200);
  };
  const sendXlsx = async (c: Context<AppEnv>, campaign: Campaign, pole: Pole | undefined, scope?: NetworkExportScope, filters: NetworkFilters = {}) => {
    const questionnaire = questionnaireOf(campaign);
    let made: Awaited<ReturnType<typeof responsesXlsx>>;
    try {
      made = await responsesXlsx(questionnaire.model, campaign, exportRows(questionnaire, campaign, pole, scope), deps.analysis.minGroupSize, {
        poles: polesOf(campaign, questionnaire, filters, pole),
        notes: scope?.filtered ? [[FILTERS_LABEL, scope.text]] : [],
      });
    } catch (err) {
      if (err instanceof TooManyRowsError) throw new ApiError(413, 'too_large', 'Trop de lignes pour un classeur Excel : utilisez l’export CSV.');
      throw err;
    }
    if (scope) c.header('X-Export-Filters', scope.header);
    c.header('Content-Type', XLSX_TYPE);
    c.header('Content-Disposition', `attachment; filename="${fileBase(campaign, pole)}.xlsx"`);
    c.header('Cache-Control', 'no-store');
    noteHeader(c, made.note);
    audit(c, campaign, pole, 'XLSX', scope);
    return c.body(new Uint8Array(made.file), 200);
  };

  app.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{campaignId}/export.csv', middleware: [adminOnly] as const, tags: ['Exports'],
      summary: 'Réponses envoyées de tous les pôles (ou de ceux que retiennent les filtres du réseau), en CSV (long ou large) ; filtres dits dans l’en-tête X-Export-Filters',
      request: { params: CampaignParams, query: CampaignCsvQuery },
      responses: { ...csvResponse, ...errors(401, 403, 404, 409, 422) },
    }),
    (c) => {
      const campaign = requireCampaign(deps, c.req.valid('param').campaignId);
      const query = c.req.valid('query');
      return sendCsv(c, campaign, undefined, query, networkExportScope(deps, campaign, activeFilters(query)));
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/campaigns/{campaignId}/export.xlsx', middleware: [adminOnly] as const, tags: ['Exports'],
      summary: 'Réponses envoyées de tous les pôles (ou de ceux que retiennent les filtres du réseau), en XLSX (réponses longues et larges, scores par thème, dictionnaire) ; filtres dits dans l’en-tête X-Export-Filters et le dictionnaire',
      request: { params: CampaignParams, query: NetworkFiltersQuery },
      responses: { ...xlsxResponse, ...errors(401, 403, 404, 409, 422) },
    }),
    (c) => {
      const campaign = requireCampaign(deps, c.req.valid('param').campaignId);
      const filters = activeFilters(c.req.valid('query'));
      return sendXlsx(c, campaign, undefined, networkExportScope(deps, campaign, filters), filters);
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/export.csv', middleware: [poleAccess(deps)] as const, tags: ['Exports'],
      summary: 'Réponses envoyées du pôle, en CSV (long ou large)',
      request: { params: PoleCampaignParams, query: CsvQuery },
      responses: { ...csvResponse, ...errors(401, 403, 404, 409, 422) },
    }),
    (c) => {
      const { pole, campaign } = poleCampaign(c);
      return sendCsv(c, campaign, pole, c.req.valid('query'));
    },
  );

  app.openapi(
    createRoute({
      method: 'get', path: '/poles/{poleId}/campaigns/{campaignId}/export.xlsx', middleware: [poleAccess(deps)] as const, tags: ['Exports'],
      summary: 'Réponses envoyées du pôle, en XLSX',
      request: { params: PoleCampaignParams },
      responses: { ...xlsxResponse, ...errors(401, 403, 404, 409) },
    }),
    (c) => {
      const { pole, campaign } = poleCampaign(c);
      return sendXlsx(c, campaign, pole);
    },
  );
  return app;
}
