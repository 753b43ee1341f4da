// Invitations by e-mail (one personal link per address), the recipients' follow-up and reminders. Mails are queued
// and leave in the background: the section follows them (polling while some wait) and lists those that failed.
// Without SMTP on the server, the form stays usable and says calmly that links go out as CSV / QR sheet.
import { CollegeSelect } from '../../components/CollegeSelect';
import { useEffect, useId, useMemo, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { api, ApiError, errorMessage } from '../../api';
import { collegeLabel, type CollegeChoice } from '../../college';
import { ErrorAlert, LoadError, Loading } from '../../components/Messages';
import { useResource } from '../../useResource';
import type { MailFailure, MailRecipient, MailingResultBody, ReminderResultBody } from '../../../reports/contract/mail';
import type { MailingsOverview, MailingSummary } from '../../../reports/contract/mail';
import { parseEmails } from './parseEmails';
import { MAIL_DAILY_QUOTA_PER_POLE, MAX_RECIPIENTS, REMINDER_COOLDOWN_HOURS } from '../../../reports/contract/limits';

const MAX_MESSAGE = 2000;
/** How often the section asks where the queued mails stand, while some are still waiting. */
const POLL_MS = 2000;

const statusLabels = { new: 'non ouvert', draft: 'en cours', submitted: 'réponse envoyée' } as const;
const sentAt = new Intl.DateTimeFormat('fr-FR', { dateStyle: 'short', timeStyle: 'short' });

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

function formatSentAt(iso: string | null): string {
  if (!iso) return '—';
  const d = new Date(iso);
  return Number.isNaN(d.getTime()) ? '—' : sentAt.format(d);
}

/** A refusal the coordinator cannot fix from here, only wait for (its message says until when): information, not an error. */
const CALM_CODES = new Set(['mail_not_configured', 'campaign_closed', 'reminder_cooldown', 'mail_quota']);
function isCalm(error: unknown): error is ApiError {
  return error instanceof ApiError && (error.status === 409 || error.status === 429) && CALM_CODES.has(error.code);
}

/** 422 details name the recipient by index (recipients.3.email): give the address back. */
function validationLines(error: unknown, sent: string[]): string[] {
  if (!(error instanceof ApiError) || !Array.isArray(error.details)) return [];
  return error.details.flatMap((d) => {
    if (!d || typeof d !== 'object') return [];
    const { question, message } = d as { question?: unknown; message?: unknown };
    const index = /^recipients\.(\d+)\./.exec(String(question ?? ''))?.[1];
    const address = index !== undefined ? sent[Number(index)] : undefined;
    return [address ? `${address} : ${String(message ?? '')}` : String(message ?? '')];
  });
}

function Busy({ children }: { children: ReactNode }) {
  return (
    <p className="progress-busy">
      <span className="spinner" aria-hidden="true" />
      {children}
    </p>
  );
}

function FailureList({ failed, title }: { failed: MailFailure[]; title: string }) {
  if (failed.length === 0) return null;
  return (
    <div className="alert alert-warning" data-testid="mailing-failed">
      <p>{title}</p>
      <ul>
        {failed.map((f, i) => (
          <li key={i}>
            <strong>{f.email}</strong> – {f.message}
          </li>
        ))}
      </ul>
    </div>
  );
}

const kindLabels = { invitation: 'invitations', reminder: 'relances' } as const;

/** Where the queued mails stand: a progress bar while some wait, else how the last mailing ended. */
function SendingProgress({ mailings }: { mailings: MailingSummary[] }) {
  const labelId = useId();
  const waiting = mailings.filter((m) => m.queued > 0);
  if (waiting.length > 0) {
    const sum = (count: (m: MailingSummary) => number) => waiting.reduce((total, m) => total + count(m), 0);
    const total = sum((m) => m.queued + m.sent + m.failed);
    const sent = sum((m) => m.sent);
    const failed = sum((m) => m.failed);
    return (
      <div className="card" role="status" data-testid="mailing-sending">
        <p id={labelId}>
          Envoi en cours : {plural(sent, 'courriel envoyé', 'courriels envoyés')} sur {total}
          {failed > 0 && ` ; ${plural(failed, 'échec', 'échecs')}`}. Cette page se met à jour d’elle-même.
        </p>
        <progress aria-labelledby={labelId} max={total} value={sent + failed} style={{ width: '100%' }}>
          {sent + failed} / {total}
        </progress>
      </div>
    );
  }
  const [last] = mailings;
  if (!last) return null;
  const total = last.sent + last.failed;
  return (
    <p role="status" data-testid="mailing-sending">
      Dernier envoi ({kindLabels[last.kind]} du {formatSentAt(last.createdAt)}) terminé : {plural(last.sent, 'courriel envoyé', 'courriels envoyés')} sur {total}
      {last.failed > 0 && ` ; ${plural(last.failed, 'échec', 'échecs')}`}.
    </p>
  );
}

interface FormProps {
  basePath: string;
  colleges: CollegeChoice[];
  closed: boolean;
  onSent: () => void;
}

function MailingForm({ basePath, colleges, closed, onSent }: FormProps) {
  const [addresses, setAddresses] = useState('');
  const [college, setCollege] = useState('');
  const [message, setMessage] = useState('');
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<MailingResultBody | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);
  const parsed = useMemo(() => parseEmails(addresses), [addresses]);
  const addressesRef = useRef<HTMLTextAreaElement>(null);

  async function handleSubmit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    setResult(null);
    if (parsed.valid.length === 0) {
      setError({ message: 'Indiquez au moins une adresse e-mail valide.', lines: [] });
      addressesRef.current?.focus();
      return;
    }
    if (parsed.invalid.length > 0) {
      setError({ message: 'Corrigez ou retirez les adresses non valides avant l’envoi :', lines: parsed.invalid });
      addressesRef.current?.focus();
      return;
    }
    if (parsed.valid.length > MAX_RECIPIENTS) {
      setError({ message: `Au plus ${MAX_RECIPIENTS} destinataires par envoi : découpez la liste.`, lines: [] });
      addressesRef.current?.focus();
      return;
    }
    const recipients = parsed.valid.map((email) => (college ? { email, college } : { email }));
    const body: { recipients: typeof recipients; message?: string } = { recipients };
    if (message.trim()) body.message = message.trim();
    setPending(true);
    try {
      const answer = await api.post<MailingResultBody>(`${basePath}/mailings`, body);
      setInfo(null);
      setResult(answer);
      setAddresses('');
      onSent();
    } catch (e) {
      if (isCalm(e)) setInfo(e.message);
      else setError({ message: errorMessage(e), lines: validationLines(e, parsed.valid) });
    } finally {
      setPending(false);
    }
  }

  const countText =
    parsed.valid.length === 0 && parsed.invalid.length === 0
      ? 'Aucune adresse pour l’instant.'
      : `${plural(parsed.valid.length, 'adresse valide', 'adresses valides')}` +
        (parsed.duplicates > 0 ? ` (${plural(parsed.duplicates, 'doublon retiré', 'doublons retirés')})` : '') +
        (parsed.invalid.length > 0 ? ` ; ${plural(parsed.invalid.length, 'entrée non valide', 'entrées non valides')} : ${parsed.invalid.join(', ')}` : '') +
        '.';

  return (
    <form className="card form" onSubmit={handleSubmit} aria-labelledby="mailing-form-title" noValidate>
      <h3 id="mailing-form-title">Inviter par courriel</h3>
      <p className="hint">
        Chaque personne reçoit son propre lien, avec un lien pour ne plus recevoir de relance. Les liens restent aussi
        disponibles dans le fichier CSV et sur la feuille de QR codes ci-dessus.
      </p>
      {closed && (
        <p className="alert alert-info">La campagne est clôturée : plus aucun envoi n’est possible.</p>
      )}
      {info && (
        <div className="alert alert-info" role="status" data-testid="mailing-info">
          <p>{info}</p>
        </div>
      )}
      {error && (
        <ErrorAlert>
          <p>{error.message}</p>
          {error.lines.length > 0 && (
            <ul>
              {error.lines.map((line, i) => (
                <li key={i}>{line}</li>
              ))}
            </ul>
          )}
        </ErrorAlert>
      )}
      <div className="field">
        <label htmlFor="mailing-addresses">Adresses e-mail (une par ligne)</label>
        <textarea
          id="mailing-addresses"
          ref={addressesRef}
          rows={5}
          value={addresses}
          onChange={(e) => setAddresses(e.target.value)}
          aria-describedby="mailing-addresses-hint mailing-addresses-count"
          aria-invalid={parsed.invalid.length > 0 || undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder={'prenom.nom@exemple.fr\nautre.personne@exemple.org'}
        />
        <p id="mailing-addresses-hint" className="hint">
          Une adresse par ligne, ou séparées par des virgules ou des points-virgules ; {MAX_RECIPIENTS} au plus par envoi, et{' '}
          {MAIL_DAILY_QUOTA_PER_POLE.toLocaleString('fr-FR')} courriels au plus par 24 heures pour le pôle (relances comprises). Les
          personnes déjà invitées ne reçoivent pas de second lien.
        </p>
        <p id="mailing-addresses-count" className="hint" aria-live="polite" data-testid="mailing-count">
          {countText}
        </p>
      </div>
      <div className="field">
        <label htmlFor="mailing-college">Collège des destinataires (facultatif)</label>
        <CollegeSelect id="mailing-college" colleges={colleges} value={college} onChange={setCollege} />
      </div>
      <div className="field">
        <label htmlFor="mailing-message">Message personnel (facultatif)</label>
        <textarea
          id="mailing-message"
          rows={4}
          maxLength={MAX_MESSAGE}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
          aria-describedby="mailing-message-hint"
        />
        <p id="mailing-message-hint" className="hint">
          Ajouté au courriel d’invitation ({message.length} / {MAX_MESSAGE} caractères).
        </p>
      </div>
      <button type="submit" disabled={pending || closed} aria-describedby="mailing-progress">
        Envoyer les invitations
      </button>
      <div id="mailing-progress" aria-live="polite" data-testid="mailing-progress">
        {pending && <Busy>Création des invitations…</Busy>}
        {result && (
          <div data-testid="mailing-result">
            <p className="alert alert-success">
              {result.queued === 0
                ? 'Aucune invitation à envoyer.'
                : `${plural(result.queued, 'invitation mise', 'invitations mises')} en file d’envoi : les courriels partent en arrière-plan (suivi ci-dessous).`}
            </p>
            {result.alreadyInvited.length > 0 && (
              <div className="alert alert-info" data-testid="mailing-already">
                <p>Déjà invitées pour cette campagne (rien n’a été envoyé) :</p>
                <ul>
                  {result.alreadyInvited.map((email) => (
                    <li key={email}>{email}</li>
                  ))}
                </ul>
              </div>
            )}
          </div>
        )}
      </div>
    </form>
  );
}

