// Invitation links: creation form, table, CSV download, copy, revoke, reissue, QR sheet and questionnaire preview links.
import { CollegeSelect } from '../../components/CollegeSelect';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { api, errorMessage } from '../../api';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { collegeLabel, type CollegeChoice } from '../../college';
import { ErrorAlert, LoadError, Loading, SuccessStatus } from '../../components/Messages';
import { Link } from '../../router';
import { useResource } from '../../useResource';
import type { Invitation, InvitationInput } from '../../../reports/contract/resources';
import { copyText } from '../../copyText';
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
  const [maxResponses, setMaxResponses] = useState('');
  const { pending, error, setError, run } = useAction();

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    const n = Number(count);
    if (!shared && (!Number.isInteger(n) || n < 1 || n > 500)) {
      setError('Le nombre de liens doit être compris entre 1 et 500.');
      return;
    }
    const max = maxResponses.trim() === '' ? null : Number(maxResponses);
    if (shared && max !== null && (!Number.isInteger(max) || max < 1 || max > 10_000)) {
      setError('Le nombre maximal de réponses doit être un nombre entier entre 1 et 10 000 (ou laissé vide).');
      return;
    }
    await run(async () => {
      const body: InvitationInput = { count: shared ? 1 : n };
      if (college) body.college = college;
      if (shared) body.shared = true;
      if (shared && max !== null) body.maxResponses = max;
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
      {shared && (
        <div className="field">
          <label htmlFor="invitation-max">Nombre maximal de réponses (facultatif)</label>
          <input
            id="invitation-max"
            type="number"
            inputMode="numeric"
            min={1}
            max={10_000}
            value={maxResponses}
            onChange={(e) => setMaxResponses(e.target.value)}
            aria-describedby="invitation-max-hint"
          />
          <p id="invitation-max-hint" className="hint">
            Une fois ce nombre de personnes atteint, le lien n’ouvre plus de nouveau questionnaire. Laissez vide pour
            ne pas limiter.
          </p>
        </div>
      )}
      <button type="submit" disabled={pending}>
        Créer les liens
      </button>
    </form>
  );
}

type Pending = { kind: 'revoke' | 'reissue'; invitation: Invitation; number: number };

/** Status cell: individual state, or for a shared link its openings and « envoyées / maximum ». */
function StatusCell({ invitation }: { invitation: Invitation }) {
  if (!invitation.shared || invitation.maxResponses === null) return <>{invitationStatusLabel(invitation)}</>;
  const { opened, submitted, maxResponses } = invitation;
  return (
    <>
      {opened} ouverture{opened > 1 ? 's' : ''},{' '}
      <span className="nowrap" aria-hidden="true">
        {submitted} / {maxResponses}
      </span>
      <span className="visually-hidden">
        {submitted} sur {maxResponses}
      </span>{' '}
      réponse{submitted > 1 ? 's' : ''} envoyée{submitted > 1 ? 's' : ''} (au plus {maxResponses} personnes)
    </>
  );
}

