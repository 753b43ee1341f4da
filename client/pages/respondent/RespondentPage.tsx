// /r/:token: the respondent's page (default export, loaded lazily with SurveyJS).
import { useCallback, useEffect, useState } from 'react';
import { api, ApiError } from '../../api';
import { ErrorAlert, Loading } from '../../components/Messages';
import { SkipLink } from '../../components/SkipLink';
import { navigate } from '../../router';
import QuestionnaireForm, { type FormOutcome } from '../../survey/QuestionnaireForm';
import type { RespondentResponse } from '../../types';
import { usePageTitle } from '../../usePageTitle';
import { copyText } from '../campaign/copyText';
import { ClosedView, NotFoundView, NotOpenView, ThanksView } from './RespondentViews';
import { forgetPersonalToken, personalTokenFor, rememberPersonalToken, sharedTokenOf } from './sharedLinkStore';

type View =
  | { kind: 'loading' }
  | { kind: 'notFound' }
  | { kind: 'notOpen'; opensAt: string | null }
  | { kind: 'closed'; closesAt: string | null }
  | { kind: 'error'; message: string }
  | { kind: 'submitted'; submittedAt: string | null }
  | { kind: 'form'; response: RespondentResponse };

// One claim per shared link and page load, even if the effect runs twice (StrictMode, retries).
const claims = new Map<string, Promise<string>>();
function claimOnce(sharedToken: string): Promise<string> {
  let claim = claims.get(sharedToken);
  if (!claim) {
    claim = api
      .post<{ token: string }>(`/api/responses/${encodeURIComponent(sharedToken)}/claim`, {}, { auth: false })
      .then((result) => result.token);
    claims.set(sharedToken, claim);
    claim.catch(() => claims.delete(sharedToken));
  }
  return claim;
}

function detail(error: ApiError, key: string): string | null {
  const value = (error.details as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : null;
}

function viewOfError(error: unknown): View {
  if (!(error instanceof ApiError)) return { kind: 'error', message: 'Une erreur inattendue est survenue.' };
  if (error.status === 404) return { kind: 'notFound' };
  if (error.status === 403 && error.code === 'campaign_not_open') return { kind: 'notOpen', opensAt: detail(error, 'opensAt') };
  if (error.status === 409 && error.code === 'campaign_closed') return { kind: 'closed', closesAt: detail(error, 'closesAt') };
  if (error.status === 409 && error.code === 'already_submitted') return { kind: 'submitted', submittedAt: null };
  return { kind: 'error', message: error.message };
}

function PersonalLinkNote({ token }: { token: string }) {
  const [copied, setCopied] = useState('');
  const url = `${window.location.origin}/r/${encodeURIComponent(token)}`;
  return (
    <aside className="card personal-link" aria-labelledby="personal-link-title" data-testid="lien-personnel">
      <h2 id="personal-link-title">Votre lien personnel</h2>
      <p>
        Ce lien vous est propre : il vous permet de reprendre vos réponses plus tard, même depuis un autre appareil.
        Conservez-le.
      </p>
      <p className="personal-link-url">
        <a href={url}>{url}</a>
      </p>
      <button
        type="button"
        className="button-secondary button-small"
        onClick={async () => setCopied((await copyText(url)) ? 'Lien copié.' : 'La copie a échoué.')}
      >
        Copier mon lien
      </button>
      <span className="hint" aria-live="polite">
        {' '}
        {copied}
      </span>
    </aside>
  );
}

export default function RespondentPage({ token }: { token: string }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const title =
    view.kind === 'form' ? `Questionnaire ${view.response.campaign.year} – ${view.response.pole.name}` : 'Questionnaire';
  usePageTitle(title);

  useEffect(() => {
    let cancelled = false;
    const show = (v: View) => {
      if (!cancelled) setView(v);
    };
    setView({ kind: 'loading' });
    (async () => {
      try {
        const response = await api.get<RespondentResponse>(`/api/responses/${encodeURIComponent(token)}`, {
          auth: false,
        });
        if (response.kind === 'shared') {
          let personal = personalTokenFor(token);
          if (!personal) {
            personal = await claimOnce(token);
            rememberPersonalToken(token, personal);
          }
          if (!cancelled) navigate(`/r/${encodeURIComponent(personal)}`, { replace: true });
          return;
        }
        if (response.status === 'submitted') show({ kind: 'submitted', submittedAt: response.submittedAt });
        else show({ kind: 'form', response });
      } catch (error) {
        // A personal token remembered for a shared link that the server no longer knows: claim a new one.
        const shared = error instanceof ApiError && error.status === 404 ? sharedTokenOf(token) : null;
        if (shared) {
          forgetPersonalToken(shared);
          claims.delete(shared);
          if (!cancelled) navigate(`/r/${encodeURIComponent(shared)}`, { replace: true });
          return;
        }
        show(viewOfError(error));
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [token, attempt]);

  const handleOutcome = useCallback((outcome: FormOutcome) => {
    if (outcome.kind === 'submitted') setView({ kind: 'submitted', submittedAt: outcome.submittedAt });
    else if (outcome.kind === 'closed') setView({ kind: 'closed', closesAt: outcome.closesAt });
    else setView({ kind: 'notOpen', opensAt: outcome.opensAt });
    window.scrollTo(0, 0);
  }, []);

  return (
    <>
      <SkipLink />
      <header className="site-header">
        <div className="site-header-inner">
          <span className="brand">Auto-évaluation PTCE</span>
          {view.kind === 'form' && (
            <span className="header-context">
              {view.response.pole.name} · {view.response.campaign.year}
            </span>
          )}
        </div>
      </header>
      <main id="contenu" tabIndex={-1} className="page page-respondent">
        {view.kind === 'loading' && <Loading label="Chargement du questionnaire…" />}
        {view.kind === 'notFound' && <NotFoundView />}
        {view.kind === 'notOpen' && <NotOpenView opensAt={view.opensAt} />}
        {view.kind === 'closed' && <ClosedView closesAt={view.closesAt} />}
        {view.kind === 'submitted' && <ThanksView submittedAt={view.submittedAt} />}
        {view.kind === 'error' && (
          <>
            <h1>Questionnaire indisponible</h1>
            <ErrorAlert>
              <p>{view.message}</p>
              <button type="button" className="button-secondary" onClick={() => setAttempt((n) => n + 1)}>
                Réessayer
              </button>
            </ErrorAlert>
          </>
        )}
        {view.kind === 'form' && (
          <>
            <h1 className="visually-hidden">
              Questionnaire d’auto-évaluation {view.response.campaign.year} – {view.response.pole.name}
            </h1>
            {sharedTokenOf(token) && <PersonalLinkNote token={token} />}
            <QuestionnaireForm token={token} response={view.response} onOutcome={handleOutcome} />
          </>
        )}
      </main>
    </>
  );
}
