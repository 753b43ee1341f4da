// The respondent's workflows that do not depend on HTTP: checking answers against the questionnaire and the link,
// and submitting them. Binding a link to a browser (cookies) stays in server/routes/responses.ts.
// Tests: test/unit/commands-responses.test.ts.
import type { AppDeps } from '../context.ts';
import type { TicketRecord } from '../db/index.ts';
import { ApiError, invalid } from '../errors.ts';
import { newId } from '../security/tokens.ts';
import { readyForNextBatch } from '../../reports/analysis/groups.ts';
import { scoreRespondent, scoringModel } from '../../reports/analysis/scoring.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import type { ValidationIssue } from '../../surveys/validator.ts';

export const ALREADY_SUBMITTED = 'Vos réponses ont déjà été envoyées ; elles ne peuvent plus être modifiées.';

type Answers = Record<string, unknown>;

/** The questionnaire's own rules, plus the collège the link was made for; a 422 listing every problem. */
export function checkAnswers(questionnaire: Questionnaire, ticket: Pick<TicketRecord, 'presetCollege'>, data: Answers, mode: 'draft' | 'submit'): void {
  const issues: ValidationIssue[] = questionnaire.validator.validate(data, mode);
  if (ticket.presetCollege && data.college !== undefined && data.college !== ticket.presetCollege) {
    issues.push({ question: 'college', message: 'Ce lien a été créé pour un autre collège.' });
  }
  if (issues.length) throw invalid(mode === 'submit' ? 'Certaines réponses sont à compléter ou à corriger.' : 'Certaines réponses sont invalides.', issues);
}

/**
 * Checks, scores and stores a response apart from its ticket (server/db/tickets.ts), opening a new results batch
 * when one is due. Resolves once committed (durable before the 201); 409 if the ticket was sent meanwhile.
 */
export async function submitResponse(
  deps: AppDeps,
  ticket: Pick<TicketRecord, 'id' | 'poleId' | 'campaignId' | 'presetCollege'>,
  questionnaire: Questionnaire,
  data: Answers,
): Promise<{ day: string }> {
  checkAnswers(questionnaire, ticket, data, 'submit');
  const day = deps.now().toISOString().slice(0, 10);
  const k = deps.analysis.minGroupSize;
  const stored = await deps.repos.groupCommit.run(
    () =>
      deps.repos.tickets.submit(ticket, {
        responseId: newId(),
        college: typeof data.college === 'string' ? data.college : ticket.presetCollege,
        data,
        itemScores: scoreRespondent(scoringModel(questionnaire.definition), data).items,
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
