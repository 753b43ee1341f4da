// The only door to storage: the rest of the server asks these repositories for domain objects.
import type { Db } from './database.ts';
import { polesRepository } from './poles.ts';
import { usersRepository } from './users.ts';
import { sessionsRepository } from './sessions.ts';
import { campaignsRepository } from './campaigns.ts';
import { invitationsRepository } from './invitations.ts';
import { responsesRepository } from './responses.ts';
import { ticketsRepository } from './tickets.ts';
import { profilesRepository } from './profiles.ts';
import { mailingsRepository } from './mailings.ts';
import { questionnairesRepository } from './questionnaires.ts';
import { networkRepository } from './network.ts';
import { auditRepository } from './audit.ts';
import { erasureRepository } from './erasure.ts';
import { reviewsRepository } from './reviews.ts';
import { createGroupCommit } from './group-commit.ts';

export { openDatabase, migrate, type Db } from './database.ts';
export type { Pole } from './poles.ts';
export type { User, Role } from './users.ts';
export type { Campaign } from './campaigns.ts';
export type { InvitationRecord, NewInvitation } from './invitations.ts';
export type { StoredResponse, SnapshotInfo } from './responses.ts';
export type { TicketRecord, TicketStatus, ParticipationRow } from './tickets.ts';
export type { StoredReview } from './reviews.ts';

export function createRepositories(db: Db) {
  return {
    /** The raw handle, for tests that look at what is stored; the server asks the repositories below. */
    db,
    /** Runs `work` in one transaction (nested calls become savepoints). */
    transaction: <T>(work: () => T): T => db.transaction(work)(),
    close: () => db.close(),
    poles: polesRepository(db),
    users: usersRepository(db),
    sessions: sessionsRepository(db),
    campaigns: campaignsRepository(db),
    invitations: invitationsRepository(db),
    tickets: ticketsRepository(db),
    responses: responsesRepository(db),
    profiles: profilesRepository(db),
    /** Each pole's collective review of a campaign and its action plan. */
    reviews: reviewsRepository(db),
    mailings: mailingsRepository(db),
    questionnaires: questionnairesRepository(db),
    /** Campaign-wide reads for the Labo's network view. */
    network: networkRepository(db),
    /** Who did what and when, for the Labo: never an answer nor a token. */
    audit: auditRepository(db),
    /** Deleting for good: a response, a pole's data, a campaign past the retention period (run them with scrub). */
    erasure: erasureRepository(db),
    /** Respondents' writes go through here: many submissions, one fsync. */
    groupCommit: createGroupCommit(db),
  };
}

export type Repositories = ReturnType<typeof createRepositories>;
