// /poles/:poleId/campagnes/:campaignId/revue: the coordinator runs the pole's meeting on its results in four steps and
// records the review and the action plan; later in the year, the plan's statuses are updated on the same page.
// Nothing is lost: saving is explicit and says where it stands, leaving with unsaved changes asks first, and the tab
// keeps a copy of unsaved changes (a reload or « back » brings them back).
import { useEffect, useRef, useState } from 'react';
import { api, ApiError, errorMessage, questionErrors, type QuestionError } from '../../api';
import type { PoleResults } from '../../../reports/types';
import type { Review, ReviewView } from '../../../reports/contract/review';
import { formatDateTimeFr } from '../../../reports/format';
import { DownloadFileButton } from '../../components/DownloadFileButton';
import { ErrorAlert, LoadError, Loading } from '../../components/Messages';
import { canSeePole, RequireStaff } from '../../components/RequireStaff';
import { StaffLayout } from '../../components/StaffLayout';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useResource } from '../../useResource';
import { campaignPagePath } from '../campaign/CampaignPage';
import { resultsApiPath } from '../results/paths';
import { actionPlanPdfPath, reviewApiPath } from './paths';
import { formOf, inputOf, placeOf, readTabDraft, sameReview, writeTabDraft, type ReviewForm } from './reviewForm';
import { ActionsStep, DiagnosisStep, PlanStep, ThemesStep, themesToDiscuss } from './ReviewSteps';
import { useLeaveWarning } from './useLeaveWarning';
import './review.css';

const STEPS = ['Le diagnostic', 'Lecture des thèmes', 'Options et actions', 'Le plan d’action'] as const;

type SaveState =
  | { kind: 'idle' }
  | { kind: 'saving' }
  | { kind: 'saved'; at: string }
  | { kind: 'invalid'; problems: QuestionError[] }
  | { kind: 'conflict'; message: string }
  | { kind: 'failed'; message: string };

interface Props {
  poleId: string;
  campaignId: string;
}

interface EditorProps extends Props {
  view: ReviewView;
  results: PoleResults | null;
  /** Loads the stored review again (this editor is then replaced by one on the new version). */
  reload: () => void;
}

