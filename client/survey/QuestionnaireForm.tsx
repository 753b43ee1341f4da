// The respondent's questionnaire: SurveyJS in French, draft saving, server-side submission. Answers the server has
// not acknowledged yet wait on this device (localCopy.ts) and are sent again; so does a submission the server could
// not receive (server down, network cut), until it goes through.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Survey } from 'survey-react-ui';
import { api, ApiError, questionErrors } from '../api';
import { formatTime } from '../format';
import type { RespondentForm } from '../pages/respondent/respondentForm';
import { openLocalCopy, sameAsServer, type LocalAnswers } from './localCopy';
import { OfflineNotice } from './OfflineNotice';
import { createRetry, isTransient } from './retry';
import { applyServerErrors, firstPageWithError, type ShownQuestionError } from './serverErrors';
import { createSurveyModel, questionTitle } from './setup';
import { useDraftSaving } from './useDraftSaving';
import { useFocusNewPage } from './focusNewPage';

export type FormOutcome =
  | { kind: 'submitted' }
  | { kind: 'closed'; closesAt: string | null }
  | { kind: 'notOpen'; opensAt: string | null }
  /** The draft was moved to another browser (resume link) meanwhile: this one may no longer see it. */
  | { kind: 'openedElsewhere'; message: string }
  | { kind: 'revoked'; message: string };

interface Props {
  token: string;
  response: RespondentForm;
  onOutcome: (outcome: FormOutcome) => void;
  /** Shown above the questionnaire while it is on its first page (the confidentiality promise). */
  intro?: ReactNode;
  /** Shown above the questionnaire on every page, after `intro`. */
  aside?: ReactNode;
}

function detailDate(error: ApiError, key: string): string | null {
  const details = error.details as Record<string, unknown> | undefined;
  const value = details?.[key];
  return typeof value === 'string' ? value : null;
}

/** Maps a final refusal of the server to an outcome, or null when the error is not final. */
export function outcomeOf(error: ApiError, response: RespondentForm): FormOutcome | null {
  if (error.status === 409 && error.code === 'already_submitted') return { kind: 'submitted' };
  if (error.status === 403 && error.code === 'opened_elsewhere') return { kind: 'openedElsewhere', message: error.message };
  if (error.status === 410) return { kind: 'revoked', message: error.message };
  if (error.status === 409 && error.code === 'campaign_closed') {
    return { kind: 'closed', closesAt: detailDate(error, 'closesAt') ?? response.campaign.closesAt };
  }
  if (error.status === 403 && error.code === 'campaign_not_open') {
    return { kind: 'notOpen', opensAt: detailDate(error, 'opensAt') ?? response.campaign.opensAt };
  }
  return null;
}

/**
 * `local`: answers kept on this device that the server never acknowledged. Only this browser writes the draft (the
 * link is bound to it), so they are newer than the server's copy and replace it.
 */
function buildModel(response: RespondentForm, local: LocalAnswers | null) {
  const model = createSurveyModel(response.questionnaire);
  model.completeText = 'Terminer';
  model.showProgressBar = true;
  model.progressBarLocation = 'top';
  model.showCompletedPage = false;
  model.data = local?.data ?? response.data ?? {};
  if (response.presetCollege) {
    model.setValue('college', response.presetCollege);
    const college = model.getQuestionByName('college');
    if (college) college.readOnly = true;
  }
  const pageNo = Number(local ? local.pageNo : response.pageNo) || 0;
  if (pageNo > 0 && pageNo < model.visiblePages.length) model.currentPageNo = pageNo;
  return model;
}

