// « With the previous year's values offered »: a coordinator who opens the profile form of a campaign before filling
// it in finds the pole's latest earlier profile in it, for the questions of the same name only, each value kept only
// if this campaign's form accepts it (a choice the new form dropped, a question it now hides, are left blank).
import type { AppDeps } from './context.ts';
import type { Campaign, Pole } from './db/index.ts';
import type { ProfilePrefill } from '../reports/contract/resources.ts';
import { partsOf } from '../surveys/model.ts';
import type { Questionnaire } from '../surveys/registry.ts';

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Last campaign's answers for this campaign's form; null when the pole has a profile already, or none before. */
export function profilePrefill(deps: AppDeps, pole: Pole, campaign: Campaign, questionnaire: Questionnaire): ProfilePrefill | null {
  if (deps.repos.profiles.get(pole.id, campaign.id)) return null;
  const earlier = deps.repos.profiles.latestBefore(pole.id, campaign.year);
  if (!earlier) return null;
  const data: Record<string, unknown> = {};
  for (const question of questionnaire.profileModel.questions) {
    let value = earlier.data[question.name];
    if (value === undefined || value === null || value === '') continue;
    // A multipletext keeps the fields the form still has (collèges, funding levels).
    if (question.type === 'multipletext' && isRecord(value)) {
      const fields = new Set(partsOf(question.json.items).map((item) => String(item.value)));
      value = Object.fromEntries(Object.entries(value).filter(([key]) => fields.has(key)));
      if (!Object.keys(value as object).length) continue;
    }
    data[question.name] = value;
  }
  // Values this form refuses are left out, then those of questions the kept answers hide.
  for (const issue of questionnaire.profileValidator.validate(data, 'draft')) delete data[issue.question];
  for (let hidden = true; hidden; ) {
    hidden = false;
    for (const name of Object.keys(data)) {
      if (questionnaire.profileValidator.isVisible(name, data)) continue;
      delete data[name];
      hidden = true;
    }
  }
  return Object.keys(data).length ? { campaign: { id: earlier.campaignId, year: earlier.year }, data } : null;
}
