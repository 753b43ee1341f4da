// The collective review of a pole's campaign and its action plan, as commands (deps, scope, input) → result: the
// route validates the shape (reports/contract/review.ts), these check it against the campaign's questionnaire and the
// options catalogue, store it and audit it in one transaction. Tests: test/unit/commands-review.test.ts.
import type { AppDeps } from '../context.ts';
import type { Campaign, Pole, StoredReview, User } from '../db/index.ts';
import { ApiError, invalid } from '../errors.ts';
import { optionThemeIds } from '../../reports/analysis/follow-up.ts';
import type { Review, ReviewChoices, ReviewInput, ReviewView } from '../../reports/contract/review.ts';
import { STRATEGIC_OPTIONS } from '../../surveys/strategic-options.ts';
import type { Questionnaire } from '../../surveys/registry.ts';

/** Who acts on which pole and campaign, already checked (poleAccess, read with poleCampaign). */
export interface ReviewScope {
  user: User;
  pole: Pole;
  campaign: Campaign;
  questionnaire: Questionnaire;
}

const EMPTY: StoredReview = { meetingDate: null, participants: {}, themes: [], actions: [] };

/**
 * What a review of this campaign may name: its questionnaire's collèges and themes, and every option of the catalogue
 * whose themes that questionnaire has. Any such option may be adopted, not only those the results propose: the
 * proposals move with the results' batches (and with the selection rules), and a plan adopted at the meeting must
 * stay valid when its statuses are updated months later; the group may also choose a remedy the analysis did not rank.
 */
export function reviewChoices(questionnaire: Questionnaire): ReviewChoices {
  const themes = questionnaire.model.themes;
  return {
    colleges: questionnaire.colleges.map(({ id, label }) => ({ id, label })),
    themes: themes.map(({ id, label }) => ({ id, label })),
    options: STRATEGIC_OPTIONS.flatMap((option) => {
      const themeIds = optionThemeIds(option, themes);
      return themeIds ? [{ id: option.id, title: option.title, themeIds }] : [];
    }),
  };
}

/** The stored review, or an empty one before the meeting. */
export function reviewOf(deps: AppDeps, { pole, campaign }: Pick<ReviewScope, 'pole' | 'campaign'>): Review {
  const stored = deps.repos.reviews.get(pole.id, campaign.id);
  return stored ? { ...stored.review, updatedAt: stored.updatedAt } : { ...EMPTY, updatedAt: null };
}

/** GET …/review: the review and what a PUT may name. */
export function reviewView(deps: AppDeps, scope: ReviewScope): ReviewView {
  return { ...reviewOf(deps, scope), choices: reviewChoices(scope.questionnaire) };
}

/** « 2025-02-30 » has the right shape but is no day: Date rolls it over to March, or gives up (month 13). */
function isCalendarDay(day: string): boolean {
  const date = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(day);
}

/** Every reference of the review checked against the campaign (collèges, themes, options), each problem with its path. */
function problems(input: ReviewInput, choices: ReviewChoices, keptOptions: ReadonlySet<string>): { question: string; message: string }[] {
  const colleges = new Set(choices.colleges.map((c) => c.id));
  const themes = new Set(choices.themes.map((t) => t.id));
  const options = new Set(choices.options.map((o) => o.id));
  const found: { question: string; message: string }[] = [];
  if (input.meetingDate !== null && !isCalendarDay(input.meetingDate)) found.push({ question: 'meetingDate', message: `Date de réunion impossible : « ${input.meetingDate} ».` });
  for (const college of Object.keys(input.participants)) {
    if (!colleges.has(college)) found.push({ question: `participants.${college}`, message: `Collège inconnu : « ${college} ».` });
  }
  input.themes.forEach((t, i) => {
    if (!themes.has(t.themeId)) found.push({ question: `themes.${i}.themeId`, message: `Thème inconnu dans le questionnaire de cette campagne : « ${t.themeId} ».` });
  });
  input.actions.forEach((a, i) => {
    if (a.optionId !== null && !options.has(a.optionId) && !keptOptions.has(a.optionId)) {
      found.push({ question: `actions.${i}.optionId`, message: `Option inconnue ou sans objet pour le questionnaire de cette campagne : « ${a.optionId} ».` });
    }
    a.themeIds.forEach((id, j) => {
      if (!themes.has(id)) found.push({ question: `actions.${i}.themeIds.${j}`, message: `Thème inconnu dans le questionnaire de cette campagne : « ${id} ».` });
    });
  });
  return found;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/**
 * Records the review (the whole document: the page saves it at once). With `basedOn`, refuses (409) to overwrite a
 * review saved since the caller read it. An option already in the stored plan stays accepted even if the catalogue
 * has dropped it since: a plan must remain editable. An option saved without themes gets the option's.
 */
export function saveReview(deps: AppDeps, { user, pole, campaign, questionnaire }: ReviewScope, input: ReviewInput): Review {
  const stored = deps.repos.reviews.get(pole.id, campaign.id);
  if (input.basedOn !== undefined && input.basedOn !== (stored?.updatedAt ?? null)) {
    throw new ApiError(409, 'review_conflict', 'La revue a été enregistrée entre-temps, depuis une autre page ou un autre poste : rechargez-la avant de la modifier, pour ne rien écraser.');
  }
  const choices = reviewChoices(questionnaire);
  const kept = new Set((stored?.review.actions ?? []).flatMap((a) => (a.optionId === null ? [] : [a.optionId])));
  const found = problems(input, choices, kept);
  if (found.length) throw invalid('La revue contient des erreurs.', found);

  const optionThemes = new Map(choices.options.map((o) => [o.id, o.themeIds]));
  const review: StoredReview = {
    meetingDate: input.meetingDate,
    participants: input.participants,
    themes: input.themes,
    actions: input.actions.map((a) => ({ ...a, themeIds: a.themeIds.length || a.optionId === null ? a.themeIds : optionThemes.get(a.optionId) ?? [] })),
  };
  // Strictly after the stored date, even within one millisecond: `basedOn` must tell two saves apart.
  const now = deps.now().getTime();
  const updatedAt = new Date(stored ? Math.max(now, Date.parse(stored.updatedAt) + 1) : now).toISOString();
  const done = review.actions.filter((a) => a.status === 'done').length;
  deps.repos.transaction(() => {
    deps.repos.reviews.save(pole.id, campaign.id, review, updatedAt, user.id);
    // Counts only: the notes are the group's words, not the audit trail's.
    deps.repos.audit.record({
      at: deps.now(), actor: user, action: 'review.saved', target: { type: 'campaign', id: campaign.id }, poleId: pole.id,
      detail: `${plural(review.actions.length, 'action', 'actions')} (${plural(done, 'réalisée', 'réalisées')}), ${plural(review.themes.length, 'thème discuté', 'thèmes discutés')}`,
    });
  });
  return { ...review, updatedAt };
}
