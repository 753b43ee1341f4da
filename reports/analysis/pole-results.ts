// A pole's results for one campaign, from plain data: no database, no clock, no HTTP.
import type { DimensionResult, Evolution, ItemResult, Participation, PoleResults, SwotThresholds, ThemeResult, Verbatims } from '../types.ts';
import { aggregate, aggregateCells, combineAggregates, keepCells, type AggregateRules } from './aggregate.ts';
import { groupColleges } from './groups.ts';
import { mean } from './statistics.ts';
import { scoreRespondent, type Answers, type RespondentScores } from './scoring.ts';
import { DEFAULT_THRESHOLDS, swotCategory } from './swot.ts';
import { selectOptions } from './options.ts';
import { previousItemIndexes } from './shared-items.ts';
import { groupSpreads, itemInterval, themeInterval, uncertainThemes } from './uncertainty.ts';
import { addNspCounts, emptyNspCounts, isScore, itemValues, nspRates, type IsShown } from './quality.ts';
import { STRATEGIC_OPTIONS, type StrategicOptionDefinition } from '../../surveys/strategic-options.ts';
import type { PoleFacts, QuestionnaireModel } from '../../surveys/model.ts';
import { themeRoles } from '../../surveys/metadata.ts';

export interface SubmittedResponse {
  college: string | null;
  /** The results batch it entered (1 when unknown): see groups.ts. */
  batch?: number;
  data: Answers;
}

export interface ParticipationCount {
  college: string | null;
  invited: number;
  submitted: number;
}

export interface PoleResultsInput {
  pole: { id: string; name: string };
  campaign: { id: string; year: number; questionnaireId: string };
  /** The campaign's questionnaire, compiled (surveys/model.ts). */
  model: QuestionnaireModel;
  colleges: { id: string; label: string }[];
  responses: readonly SubmittedResponse[];
  participation: readonly ParticipationCount[];
  /** What the pole's profile form says for this campaign, if filled in. */
  profile: PoleFacts | null;
  /**
   * The pole's latest earlier campaign with results, for the evolution. `renamed` maps an item key of the current
   * version (question name or `question.row`; a question name covers its matrix rows) to its key in that earlier
   * version; unmapped items keep their key.
   */
  previous?: { campaign: { id: string; year: number }; model: QuestionnaireModel; responses: readonly SubmittedResponse[]; renamed?: Record<string, string> } | null;
  minGroupSize?: number;
  thresholds?: SwotThresholds;
  dissensusThreshold?: number;
  catalogue?: readonly StrategicOptionDefinition[];
  /** Whether a question was shown to a respondent (the validator's `isVisible`): what nspRate counts among. Every question by default. */
  isShown?: IsShown;
}

export const DEFAULT_MIN_GROUP_SIZE = 3;
export const DISSENSUS_THRESHOLD = 20;

