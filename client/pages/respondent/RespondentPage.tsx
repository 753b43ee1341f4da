// /r/:token: the respondent's page (default export, loaded lazily with SurveyJS).
// A link is a ticket bound to the first browser that opens it (HttpOnly cookie set by the server): another browser
// gets 403 opened_elsewhere, and only the bound browser is shown the resume link that moves the draft elsewhere.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api';
import { ErrorAlert, Loading } from '../../components/Messages';
import { SkipLink } from '../../components/SkipLink';
import { navigate } from '../../router';
import QuestionnaireForm, { type FormOutcome } from '../../survey/QuestionnaireForm';
import { forgetLocalCopy, hasLocalCopy } from '../../survey/localCopy';
import { isFillable, type RespondentForm } from './respondentForm';
import { loadDefinition, loadOnce } from './respondentLoad';
import { usePageTitle } from '../../usePageTitle';
import { ConfidentialityPromise, ResumeElsewhere } from './RespondentCards';
import {
  ClosedView,
  LinkFullView,
  NotFoundView,
  NotOpenView,
  OpenedElsewhereView,
  RevokedView,
  ThanksView,
  TooManyClaimsView,
} from './RespondentViews';
import { forgetPersonalToken, personalTokenFor, rememberPersonalToken, sharedTokenOf } from './sharedLinkStore';

/** k when the server does not say it (the default of the analysis settings). */
const DEFAULT_MIN_GROUP_SIZE = 3;

type View =
  | { kind: 'loading' }
  | { kind: 'notFound' }
  | { kind: 'notOpen'; opensAt: string | null }
  | { kind: 'closed'; closesAt: string | null }
  | { kind: 'openedElsewhere'; message: string; restartPath: string | null }
  | { kind: 'revoked'; message: string }
  | { kind: 'full'; message: string }
  | { kind: 'tooManyClaims'; message: string }
  | { kind: 'error'; message: string; keptOnDevice?: boolean }
  | { kind: 'submitted'; restartPath: string | null }
  | { kind: 'form'; response: RespondentForm };

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

/**
 * Forgets the personal token claimed on this device for a shared link (after submission, or once unusable), with any
 * answers of that person still kept here: the next person on the device starts from nothing.
 */
function forgetClaim(sharedToken: string): void {
  const personal = personalTokenFor(sharedToken);
  if (personal) forgetLocalCopy(personal);
  forgetPersonalToken(sharedToken);
  claims.delete(sharedToken);
}

const pagePath = (token: string) => `/r/${encodeURIComponent(token)}`;

function detail(error: ApiError, key: string): string | null {
  const value = (error.details as Record<string, unknown> | undefined)?.[key];
  return typeof value === 'string' ? value : null;
}

function viewOfError(error: unknown): View {
  if (!(error instanceof ApiError)) return { kind: 'error', message: 'Une erreur inattendue est survenue.' };
  if (error.status === 404) return { kind: 'notFound' };
  if (error.status === 403 && error.code === 'opened_elsewhere') {
    return { kind: 'openedElsewhere', message: error.message, restartPath: null };
  }
  if (error.status === 403 && error.code === 'campaign_not_open') return { kind: 'notOpen', opensAt: detail(error, 'opensAt') };
  if (error.status === 410) return { kind: 'revoked', message: error.message };
  if (error.status === 409 && error.code === 'campaign_closed') return { kind: 'closed', closesAt: detail(error, 'closesAt') };
  if (error.status === 409 && error.code === 'already_submitted') return { kind: 'submitted', restartPath: null };
  if (error.status === 409 && error.code === 'link_full') return { kind: 'full', message: error.message };
  if (error.status === 429) return { kind: 'tooManyClaims', message: error.message };
  return { kind: 'error', message: error.message };
}

/**
 * The personal token to use for a shared link on this device: the one claimed earlier if it can still be filled in,
 * else a new claim (the previous person submitted, or moved their draft to another device).
 */
async function personalTokenForShared(sharedToken: string): Promise<string> {
  const remembered = personalTokenFor(sharedToken);
  if (remembered) {
    try {
      const previous = await loadOnce(remembered);
      if (previous.status !== 'submitted') return remembered;
    } catch (error) {
      const unusable =
        error instanceof ApiError &&
        (error.status === 404 || (error.status === 403 && error.code === 'opened_elsewhere'));
      if (!unusable) throw error;
    }
    forgetClaim(sharedToken);
  }
  const personal = await claimOnce(sharedToken);
  rememberPersonalToken(sharedToken, personal);
  return personal;
}

