// The imperative shell around the network aggregation: reads a campaign's answers, profiles and participation,
// applies the analyst's filters, and adds how network medians moved across campaigns, each pole's change since a
// chosen campaign (only when asked) and the comparison of groups of poles; the poles' stored action plans are counted.
import type { AppDeps } from './context.ts';
import type { Campaign } from './db/index.ts';
import { ApiError } from './errors.ts';
import { settleIfClosed } from './results-snapshot.ts';
import { computeNetworkResults, type NetworkInput, type NetworkPoleInput, type NetworkResults } from '../reports/analysis/network.ts';
import { comparePoles } from '../reports/analysis/network-compare.ts';
import { poleChanges } from '../reports/analysis/network-change.ts';
import { describeFilters, filterChoices, matchesFilters, type NetworkFilters } from '../reports/analysis/network-filters.ts';
import { networkKeyFigures } from '../reports/analysis/key-figures.ts';
import { previousItemIndexes } from '../reports/analysis/shared-items.ts';
import type { CompareBy, FilterChoices, NetworkComparison, NetworkEvolution, NetworkResultsView } from '../reports/contract/network.ts';
import { itemValues } from '../reports/analysis/quality.ts';
import { DISSENSUS_THRESHOLD } from '../reports/analysis/index.ts';
import { partsOf, poleFacts } from '../surveys/model.ts';
import type { Questionnaire } from '../surveys/registry.ts';

export type { NetworkEvolution, NetworkFilters };

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

function questionnaireOf(deps: AppDeps, campaign: Campaign): Questionnaire {
  const questionnaire = deps.questionnaires.get(campaign.questionnaireId);
  if (!questionnaire) throw new ApiError(409, 'questionnaire_missing', 'Le questionnaire de cette campagne n’est plus disponible.');
  return questionnaire;
}

const legalFormChoicesOf = (q: Questionnaire) => partsOf(q.profileModel.fields.legalForm?.json.choices);
/** The territory types and stages of the campaign's profile form, for the filters' choices and words. */
const formChoicesOf = (q: Questionnaire) => ({
  territoryType: partsOf(q.profileModel.fields.territoryType?.json.choices),
  stage: partsOf(q.profileModel.fields.stage?.json.choices),
});

/**
 * Every pole, with what the filters read of it and whether it takes part in the campaign (links or a profile: a
 * pole with responses has links). The filters' choices are counted over those that take part.
 */
function campaignPoles(deps: AppDeps, campaign: Campaign, questionnaire: Questionnaire) {
  const profiles = deps.repos.network.profiles(campaign.id);
  const participation = deps.repos.network.participation(campaign.id);
  const active = new Set([...profiles.keys(), ...participation.map((r) => r.poleId)]);
  const poles = deps.repos.poles.list().map((p) => {
    const profile = profiles.get(p.id) ?? null;
    const facts = profile ? poleFacts(questionnaire.profileModel, profile) : null;
    const filtered = {
      region: p.region, legalForm: facts?.legalForm ?? null, foundingYear: facts?.foundingYear ?? null,
      territoryType: facts?.territoryType ?? null, stage: facts?.stage ?? null,
    };
    return { pole: p, profile, facts, active: active.has(p.id), filtered };
  });
  return { poles, participation };
}

/** The ids of the campaign's poles that pass the filters (what the network exports keep). */
export function networkPoleIds(deps: AppDeps, campaign: Campaign, filters: NetworkFilters): Set<string> {
  const { poles } = campaignPoles(deps, campaign, questionnaireOf(deps, campaign));
  return new Set(poles.filter((p) => matchesFilters(filters, p.filtered, campaign.year)).map((p) => p.pole.id));
}

/** The filters in French, legal forms by their label in the campaign's profile form. */
export function networkFiltersText(deps: AppDeps, campaign: Campaign, filters: NetworkFilters): string {
  const questionnaire = questionnaireOf(deps, campaign);
  const choices = legalFormChoicesOf(questionnaire);
  const formChoices = formChoicesOf(questionnaire);
  return describeFilters(
    filters,
    (value) => choices.find((c) => String(c.value) === value)?.label,
    (filter, value) => formChoices[filter].find((c) => String(c.value) === value)?.label,
  );
}

