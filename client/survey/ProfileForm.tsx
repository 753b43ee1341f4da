// Pole profile for a campaign: SurveyJS form on one page, saved with PUT .../profile. Until the campaign's profile is
// saved, the form starts from last campaign's values (`prefill`), and says so.
// Default export: loaded lazily with the SurveyJS chunk.
import { useEffect, useMemo, useRef, useState } from 'react';
import { Survey } from 'survey-react-ui';
import { api, ApiError, errorMessage, questionErrors } from '../api';
import { LoadError, Loading, SuccessStatus } from '../components/Messages';
import { formatDateTime } from '../format';
import { useResource } from '../useResource';
import type { PoleProfile } from '../../reports/contract/resources';
import { applyServerErrors, clearServerErrors, type ShownQuestionError } from './serverErrors';
import { createSurveyModel } from './setup';

function ProfileSurvey({ profile, profilePath }: { profile: PoleProfile; profilePath: string }) {
  const model = useMemo(() => {
    const m = createSurveyModel(profile.definition);
    m.questionsOnPageMode = 'singlePage';
    m.showNavigationButtons = false;
    m.showCompletedPage = false;
    m.showProgressBar = false;
    if (profile.data) m.data = profile.data;
    else if (profile.prefill) m.data = profile.prefill.data;
    return m;
  }, [profile]);
  // The year whose values fill the form, until they are saved as this campaign's.
  const [prefilledFrom, setPrefilledFrom] = useState<number | null>(profile.data ? null : (profile.prefill?.campaign.year ?? null));
  const [pending, setPending] = useState(false);
  const [savedAt, setSavedAt] = useState<string | null>(profile.updatedAt);
  const [justSaved, setJustSaved] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [fieldErrors, setFieldErrors] = useState<ShownQuestionError[]>([]);
  const alertRef = useRef<HTMLDivElement>(null);

  useEffect(() => {
    const onChange = () => setJustSaved(false);
    model.onValueChanged.add(onChange);
    return () => model.onValueChanged.remove(onChange);
  }, [model]);

  useEffect(() => {
    if (error || fieldErrors.length) alertRef.current?.focus();
  }, [error, fieldErrors]);

  async function save() {
    setPending(true);
    setError(null);
    setFieldErrors([]);
    setJustSaved(false);
    clearServerErrors(model);
    try {
      const result = await api.put<{ data: unknown; updatedAt: string }>(profilePath, { data: model.data });
      setSavedAt(result.updatedAt);
      setJustSaved(true);
      setPrefilledFrom(null);
    } catch (e) {
      const details = questionErrors(e);
      if (e instanceof ApiError && e.status === 422 && details.length) {
        setFieldErrors(applyServerErrors(model, details));
      } else {
        setError(errorMessage(e));
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="profile-form">
      {prefilledFrom !== null && (
        <div className="alert alert-info" role="status" data-testid="profile-prefill">
          <p>
            <strong>Valeurs reprises de la campagne {prefilledFrom}&nbsp;: vérifiez-les avant d’enregistrer.</strong> Les questions nouvelles
            cette année sont à remplir ; rien n’est enregistré pour cette campagne tant que vous n’avez pas cliqué sur «&nbsp;Enregistrer&nbsp;».
          </p>
        </div>
      )}
      <div className="survey-host">
        <Survey model={model} />
      </div>
      {(error || fieldErrors.length > 0) && (
        <div ref={alertRef} tabIndex={-1} className="alert alert-error" role="alert" data-testid="profile-errors">
          <p>{error ?? 'Le profil n’a pas été enregistré. Corrigez les réponses suivantes :'}</p>
          {fieldErrors.length > 0 && (
            <ul>
              {fieldErrors.map((fe) => (
                <li key={fe.name}>
                  <strong>{fe.title}</strong> : {fe.message}
                </li>
              ))}
            </ul>
          )}
        </div>
      )}
      {justSaved && <SuccessStatus>Profil enregistré.</SuccessStatus>}
      <div className="actions">
        <button type="button" onClick={() => void save()} disabled={pending}>
          {pending ? 'Enregistrement…' : 'Enregistrer'}
        </button>
        {savedAt && <span className="hint">Dernier enregistrement : {formatDateTime(savedAt)}</span>}
      </div>
    </div>
  );
}

export default function ProfileForm({ profilePath }: { profilePath: string }) {
  const profile = useResource<PoleProfile>(profilePath);
  if (profile.error) return <LoadError error={profile.error} onRetry={() => void profile.reload()} />;
  if (!profile.data) return <Loading label="Chargement du profil…" />;
  return <ProfileSurvey profile={profile.data} profilePath={profilePath} />;
}