export default function RespondentPage({ token }: { token: string }) {
  const [view, setView] = useState<View>({ kind: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const mainRef = useRef<HTMLElement>(null);
  const focusHeading = useRef(false);
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
        const response = await loadOnce(token);
        if (response.status === 'submitted') {
          // Sent (perhaps by a submission whose answer never came back): nothing of it stays on this device.
          forgetLocalCopy(token);
          // A personal token claimed on this device is forgotten: the next person starts afresh.
          const shared = sharedTokenOf(token);
          if (shared) forgetClaim(shared);
          show({ kind: 'submitted', restartPath: shared ? pagePath(shared) : null });
          return;
        }
        if (response.kind === 'shared') {
          const personal = await personalTokenForShared(token);
          if (!cancelled) navigate(pagePath(personal), { replace: true });
          return;
        }
        // Opened through a resume link: the server moved the draft here and replaced that link (it works once), so
        // the page goes on with the new one (the bound browser's own, also shown in « Reprendre sur un autre appareil »).
        if (response.moved && response.resumeUrl && response.resumeUrl !== pagePath(token)) {
          if (!cancelled) navigate(response.resumeUrl, { replace: true });
          return;
        }
        if (!isFillable(response)) {
          show({ kind: 'error', message: 'La réponse du serveur est incomplète. Réessayez dans un instant.' });
          return;
        }
        // The questionnaire itself, at its own address: from the browser's cache after a first visit. Its failure says
        // nothing about the link (a 404 here is not an unknown link).
        let questionnaire: RespondentForm['questionnaire'];
        try {
          questionnaire = await loadDefinition(response.questionnaireUrl);
        } catch (error) {
          const offline = error instanceof ApiError && error.status === 0;
          show({ kind: 'error', message: offline ? error.message : 'Le questionnaire n’a pas pu être chargé. Réessayez dans un instant.' });
          return;
        }
        show({ kind: 'form', response: { ...response, questionnaire } });
      } catch (error) {
        const shared = error instanceof ApiError ? sharedTokenOf(token) : null;
        // A personal token remembered for a shared link that the server no longer knows: claim a new one.
        if (shared && error instanceof ApiError && error.status === 404) {
          forgetClaim(shared);
          if (!cancelled) navigate(pagePath(shared), { replace: true });
          return;
        }
        const next = viewOfError(error);
        // This link will take no more answers from this browser: the ones kept here for it go.
        if (['notFound', 'openedElsewhere', 'revoked', 'closed', 'submitted'].includes(next.kind)) forgetLocalCopy(token);
        // Server down or network cut: the answers kept on this device wait for the questionnaire to show again.
        if (next.kind === 'error' && hasLocalCopy(token)) next.keptOnDevice = true;
        // Moved to another device: this device forgets it, and the shared link may start a new questionnaire.
        if (shared && next.kind === 'openedElsewhere') {
          forgetClaim(shared);
          show({ ...next, restartPath: pagePath(shared) });
          return;
        }
        if (shared && next.kind === 'revoked') forgetClaim(shared);
        show(next);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [token, attempt]);

  // After an outcome of the form, focus goes to the new view's heading so that it is announced.
  useEffect(() => {
    if (!focusHeading.current || view.kind === 'form' || view.kind === 'loading') return;
    focusHeading.current = false;
    mainRef.current?.querySelector<HTMLElement>('h1')?.focus();
  }, [view]);

  const handleOutcome = useCallback(
    (outcome: FormOutcome) => {
      const shared = sharedTokenOf(token);
      if (outcome.kind === 'submitted') {
        if (shared) forgetClaim(shared);
        setView({ kind: 'submitted', restartPath: shared ? pagePath(shared) : null });
      } else if (outcome.kind === 'openedElsewhere') {
        if (shared) forgetClaim(shared);
        setView({ kind: 'openedElsewhere', message: outcome.message, restartPath: shared ? pagePath(shared) : null });
      } else if (outcome.kind === 'revoked') {
        if (shared) forgetClaim(shared);
        setView({ kind: 'revoked', message: outcome.message });
      } else if (outcome.kind === 'closed') setView({ kind: 'closed', closesAt: outcome.closesAt });
      else setView({ kind: 'notOpen', opensAt: outcome.opensAt });
      focusHeading.current = true;
      window.scrollTo(0, 0);
    },
    [token],
  );
  const retry = () => setAttempt((n) => n + 1);
  // The questionnaire could not be loaded: try again by itself as soon as the browser is back online.
  const failed = view.kind === 'error';
  useEffect(() => {
    if (!failed) return;
    const again = () => setAttempt((n) => n + 1);
    window.addEventListener('online', again);
    return () => window.removeEventListener('online', again);
  }, [failed]);

  return (
    <>
      <SkipLink />
      <header className="site-header respondent-header">
        <div className="site-header-inner">
          <span className="brand">Auto-évaluation PTCE</span>
          {view.kind === 'form' && (
            <span className="header-context">
              {view.response.pole.name} · {view.response.campaign.year}
            </span>
          )}
        </div>
      </header>
      <main id="contenu" ref={mainRef} tabIndex={-1} className="page page-respondent">
        {view.kind === 'loading' && <Loading label="Chargement du questionnaire…" />}
        {view.kind === 'notFound' && <NotFoundView />}
        {view.kind === 'notOpen' && <NotOpenView opensAt={view.opensAt} />}
        {view.kind === 'closed' && <ClosedView closesAt={view.closesAt} />}
        {view.kind === 'openedElsewhere' && <OpenedElsewhereView message={view.message} restartPath={view.restartPath} />}
        {view.kind === 'revoked' && <RevokedView message={view.message} />}
        {view.kind === 'full' && <LinkFullView message={view.message} />}
        {view.kind === 'tooManyClaims' && <TooManyClaimsView message={view.message} onRetry={retry} />}
        {view.kind === 'submitted' && <ThanksView restartPath={view.restartPath} />}
        {view.kind === 'error' && (
          <>
            <h1>Questionnaire indisponible</h1>
            <ErrorAlert>
              <p>{view.message}</p>
              {view.keptOnDevice && (
                <p data-testid="reponses-gardees">
                  Les réponses que vous aviez saisies sont gardées sur cet appareil : elles seront reprises dès que le
                  questionnaire s’affichera.
                </p>
              )}
              <button type="button" className="button-secondary" onClick={retry}>
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
            <QuestionnaireForm
              token={token}
              response={view.response}
              onOutcome={handleOutcome}
              intro={<ConfidentialityPromise k={view.response.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE} />}
              aside={view.response.resumeUrl ? <ResumeElsewhere path={view.response.resumeUrl} /> : null}
            />
          </>
        )}
      </main>
    </>
  );
}
