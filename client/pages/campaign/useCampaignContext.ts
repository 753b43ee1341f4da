// Pole, campaign and questionnaire collèges for the campaign pages of a pole.
import { useMemo } from 'react';
import { ApiError } from '../../api';
import { collegeChoices, type CollegeChoice } from '../../college';
import { useResource } from '../../useResource';
import type { Campaign, Pole, SurveyJson } from '../../../reports/contract/resources';

export interface CampaignContext {
  pole: Pole | null;
  campaign: Campaign | null;
  colleges: CollegeChoice[];
  loading: boolean;
  error: ApiError | null;
  reload: () => void;
}

export function useCampaignContext(poleId: string, campaignId: string): CampaignContext {
  const pole = useResource<Pole>(`/api/poles/${encodeURIComponent(poleId)}`);
  const campaigns = useResource<{ campaigns: Campaign[] }>('/api/campaigns');
  const campaign = campaigns.data?.campaigns.find((c) => c.id === campaignId) ?? null;
  const questionnaire = useResource<SurveyJson>(
    campaign ? `/api/questionnaires/${encodeURIComponent(campaign.questionnaireId)}` : null,
  );
  const colleges = useMemo(() => collegeChoices(questionnaire.data), [questionnaire.data]);

  const notFound =
    campaigns.data && !campaign ? new ApiError(404, 'not_found', 'Cette campagne n’existe pas.') : null;

  return {
    pole: pole.data,
    campaign,
    colleges,
    loading: pole.loading || campaigns.loading,
    error: pole.error ?? campaigns.error ?? notFound ?? questionnaire.error,
    reload: () => {
      void pole.reload();
      void campaigns.reload();
      void questionnaire.reload();
    },
  };
}