export function computePoleResults(input: PoleResultsInput): PoleResults {
  const k = input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const thresholds = input.thresholds ?? DEFAULT_THRESHOLDS;
  const dissensusThreshold = input.dissensusThreshold ?? DISSENSUS_THRESHOLD;
  const participation = participationOf(input);
  const base = {
    pole: input.pole,
    campaign: input.campaign,
    minGroupSize: k,
    thresholds,
    participation,
  };
  if (input.responses.length < k) {
    return {
      ...base,
      groups: [],
      available: false,
      message: `Les résultats s’affichent à partir de ${k} réponses envoyées (${input.responses.length} pour l’instant), pour protéger l’anonymat des répondants.`,
      themes: [], items: [], dimensions: [], overall: null,
      swot: { strengths: [], weaknesses: [], opportunities: [], threats: [], vigilance: [], uncertain: [] },
      options: [], evolution: null, verbatims: [],
    };
  }

  // One grouping for every figure of the pole, from who answered (not from who scored a given theme).
  const grouping = groupColleges(input.colleges, input.responses, k);
  const rules: AggregateRules = { grouping, minGroupSize: k, dissensusThreshold };
  const model = input.model;
  const roles = new Map(model.themes.map((t) => [t.id, themeRoles(t)]));
  // One pass over each response's answers: the values say « nsp » and hidden rows apart (quality.ts), the scores are
  // those of them that are scores.
  const valued = input.responses.map((r) => ({ college: r.college, batch: r.batch, items: itemValues(model, r.data, input.isShown) }));
  const scored = valued.map((r) => ({ college: r.college, batch: r.batch, scores: { items: r.items.map((v) => (isScore(v) ? v : null)) } }));

  const itemCells = model.items.map((_, i) => keepCells(scored.map((r) => ({ college: r.college, batch: r.batch, value: r.scores.items[i] })), rules));
  const itemFigures = itemCells.map((cells) => aggregateCells(cells, rules));
  // Intervals and « nsp » rates rest on the same kept cells as the scores (uncertainty.ts, quality.ts).
  const itemSpreads = itemCells.map((cells) => groupSpreads(cells.kept));
  const nsp = nspRates(addNspCounts(emptyNspCounts(model.items.length), valued, grouping, k));
  const items: ItemResult[] = model.items.map((item, i) => ({
    name: item.key, label: item.label, theme: item.theme, polarity: item.polarity, ...itemFigures[i],
    interval: itemInterval(itemFigures[i].score, itemSpreads[i]), nspRate: nsp[i],
  }));
  const themes: ThemeResult[] = model.themes.map((theme) => {
    const agg = combineAggregates(theme.items.map((i) => itemFigures[i]), rules);
    return {
      id: theme.id, label: theme.label, dimension: theme.dimension, factor: theme.factor, seedRefs: theme.seedRefs, ...agg, swot: swotCategory(agg.score, theme.factor, thresholds),
      interval: themeInterval(agg.score, theme.items.map((i) => itemSpreads[i]), grouping.groups.length),
    };
  });
  const uncertain = uncertainThemes(themes, thresholds);
  const dimensions: DimensionResult[] = model.dimensions.map((d) => ({ ...d, score: mean(themes.filter((t) => t.dimension === d.id).map((t) => t.score)) }));
  const ids = (category: string) => themes.filter((t) => t.swot === category).sort((a, b) => b.score! - a.score!).map((t) => t.id);
  const swot = { strengths: ids('strength'), weaknesses: ids('weakness').reverse(), opportunities: ids('opportunity'), threats: ids('threat').reverse(), vigilance: ids('vigilance') };

  return {
    ...base,
    groups: grouping.groups.map(({ id, label, colleges, size }) => ({ id, label, colleges, n: size })),
    available: true,
    message: null,
    themes,
    items,
    dimensions,
    overall: mean(dimensions.filter((d) => d.factor === 'internal').map((d) => d.score)),
    swot: { ...swot, uncertain: [...swot.strengths, ...swot.weaknesses, ...swot.opportunities, ...swot.threats].filter((id) => uncertain.has(id)) },
    options: selectOptions({ catalogue: input.catalogue ?? STRATEGIC_OPTIONS, themes, items, roles, thresholds, facts: input.profile }),
    evolution: input.previous ? evolutionOf(model, scored, input.previous, rules, input.colleges) : null,
    verbatims: verbatimsOf(model, input.responses, k),
  };
}

function participationOf(input: PoleResultsInput): Participation {
  const members = input.profile?.membersPerCollege ?? {};
  const count = (college: string) => input.participation.find((p) => p.college === college);
  const colleges = input.colleges.map((c) => ({
    college: c.id,
    label: c.label,
    invited: count(c.id)?.invited ?? 0,
    submitted: count(c.id)?.submitted ?? 0,
    members: Object.hasOwn(members, c.id) ? members[c.id] : null,
  }));
  // Participation counts links by the collège they were made for; which collèges answered is told by the results'
  // responses once there are at least k of them (a collège chosen by fewer people would otherwise show through).
  const k = input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  const answered = input.responses.length >= k ? new Set(input.responses.map((r) => r.college)) : null;
  const missingColleges = colleges
    .filter((c) => (c.members ?? 0) > 0 && (answered ? !answered.has(c.college) : c.submitted === 0))
    .map(({ college, label }) => ({ college, label }));
  const warnings = missingColleges.map((c) => `Le collège « ${c.label} » compte des membres dans le profil du pôle mais aucune réponse : ses points de vue manquent à l’analyse.`);
  if (!input.profile) warnings.push('Le profil du pôle n’est pas renseigné pour cette campagne : la représentativité des collèges ne peut pas être vérifiée.');
  return {
    invited: input.participation.reduce((s, p) => s + p.invited, 0),
    submitted: input.participation.reduce((s, p) => s + p.submitted, 0),
    colleges,
    missingColleges,
    warnings,
  };
}

