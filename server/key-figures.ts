// The imperative shell around the pole's key figures: reads its profile for the campaign and its latest earlier one
// (with that campaign's form, when its version is still loaded) and hands them to reports/analysis/key-figures.ts.
import type { AppDeps } from './context.ts';
import type { Campaign, Pole } from './db/index.ts';
import { computeKeyFigures, earlierPoleFacts } from '../reports/analysis/key-figures.ts';
import type { KeyFigures } from '../reports/contract/key-figures.ts';
import { poleFacts, type ProfileModel } from '../surveys/model.ts';
import type { Questionnaire } from '../surveys/registry.ts';

/** A form that declares nothing: an earlier profile whose version is gone is read through the current form alone. */
const NO_FORM: ProfileModel = { questions: [], fields: {} };

/** The pole's key figures for the campaign; null until its profile for the campaign is filled in. */
export function poleKeyFigures(deps: AppDeps, pole: Pole, campaign: Campaign, questionnaire: Questionnaire): KeyFigures | null {
  const profile = deps.repos.profiles.get(pole.id, campaign.id);
  if (!profile) return null;
  const form = questionnaire.profileModel;
  const earlier = deps.repos.profiles.latestBefore(pole.id, campaign.year);
  const earlierForm = earlier ? (deps.questionnaires.get(deps.repos.campaigns.get(earlier.campaignId)?.questionnaireId ?? '')?.profileModel ?? NO_FORM) : NO_FORM;
  return computeKeyFigures({
    form,
    facts: poleFacts(form, profile.data),
    previous: earlier ? { campaign: { id: earlier.campaignId, year: earlier.year }, form: earlierForm, facts: earlierPoleFacts(form, earlierForm, earlier.data) } : null,
  });
}
