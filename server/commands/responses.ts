// The respondent's workflows that do not depend on HTTP: checking answers against the questionnaire and the link,
// and submitting them. Binding a link to a browser (cookies) stays in server/routes/responses.ts.
// Tests: test/unit/commands-responses.test.ts.
import type { AppDeps } from '../context.ts';
import type { Campaign, TicketRecord } from '../db/index.ts';
import { ApiError, invalid } from '../errors.ts';
import { newId } from '../security/tokens.ts';
import { sealDraft } from '../security/draft-crypto.ts';
import { campaignDay, campaignStatus } from '../campaign-status.ts';
import { readyForNextBatch } from '../../reports/analysis/groups.ts';
import { itemValues } from '../../reports/analysis/quality.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import type { ValidationIssue } from '../../surveys/validator.ts';

export const ALREADY_SUBMITTED = 'Vos réponses ont déjà été envoyées ; elles ne peuvent plus être modifiées.';
export const OPENED_ELSEWHERE =
  'Ce lien a déjà été ouvert sur un autre appareil : les réponses en cours n’y sont accessibles que depuis cet appareil. ' +
  'Pour continuer ailleurs, utilisez le lien « Reprendre sur un autre appareil » affiché sur l’appareil d’origine (il ne sert qu’une fois). ' +
  'Si vous n’avez jamais ouvert ce lien, demandez à la coordination de votre pôle de le remplacer : le brouillon sera effacé sans être lu.';

type Answers = Record<string, unknown>;


/** Refuses answers outside the campaign's dates: 403 before it opens, 409 once it is closed. */
export function assertAnswering(deps: Pick<AppDeps, 'now'>, campaign: Campaign): void {
  const status = campaignStatus(campaign, deps.now());
  if (status === 'upcoming') {
    throw new ApiError(403, 'campaign_not_open', `Le questionnaire ouvrira le ${campaignDay(campaign.opensAt!)}.`, { opensAt: campaign.opensAt });
  }
  if (status === 'closed') {
    throw new ApiError(409, 'campaign_closed', `La campagne ${campaign.year} est clôturée depuis le ${campaignDay(campaign.closesAt!)}.`, { closesAt: campaign.closesAt });
  }
}

/** The questionnaire's own rules, plus the collège the link was made for; a 422 listing every problem. */
export function checkAnswers(questionnaire: Questionnaire, ticket: Pick<TicketRecord, 'presetCollege'>, data: Answers, mode: 'draft' | 'submit'): void {
  const issues: ValidationIssue[] = questionnaire.validator.validate(data, mode);
  if (ticket.presetCollege && data.college !== undefined && data.college !== ticket.presetCollege) {
    issues.push({ question: 'college', message: 'Ce lien a été créé pour un autre collège.' });
  }
  if (issues.length) throw invalid(mode === 'submit' ? 'Certaines réponses sont à compléter ou à corriger.' : 'Certaines réponses sont invalides.', issues);
}

/** A draft save that is also the link's first use: the binding to this browser, done in the save's transaction. */
export interface FirstUse {
  browserHash: string;
  resumeHash: string;
  resumeSealed: string;
  data: string;
}

/**
 * Checks a draft, seals it under the ticket's resume secret (the database never holds a draft it could read) and
 * stores it, binding the link to the browser first when this is its first use. 409 once sent; 403 if another
 * browser bound the link just before.
 */
export async function saveDraft(
  deps: AppDeps,
  ticket: Pick<TicketRecord, 'id' | 'presetCollege' | 'pageNo'> & { resumeSecret: string },
  campaign: Campaign,
  questionnaire: Questionnaire,
  input: { data: Answers; pageNo?: number; firstUse?: FirstUse },
): Promise<{ savedAt: string }> {
  assertAnswering(deps, campaign);
  checkAnswers(questionnaire, ticket, input.data, 'draft');
  const savedAt = deps.now().toISOString();
  const sealed = sealDraft(input.data, ticket.resumeSecret, ticket.id);
  const saved = await deps.repos.groupCommit.run(() => {
    if (input.firstUse && !deps.repos.tickets.bind(ticket.id, input.firstUse)) throw new ApiError(403, 'opened_elsewhere', OPENED_ELSEWHERE);
    return deps.repos.tickets.saveDraft(ticket.id, sealed, input.pageNo ?? ticket.pageNo, savedAt);
  });
  if (!saved) throw new ApiError(409, 'already_submitted', ALREADY_SUBMITTED);
  return { savedAt };
}

/**
 * Checks, scores and stores a response apart from its ticket (server/db/tickets.ts), opening a new results batch
 * when one is due. Resolves once committed (durable before the 201); 409 if the ticket was sent meanwhile.
 */
export async function submitResponse(
  deps: AppDeps,
  ticket: Pick<TicketRecord, 'id' | 'poleId' | 'campaignId' | 'presetCollege'>,
  campaign: Campaign,
  questionnaire: Questionnaire,
  data: Answers,
): Promise<{ day: string }> {
  assertAnswering(deps, campaign);
  checkAnswers(questionnaire, ticket, data, 'submit');
  const day = deps.now().toISOString().slice(0, 10);
  const k = deps.analysis.minGroupSize;
  const stored = await deps.repos.groupCommit.run(
    () =>
      deps.repos.tickets.submit(ticket, {
        responseId: newId(),
        college: typeof data.college === 'string' ? data.college : ticket.presetCollege,
        data,
        itemScores: itemValues(questionnaire.model, data, questionnaire.validator.isVisible),
        day,
        minBatch: k,
        readyForNextBatch: (rows) => readyForNextBatch(questionnaire.colleges, rows, k),
      }),
    // The WAL would otherwise keep the draft's last frame beside the response's: a way to pair them on disk.
    { scrub: true },
  );
  if (!stored) throw new ApiError(409, 'already_submitted', ALREADY_SUBMITTED);
  return { day };
}