/**
 * The change per theme since another earlier campaign than the one `evolution` compares to (the follow-up of a plan
 * adopted before it), computed exactly as `evolution`; null under k responses, where the results show nothing.
 */
export function evolutionSince(input: PoleResultsInput, previous: NonNullable<PoleResultsInput['previous']>): Evolution | null {
  const k = input.minGroupSize ?? DEFAULT_MIN_GROUP_SIZE;
  if (input.responses.length < k) return null;
  const rules: AggregateRules = { grouping: groupColleges(input.colleges, input.responses, k), minGroupSize: k, dissensusThreshold: input.dissensusThreshold ?? DISSENSUS_THRESHOLD };
  const scored = input.responses.map((r) => ({ college: r.college, batch: r.batch, scores: scoreRespondent(input.model, r.data) }));
  return evolutionOf(input.model, scored, previous, rules, input.colleges);
}

/**
 * Year-over-year change per theme, computed in both years on the items both questionnaire versions share
 * (same question name, or matrix row), so that a new or dropped question does not move the score by itself.
 * An item renamed since (`previous.renamed`: current key → earlier key) is matched under its earlier key.
 */
function evolutionOf(
  model: QuestionnaireModel,
  current: { college: string | null; batch?: number; scores: Pick<RespondentScores, 'items'> }[],
  previous: NonNullable<PoleResultsInput['previous']>,
  rules: AggregateRules,
  colleges: PoleResultsInput['colleges'],
): Evolution {
  const before = previous.model;
  const previousItem = previousItemIndexes(model, before, previous.renamed);
  const beforeScored = previous.responses.map((r) => ({ college: r.college, batch: r.batch, scores: scoreRespondent(before, r.data) }));
  // The earlier campaign is grouped on its own responses.
  const beforeRules: AggregateRules = { ...rules, grouping: groupColleges(colleges, previous.responses, rules.minGroupSize) };
  // As the themes themselves: from the figures of the items both years share.
  const themeScore = (scoredList: { college: string | null; batch?: number; scores: Pick<RespondentScores, 'items'> }[], itemIndexes: number[], rulesOf: AggregateRules) =>
    combineAggregates(itemIndexes.map((i) => aggregate(scoredList.map((r) => ({ college: r.college, batch: r.batch, value: r.scores.items[i] })), rulesOf)), rulesOf).score;
  return {
    previousCampaign: previous.campaign,
    themes: model.themes.map((theme) => {
      const shared = theme.items.filter((i) => previousItem[i] !== undefined);
      const previousIndexes = shared.map((i) => previousItem[i]!);
      const now = shared.length ? themeScore(current, shared, rules) : null;
      const then = shared.length ? themeScore(beforeScored, previousIndexes, beforeRules) : null;
      return { id: theme.id, label: theme.label, previous: then, current: now, delta: now !== null && then !== null ? now - then : null, sharedItems: shared.length };
    }),
  };
}

/**
 * Free-text answers, only for a question at least k people answered; sorted, so order says nothing of who wrote
 * what. Identical answers are counted rather than repeated.
 */
function verbatimsOf(model: QuestionnaireModel, responses: readonly SubmittedResponse[], k: number): Verbatims[] {
  return model.freeText.flatMap(({ name, label }) => {
    const answers = responses.map((r) => r.data[name]).filter((v): v is string => typeof v === 'string' && v.trim() !== '').map((v) => v.trim());
    if (answers.length < k) return [];
    const counts = new Map<string, number>();
    for (const text of answers) counts.set(text, (counts.get(text) ?? 0) + 1);
    const distinct = [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => a.text.localeCompare(b.text, 'fr'));
    return [{ question: name, label, answers: distinct }];
  });
}
