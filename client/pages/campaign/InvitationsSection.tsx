// Invitation links: creation form, table, CSV download, copy, QR sheet link.
import { CollegeSelect } from '../../components/CollegeSelect';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api } from '../../api';
import { collegeLabel, type CollegeChoice } from '../../college';
import { ErrorAlert, LoadError, Loading, SuccessStatus } from '../../components/Messages';
import { Link } from '../../router';
import { useResource } from '../../useResource';
import type { Invitation } from '../../types';
import { copyText } from './copyText';
import { invitationKindLabel, invitationStatusLabel } from './invitationStatus';
import { useAction } from '../../useAction';

interface Props {
  basePath: string;
  pagePath: string;
  colleges: CollegeChoice[];
  /** Changes when links were created elsewhere on the page (invitations by e-mail): the list reloads. */
  refreshKey?: number;
  onCreated: () => void;
}

function InvitationCreateForm({ basePath, colleges, onCreated }: Omit<Props, 'pagePath' | 'onCreated' | 'refreshKey'> & { onCreated: (n: number) => void }) {
  const [count, setCount] = useState('10');
  const [college, setCollege] = useState('');
  const [shared, setShared] = useState(false);
  const { pending, error, setError, run } = useAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const n = Number(count);
    if (!shared && (!Number.isInteger(n) || n < 1 || n > 500)) {
      setError('Le nombre de liens doit être compris entre 1 et 500.');
      return;
    }
    await run(async () => {
      const body: Record<string, unknown> = { count: shared ? 1 : n };
      if (college) body.college = college;
      if (shared) body.shared = true;
      const result = await api.post<{ invitations: Invitation[] }>(`${basePath}/invitations`, body);
      onCreated(result.invitations.length);
    });
  }

  return (
    <form className="card form" onSubmit={handleSubmit} aria-labelledby="invitation-create-title">
      <h3 id="invitation-create-title">Créer des liens d’invitation</h3>
      {error && <ErrorAlert>{error}</ErrorAlert>}
      <div className="field-row">
        <div className="field">
          <label htmlFor="invitation-count">Nombre de liens</label>
          <input
            id="invitation-count"
            type="number"
            inputMode="numeric"
            min={1}
            max={500}
            required={!shared}
            disabled={shared}
            value={count}
            onChange={(e) => setCount(e.target.value)}
            aria-describedby="invitation-count-hint"
          />
          <p id="invitation-count-hint" className="hint">
            De 1 à 500 liens individuels (un lien par personne).
          </p>
        </div>
        <div className="field">
          <label htmlFor="invitation-college">Collège (facultatif)</label>
          <CollegeSelect id="invitation-college" colleges={colleges} value={college} onChange={setCollege} />
        </div>
      </div>
      <div className="field checkbox-field">
        <input id="invitation-shared" type="checkbox" checked={shared} onChange={(e) => setShared(e.target.checked)} />
        <label htmlFor="invitation-shared">Lien partagé (une réponse par personne qui l'ouvre)</label>
      </div>
      <button type="submit" disabled={pending}>
        Créer les liens
      </button>
    </form>
  );
}

export function InvitationsSection({ basePath, pagePath, colleges, refreshKey = 0, onCreated }: Props) {
  const invitations = useResource<{ invitations: Invitation[] }>(`${basePath}/invitations`);
  const shownKey = useRef(refreshKey);
  const { reload } = invitations;
  useEffect(() => {
    if (shownKey.current === refreshKey) return;
    shownKey.current = refreshKey;
    void reload();
  }, [refreshKey, reload]);
  const [message, setMessage] = useState<string | null>(null);
  const [copyMessage, setCopyMessage] = useState('');
  const list = invitations.data?.invitations ?? [];

  async function handleCopy(invitation: Invitation, index: number) {
    const ok = await copyText(invitation.url);
    setCopyMessage(ok ? `Lien n° ${index + 1} copié.` : 'La copie a échoué : sélectionnez le lien et copiez-le.');
  }

  return (
    <section aria-labelledby="invitations-title" className="section" data-testid="invitations">
      <h2 id="invitations-title">Invitations</h2>
      {message && <SuccessStatus>{message}</SuccessStatus>}
      <InvitationCreateForm
        basePath={basePath}
        colleges={colleges}
        onCreated={(n) => {
          setMessage(n > 1 ? `${n} liens créés.` : 'Lien créé.');
          void invitations.reload();
          onCreated();
        }}
      />
      <div className="actions">
        <a href={`${basePath}/invitations.csv`} download className="button-link">
          Télécharger (CSV)
        </a>
        <Link to={`${pagePath}/qr`} className="button-link">
          Imprimer la feuille de QR codes
        </Link>
        <button type="button" className="button-secondary" onClick={() => void invitations.reload()}>
          Actualiser la liste
        </button>
      </div>
      <p className="visually-hidden" aria-live="polite">
        {copyMessage}
      </p>
      {invitations.error && <LoadError error={invitations.error} onRetry={() => void invitations.reload()} />}
      {invitations.loading && !invitations.data && <Loading />}
      {invitations.data && list.length === 0 && <p>Aucun lien créé pour cette campagne.</p>}
      {list.length > 0 && (
        <div className="table-wrap" role="region" aria-label="Liens d’invitation" tabIndex={0}>
          <table className="invitations-table" data-testid="invitations-table">
            <caption>
              {list.length} lien{list.length > 1 ? 's' : ''}
            </caption>
            <thead>
              <tr>
                <th scope="col">N°</th>
                <th scope="col">Lien</th>
                <th scope="col">Type</th>
                <th scope="col">Collège</th>
                <th scope="col">Statut</th>
                <th scope="col">Copier</th>
              </tr>
            </thead>
            <tbody>
              {list.map((invitation, index) => (
                <tr key={invitation.id} data-testid={`invitation-${invitation.id}`}>
                  <td>{index + 1}</td>
                  <td className="url-cell">
                    <a id={`invitation-url-${invitation.id}`} href={invitation.url} target="_blank" rel="noreferrer">
                      {invitation.url}
                    </a>
                  </td>
                  <td>{invitationKindLabel(invitation)}</td>
                  <td>{collegeLabel(colleges, invitation.college)}</td>
                  <td data-testid="invitation-status">{invitationStatusLabel(invitation)}</td>
                  <td>
                    <button
                      type="button"
                      className="button-secondary button-small"
                      onClick={() => void handleCopy(invitation, index)}
                      aria-describedby={`invitation-url-${invitation.id}`}
                    >
                      Copier
                    </button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {copyMessage && (
        <p className="hint" aria-hidden="true">
          {copyMessage}
        </p>
      )}
    </section>
  );
}
