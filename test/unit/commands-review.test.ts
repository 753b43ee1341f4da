// The review workflow as commands, called without HTTP: what they store, what they refuse and what they audit.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { reviewChoices, reviewOf, reviewView, saveReview, type ReviewScope } from '../../server/commands/review.ts';
import type { ReviewInput } from '../../reports/contract/review.ts';

let h: Harness;
let scope: ReviewScope;
beforeEach(async () => {
  h = await createHarness();
  const { repos, questionnaires } = h.deps;
  const now = h.clock.now.toISOString();
  repos.poles.create({ id: 'p1', name: 'Pôle', region: null, departement: null, createdAt: now });
  repos.campaigns.create({ id: 'c1', year: 2025, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now });
  scope = { user: repos.users.list().find((u) => u.role === 'admin')!, pole: repos.poles.get('p1')!, campaign: repos.campaigns.get('c1')!, questionnaire: questionnaires.get('ptce-2026')! };
});
afterEach(() => h.close());

/** A plan naming a collège, a theme and an option of ptce-2026 (the option's themes taken from the catalogue). */
function plan(): ReviewInput {
  const option = reviewChoices(scope.questionnaire).options[0];
  return {
    meetingDate: '2025-09-18',
    participants: { ess: 6, collectivites: 2 },
    themes: [{ themeId: option.themeIds[0], note: 'Constat partagé.', agreed: true }],
    actions: [
      { id: 'a1', optionId: option.id, title: option.title, owner: 'Bureau', due: '2026-03', status: 'planned', note: '', themeIds: [] },
      { id: 'a2', optionId: null, title: 'Lettre d’information trimestrielle', owner: '', due: null, status: 'in_progress', note: 'Premier numéro en janvier.', themeIds: [] },
    ],
  };
}

const audited = () => h.deps.repos.db.prepare("SELECT actor_email AS actor, target_id AS target, pole_id AS pole, detail FROM audit_log WHERE action = 'review.saved'").all();

describe('review commands', () => {
  it('gives an empty review before the meeting, with what a review may name', () => {
    expect(reviewOf(h.deps, scope)).toEqual({ meetingDate: null, participants: {}, themes: [], actions: [], updatedAt: null });
    const { choices } = reviewView(h.deps, scope);
    expect(choices.colleges.map((c) => c.id)).toEqual(scope.questionnaire.colleges.map((c) => c.id));
    expect(choices.themes).toHaveLength(scope.questionnaire.model.themes.length);
    // Every option listed names themes of this questionnaire only.
    const themeIds = new Set(choices.themes.map((t) => t.id));
    expect(choices.options.length).toBeGreaterThan(20);
    for (const option of choices.options) expect(option.themeIds.every((id) => themeIds.has(id)), option.id).toBe(true);
  });

  it('stores the plan, fills an option’s themes from the catalogue, and audits counts but never the group’s words', () => {
    const input = plan();
    const saved = saveReview(h.deps, scope, input);
    const option = reviewChoices(scope.questionnaire).options[0];
    expect(saved.actions[0].themeIds).toEqual(option.themeIds);
    // An own action gets no theme unless the coordination tags it.
    expect(saved.actions[1].themeIds).toEqual([]);
    expect(saved.updatedAt).toBe(h.clock.now.toISOString());
    expect(reviewOf(h.deps, scope)).toEqual(saved);
    expect(audited()).toEqual([{ actor: 'admin@labo.test', target: 'c1', pole: 'p1', detail: '2 actions (0 réalisée), 1 thème discuté' }]);
    expect(JSON.stringify(audited())).not.toContain('Constat partagé');
  });

  it('refuses unknown collèges, themes, options and impossible dates, each with its path, and stores nothing', () => {
    const input = plan();
    input.meetingDate = '2025-02-30';
    input.participants = { ...input.participants, martiens: 2 };
    input.themes.push({ themeId: 'theme-inconnu', note: '', agreed: null });
    input.actions[0].optionId = 'option-inventee';
    input.actions[1].themeIds = ['theme-inconnu'];
    let error: unknown;
    try {
      saveReview(h.deps, scope, input);
    } catch (e) {
      error = e;
    }
    expect(error).toMatchObject({ status: 422, code: 'validation' });
    expect((error as { details: { question: string }[] }).details.map((d) => d.question)).toEqual([
      'meetingDate', 'participants.martiens', 'themes.1.themeId', 'actions.0.optionId', 'actions.1.themeIds.0',
    ]);
    expect(reviewOf(h.deps, scope).updatedAt).toBeNull();
    expect(audited()).toEqual([]);
  });

  it('refuses to overwrite a review saved since the caller read it (409), and accepts the one it read', () => {
    expect(() => saveReview(h.deps, scope, { ...plan(), basedOn: '2020-01-01T00:00:00.000Z' })).toThrow(expect.objectContaining({ status: 409, code: 'review_conflict' }));
    const first = saveReview(h.deps, scope, { ...plan(), basedOn: null });
    expect(() => saveReview(h.deps, scope, { ...plan(), basedOn: null })).toThrow(expect.objectContaining({ status: 409 }));
    // Saved twice within the same millisecond, the dates still differ: `basedOn` tells the two saves apart.
    const second = saveReview(h.deps, scope, { ...plan(), basedOn: first.updatedAt });
    expect(second.updatedAt! > first.updatedAt!).toBe(true);
    expect(() => saveReview(h.deps, scope, { ...plan(), basedOn: first.updatedAt })).toThrow(expect.objectContaining({ status: 409 }));
    // Without basedOn, the review is simply replaced.
    expect(saveReview(h.deps, scope, plan()).updatedAt! > second.updatedAt!).toBe(true);
  });

  it('keeps accepting an option of the stored plan that the catalogue no longer holds', () => {
    const stored = { ...plan(), actions: [{ ...plan().actions[0], optionId: 'option-retiree-du-catalogue' }] };
    h.deps.repos.reviews.save('p1', 'c1', stored, h.clock.now.toISOString(), scope.user.id);
    const updated = saveReview(h.deps, scope, { ...stored, actions: [{ ...stored.actions[0], status: 'done' }] });
    expect(updated.actions[0]).toMatchObject({ optionId: 'option-retiree-du-catalogue', status: 'done' });
    // Only the stored plan's own options: another one the catalogue lacks is still refused.
    expect(() => saveReview(h.deps, scope, { ...stored, actions: [...stored.actions, { ...stored.actions[0], id: 'a9', optionId: 'autre-option-retiree' }] }))
      .toThrow(expect.objectContaining({ status: 422 }));
  });

  it('goes with its pole when the pole is deleted', () => {
    saveReview(h.deps, scope, plan());
    expect(h.deps.repos.erasure.deletePole('p1')).toBeDefined();
    expect(h.deps.repos.db.prepare('SELECT count(*) FROM pole_reviews').pluck().get()).toBe(0);
  });
});