function ReviewEditor({ poleId, campaignId, view, results, reload }: EditorProps) {
  const suggested = themesToDiscuss(results);
  const [saved, setSaved] = useState(() => ({ form: formOf(view, view.choices.colleges, suggested), updatedAt: view.updatedAt }));
  // Unsaved changes this tab kept (a reload, « back »): taken up again, on the version they were made from.
  const [tabDraft] = useState(() => readTabDraft(poleId, campaignId));
  const [form, setForm] = useState<ReviewForm>(() => tabDraft?.form ?? saved.form);
  const [basedOn, setBasedOn] = useState(() => (tabDraft ? tabDraft.basedOn : view.updatedAt));
  const [restored, setRestored] = useState(tabDraft !== null);
  const [state, setState] = useState<SaveState>({ kind: 'idle' });
  const [step, setStep] = useState(0);
  const heading = useRef<HTMLHeadingElement>(null);
  const firstStep = useRef(true);
  const alertRef = useRef<HTMLDivElement>(null);
  const unsaved = !sameReview(form, saved.form) || basedOn !== saved.updatedAt;

  useLeaveWarning(unsaved);
  useEffect(() => writeTabDraft(poleId, campaignId, unsaved ? { basedOn, form } : null), [poleId, campaignId, unsaved, basedOn, form]);
  useEffect(() => {
    // The new step's heading takes the focus (and the screen reader says it); not on arrival on the page.
    if (firstStep.current) {
      firstStep.current = false;
      return;
    }
    heading.current?.focus();
    heading.current?.scrollIntoView({ block: 'start' });
  }, [step]);
  useEffect(() => {
    if (state.kind === 'invalid' || state.kind === 'conflict' || state.kind === 'failed') alertRef.current?.focus();
  }, [state]);

  const update = (change: (form: ReviewForm) => ReviewForm) => {
    setForm(change);
    if (state.kind === 'saved') setState({ kind: 'idle' });
  };

  async function save(overwrite = false) {
    setState({ kind: 'saving' });
    try {
      const stored = await api.put<Review>(reviewApiPath(poleId, campaignId), { ...inputOf(form), ...(overwrite ? {} : { basedOn }) });
      setSaved({ form, updatedAt: stored.updatedAt });
      setBasedOn(stored.updatedAt);
      setRestored(false);
      setState({ kind: 'saved', at: stored.updatedAt! });
    } catch (e) {
      if (e instanceof ApiError && e.status === 422) setState({ kind: 'invalid', problems: questionErrors(e) });
      else if (e instanceof ApiError && e.status === 409) setState({ kind: 'conflict', message: e.message });
      else setState({ kind: 'failed', message: errorMessage(e) });
    }
  }

  function discard() {
    setForm(saved.form);
    setBasedOn(saved.updatedAt);
    setRestored(false);
    setState({ kind: 'idle' });
  }

  const labels = { colleges: new Map(view.choices.colleges.map((c) => [c.id, c.label])), themes: new Map(view.choices.themes.map((t) => [t.id, t.label])) };
  const stepProps = { results, choices: view.choices, form, update };
  const status =
    state.kind === 'saving' ? 'Enregistrement…'
      : unsaved ? 'Modifications non enregistrées'
        : state.kind === 'saved' ? `Enregistré le ${formatDateTimeFr(new Date(state.at))}`
          : saved.updatedAt ? `Dernier enregistrement le ${formatDateTimeFr(new Date(saved.updatedAt))}`
            : 'Revue pas encore enregistrée';

  return (
    <>
      {restored && (
        <div className="alert alert-info" data-testid="review-restored">
          <p>Des modifications non enregistrées faites sur cette page ont été reprises. Enregistrez-les, ou :</p>
          <button type="button" className="button-secondary" onClick={discard}>Abandonner ces modifications</button>
        </div>
      )}

      <nav aria-label="Étapes de la revue" className="review-steps">
        <ol>
          {STEPS.map((title, i) => (
            <li key={title}>
              <button type="button" className={i === step ? '' : 'button-secondary'} aria-current={i === step ? 'step' : undefined} onClick={() => setStep(i)}>
                {i + 1}. {title}
              </button>
            </li>
          ))}
        </ol>
      </nav>

      <section aria-labelledby="review-step-title" className="review-step" data-testid={`review-step-${step + 1}`}>
        <h2 id="review-step-title" ref={heading} tabIndex={-1}>
          Étape {step + 1} sur {STEPS.length} : {STEPS[step]}
        </h2>
        {step === 0 && <DiagnosisStep {...stepProps} poleId={poleId} />}
        {step === 1 && <ThemesStep {...stepProps} />}
        {step === 2 && <ActionsStep {...stepProps} />}
        {step === 3 && (
          <>
            <PlanStep form={form} update={update} />
            <h3>Le plan d’action imprimé</h3>
            <p className="hint">Une page pour le relevé de décisions de la réunion : elle reprend la revue enregistrée{unsaved ? ' (enregistrez d’abord vos modifications)' : ''}.</p>
            <DownloadFileButton
              url={actionPlanPdfPath(poleId, campaignId)} fileName="plan-d-action.pdf" accept="application/pdf" testId="download-action-plan"
              label="Télécharger le plan d’action (PDF)" busyLabel="Préparation du PDF…" doneLabel="Plan d’action téléchargé."
              forbiddenMessage="Vous n’avez pas accès à ce pôle."
            />
          </>
        )}
        <div className="actions review-step-nav">
          {step > 0 && <button type="button" className="button-secondary" onClick={() => setStep(step - 1)}>← Étape précédente</button>}
          {step < STEPS.length - 1 && <button type="button" className="button-secondary" onClick={() => setStep(step + 1)}>Étape suivante →</button>}
        </div>
      </section>

      <div className="review-savebar">
        {(state.kind === 'invalid' || state.kind === 'conflict' || state.kind === 'failed') && (
          <div ref={alertRef} tabIndex={-1}>
            <ErrorAlert>
              {state.kind === 'invalid' && (
                <>
                  <p>La revue n’a pas été enregistrée :</p>
                  <ul>{state.problems.map((p) => <li key={`${p.question}-${p.message}`}>{placeOf(p.question, form, labels)} : {p.message}</li>)}</ul>
                </>
              )}
              {state.kind === 'failed' && <p>La revue n’a pas été enregistrée : {state.message} Vos modifications restent sur cette page.</p>}
              {state.kind === 'conflict' && (
                <>
                  <p>{state.message}</p>
                  <div className="actions">
                    <button type="button" onClick={() => void save(true)}>Remplacer par mes modifications</button>
                    <button type="button" className="button-secondary" onClick={() => { discard(); reload(); }}>Abandonner mes modifications et recharger</button>
                  </div>
                </>
              )}
            </ErrorAlert>
          </div>
        )}
        <div className="review-savebar-inner">
          <p role="status" aria-live="polite" className={unsaved ? 'review-unsaved' : ''} data-testid="review-save-status">{status}</p>
          <button type="button" onClick={() => void save()} disabled={!unsaved || state.kind === 'saving'} data-testid="review-save">Enregistrer</button>
        </div>
      </div>
    </>
  );
}

function ReviewContent({ poleId, campaignId }: Props) {
  const review = useResource<ReviewView>(reviewApiPath(poleId, campaignId));
  const results = useResource<PoleResults>(resultsApiPath(poleId, campaignId));
  const year = results.data?.campaign.year;
  usePageTitle(results.data ? `Revue collective ${year} – ${results.data.pole.name}` : 'Revue collective');
  // The steps read the results (first step, themes to discuss, proposed options): wait for them, or for their failure.
  const ready = review.data && (results.data || results.error);
  return (
    <>
      <p className="breadcrumb">
        <Link to={campaignPagePath(poleId, campaignId)}>← {year ? `Campagne ${year}` : 'Campagne'}</Link>
      </p>
      <h1>
        Revue collective {year ?? ''}
        {results.data && <span className="subtitle"> – {results.data.pole.name}</span>}
      </h1>
      <p className="lead">Les parties prenantes se réunissent sur les résultats, décident ensemble de ce qu’elles en retiennent et de ce qu’elles feront, et suivent le plan pendant l’année.</p>
      {review.error && <LoadError error={review.error} onRetry={() => void review.reload()} />}
      {!review.error && !ready && <Loading label="Chargement de la revue…" />}
      {ready && (
        <ReviewEditor
          key={review.data!.updatedAt ?? 'nouvelle'} poleId={poleId} campaignId={campaignId} view={review.data!} results={results.data}
          reload={() => void review.reload()}
        />
      )}
    </>
  );
}

export default function ReviewPage(props: Props) {
  return (
    <StaffLayout>
      <RequireStaff allow={canSeePole(props.poleId)}>{() => <ReviewContent {...props} />}</RequireStaff>
    </StaffLayout>
  );
}