/** Each response in the results, as item scores, for the poles `wanted` keeps. */
function readResponses(deps: AppDeps, campaign: Campaign, questionnaire: Questionnaire, wanted: (poleId: string) => boolean) {
  const repo = deps.repos.network;
  repo.backfillScores(campaign.id, (data) => itemValues(questionnaire.model, data, questionnaire.validator.isVisible));
  const byPole = new Map<string, NetworkPoleInput['responses']>();
  repo.forEachSubmitted(campaign.id, (poleId, college, batch, items) => {
    if (!wanted(poleId)) return;
    const list = byPole.get(poleId);
    if (list) list.push({ college, batch, items });
    else byPole.set(poleId, [{ college, batch, items }]);
  });
  return byPole;
}

function networkInput(deps: AppDeps, campaign: Campaign, filters: NetworkFilters): { input: NetworkInput; choices: FilterChoices; questionnaire: Questionnaire } {
  const questionnaire = questionnaireOf(deps, campaign);
  settleIfClosed(deps, campaign);
  const model = questionnaire.model;
  const all = campaignPoles(deps, campaign, questionnaire);
  const kept = all.poles.filter((p) => matchesFilters(filters, p.filtered, campaign.year));
  const byId = new Map<string, NetworkPoleInput>(
    kept.map(({ pole: p, profile, facts }) => [p.id, { id: p.id, name: p.name, region: p.region, profile, facts, responses: [], invited: 0, participation: [] }]),
  );
  for (const [poleId, responses] of readResponses(deps, campaign, questionnaire, (id) => byId.has(id))) byId.get(poleId)!.responses = responses;
  for (const row of all.participation) {
    const pole = byId.get(row.poleId);
    if (!pole) continue;
    pole.invited += row.invited;
    pole.participation.push({ college: row.college, invited: row.invited, submitted: row.submitted });
  }
  const input: NetworkInput = {
    campaign: { id: campaign.id, year: campaign.year, questionnaireId: campaign.questionnaireId },
    themes: model.themes.map(({ id, label, dimension, factor, items }) => ({ id, label, dimension, factor, items })),
    items: model.items.map((item) => ({ name: item.key, label: item.label })),
    dimensions: model.dimensions,
    colleges: questionnaire.colleges,
    profileQuestions: profileQuestions(questionnaire),
    poles: [...byId.values()].filter((p) => p.invited > 0 || p.responses.length > 0 || p.profile),
    minGroupSize: deps.analysis.minGroupSize,
    thresholds: deps.analysis.thresholds,
    dissensusThreshold: DISSENSUS_THRESHOLD,
    // Stored reviews only, one read per campaign: the plans cost nothing beside the answers.
    plans: deps.repos.reviews.plansOf(campaign.id).filter((plan) => byId.has(plan.poleId)),
  };
  const choices = filterChoices(all.poles.filter((p) => p.active).map((p) => p.filtered), legalFormChoicesOf(questionnaire), formChoicesOf(questionnaire));
  return { input, choices, questionnaire };
}

export function networkResults(deps: AppDeps, campaign: Campaign, filters: NetworkFilters = {}): NetworkResults {
  return computeNetworkResults(networkInput(deps, campaign, filters).input);
}

/**
 * The whole view the route serves (results, filters and their choices, evolution of the medians) and, with
 * `compareTo`, each pole's change since that campaign.
 */
export function networkResultsView(deps: AppDeps, campaign: Campaign, filters: NetworkFilters, compareTo?: Campaign): NetworkResultsView {
  const { input, choices, questionnaire } = networkInput(deps, campaign, filters);
  const results = computeNetworkResults(input);
  const view: NetworkResultsView = {
    ...results, filters, filterChoices: choices, evolution: networkEvolution(deps, campaign, filters, results),
    keyFigures: networkKeyFigures(questionnaire.profileModel, input.poles.map((p) => p.facts)),
  };
  return compareTo ? { ...view, ...changesSince(deps, compareTo, questionnaire, input, results) } : view;
}

/** The poles' results and, with `compareTo`, their change: what the poles × themes export needs, without the medians' evolution. */
export function networkPoleResults(deps: AppDeps, campaign: Campaign, filters: NetworkFilters, compareTo?: Campaign): NetworkResults['poles'] {
  const { input, questionnaire } = networkInput(deps, campaign, filters);
  const results = computeNetworkResults(input);
  return compareTo ? changesSince(deps, compareTo, questionnaire, input, results).poles : results.poles;
}

