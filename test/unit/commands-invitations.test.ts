// The invitation workflows as commands, called without HTTP: what they store and what they refuse.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { createInvitations, reissueInvitation, revokeInvitation, type InvitationScope } from '../../server/commands/invitations.ts';
import { hashToken } from '../../server/security/tokens.ts';

let h: Harness;
let scope: InvitationScope;
beforeEach(async () => {
  h = await createHarness();
  const { repos, questionnaires } = h.deps;
  const now = h.clock.now.toISOString();
  repos.poles.create({ id: 'p1', name: 'Pôle', region: null, departement: null, createdAt: now });
  repos.campaigns.create({ id: 'c1', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now });
  scope = { user: repos.users.list().find((u) => u.role === 'admin')!, pole: repos.poles.get('p1')!, campaign: repos.campaigns.get('c1')!, questionnaire: questionnaires.get('ptce-2026')! };
});
afterEach(() => h.close());

const tickets = () => h.deps.repos.db.prepare('SELECT status FROM tickets').pluck().all();

describe('invitation commands', () => {
  it('creates individual links with a ticket each, or one shared link without, tokens stored hashed', () => {
    const individual = createInvitations(h.deps, scope, { count: 3, college: 'ess', shared: false });
    expect(individual).toHaveLength(3);
    expect(individual[0].invitation).toMatchObject({ shared: false, college: 'ess', status: 'new', maxResponses: null });
    expect(h.deps.repos.tickets.findByTokenHash(hashToken(individual[0].token))).toMatchObject({ status: 'new', presetCollege: 'ess' });
    const [shared] = createInvitations(h.deps, scope, { count: 40, shared: true, maxResponses: 12 });
    expect(shared.invitation).toMatchObject({ shared: true, status: null, maxResponses: 12 });
    expect(tickets()).toHaveLength(3);
    expect(JSON.stringify(h.deps.repos.db.prepare('SELECT * FROM invitations').all())).not.toContain(individual[0].token);
  });

  it('refuses a collège the questionnaire does not offer, with a 422', () => {
    expect(() => createInvitations(h.deps, scope, { count: 1, college: 'martiens', shared: false })).toThrow(expect.objectContaining({ status: 422, code: 'validation' }));
  });

  it('reissues a link not yet sent (new token, fresh ticket), and refuses a shared or another pole’s link', () => {
    const [{ invitation, token }] = createInvitations(h.deps, scope, { count: 1, shared: false });
    h.deps.repos.tickets.saveDraft(h.deps.repos.tickets.findByTokenHash(hashToken(token))!.id, '{"college":"ess"}', 1, h.clock.now.toISOString());
    const again = reissueInvitation(h.deps, scope, invitation.id);
    expect(again.token).not.toBe(token);
    expect(h.deps.repos.tickets.findByTokenHash(hashToken(token))).toBeUndefined();
    expect(h.deps.repos.tickets.findByTokenHash(hashToken(again.token))).toMatchObject({ status: 'new', storedData: '{}' });
    const [shared] = createInvitations(h.deps, scope, { count: 1, shared: true });
    expect(() => reissueInvitation(h.deps, scope, shared.invitation.id)).toThrow(expect.objectContaining({ status: 409, code: 'shared_link' }));
    h.deps.repos.poles.create({ id: 'p2', name: 'Autre', region: null, departement: null, createdAt: h.clock.now.toISOString() });
    expect(() => reissueInvitation(h.deps, { ...scope, pole: h.deps.repos.poles.get('p2')! }, invitation.id)).toThrow(expect.objectContaining({ status: 404 }));
  });

  it('revokes a link: it leaves the list, its draft goes, and a second revoke finds nothing', () => {
    const [{ invitation }] = createInvitations(h.deps, scope, { count: 1, shared: false });
    revokeInvitation(h.deps, scope, invitation.id);
    expect(h.deps.repos.invitations.list('p1', 'c1')).toEqual([]);
    expect(tickets()).toEqual([]);
    expect(() => revokeInvitation(h.deps, scope, invitation.id)).toThrow(expect.objectContaining({ status: 404 }));
  });
});
