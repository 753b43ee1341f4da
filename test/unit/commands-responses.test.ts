// Submitting a response as a command, without HTTP: it is checked, scored, stored apart from its ticket, and a
// results batch opens only when one is due.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { completeAnswers } from '../helpers/scenario.ts';
import { createInvitations } from '../../server/commands/invitations.ts';
import { checkAnswers, saveDraft, submitResponse } from '../../server/commands/responses.ts';
import { openDraft } from '../../server/security/draft-crypto.ts';
import { hashToken } from '../../server/security/tokens.ts';

let h: Harness;
beforeEach(async () => {
  h = await createHarness();
  const now = h.clock.now.toISOString();
  h.deps.repos.poles.create({ id: 'p1', name: 'Pôle', region: null, departement: null, createdAt: now });
  h.deps.repos.campaigns.create({ id: 'c1', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now });
});
afterEach(() => h.close());

const questionnaire = () => h.deps.questionnaires.get('ptce-2026')!;
const campaign = () => h.deps.repos.campaigns.get('c1')!;
function tickets(count: number, college: string | null = null) {
  return links(count, college).map((token) => h.deps.repos.tickets.findByTokenHash(hashToken(token))!);
}
function links(count: number, college: string | null = null) {
  const scope = { user: h.deps.repos.users.list().find((u) => u.role === 'admin')!, pole: h.deps.repos.poles.get('p1')!, campaign: h.deps.repos.campaigns.get('c1')!, questionnaire: questionnaire() };
  return createInvitations(h.deps, scope, { count, college, shared: false }).map(({ token }) => token);
}

describe('response commands', () => {
  it('checks answers against the questionnaire and the collège the link was made for', () => {
    const [ticket] = tickets(1, 'collectivites');
    expect(() => checkAnswers(questionnaire(), ticket, completeAnswers(h, 'ess'), 'submit')).toThrow(expect.objectContaining({
      status: 422, details: expect.arrayContaining([{ question: 'college', message: 'Ce lien a été créé pour un autre collège.' }]),
    }));
    expect(() => checkAnswers(questionnaire(), ticket, { college: 'collectivites' }, 'draft')).not.toThrow();
  });

  it('stores each response apart, by the day, and opens a batch at k; a second submission is refused', async () => {
    const list = tickets(3);
    for (const [i, ticket] of list.entries()) {
      expect(await submitResponse(h.deps, ticket, campaign(), questionnaire(), completeAnswers(h, 'ess', i + 1))).toEqual({ day: '2026-03-01' });
      expect(h.deps.repos.responses.snapshotInfo('p1', 'c1')).toEqual(i < 2 ? { included: 0, pending: i + 1 } : { included: 3, pending: 0 });
    }
    expect(h.deps.repos.db.prepare('SELECT count(*) FROM tickets WHERE status = ?').pluck().get('submitted')).toBe(3);
    await expect(submitResponse(h.deps, list[0], campaign(), questionnaire(), completeAnswers(h, 'ess'))).rejects.toMatchObject({ status: 409, code: 'already_submitted' });
  });

  it('saves a draft sealed under the resume secret, binds a first use in the same commit, and refuses outside the dates', async () => {
    const [link] = links(1);
    const ticket = h.deps.repos.tickets.findByTokenHash(hashToken(link))!;
    const resumeSecret = 'secret-de-reprise-de-test';
    const firstUse = { browserHash: 'navigateur', resumeHash: 'reprise', resumeSealed: 'scellé', data: '' };
    const draft = { college: 'ess' };
    const { savedAt } = await saveDraft(h.deps, { ...ticket, resumeSecret }, campaign(), questionnaire(), { data: draft, pageNo: 2, firstUse });
    expect(savedAt).toBe(h.clock.now.toISOString());
    const stored = h.deps.repos.tickets.findByTokenHash(hashToken(link))!;
    expect(stored).toMatchObject({ browserHash: 'navigateur', pageNo: 2, status: 'draft' });
    expect(stored.storedData).not.toContain('ess');
    expect(openDraft(stored.storedData, resumeSecret, ticket.id)).toEqual(draft);
    // Bound already: a second first use loses (another browser was first).
    await expect(saveDraft(h.deps, { ...ticket, resumeSecret }, campaign(), questionnaire(), { data: draft, firstUse })).rejects.toMatchObject({ status: 403, code: 'opened_elsewhere' });
    await expect(saveDraft(h.deps, { ...ticket, resumeSecret }, campaign(), questionnaire(), { data: { college: 'martiens' } })).rejects.toMatchObject({ status: 422 });
    const closed = { ...campaign(), closesAt: '2026-01-31T23:59:59.999Z' };
    await expect(saveDraft(h.deps, { ...ticket, resumeSecret }, closed, questionnaire(), { data: draft })).rejects.toMatchObject({ status: 409, code: 'campaign_closed' });
    await expect(submitResponse(h.deps, ticket, closed, questionnaire(), completeAnswers(h, 'ess'))).rejects.toMatchObject({ status: 409, code: 'campaign_closed' });
  });
});
