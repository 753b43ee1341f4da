// The imperative shell around the network aggregation: reads a campaign's answers, profiles and participation,
// applies the analyst's filters, and adds how network medians moved across campaigns.
import type { AppDeps } from './context.ts';
import type { Campaign } from './db/index.ts';
import { ApiError } from './errors.ts';
import { settleIfClosed } from './results-snapshot.ts';
import { computeNetworkResults, type NetworkInput, type NetworkResults } from '../reports/analysis/network.ts';
import type { NetworkEvolution } from '../reports/contract/network.ts';
import { scoreRespondent } from '../reports/analysis/scoring.ts';
import { DISSENSUS_THRESHOLD } from '../reports/analysis/index.ts';
import { partsOf, poleFacts, type PoleFacts } from '../surveys/model.ts';
import type { Questionnaire } from '../surveys/registry.ts';

export interface NetworkFilters {
  region?: string;
  legalForm?: string;
  /** Pole age in years at the campaign (campaign year − founding year from the profile). */
  minAge?: number;
  maxAge?: number;
}

export type { NetworkEvolution };

function profileQuestions(q: Questionnaire): NetworkInput['profileQuestions'] {
  const kinds: Record<string, 'single' | 'multiple' | 'sum'> = { radiogroup: 'single', dropdown: 'single', boolean: 'single', checkbox: 'multiple', multipletext: 'sum' };
  const roles = new Map(Object.entries(q.profileModel.fields).map(([role, question]) => [question.name, role as keyof typeof q.profileModel.fields]));
  return q.profileModel.questions
    .filter((el) => kinds[el.type])
    .map((el) => ({
      name: el.name,
      label: el.title,
      role: roles.get(el.name) ?? null,
      kind: kinds[el.type],
      choices: el.type === 'multipletext' ? partsOf(el.json.items) : el.json.choices ? partsOf(el.json.choices) : null,
    }));
}

function matches(filters: NetworkFilters, pole: { region: string | null }, facts: PoleFacts | null, year: number): boolean {
  if (filters.region && pole.region !== filters.region) return false;
  if (filters.legalForm && facts?.legalForm !== filters.legalForm) return false;
  if (filters.minAge !== undefined || filters.maxAge !== undefined) {
    if (facts?.foundingYear == null) return false;
    const age = year - facts.foundingYear;
    if (filters.minAge !== undefined && age < filters.minAge) return false;
    if (filters.maxAge !== undefined && age > filters.maxAge) return false;
  }
  return true;
}

export function networkResults(deps: AppDeps, campaign: Campaign, filters: NetworkFilters = {}): NetworkResults {
  const questionnaire = deps.questionnaires.get(campaign.questionnaireId);
  if (!questionnaire) throw new ApiError(409, 'questionnaire_missing', 'Le questionnaire de cette campagne n’est plus disponible.');
  const repo = deps.repos.network;
  settleIfClosed(deps, campaign);
  const model = questionnaire.model;
  const profiles = repo.profiles(campaign.id);
  const factsOf = new Map([...profiles].map(([poleId, data]) => [poleId, poleFacts(questionnaire.profileModel, data)]));
  const poles = deps.repos.poles.list().filter((p) => matches(filters, p, factsOf.get(p.id) ?? null, campaign.year));
  const byId = new Map<string, NetworkInput['poles'][number]>(
    poles.map((p) => [
      p.id,
      { id: p.id, name: p.name, region: p.region, profile: profiles.get(p.id) ?? null, facts: factsOf.get(p.id) ?? null, responses: [], invited: 0, participation: [] },
    ]),
  );
  repo.backfillScores(campaign.id, (data) => scoreRespondent(model, data).items);
  repo.forEachSubmitted(campaign.id, (poleId, college, batch, items) => {
    byId.get(poleId)?.responses.push({ college, batch, items });
  });
  for (const row of repo.participation(campaign.id)) {
    const pole = byId.get(row.poleId);
    if (!pole) continue;
    pole.invited += row.invited;
    pole.participation.push({ college: row.college, invited: row.invited, submitted: row.submitted });
  }
  return computeNetworkResults({
    campaign: { id: campaign.id, year: campaign.year, questionnaireId: campaign.questionnaireId },
    themes: model.themes.map(({ id, label, dimension, factor, items }) => ({ id, label, dimension, factor, items })),
    dimensions: model.dimensions,
    colleges: questionnaire.colleges,
    profileQuestions: profileQuestions(questionnaire),
    poles: [...byId.values()].filter((p) => p.invited > 0 || p.responses.length > 0 || p.profile),
    minGroupSize: deps.analysis.minGroupSize,
    thresholds: deps.analysis.thresholds,
    dissensusThreshold: DISSENSUS_THRESHOLD,
  });
}

/** Network medians per theme for every campaign up to this one, with the same filters (themes matched by id). */
export function networkEvolution(deps: AppDeps, upTo: Campaign, filters: NetworkFilters, current: NetworkResults): NetworkEvolution {
  const campaigns = deps.repos.campaigns.list().filter((c) => c.year <= upTo.year && deps.questionnaires.has(c.questionnaireId)).sort((a, b) => a.year - b.year);
  return {
    campaigns: campaigns.map((c) => {
      const r = c.id === upTo.id ? current : networkResults(deps, c, filters);
      return { id: c.id, year: c.year, polesWithResults: r.polesWithResults, medians: Object.fromEntries(r.themes.map((t) => [t.id, t.distribution.median])) };
    }),
  };
}
