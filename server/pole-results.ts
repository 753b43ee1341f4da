// The imperative shell around reports/analysis: gathers a pole's stored answers, profile and previous campaign.
import type { AppDeps } from './context.ts';
import type { Campaign, Pole } from './db/index.ts';
import { ApiError } from './errors.ts';
import { computePoleResults } from '../reports/analysis/index.ts';
import type { PoleResults } from '../reports/types.ts';

export function poleResults(deps: AppDeps, pole: Pole, campaign: Campaign): PoleResults {
  const { repos, analysis } = deps;
  const questionnaire = deps.questionnaires.get(campaign.questionnaireId);
  if (!questionnaire) throw new ApiError(409, 'questionnaire_missing', 'Le questionnaire de cette campagne n’est plus disponible.');

  // The latest earlier campaign in which this pole has results (at least k responses) gives the evolution.
  const earlier = repos.campaigns
    .list()
    .filter((c) => c.year < campaign.year && deps.questionnaires.has(c.questionnaireId))
    .find((c) => repos.responses.submittedCount(pole.id, c.id) >= analysis.minGroupSize);

  return computePoleResults({
    pole: { id: pole.id, name: pole.name },
    campaign: { id: campaign.id, year: campaign.year, questionnaireId: campaign.questionnaireId },
    definition: questionnaire.definition,
    colleges: questionnaire.colleges,
    responses: repos.responses.submitted(pole.id, campaign.id),
    participation: repos.responses.participation(pole.id, campaign.id),
    profile: repos.profiles.get(pole.id, campaign.id)?.data ?? null,
    previous: earlier
      ? { campaign: { id: earlier.id, year: earlier.year }, definition: deps.questionnaires.get(earlier.questionnaireId)!.definition, responses: repos.responses.submitted(pole.id, earlier.id) }
      : null,
    minGroupSize: analysis.minGroupSize,
    thresholds: analysis.thresholds,
  });
}
