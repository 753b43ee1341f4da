// Workflows on a pole's invitation links, as functions (deps, scope, input) → result: the routes validate, check
// access, call one of these and present what it returns. Each leaves an entry in the audit trail, in the same
// transaction, with no token in it. Tests: test/unit/commands-invitations.test.ts.
import type { AppDeps } from '../context.ts';
import type { Campaign, InvitationRecord, NewInvitation, Pole, User } from '../db/index.ts';
import { ApiError, invalid, notFound } from '../errors.ts';
import { issueToken, newId } from '../security/tokens.ts';
import type { Questionnaire } from '../../surveys/registry.ts';

/** Who acts on which pole and campaign, already checked (poleAccess, read with poleCampaign). */
export interface InvitationScope {
  user: User;
  pole: Pole;
  campaign: Campaign;
  questionnaire: Questionnaire;
}

export interface CreateInvitationsInput {
  count: number;
  college?: string | null;
  shared: boolean;
  maxResponses?: number | null;
}

/** Individual links (one ticket each, counted as invited at once) or one shared link; tokens returned once. */
export function createInvitations(deps: AppDeps, { user, pole, campaign, questionnaire }: InvitationScope, input: CreateInvitationsInput): { invitation: InvitationRecord; token: string }[] {
  const college = input.college ?? null;
  if (college && !questionnaire.colleges.some((k) => k.id === college)) {
    throw invalid('Collège inconnu.', [{ question: 'college', message: `Collège inconnu : « ${college} ».` }]);
  }
  const createdAt = deps.now().toISOString();
  const created = Array.from({ length: input.shared ? 1 : input.count }, () => {
    const { token, tokenHash, tokenSealed } = issueToken(deps.sealer);
    const row: NewInvitation = {
      id: newId(), poleId: pole.id, campaignId: campaign.id, tokenHash, tokenSealed, shared: input.shared, college, createdAt,
      maxResponses: input.shared ? input.maxResponses ?? null : null, ticketId: input.shared ? null : newId(),
    };
    return { row, token };
  });
  const count = created.length;
  const kind = input.shared
    ? `1 lien partagé${input.maxResponses ? ` (${input.maxResponses} réponses au plus)` : ''}`
    : `${count} ${count > 1 ? 'liens individuels' : 'lien individuel'}`;
  deps.repos.transaction(() => {
    deps.repos.invitations.createMany(created.map((x) => x.row));
    deps.repos.audit.record({
      at: deps.now(), actor: user, action: 'invitations.created', target: { type: 'campaign', id: campaign.id }, poleId: pole.id,
      detail: college ? `${kind}, collège ${college}` : kind,
    });
  });
  return created.map(({ row, token }) => ({
    token,
    invitation: {
      id: row.id, poleId: row.poleId, campaignId: row.campaignId, tokenSealed: row.tokenSealed, shared: row.shared, college, createdAt,
      maxResponses: row.maxResponses ?? null, status: row.shared ? null : 'new', opened: 0, submitted: 0,
    },
  }));
}

/** The invitation, checked against the pole and campaign it is stored under (never the URL alone). */
function requireInvitation(deps: AppDeps, { pole, campaign }: InvitationScope, invitationId: string): InvitationRecord {
  const invitation = deps.repos.invitations.get(invitationId);
  if (!invitation || invitation.poleId !== pole.id || invitation.campaignId !== campaign.id) throw notFound('Lien introuvable (déjà retiré ?).');
  return invitation;
}

/** The link stops working (410) and its unsent drafts are deleted unread; sent responses stay. */
export function revokeInvitation(deps: AppDeps, scope: InvitationScope, invitationId: string): void {
  const invitation = requireInvitation(deps, scope, invitationId);
  deps.repos.transaction(() => {
    deps.repos.invitations.revoke(invitation.id, deps.now().toISOString());
    deps.repos.audit.record({ at: deps.now(), actor: scope.user, action: 'invitation.revoked', target: { type: 'invitation', id: invitation.id }, poleId: scope.pole.id });
  });
}

/** An individual link not yet sent gets a new token; the old one stops working and its draft is deleted unread. */
export function reissueInvitation(deps: AppDeps, scope: InvitationScope, invitationId: string): { invitation: InvitationRecord; token: string } {
  const invitation = requireInvitation(deps, scope, invitationId);
  if (invitation.shared) throw new ApiError(409, 'shared_link', 'Un lien partagé ne se remplace pas : retirez-le et créez-en un autre.');
  const { token, tokenHash, tokenSealed } = issueToken(deps.sealer);
  const reissued = deps.repos.transaction(() => {
    const done = deps.repos.invitations.reissue({
      id: invitation.id, poleId: scope.pole.id, campaignId: scope.campaign.id, tokenHash, tokenSealed,
      ticketId: newId(), createdAt: deps.now().toISOString(),
    });
    if (done) deps.repos.audit.record({ at: deps.now(), actor: scope.user, action: 'invitation.reissued', target: { type: 'invitation', id: invitation.id }, poleId: scope.pole.id });
    return done;
  });
  if (!reissued) throw new ApiError(409, 'already_submitted', 'La réponse de ce lien est déjà envoyée : il n’y a rien à remplacer.');
  return { invitation: deps.repos.invitations.get(invitation.id)!, token };
}