export default function QuestionnaireForm({ token, response, onOutcome, intro, aside }: Props) {
  const localCopy = useMemo(() => openLocalCopy(token), [token]);
  const [restored] = useState(() => {
    const local = localCopy.read();
    // Not newer than the server's draft: nothing to take back, and nothing to keep here.
    if (local && sameAsServer(local, response)) {
      localCopy.clear();
      return null;
    }
    return local;
  });
  const model = useMemo(() => buildModel(response, restored), [response, restored]);
  const [pageNo, setPageNo] = useState(() => model.currentPageNo);
  const [sending, setSending] = useState(false);
  const [submitWaiting, setSubmitWaiting] = useState(false);
  /** The answers found on this device are announced until the respondent moves to another page. */
  const [restoredShown, setRestoredShown] = useState(restored !== null);
  // Answers finished on this device whose sending was interrupted are sent without being shown again: on a device
  // passed from hand to hand, whoever opens the link next must not see them. Shown only if the server refuses them.
  const [finishedHidden, setFinishedHidden] = useState(restored?.submit === true);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ShownQuestionError[]>([]);
  const submitAlertRef = useRef<HTMLDivElement>(null);
  const offlineRef = useRef<HTMLDivElement>(null);
  const submittingRef = useRef(false);
  const outcomeRef = useRef(onOutcome);
  outcomeRef.current = onOutcome;
  const submitRef = useRef<() => Promise<void>>(async () => {});
  const submitRetry = useMemo(() => createRetry(() => void submitRef.current()), []);
  useEffect(() => submitRetry.listen(), [submitRetry]);

  /** The form is over (sent, or refused for good): nothing of the answers stays on this device. */
  const finish = useCallback(
    (outcome: FormOutcome) => {
      // Not open yet: the answers will be accepted later, keep them.
      if (outcome.kind !== 'notOpen') localCopy.clear();
      outcomeRef.current(outcome);
    },
    [localCopy],
  );
  const onRefused = useCallback(
    (error: ApiError) => {
      const outcome = outcomeOf(error, response);
      if (outcome) finish(outcome);
      return outcome !== null;
    },
    [finish, response],
  );
  // A submission found waiting is sent by submit() below, not saved as a draft first.
  const draft = useDraftSaving(model, token, onRefused, localCopy, restored !== null && !restored.submit);
  useFocusNewPage(model);

  const submit = useCallback(async () => {
    if (submittingRef.current) return;
    submittingRef.current = true;
    setSending(true);
    setSubmitError(null);
    setFieldErrors([]);
    draft.pause();
    // Until the server has it, the submission waits on this device: reopening the page sends it.
    draft.keepLocally(true);
    let finished = false;
    let waiting = false;
    try {
      // The answer's day (submittedAt) is not shown: nothing on the screen dates the answers.
      await api.post<{ status: string; submittedAt: string }>(
        `/api/responses/${encodeURIComponent(token)}/submit`,
        { data: model.data },
        { auth: false },
      );
      finished = true;
      submitRetry.reset();
      finish({ kind: 'submitted' });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Erreur inattendue.');
      const outcome = outcomeOf(apiError, response);
      if (outcome) {
        finished = true;
        submitRetry.reset();
        finish(outcome);
      } else if (isTransient(apiError)) {
        // Server down, network cut or server error: said plainly (OfflineNotice), sent again by itself.
        waiting = true;
        setSubmitWaiting(true);
        submitRetry.failed();
      } else if (apiError.status === 422) {
        const shown = applyServerErrors(model, questionErrors(apiError));
        setFieldErrors(shown);
        setSubmitError(apiError.message || 'Certaines réponses sont à compléter ou à corriger.');
        const page = firstPageWithError(model, shown);
        if (page >= 0) {
          draft.resume();
          model.currentPageNo = page;
          // The page change cleared nothing: errors stay on the questions.
          for (const e of shown) if (e.question && e.question.errors.length === 0) e.question.addError(e.message);
        }
      } else {
        setSubmitError(apiError.message);
      }
      if (!waiting) {
        // Refused (answers to correct...): no longer a submission waiting to be sent, the answers are a draft again.
        submitRetry.reset();
        setSubmitWaiting(false);
        setFinishedHidden(false);
        draft.keepLocally(false);
      }
    } finally {
      submittingRef.current = false;
      setSending(false);
      if (!finished && !waiting) draft.resume();
    }
  }, [draft, finish, model, response, submitRetry, token]);
  submitRef.current = submit;

  // « Terminer » had been pressed but the submission never reached the server: send it now.
  useEffect(() => {
    if (restored?.submit) void submitRef.current();
  }, [restored]);

  // The submission's fate is what the respondent waits for: move to the notice that says it is pending.
  useEffect(() => {
    if (submitWaiting) offlineRef.current?.focus();
  }, [submitWaiting]);

  // Answers not yet sent and that the browser would not store: closing the page would lose them, so ask first.
  const unsentInPageOnly = !localCopy.available && (submitWaiting || draft.status === 'waiting');
  useEffect(() => {
    if (!unsentInPageOnly) return;
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => window.removeEventListener('beforeunload', onBeforeUnload);
  }, [unsentInPageOnly]);

  useEffect(() => {
    const onCompleting = (_: unknown, options: { allow: boolean }) => {
      // Completion happens only once the server accepted the submission (see submit()).
      options.allow = false;
      void submit();
    };
    model.onCompleting.add(onCompleting);
    return () => model.onCompleting.remove(onCompleting);
  }, [model, submit]);

  useEffect(() => {
    setPageNo(model.currentPageNo);
    const onPage = () => {
      setPageNo(model.currentPageNo);
      setRestoredShown(false);
    };
    model.onCurrentPageChanged.add(onPage);
    return () => model.onCurrentPageChanged.remove(onPage);
  }, [model]);

  useEffect(() => {
    if (submitError) submitAlertRef.current?.focus();
  }, [submitError, fieldErrors]);

  function goToQuestion(error: ShownQuestionError) {
    const page = error.question?.page;
    const index = page ? model.visiblePages.indexOf(page as never) : -1;
    if (index >= 0) model.currentPageNo = index;
    window.setTimeout(() => error.question?.focus(true), 50);
  }

  return (
    <div className="questionnaire">
      <div className="draft-status" aria-live="polite" data-testid="draft-status">
        {draft.status === 'saving' && <span>Enregistrement du brouillon…</span>}
        {draft.status === 'saved' && draft.savedAt && <span>Brouillon enregistré à {formatTime(draft.savedAt)}</span>}
      </div>
      {submitError && (
        <div
          ref={submitAlertRef}
          tabIndex={-1}
          className="alert alert-error"
          role="alert"
          data-testid="submit-errors"
        >
          <p>{submitError}</p>
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map((fe) => (
                <li key={fe.name}>
                  {fe.question ? (
                    <button type="button" className="link-button" onClick={() => goToQuestion(fe)}>
                      {fe.title}
                    </button>
                  ) : (
                    <strong>{fe.title}</strong>
                  )}{' '}
                  : {fe.message}
                </li>
              ))}
            </ul>
          )}
          {fieldErrors.length === 0 && (
            <button type="button" className="button-secondary" onClick={() => void submit()} disabled={sending}>
              Réessayer l’envoi
            </button>
          )}
        </div>
      )}
      {restored && restoredShown && (
        <div className="alert alert-info" role="status" data-testid="reponses-reprises">
          <p>Des réponses gardées sur cet appareil n’avaient pas encore pu être envoyées : elles ont été reprises{restored.submit ? ' et leur envoi est relancé' : ''}.</p>
        </div>
      )}
      {pageNo === 0 && intro}
      {!finishedHidden && aside}
      {finishedHidden ? (
        <p className="hint" data-testid="envoi-repris">
          Ces réponses avaient été terminées sur cet appareil : elles sont envoyées sans être affichées de nouveau.
        </p>
      ) : (
        <div className="survey-host">
          <Survey model={model} />
        </div>
      )}
      {sending && !submitWaiting && (
        <p className="hint" role="status">
          Envoi de vos réponses…
        </p>
      )}
      <OfflineNotice
        ref={offlineRef}
        draftWaiting={draft.status === 'waiting'}
        submitWaiting={submitWaiting}
        keptOnDevice={localCopy.available}
        sending={sending}
        onRetry={() => void (submitWaiting ? submit() : draft.saveNow())}
      />
      {/* After the form so that it sticks to the bottom of the screen while the respondent scrolls. */}
      {draft.status === 'error' && (
        <div className="alert alert-error draft-error" role="alert" data-testid="draft-error">
          {draft.error && draft.error.status === 422 ? (
            <>
              <p>Vos réponses n'ont pas pu être enregistrées : {draft.error.message}</p>
              <ul>
                {questionErrors(draft.error).map((e) => (
                  <li key={e.question}>
                    <strong>{questionTitle(model, e.question)}</strong> : {e.message}
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>Vos réponses n'ont pas pu être enregistrées : {draft.error?.message}</p>
          )}
          <button type="button" className="button-secondary" onClick={() => void draft.saveNow()}>
            Réessayer
          </button>
        </div>
      )}
    </div>
  );
}
