// /poles/:poleId/campagnes/:campaignId/apercu: the campaign's questionnaire as respondents see it, read-only.
// Default export, loaded lazily with SurveyJS. Nothing is saved: no link, no ticket, no answer.
import { useMemo } from 'react';
import { Survey } from 'survey-react-ui';
import type { Model } from 'survey-core';
import { LoadError, Loading } from '../../components/Messages';
import { canSeePole, RequireStaff } from '../../components/RequireStaff';
import { StaffLayout } from '../../components/StaffLayout';
import { Link } from '../../router';
import { createSurveyModel } from '../../survey/setup';
import type { QuestionnairePreview, SurveyJson } from '../../../reports/contract/resources';
import { usePageTitle } from '../../usePageTitle';
import { useResource } from '../../useResource';
import { campaignApiPath, campaignPagePath } from './CampaignPage';
import { useCampaignContext } from './useCampaignContext';

/** Every question shown, including those asked only to some respondents (after a given answer). */
function showConditionalElements(model: Model): void {
  const elements = [...model.pages, ...model.getAllPanels(false, true), ...model.getAllQuestions(false, true, true)];
  for (const element of elements) {
    const e = element as unknown as { visibleIf?: string; visible?: boolean };
    if (e.visibleIf) {
      e.visibleIf = '';
      e.visible = true;
    }
  }
}

function PreviewSurvey({ definition }: { definition: SurveyJson }) {
  const model = useMemo(() => {
    const m = createSurveyModel(definition);
    m.mode = 'display';
    m.questionsOnPageMode = 'singlePage';
    m.showNavigationButtons = false;
    m.showCompletedPage = false;
    m.showProgressBar = false;
    showConditionalElements(m);
    return m;
  }, [definition]);
  return (
    <div className="survey-host" data-testid="apercu-questionnaire">
      <Survey model={model} />
    </div>
  );
}

function PreviewContent({ poleId, campaignId }: { poleId: string; campaignId: string }) {
  const context = useCampaignContext(poleId, campaignId);
  const questionnaire = useResource<QuestionnairePreview>(
    `${campaignApiPath(poleId, campaignId)}/questionnaire`,
  );
  const year = context.campaign?.year;
  usePageTitle(year ? `Aperçu du questionnaire ${year}` : 'Aperçu du questionnaire');

  return (
    <>
      <p className="breadcrumb">
        <Link to={campaignPagePath(poleId, campaignId)}>← {year ? `Campagne ${year}` : 'Retour à la campagne'}</Link>
      </p>
      <h1>
        Aperçu du questionnaire
        {year && <span className="subtitle"> – campagne {year}</span>}
      </h1>
      <div className="alert alert-info preview-banner" role="note" data-testid="apercu-lecture-seule">
        <strong>Aperçu en lecture seule : aucune réponse n’est enregistrée</strong>
        <p className="hint">
          Toutes les questions sont affichées, y compris celles qui ne sont posées qu’après certaines réponses (selon
          le collège ou la position, par exemple).
        </p>
      </div>
      {questionnaire.error && <LoadError error={questionnaire.error} onRetry={() => void questionnaire.reload()} />}
      {!questionnaire.data && !questionnaire.error && <Loading label="Chargement du questionnaire…" />}
      {questionnaire.data && <PreviewSurvey definition={questionnaire.data.definition} />}
    </>
  );
}

export default function PreviewPage({ poleId, campaignId }: { poleId: string; campaignId: string }) {
  return (
    <StaffLayout>
      <RequireStaff allow={canSeePole(poleId)}>
        {() => <PreviewContent poleId={poleId} campaignId={campaignId} />}
      </RequireStaff>
    </StaffLayout>
  );
}
