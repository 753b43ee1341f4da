// Deleting for good (RGPD): one submitted response, all of a pole's data, a campaign past the retention period.
// secure_delete (database.ts) overwrites what is deleted; the callers run these through the group commit's scrub
// path, so that the WAL keeps no copy of the deleted pages either.
import type { Db } from './database.ts';

/** How many rows a deletion took away, for the audit trail. */
export interface ErasedCounts {
  responses: number;
  invitations: number;
  mailRecipients: number;
  accounts: number;
}

export function erasureRepository(db: Db) {
  // Exports only ever hold responses in the results (batch > 0): those are the ones an export row can name.
  const exported = db.prepare('SELECT id, pole_id AS poleId FROM responses WHERE campaign_id = ? AND batch > 0');
  const deleteResponse = db.prepare('DELETE FROM responses WHERE id = ?');

  /** Statements deleting what hangs under one scope (a pole or a campaign), children before parents. */
  const under = (column: 'pole_id' | 'campaign_id') => ({
    outgoingMails: db.prepare(`
      DELETE FROM outgoing_mails WHERE mailing_id IN (SELECT id FROM mailings WHERE ${column} = @scope)
        OR recipient_id IN (SELECT id FROM mail_recipients WHERE ${column} = @scope)`),
    mailings: db.prepare(`DELETE FROM mailings WHERE ${column} = @scope`),
    mailRecipients: db.prepare(`DELETE FROM mail_recipients WHERE ${column} = @scope`),
    tickets: db.prepare(`DELETE FROM tickets WHERE ${column} = @scope`),
    responses: db.prepare(`DELETE FROM responses WHERE ${column} = @scope`),
    invitations: db.prepare(`DELETE FROM invitations WHERE ${column} = @scope`),
    profiles: db.prepare(`DELETE FROM pole_profiles WHERE ${column} = @scope`),
    reviews: db.prepare(`DELETE FROM pole_reviews WHERE ${column} = @scope`),
  });
  const deleteUnder = (statements: ReturnType<typeof under>, scope: string): Omit<ErasedCounts, 'accounts'> => {
    statements.outgoingMails.run({ scope });
    statements.mailings.run({ scope });
    const mailRecipients = statements.mailRecipients.run({ scope }).changes;
    statements.tickets.run({ scope });
    const responses = statements.responses.run({ scope }).changes;
    const invitations = statements.invitations.run({ scope }).changes;
    statements.profiles.run({ scope });
    statements.reviews.run({ scope });
    return { responses, invitations, mailRecipients };
  };

  const poleScope = under('pole_id');
  // A coordinator acts on their own pole only: nothing outside it refers to their account.
  const sessionsOf = db.prepare('DELETE FROM sessions WHERE user_id IN (SELECT id FROM users WHERE pole_id = ?)');
  const accountsOf = db.prepare('DELETE FROM users WHERE pole_id = ?');
  const pole = db.prepare('DELETE FROM poles WHERE id = ?');
  const deletePole = db.transaction((poleId: string): ErasedCounts | undefined => {
    const counts = deleteUnder(poleScope, poleId);
    sessionsOf.run(poleId);
    const accounts = accountsOf.run(poleId).changes;
    if (pole.run(poleId).changes === 0) return undefined;
    return { ...counts, accounts };
  });

  const campaignScope = under('campaign_id');
  const campaign = db.prepare('DELETE FROM campaigns WHERE id = ?');
  const deleteCampaign = db.transaction((campaignId: string): ErasedCounts | undefined => {
    const counts = deleteUnder(campaignScope, campaignId);
    if (campaign.run(campaignId).changes === 0) return undefined;
    return { ...counts, accounts: 0 };
  });

  return {
    /** The campaign's responses that an export may have shown, with their pole: an export row's code is looked up among them. */
    exportedResponses: (campaignId: string) => exported.all(campaignId) as { id: string; poleId: string }[],
    /** False when it was already gone. */
    eraseResponse: (id: string) => deleteResponse.run(id).changes === 1,
    /**
     * The pole with its profiles, reviews, links, tickets (drafts included), responses, mail recipients and queue, and its
     * coordinators' accounts and sessions; undefined (nothing deleted) when there is no such pole.
     */
    deletePole: (poleId: string) => deletePole(poleId),
    /** The campaign with everything under it, every pole's; undefined (nothing deleted) when there is no such campaign. */
    deleteCampaign: (campaignId: string) => deleteCampaign(campaignId),
  };
}