interface RemindersProps {
  basePath: string;
  closed: boolean;
  due: number;
  onDone: () => void;
}

function Reminders({ basePath, closed, due, onDone }: RemindersProps) {
  const [confirming, setConfirming] = useState(false);
  const [pending, setPending] = useState(false);
  const [result, setResult] = useState<ReminderResultBody | null>(null);
  const [info, setInfo] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const openRef = useRef<HTMLButtonElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const questionId = useId();

  const wasPending = useRef(false);

  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  // Back on the button once the sending is over (it was disabled meanwhile).
  useEffect(() => {
    if (wasPending.current && !pending) openRef.current?.focus();
    wasPending.current = pending;
  }, [pending]);

  async function send() {
    setConfirming(false);
    setError(null);
    setResult(null);
    setPending(true);
    try {
      const answer = await api.post<ReminderResultBody>(`${basePath}/reminders`);
      setInfo(null);
      setResult(answer);
      onDone();
    } catch (e) {
      if (isCalm(e)) setInfo(e.message);
      else setError(errorMessage(e));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="card" data-testid="reminders">
      <h3 id="reminders-title">Relances</h3>
      <p className="hint">
        Une relance part vers chaque personne invitée qui n’a pas encore envoyé ses réponses, sauf celles qui se sont
        désinscrites ; une relance au plus toutes les {REMINDER_COOLDOWN_HOURS} heures.
      </p>
      {info && (
        <div className="alert alert-info" role="status">
          <p>{info}</p>
        </div>
      )}
      {error && <ErrorAlert>{error}</ErrorAlert>}
      {!confirming && (
        <button
          type="button"
          ref={openRef}
          className="button-secondary"
          disabled={pending || closed || due === 0}
          onClick={() => setConfirming(true)}
          aria-describedby={due === 0 ? 'reminders-none' : undefined}
        >
          Relancer les personnes qui n’ont pas répondu
        </button>
      )}
      {due === 0 && !confirming && (
        <p id="reminders-none" className="hint">
          Personne à relancer pour l’instant.
        </p>
      )}
      {confirming && (
        <div role="group" aria-labelledby={questionId} className="alert alert-warning" data-testid="reminders-confirm">
          <p id={questionId}>
            Envoyer une relance à {plural(due, 'personne', 'personnes')} qui n’{due > 1 ? 'ont' : 'a'} pas encore répondu ?
          </p>
          <div className="actions">
            <button type="button" ref={confirmRef} onClick={() => void send()}>
              Confirmer la relance
            </button>
            <button
              type="button"
              className="button-secondary"
              onClick={() => {
                setConfirming(false);
                window.setTimeout(() => openRef.current?.focus(), 0);
              }}
            >
              Annuler
            </button>
          </div>
        </div>
      )}
      <div aria-live="polite" data-testid="reminders-progress">
        {pending && <Busy>Préparation des relances…</Busy>}
        {result && (
          <div data-testid="reminders-result">
            <p className="alert alert-success">
              {result.queued === 0 ? 'Aucune relance à envoyer' : `${plural(result.queued, 'relance mise', 'relances mises')} en file d’envoi`} ;{' '}
              {plural(result.skippedOptedOut, 'désinscrit', 'désinscrits')} et {result.skippedSubmitted} déjà répondu non
              relancés.
            </p>
          </div>
        )}
      </div>
    </div>
  );
}

function RecipientsTable({ recipients, colleges }: { recipients: MailRecipient[]; colleges: CollegeChoice[] }) {
  return (
    <div className="table-wrap" role="region" aria-labelledby="mailing-recipients-caption" tabIndex={0}>
      <table data-testid="mailing-recipients">
        <caption id="mailing-recipients-caption">
          {plural(recipients.length, 'personne invitée', 'personnes invitées')} par courriel
        </caption>
        <thead>
          <tr>
            <th scope="col">Adresse</th>
            <th scope="col">Collège</th>
            <th scope="col">Statut</th>
            <th scope="col" className="num">
              Relances envoyées
            </th>
            <th scope="col">Dernier envoi</th>
          </tr>
        </thead>
        <tbody>
          {recipients.map((r) => (
            <tr key={r.invitationId} data-testid="mailing-recipient">
              <th scope="row" className="url-cell" style={{ fontWeight: 400, overflowWrap: 'anywhere' }}>
                {r.email}
              </th>
              <td>{collegeLabel(colleges, r.college)}</td>
              <td>
                <span data-testid="mailing-recipient-status">{statusLabels[r.status]}</span>
                {r.optedOut && (
                  <>
                    {' '}
                    <span className="badge badge-closed" title="Ne reçoit plus de relance">
                      désinscrit
                    </span>
                  </>
                )}
              </td>
              <td className="num">{Math.max(0, r.sentCount - 1)}</td>
              <td>{r.sentCount === 0 ? 'aucun envoi réussi' : formatSentAt(r.lastSentAt)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

interface Props {
  basePath: string;
  colleges: CollegeChoice[];
  /** The campaign is closed: nothing can be sent any more. */
  closed: boolean;
  /** Invitations were created (participation and links lists change). */
  onInvited: () => void;
}

export function MailingSection({ basePath, colleges, closed, onInvited }: Props) {
  const mailings = useResource<MailingsOverview>(`${basePath}/mailings`);
  const recipients = mailings.data?.recipients ?? [];
  const due = recipients.filter((r) => r.status !== 'submitted' && !r.optedOut).length;
  const sending = mailings.data?.mailings.some((m) => m.queued > 0) ?? false;
  const { reload } = mailings;

  useEffect(() => {
    if (!sending) return;
    const timer = window.setInterval(() => void reload(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [sending, reload]);

  return (
    <section aria-labelledby="mailing-title" className="section" data-testid="mailing">
      <h2 id="mailing-title">Envoyer les liens par courriel</h2>
      <MailingForm
        basePath={basePath}
        colleges={colleges}
        closed={closed}
        onSent={() => {
          void mailings.reload();
          onInvited();
        }}
      />
      <h3 id="mailing-recipients-title">Personnes invitées par courriel</h3>
      {mailings.error && <LoadError error={mailings.error} onRetry={() => void mailings.reload()} />}
      {mailings.loading && !mailings.data && <Loading />}
      {mailings.data && recipients.length === 0 && <p>Personne n’a encore été invité par courriel.</p>}
      {mailings.data && <SendingProgress mailings={mailings.data.mailings} />}
      {mailings.data && (
        <FailureList
          failed={mailings.data.failures}
          title="Ces courriels ne sont pas partis ; les liens restent valables (fichier CSV, feuille de QR codes) et une relance pourra être tentée :"
        />
      )}
      {recipients.length > 0 && (
        <>
          <RecipientsTable recipients={recipients} colleges={colleges} />
          <div className="actions">
            <button type="button" className="button-secondary button-small" onClick={() => void mailings.reload()}>
              Actualiser la liste des personnes invitées
            </button>
          </div>
          <Reminders basePath={basePath} closed={closed} due={due} onDone={() => void mailings.reload()} />
        </>
      )}
    </section>
  );
}