function dialogText(p: Pending) {
  if (p.kind === 'reissue') {
    return {
      title: `Remplacer le lien n° ${p.number} ?`,
      confirm: 'Remplacer le lien',
      body: (
        <p>
          Un nouveau lien prendra sa place. L’ancien ne fonctionnera plus et, si la personne avait commencé à répondre,
          son brouillon sera supprimé sans être lu : elle recommencera avec le nouveau lien.
        </p>
      ),
    };
  }
  return {
    title: `Retirer le lien n° ${p.number} ?`,
    confirm: 'Retirer le lien',
    body: p.invitation.shared ? (
      <p>
        Ce lien partagé ne fonctionnera plus, y compris pour les personnes qui ont commencé à répondre : leurs
        brouillons seront supprimés sans être lus. Les réponses déjà envoyées restent comptées.
      </p>
    ) : (
      <p>
        Ce lien ne fonctionnera plus. Si la personne avait commencé à répondre, son brouillon sera supprimé sans être
        lu. Une réponse déjà envoyée reste comptée.
      </p>
    ),
  };
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
  const [pendingAction, setPendingAction] = useState<Pending | null>(null);
  const [acting, setActing] = useState(false);
  const [actionError, setActionError] = useState<string | null>(null);
  const [reissued, setReissued] = useState<{ number: number; url: string } | null>(null);
  const [reissueCopy, setReissueCopy] = useState('');
  const trigger = useRef<HTMLElement | null>(null);
  const resultRef = useRef<HTMLDivElement>(null);
  const focusResult = useRef(false);
  const list = invitations.data?.invitations ?? [];

  useEffect(() => {
    if (!focusResult.current) return;
    focusResult.current = false;
    resultRef.current?.focus();
  }, [message, reissued]);

  async function handleCopy(invitation: Invitation, index: number) {
    const ok = await copyText(invitation.url);
    setCopyMessage(ok ? `Lien n° ${index + 1} copié.` : 'La copie a échoué : sélectionnez le lien et copiez-le.');
  }

  function ask(kind: Pending['kind'], invitation: Invitation, index: number) {
    trigger.current = document.activeElement as HTMLElement | null;
    setActionError(null);
    setPendingAction({ kind, invitation, number: index + 1 });
  }

  function cancel() {
    setPendingAction(null);
    setActionError(null);
    const back = trigger.current;
    window.setTimeout(() => back?.focus(), 0);
  }

  async function confirm() {
    if (!pendingAction) return;
    const { kind, invitation, number } = pendingAction;
    const path = `${basePath}/invitations/${encodeURIComponent(invitation.id)}`;
    setActing(true);
    setActionError(null);
    try {
      if (kind === 'revoke') {
        await api.delete<void>(path);
        setReissued(null);
        setMessage(
          invitation.shared
            ? `Lien partagé n° ${number} retiré : il ne fonctionne plus et les brouillons en cours ont été supprimés sans être lus.`
            : `Lien n° ${number} retiré : il ne fonctionne plus et un éventuel brouillon a été supprimé sans être lu.`,
        );
      } else {
        const result = await api.post<{ invitation: Invitation }>(`${path}/reissue`);
        setMessage(null);
        setReissued({ number, url: result.invitation.url });
        setReissueCopy('');
      }
      focusResult.current = true;
      setPendingAction(null);
      void invitations.reload();
      onCreated();
    } catch (e) {
      setActionError(errorMessage(e));
      // The list may have changed meanwhile (already submitted, already revoked): show it as it is now.
      void invitations.reload();
    } finally {
      setActing(false);
    }
  }

  const dialog = pendingAction ? dialogText(pendingAction) : null;

  return (
    <section aria-labelledby="invitations-title" className="section" data-testid="invitations">
      <h2 id="invitations-title">Invitations</h2>
      <div ref={resultRef} tabIndex={-1} data-testid="invitations-result">
        {message && <SuccessStatus>{message}</SuccessStatus>}
        {reissued && (
          <div className="alert alert-success" role="status" data-testid="lien-remplace">
            <p>
              <strong>Lien n° {reissued.number} remplacé.</strong> L’ancien lien ne fonctionne plus ; si un brouillon
              était en cours, il a été supprimé sans être lu. Nouveau lien à transmettre :
            </p>
            <p className="reissued-link">
              <a href={reissued.url} target="_blank" rel="noreferrer" id="reissued-url" className="tap-target">
                {reissued.url}
              </a>
            </p>
            <button
              type="button"
              className="button-secondary button-small"
              aria-describedby="reissued-url"
              onClick={async () =>
                setReissueCopy((await copyText(reissued.url)) ? 'Nouveau lien copié.' : 'La copie a échoué : sélectionnez le lien et copiez-le.')
              }
            >
              Copier le nouveau lien
            </button>
            <span className="hint" aria-live="polite">
              {' '}
              {reissueCopy}
            </span>
          </div>
        )}
      </div>
      <InvitationCreateForm
        basePath={basePath}
        colleges={colleges}
        onCreated={(n) => {
          setReissued(null);
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
        <Link to={`${pagePath}/apercu`} className="button-link" data-testid="apercu-link">
          Aperçu du questionnaire
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
                <th scope="col">Actions</th>
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
                  <td data-testid="invitation-status">
                    <StatusCell invitation={invitation} />
                  </td>
                  <td>
                    <div className="row-actions">
                      <button
                        type="button"
                        className="button-secondary button-small"
                        onClick={() => void handleCopy(invitation, index)}
                        aria-label={`Copier le lien n° ${index + 1}`}
                      >
                        Copier
                      </button>
                      {!invitation.shared && invitation.status !== 'submitted' && (
                        <button
                          type="button"
                          className="button-secondary button-small"
                          onClick={() => ask('reissue', invitation, index)}
                          aria-label={`Remplacer le lien n° ${index + 1}`}
                        >
                          Remplacer le lien
                        </button>
                      )}
                      <button
                        type="button"
                        className="button-secondary button-small button-danger-outline"
                        onClick={() => ask('revoke', invitation, index)}
                        aria-label={`Retirer le lien n° ${index + 1}`}
                      >
                        Retirer
                      </button>
                    </div>
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
      <ConfirmDialog
        open={pendingAction !== null}
        title={dialog?.title ?? ''}
        confirmLabel={dialog?.confirm ?? ''}
        pending={acting}
        error={actionError}
        onConfirm={() => void confirm()}
        onCancel={cancel}
        testId="confirm-dialog"
      >
        {dialog?.body}
      </ConfirmDialog>
    </section>
  );
}