/** Each pole's change since `compareTo`, on the items both versions share (through the `renamed` mapping). */
function changesSince(deps: AppDeps, compareTo: Campaign, questionnaire: Questionnaire, input: NetworkInput, results: NetworkResults) {
  const earlier = questionnaireOf(deps, compareTo);
  settleIfClosed(deps, compareTo);
  // Items renamed in this campaign's version: only across versions (the same version keeps its own keys).
  const previousItem = previousItemIndexes(questionnaire.model, earlier.model, earlier.id !== questionnaire.id ? questionnaire.renamed : undefined);
  const shown = new Set(results.poles.filter((p) => p.available).map((p) => p.id));
  const changes = poleChanges({
    scoring: {
      themes: input.themes,
      internalDimensions: input.dimensions.filter((d) => d.factor === 'internal').map((d) => d.id),
      colleges: input.colleges,
      minGroupSize: input.minGroupSize,
    },
    previousItem,
    poles: results.poles.map((result, i) => ({ result, responses: input.poles[i].responses })),
    previous: readResponses(deps, compareTo, earlier, (id) => shown.has(id)),
  });
  return {
    poles: results.poles.map((p) => ({ ...p, change: changes.get(p.id) })),
    comparedTo: {
      id: compareTo.id,
      year: compareTo.year,
      questionnaireId: compareTo.questionnaireId,
      sharedItems: previousItem.filter((i) => i !== undefined).length,
      items: previousItem.length,
    },
  };
}

/**
 * Network medians per theme for every campaign up to this one, with the same filters. A campaign on another
 * questionnaire version is read through this version's themes, each on the rows both versions share (directly or
 * through `renamed`), as a pole's own evolution is: a merged or reworded theme gets its earlier median from the rows
 * it kept, and a theme with no shared row none at all.
 */
export function networkEvolution(deps: AppDeps, upTo: Campaign, filters: NetworkFilters, current: NetworkResults): NetworkEvolution {
  const campaigns = deps.repos.campaigns.list().filter((c) => c.year <= upTo.year && deps.questionnaires.has(c.questionnaireId)).sort((a, b) => a.year - b.year);
  const version = questionnaireOf(deps, upTo);
  return {
    campaigns: campaigns.map((c) => {
      const r = c.id === upTo.id ? current : c.questionnaireId === version.id ? networkResults(deps, c, filters) : throughVersion(deps, c, filters, version);
      return { id: c.id, year: c.year, polesWithResults: r.polesWithResults, medians: Object.fromEntries(r.themes.map((t) => [t.id, t.distribution.median])) };
    }),
  };
}

/** An earlier campaign's network results with `version`'s themes, each made of the earlier rows it shares. */
function throughVersion(deps: AppDeps, campaign: Campaign, filters: NetworkFilters, version: Questionnaire): NetworkResults {
  const { input, questionnaire: earlier } = networkInput(deps, campaign, filters);
  const previousItem = previousItemIndexes(version.model, earlier.model, version.renamed);
  const themes = version.model.themes
    .map(({ id, label, dimension, factor, items }) => ({ id, label, dimension, factor, items: items.flatMap((i) => (previousItem[i] === undefined ? [] : [previousItem[i]!])) }))
    .filter((t) => t.items.length > 0);
  return computeNetworkResults({ ...input, themes, dimensions: version.model.dimensions });
}

/** The latest campaign before this one whose questionnaire is still loaded: what « since last year » compares to. */
export function previousCampaign(deps: AppDeps, campaign: Campaign): Campaign | undefined {
  return deps.repos.campaigns
    .list()
    .filter((c) => c.year < campaign.year && deps.questionnaires.has(c.questionnaireId))
    .sort((a, b) => b.year - a.year)[0];
}

/** Groups of poles side by side, after the same filters as the results. */
export function networkComparison(deps: AppDeps, campaign: Campaign, filters: NetworkFilters, by: CompareBy): NetworkComparison {
  return { ...comparePoles(networkResults(deps, campaign, filters), by), filters };
}
