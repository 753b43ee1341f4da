// Admin: the audit trail (GET /api/audit), newest first, fifty at a time; « Plus ancien » adds the next page below.
import { useState } from 'react';
import { api } from '../../api';
import { ErrorAlert, LoadError, Loading } from '../../components/Messages';
import { useAction } from '../../useAction';
import { useResource } from '../../useResource';
import type { Pole } from '../../../reports/contract/resources';
import type { AuditAction, AuditEntry, AuditPage, AuditTargetType } from '../../../reports/contract/audit';

const AUDIT_ACTION_LABELS: Record<AuditAction, string> = {
  'login.succeeded': 'Connexion',
  'login.failed': 'Connexion refusée',
  'export.downloaded': 'Export des réponses',
  'response.erased': 'Réponse effacée',
  'pole.deleted': 'Pôle supprimé avec ses données',
  'campaign.created': 'Campagne créée',
  'campaign.purged': 'Campagne supprimée (durée de conservation)',
  'questionnaire.imported': 'Questionnaire importé',
  'user.created': 'Compte créé',
  'user.disabled': 'Compte désactivé',
  'user.enabled': 'Compte réactivé',
  'user.password_changed': 'Mot de passe changé',
  'invitations.created': 'Liens créés',
  'invitation.revoked': 'Lien retiré',
  'invitation.reissued': 'Lien remplacé',
  'review.saved': 'Revue collective enregistrée',
};

const TARGET_LABELS: Record<AuditTargetType, string> = {
  campaign: 'Campagne',
  pole: 'Pôle',
  user: 'Compte',
  invitation: 'Lien',
  questionnaire: 'Questionnaire',
};

const moment = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'medium' });

function AuditRow({ entry, poleNames }: { entry: AuditEntry; poleNames: Map<string, string> }) {
  return (
    <tr data-testid={`audit-${entry.id}`}>
      <td>
        <time dateTime={entry.at}>{moment.format(new Date(entry.at))}</time>
      </td>
      <th scope="row">{AUDIT_ACTION_LABELS[entry.action]}</th>
      <td>{entry.actor ? entry.actor.email : entry.action === 'campaign.purged' ? 'le service' : '—'}</td>
      <td>
        {entry.target ? (
          <>
            {TARGET_LABELS[entry.target.type]} <code>{entry.target.id}</code>
          </>
        ) : (
          '—'
        )}
      </td>
      <td>{entry.poleId ? (poleNames.get(entry.poleId) ?? <code>{entry.poleId}</code>) : '—'}</td>
      <td>{entry.detail ?? ''}</td>
    </tr>
  );
}

export function AuditSection({ poles }: { poles: Pole[] }) {
  const first = useResource<AuditPage>('/api/audit');
  // Older pages, appended below the first one as « Plus ancien » fetches them.
  const [older, setOlder] = useState<AuditEntry[]>([]);
  const [next, setNext] = useState<number | null | undefined>(undefined);
  const [loaded, setLoaded] = useState<string | null>(null);
  const { pending, error, run } = useAction();
  const poleNames = new Map(poles.map((p) => [p.id, p.name]));
  const entries = [...(first.data?.entries ?? []), ...older];
  const cursor = next === undefined ? first.data?.next ?? null : next;

  async function loadOlder() {
    if (cursor === null) return;
    await run(async () => {
      const page = await api.get<AuditPage>(`/api/audit?before=${cursor}`);
      setOlder((list) => [...list, ...page.entries]);
      setNext(page.next);
      setLoaded(`${page.entries.length} entrée${page.entries.length > 1 ? 's' : ''} plus ancienne${page.entries.length > 1 ? 's' : ''} ajoutée${page.entries.length > 1 ? 's' : ''} en bas du tableau.`);
    });
  }

  return (
    <section aria-labelledby="journal" className="section" data-testid="audit-section">
      <h2 id="journal">Journal d’audit</h2>
      <p className="hint">
        Qui a fait quoi et quand : connexions, exports, comptes, liens, imports, campagnes, effacements et purges. Le
        journal ne contient ni réponse, ni lien, ni adresse de répondant.
      </p>
      {first.error && <LoadError error={first.error} onRetry={() => void first.reload()} />}
      {first.loading && !first.data && <Loading />}
      {first.data && entries.length === 0 && <p>Aucune entrée pour l’instant.</p>}
      {entries.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Journal d’audit" tabIndex={0}>
          <table data-testid="audit-table" aria-busy={pending || undefined}>
            <caption className="visually-hidden">Journal d’audit, les plus récentes d’abord</caption>
            <thead>
              <tr>
                <th scope="col">Date</th>
                <th scope="col">Action</th>
                <th scope="col">Par</th>
                <th scope="col">Objet</th>
                <th scope="col">Pôle</th>
                <th scope="col">Détail</th>
              </tr>
            </thead>
            <tbody>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} poleNames={poleNames} />
              ))}
            </tbody>
          </table>
        </div>
      )}
      <p className="visually-hidden" role="status">
        {loaded}
      </p>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {cursor !== null && entries.length > 0 && (
        <button type="button" className="button-secondary" onClick={() => void loadOlder()} disabled={pending}>
          Plus ancien
        </button>
      )}
    </section>
  );
}
