// Erasure (RGPD) as commands: one response named by a row of an export, all of a pole's data, the campaigns older
// than the retention period. Each deletes for good (secure_delete, then the WAL scrubbed through the group commit)
// and leaves an entry in the audit trail in the same transaction. Tests: test/api/erasure.test.ts (through HTTP) and
// test/unit/commands-erasure.test.ts (retention).
import type { AppDeps } from '../context.ts';
import type { Campaign, User } from '../db/index.ts';
import type { ErasedCounts } from '../db/erasure.ts';
import { requireCampaign } from '../auth.ts';
import { notFound } from '../errors.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;
const countsText = (c: ErasedCounts) =>
  [
    plural(c.responses, 'réponse', 'réponses'),
    plural(c.invitations, 'lien', 'liens'),
    plural(c.mailRecipients, 'adresse', 'adresses'),
    ...(c.accounts ? [plural(c.accounts, 'compte', 'comptes')] : []),
  ].join(', ');

export interface EraseResponseInput {
  campaignId: string;
  /** The code after the dash in the export's `reponse` cell. */
  exportId: string;
  /** The export's salt: the part before the dash. */
  salt: string;
}

const NO_SUCH_RESPONSE = 'Aucune réponse de cette campagne ne porte ce code dans cet export (déjà effacée ?).';

/**
 * Deletes the response shown by one row of an export of this campaign (server/export-codes.ts). It leaves the
 * pole's results and later exports at once: whoever compares them before and after sees what this one response
 * contributed (see « Exploitation » in the README).
 */
export async function eraseResponse(deps: AppDeps, user: User, input: EraseResponseInput): Promise<void> {
  const { repos } = deps;
  const campaign = requireCampaign(deps, input.campaignId);
  const match = deps.responseCodes.find(repos.erasure.exportedResponses(campaign.id), input.salt, input.exportId);
  if (!match) throw notFound(NO_SUCH_RESPONSE);
  const erased = await repos.groupCommit.run(() => {
    // Another erasure of the same row may have come first: then nothing is recorded either.
    if (!repos.erasure.eraseResponse(match.id)) return false;
    repos.audit.record({ at: deps.now(), actor: user, action: 'response.erased', target: { type: 'campaign', id: campaign.id }, poleId: match.poleId, detail: `Campagne ${campaign.year}` });
    return true;
  }, { scrub: true });
  if (!erased) throw notFound(NO_SUCH_RESPONSE);
}

/** Deletes a pole and everything of it (see erasure.deletePole), its coordinators' accounts included. */
export async function deletePole(deps: AppDeps, user: User, poleId: string): Promise<ErasedCounts> {
  const { repos } = deps;
  const pole = repos.poles.get(poleId);
  if (!pole) throw notFound('Pôle introuvable.');
  const counts = await repos.groupCommit.run(() => {
    const erased = repos.erasure.deletePole(pole.id);
    if (erased) repos.audit.record({ at: deps.now(), actor: user, action: 'pole.deleted', target: { type: 'pole', id: pole.id }, poleId: pole.id, detail: `« ${pole.name} » : ${countsText(erased)}` });
    return erased;
  }, { scrub: true });
  if (!counts) throw notFound('Pôle introuvable.');
  return counts;
}

/**
 * RETENTION_YEARS: deletes each campaign whose year is more than `years` before the current one (with 5, in 2031:
 * 2025 and before), with everything under it. Returns the campaigns deleted.
 */
export async function purgeExpiredCampaigns(deps: AppDeps, years: number): Promise<Campaign[]> {
  const { repos } = deps;
  const oldestKept = deps.now().getUTCFullYear() - years;
  const purged: Campaign[] = [];
  for (const campaign of repos.campaigns.list().filter((c) => c.year < oldestKept)) {
    const done = await repos.groupCommit.run(() => {
      const erased = repos.erasure.deleteCampaign(campaign.id);
      if (erased) {
        repos.audit.record({
          at: deps.now(), actor: null, action: 'campaign.purged', target: { type: 'campaign', id: campaign.id },
          detail: `Campagne ${campaign.year}, au-delà de la durée de conservation (${plural(years, 'an', 'ans')}) : ${countsText(erased)}`,
        });
      }
      return erased !== undefined;
    }, { scrub: true });
    if (done) purged.push(campaign);
  }
  return purged;
}
