// Questionnaire versions (from files, or imported by the admin) and yearly campaigns, each freezing its version.
import { OpenAPIHono, createRoute, z } from '@hono/zod-openapi';
import type { AppDeps, AppEnv } from '../context.ts';
import { adminOnly, requireAdmin, signedIn } from '../auth.ts';
import { ApiError, invalidField, notFound } from '../errors.ts';
import { newId } from '../security/tokens.ts';
import { presentCampaign } from '../campaign-status.ts';
import { CampaignSchema, ErrorSchema, SurveyJsonSchema, errors, json, jsonBody } from '../schemas.ts';
import { importQuestionnaire } from '../commands/questionnaires.ts';
import { QuestionnaireImportedSchema, QuestionnaireSummarySchema } from '../../reports/contract/resources.ts';

const dateInput = z
  .string()
  .refine((s) => !Number.isNaN(Date.parse(s)), 'Date invalide (format attendu : AAAA-MM-JJ ou ISO 8601).')
  .nullable()
  .optional();
const CampaignInput = z
  .object({ year: z.number().int().min(2000).max(2100), questionnaireId: z.string().min(1).max(100), opensAt: dateInput, closesAt: dateInput })
  .openapi('CampaignInput');

const QuestionnaireInput = z
  .object({
    id: z.string().regex(/^[a-z0-9][a-z0-9-]{2,63}$/, 'Identifiant invalide : 3 à 64 caractères, minuscules, chiffres et « - » (ex. ptce-2027).').openapi({ example: 'ptce-2027' }),
    definition: SurveyJsonSchema.openapi({ description: 'Questionnaire SurveyJS (export de SurveyJS Creator) portant ses métadonnées « ptce » : dimensions et thèmes au niveau du questionnaire, { dimension, theme, seedRef, polarity, factor } sur chaque item noté' }),
    profile: SurveyJsonSchema.optional().openapi({ description: 'Formulaire de profil du pôle (SurveyJS) ; par défaut, celui de la version la plus récente' }),
    renamed: z
      .record(z.string().min(1).max(200), z.string().min(1).max(200))
      .optional()
      .openapi({ description: 'Questions renommées, pour l’évolution : clé dans cette version → clé dans les versions précédentes (nom de question, ou « question.ligne » pour une ligne de matrice)', example: { 'gouv_debat.espaces': 'gouv_debat.espaces_debat' } }),
  })
  .openapi('QuestionnaireInput');
/** A bare closing date means "until the end of that day". */
const toIso = (s: string | null | undefined, endOfDay: boolean) => {
  if (!s) return null;
  const bare = /^\d{4}-\d{2}-\d{2}$/.test(s);
  return new Date(bare ? `${s}T${endOfDay ? '23:59:59.999' : '00:00:00.000'}Z` : s).toISOString();
};

export function campaignRoutes(deps: AppDeps) {
  const app = new OpenAPIHono<AppEnv>();

  app.openapi(
    createRoute({ method: 'get', path: '/questionnaires', middleware: [signedIn] as const, tags: ['Questionnaires'], responses: { 200: json(z.object({ questionnaires: z.array(QuestionnaireSummarySchema) }), 'Versions disponibles'), ...errors(401) } }),
    (c) => {
      return c.json({ questionnaires: [...deps.questionnaires.values()].map((q) => ({ id: q.id, title: q.title })) }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/questionnaires/{id}', middleware: [signedIn] as const, tags: ['Questionnaires'], summary: 'Définition SurveyJS (propriétés ptce comprises)', request: { params: z.object({ id: z.string().max(100) }) }, responses: { 200: json(SurveyJsonSchema, 'Définition'), ...errors(401, 404) } }),
    (c) => {
      const q = deps.questionnaires.get(c.req.valid('param').id);
      if (!q) throw notFound('Questionnaire introuvable.');
      return c.json(q.definition, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/questionnaires',
      middleware: [adminOnly] as const,
      tags: ['Questionnaires'],
      summary: 'Importer une nouvelle version du questionnaire (admin)',
      description:
        'Vérifie la définition SurveyJS et ses métadonnées « ptce » (mêmes contrôles qu’au démarrage), l’enregistre et la rend aussitôt disponible pour une campagne. ' +
        'Une version est immuable : un identifiant déjà pris est refusé (409). Corps limité à 512 ko.',
      request: jsonBody(QuestionnaireInput),
      responses: {
        201: json(QuestionnaireImportedSchema, 'Importée'),
        ...errors(401, 403, 409),
        413: json(ErrorSchema, 'Requête trop volumineuse (512 ko au plus)'),
        422: json(ErrorSchema, 'Questionnaire invalide : « invalid_questionnaire », details = [{ path, message }] (ex. pages[1].elements[0].rows[2].ptce.theme)'),
      },
    }),
    (c) => {
      const questionnaire = importQuestionnaire(deps, requireAdmin(c), c.req.valid('json'));
      const { themes, items } = questionnaire.model;
      return c.json({ id: questionnaire.id, title: questionnaire.title, themes: themes.length, scoredItems: items.length }, 201);
    },
  );

  app.openapi(
    createRoute({ method: 'get', path: '/campaigns', middleware: [signedIn] as const, tags: ['Campagnes'], responses: { 200: json(z.object({ campaigns: z.array(CampaignSchema) }), 'Campagnes'), ...errors(401) } }),
    (c) => {
      const now = deps.now();
      return c.json({ campaigns: deps.repos.campaigns.list().map((k) => presentCampaign(k, now)) }, 200);
    },
  );

  app.openapi(
    createRoute({ method: 'post', path: '/campaigns', middleware: [adminOnly] as const, tags: ['Campagnes'], summary: 'Créer la campagne d’une année (admin)', request: jsonBody(CampaignInput), responses: { 201: json(CampaignSchema, 'Créée'), ...errors(401, 403, 409, 422) } }),
    (c) => {
      const input = c.req.valid('json');
      if (!deps.questionnaires.has(input.questionnaireId)) {
        throw invalidField('questionnaireId', 'Questionnaire inconnu.');
      }
      const opensAt = toIso(input.opensAt, false);
      const closesAt = toIso(input.closesAt, true);
      if (opensAt && closesAt && opensAt >= closesAt) {
        throw invalidField('closesAt', 'La clôture doit suivre l’ouverture.');
      }
      if (deps.repos.campaigns.findByYear(input.year)) throw new ApiError(409, 'campaign_exists', `Une campagne ${input.year} existe déjà.`);
      const now = deps.now();
      const campaign = deps.repos.transaction(() => {
        const created = deps.repos.campaigns.create({ id: newId(), year: input.year, questionnaireId: input.questionnaireId, opensAt, closesAt, createdAt: now.toISOString() });
        deps.repos.audit.record({ at: now, actor: requireAdmin(c), action: 'campaign.created', target: { type: 'campaign', id: created.id }, detail: `Campagne ${created.year} (${created.questionnaireId})` });
        return created;
      });
      return c.json(presentCampaign(campaign, now), 201);
    },
  );
  return app;
}
