// The respondent's questionnaire: SurveyJS in French, draft saving, server-side submission.
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Survey } from 'survey-react-ui';
import { api, ApiError, questionErrors } from '../api';
import { formatTime } from '../format';
import type { RespondentForm } from '../pages/respondent/respondentForm';
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

function buildModel(response: RespondentForm) {
  const model = createSurveyModel(response.questionnaire);
  model.completeText = 'Terminer';
  model.showProgressBar = true;
  model.progressBarLocation = 'top';
  model.showCompletedPage = false;
  model.data = response.data ?? {};
  if (response.presetCollege) {
    model.setValue('college', response.presetCollege);
    const college = model.getQuestionByName('college');
    if (college) college.readOnly = true;
  }
  const pageNo = Number(response.pageNo) || 0;
  if (pageNo > 0 && pageNo < model.visiblePages.length) model.currentPageNo = pageNo;
  return model;
}

export default function QuestionnaireForm({ token, response, onOutcome, intro, aside }: Props) {
  const model = useMemo(() => buildModel(response), [response]);
  const [pageNo, setPageNo] = useState(() => model.currentPageNo);
  const [sending, setSending] = useState(false);
  const [submitError, setSubmitError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ShownQuestionError[]>([]);
  const submitAlertRef = useRef<HTMLDivElement>(null);
  const submittingRef = useRef(false);
  const outcomeRef = useRef(onOutcome);
  outcomeRef.current = onOutcome;

  const onRefused = useCallback(
    (error: ApiError) => {
      const outcome = outcomeOf(error, response);
      if (outcome) outcomeRef.current(outcome);
      return outcome !== null;
    },
    [response],
  );
  const draft = useDraftSaving(model, token, onRefused);
  useFocusNewPage(model);

  const submit = useCallback(async () => {
    if (submittingRef.current) return;
    submittingRef.current = true;
    setSending(true);
    setSubmitError(null);
    setFieldErrors([]);
    draft.pause();
    let finished = false;
    try {
      // The answer's day (submittedAt) is not shown: nothing on the screen dates the answers.
      await api.post<{ status: string; submittedAt: string }>(
        `/api/responses/${encodeURIComponent(token)}/submit`,
        { data: model.data },
        { auth: false },
      );
      finished = true;
      outcomeRef.current({ kind: 'submitted' });
    } catch (error) {
      const apiError = error instanceof ApiError ? error : new ApiError(0, 'unknown', 'Erreur inattendue.');
      const outcome = outcomeOf(apiError, response);
      if (outcome) {
        finished = true;
        outcomeRef.current(outcome);
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
      } else if (apiError.status === 0) {
        setSubmitError('Vos réponses n’ont pas pu être envoyées, vérifiez votre connexion.');
      } else {
        setSubmitError(apiError.message);
      }
    } finally {
      submittingRef.current = false;
      setSending(false);
      if (!finished) draft.resume();
    }
  }, [draft, model, response, token]);

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
    const onPage = () => setPageNo(model.currentPageNo);
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
      {pageNo === 0 && intro}
      {aside}
      <div className="survey-host">
        <Survey model={model} />
      </div>
      {sending && (
        <p className="hint" role="status">
          Envoi de vos réponses…
        </p>
      )}
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
            <p>Vos réponses n'ont pas pu être enregistrées, vérifiez votre connexion.</p>
          )}
          <button type="button" className="button-secondary" onClick={() => void draft.saveNow()}>
            Réessayer
          </button>
        </div>
      )}
    </div>
  );
}
