// The network view for the Labo: every pole's theme scores side by side, their distribution per theme,
// the weaknesses, threats and dissensus most poles share, participation, the poles' profiles, the poles to support
// and the remedies their action plans adopt and complete.
// Pure: it takes each pole's respondents' item scores (computed at submission) and returns plain data, in the
// shape reports/contract/network.ts defines once.
import type { SwotThresholds } from '../types.ts';
import type { Distribution, NetworkPoleResult, NetworkResults, NetworkThemeResult } from '../contract/network.ts';
import { groupColleges, type CollegeGrouping } from './groups.ts';
import { mean, spread } from './statistics.ts';
import { swotCategory } from './swot.ts';
import { polesToSupport } from './network-support.ts';
import { isScore, NetworkQuality } from './quality.ts';
import type { PoleFacts } from '../../surveys/model.ts';
import type { ProfileRole } from '../../surveys/metadata.ts';
import { STRATEGIC_OPTIONS, type StrategicOptionDefinition } from '../../surveys/strategic-options.ts';
import type { NetworkActions, ReviewAction } from '../contract/review.ts';

export type { Distribution, NetworkPoleResult, NetworkResults, NetworkThemeResult };

export interface NetworkPoleInput {
  id: string;
  name: string;
  region: string | null;
  /** The profile form's answers as stored (counted per question), and what they say of the pole, by role. */
  profile: Readonly<Record<string, unknown>> | null;
  facts: PoleFacts | null;
  /** Responses in the results: collège, batch and one score per item of the questionnaire (null or NaN: unanswered). */
  responses: { college: string | null; batch?: number; items: ArrayLike<number | null> }[];
  invited: number;
  /** Invited and submitted per collège. */
  participation: { college: string | null; invited: number; submitted: number }[];
}

export interface NetworkInput {
  campaign: { id: string; year: number; questionnaireId: string };
  /** `items`: indexes into each response's `items`, as the pole report computes a theme from its items. */
  themes: { id: string; label: string; dimension: string; factor: 'internal' | 'external'; items: number[] }[];
  dimensions: { id: string; label: string; factor: 'internal' | 'external' }[];
  colleges: { id: string; label: string }[];
  /**
   * Profile questions to count, in form order, with their choices (value → label) when they have any:
   * `single` counts poles per answer, `multiple` per ticked choice, `sum` adds up numbers per field (members by collège).
   */
  profileQuestions: { name: string; label: string; role: ProfileRole | null; choices: { value: unknown; label: string }[] | null; kind: 'single' | 'multiple' | 'sum' }[];
  poles: NetworkPoleInput[];
  minGroupSize: number;
  thresholds: SwotThresholds;
  dissensusThreshold: number;
  /** The action plans the kept poles stored for this campaign (their review's actions); none when omitted. */
  plans?: readonly NetworkPlanInput[];
  /** The questionnaire's items (name, label), in the order of each response's `items`: names the rows the « Qualité du questionnaire » page lists. */
  items?: readonly { name: string; label: string }[];
  /** Where adopted options get their title; the service's catalogue by default. */
  catalogue?: readonly Pick<StrategicOptionDefinition, 'id' | 'title'>[];
}

/** One pole's plan: only what the network counts (the notes, owners and dates stay the pole's). */
export interface NetworkPlanInput {
  poleId: string;
  actions: readonly Pick<ReviewAction, 'optionId' | 'title' | 'status'>[];
}

/** Quartiles by linear interpolation between order statistics (as spreadsheets' QUARTILE.INC). */
export function distribution(values: readonly (number | null)[]): Distribution {
  const sorted = values.filter((v): v is number => v !== null).sort((a, b) => a - b);
  const n = sorted.length;
  if (!n) return { n: 0, min: null, q1: null, median: null, q3: null, max: null };
  const at = (p: number) => {
    const h = (n - 1) * p;
    const lo = Math.floor(h);
    return sorted[lo] + (h - lo) * ((sorted[Math.min(lo + 1, n - 1)] ?? sorted[lo]) - sorted[lo]);
  };
  return { n, min: sorted[0], q1: at(0.25), median: at(0.5), q3: at(0.75), max: sorted[n - 1] };
}

// Stored values hold codes besides scores (« nsp », hidden: quality.ts): anything but a score is no score.
const scoreOrNull = (v: number | null) => (isScore(v) ? v : null);

/**
 * A pole's theme scores and spreads between groups, exactly as its own report computes them (aggregate for each
 * item, combineAggregates for each theme) but without the report's per-figure objects: 2,500 poles × 97 items.
 */
function poleThemeFigures(
  responses: NetworkPoleInput['responses'],
  themes: PoleScoring['themes'],
  grouping: CollegeGrouping,
  k: number,
): { score: number | null; spread: number | null }[] {
  const where = responses.map((r) => grouping.cellOf(r.batch ?? 1, r.college));
  const groups = grouping.groups.length;
  const cellSize = new Int32Array(grouping.cellCount);
  const sum = new Float64Array(groups);
  const count = new Int32Array(groups);
  const memo = new Map<number, Float64Array>();
  /** The item's shown score per group (NaN where hidden), as aggregate() keeps values: whole cells of k scorers. */
  const groupMeans = (item: number) => {
    let means = memo.get(item);
    if (means) return means;
    cellSize.fill(0);
    for (let r = 0; r < responses.length; r++) if (scoreOrNull(responses[r].items[item]) !== null) cellSize[where[r].cell]++;
    sum.fill(0);
    count.fill(0);
    for (let r = 0; r < responses.length; r++) {
      const v = scoreOrNull(responses[r].items[item]);
      const { cell, group } = where[r];
      if (v === null || group < 0 || cellSize[cell] < k) continue;
      sum[group] += v;
      count[group]++;
    }
    means = Float64Array.from(sum, (total, g) => (count[g] ? total / count[g] : NaN));
    memo.set(item, means);
    return means;
  };
  return themes.map((theme) => {
    const groupScores: (number | null)[] = [];
    for (let g = 0; g < groups; g++) {
      const shown = theme.items.map((i) => groupMeans(i)[g]).filter((m) => !Number.isNaN(m));
      if (shown.length) groupScores.push(mean(shown));
    }
    return { score: mean(groupScores), spread: spread(groupScores) };
  });
}

/** What scoring a pole needs besides its responses: the themes (with their items), dimensions, collèges and k. */
export interface PoleScoring {
  themes: readonly { dimension: string; items: readonly number[] }[];
  /** Internal dimensions: the overall score is their mean. */
  internalDimensions: readonly string[];
  colleges: NetworkInput['colleges'];
  minGroupSize: number;
}

export interface PoleFigures {
  /** One per theme of the scoring, null when no group shows it. */
  scores: (number | null)[];
  /** Gap between the highest and lowest group, per theme (null under two groups). */
  spreads: (number | null)[];
  overall: number | null;
  /** The pole's collège groups, as its own report forms them. */
  grouping: CollegeGrouping;
}

/** A pole's theme scores, spreads and overall score, as its own report computes them; null under k responses. */
export function scorePole(responses: NetworkPoleInput['responses'], scoring: PoleScoring): PoleFigures | null {
  if (responses.length < scoring.minGroupSize) return null;
  // Grouped as in the pole's own report: once, from its responses' collèges.
  const grouping = groupColleges(scoring.colleges, responses, scoring.minGroupSize);
  const figures = poleThemeFigures(responses, scoring.themes, grouping, scoring.minGroupSize);
  const scores = figures.map((f) => f.score);
  const overall = mean(scoring.internalDimensions.map((d) => mean(scoring.themes.flatMap((t, i) => (t.dimension === d ? [scores[i]] : [])))));
  return { scores, spreads: figures.map((f) => f.spread), overall, grouping };
}

const profileValue = (value: unknown) => (typeof value === 'boolean' ? (value ? 'true' : 'false') : String(value));

export function computeNetworkResults(input: NetworkInput): NetworkResults {
  const themeCount = input.themes.length;
  const weakPoles = new Array<number>(themeCount).fill(0);
  const dissensusPoles = new Array<number>(themeCount).fill(0);
  const scoring: PoleScoring = {
    themes: input.themes,
    internalDimensions: input.dimensions.filter((d) => d.factor === 'internal').map((d) => d.id),
    colleges: input.colleges,
    minGroupSize: input.minGroupSize,
  };
  const quality = new NetworkQuality(input.themes, input.items, input.minGroupSize);

  const poles: NetworkPoleResult[] = input.poles.map((pole) => {
    const figures = scorePole(pole.responses, scoring);
    if (figures) quality.addPole(pole.responses, figures.grouping);
    let weaknesses = 0;
    let dissensusThemes = 0;
    for (let t = 0; figures && t < themeCount; t++) {
      const category = swotCategory(figures.scores[t], input.themes[t].factor, input.thresholds);
      if (category === 'weakness' || category === 'threat') weakPoles[t]++;
      if (category === 'weakness') weaknesses++;
      if (figures.spreads[t] !== null && figures.spreads[t]! >= input.dissensusThreshold) {
        dissensusPoles[t]++;
        dissensusThemes++;
      }
    }
    return {
      id: pole.id,
      name: pole.name,
      region: pole.region,
      legalForm: pole.facts?.legalForm ?? null,
      foundedYear: pole.facts?.foundingYear ?? null,
      invited: pole.invited,
      submitted: pole.responses.length,
      available: figures !== null,
      overall: figures?.overall ?? null,
      scores: figures?.scores ?? new Array(themeCount).fill(null),
      weaknesses,
      dissensusThemes,
    };
  });

  const withResults = poles.filter((p) => p.available);
  const themes: NetworkThemeResult[] = input.themes.map(({ id, label, dimension, factor }, i) => ({
    id, label, dimension, factor,
    distribution: distribution(withResults.map((p) => p.scores[i])),
    weakPoles: weakPoles[i],
    dissensusPoles: dissensusPoles[i],
    ...quality.theme(i),
  }));
  const rank = (factor: 'internal' | 'external', counts: number[]) =>
    themes.map((t, i) => ({ t, count: counts[i] })).filter((x) => x.t.factor === factor && x.count > 0).sort((a, b) => b.count - a.count).map((x) => x.t.id);

  const overall = distribution(withResults.map((p) => p.overall));
  return {
    campaign: input.campaign,
    minGroupSize: input.minGroupSize,
    thresholds: input.thresholds,
    polesWithResults: withResults.length,
    themes,
    poles,
    frequentWeaknesses: rank('internal', weakPoles),
    frequentThreats: rank('external', weakPoles),
    dissensus: themes.map((t, i) => ({ id: t.id, count: dissensusPoles[i] })).filter((x) => x.count > 0).sort((a, b) => b.count - a.count).map((x) => x.id),
    participation: participationOf(input),
    profile: profileCounts(input),
    overall,
    support: polesToSupport(poles, overall, input.thresholds, input.themes.filter((t) => t.factor === 'internal').length),
    actions: networkActions(input.plans ?? [], input.catalogue ?? STRATEGIC_OPTIONS),
  };
}

/**
 * Which remedies poles choose and which they complete: per option, the poles whose plan holds it and those that
 * carried it out, most adopted first; the poles' own actions; the poles with a plan of at least one action. Counted
 * per pole, so that an option split into two actions by one pole counts once.
 */
export function networkActions(plans: readonly NetworkPlanInput[], catalogue: readonly Pick<StrategicOptionDefinition, 'id' | 'title'>[]): NetworkActions {
  const titles = new Map(catalogue.map((o) => [o.id, o.title]));
  const options = new Map<string, NetworkActions['options'][number]>();
  let ownActions = 0;
  for (const plan of plans) {
    const adopted = new Map<string, { title: string; done: boolean }>();
    for (const action of plan.actions) {
      if (action.optionId === null) ownActions++;
      else {
        const seen = adopted.get(action.optionId);
        adopted.set(action.optionId, { title: seen?.title ?? action.title, done: seen?.done === true || action.status === 'done' });
      }
    }
    for (const [optionId, { title, done }] of adopted) {
      // An option the catalogue no longer holds keeps the title the pole gave its action.
      const count = options.get(optionId) ?? { optionId, title: titles.get(optionId) ?? title, adopted: 0, done: 0 };
      count.adopted++;
      if (done) count.done++;
      options.set(optionId, count);
    }
  }
  return {
    options: [...options.values()].sort((a, b) => b.adopted - a.adopted || b.done - a.done || a.title.localeCompare(b.title, 'fr')),
    ownActions,
    poles: plans.filter((p) => p.actions.length > 0).length,
  };
}

function participationOf(input: NetworkInput): NetworkResults['participation'] {
  const byCollege = new Map<string | null, { invited: number; submitted: number }>();
  for (const pole of input.poles) {
    for (const row of pole.participation) {
      const sum = byCollege.get(row.college) ?? { invited: 0, submitted: 0 };
      sum.invited += row.invited;
      sum.submitted += row.submitted;
      byCollege.set(row.college, sum);
    }
  }
  const colleges: NetworkResults['participation']['colleges'] = input.colleges.map((c) => ({ college: c.id, label: c.label, ...(byCollege.get(c.id) ?? { invited: 0, submitted: 0 }) }));
  const unknown = byCollege.get(null);
  if (unknown) colleges.push({ college: null, label: 'Collège non renseigné', ...unknown });
  return {
    invited: input.poles.reduce((s, p) => s + p.invited, 0),
    submitted: input.poles.reduce((s, p) => s + p.responses.length, 0),
    colleges,
  };
}

function profileCounts(input: NetworkInput): NetworkResults['profile'] {
  const out: NetworkResults['profile'] = {};
  for (const q of input.profileQuestions) {
    const counts = new Map<string, number>();
    let answered = 0;
    for (const pole of input.poles) {
      const value = pole.profile?.[q.name];
      if (value === undefined || value === null || value === '') continue;
      answered++;
      if (q.kind === 'sum') {
        for (const [key, n] of Object.entries(value as Record<string, unknown>)) if (typeof n === 'number') counts.set(key, (counts.get(key) ?? 0) + n);
        continue;
      }
      for (const v of q.kind === 'multiple' && Array.isArray(value) ? value : [value]) {
        const key = profileValue(v);
        counts.set(key, (counts.get(key) ?? 0) + 1);
      }
    }
    const labelOf = (value: string) =>
      q.choices?.find((c) => profileValue(c.value) === value)?.label ?? (value === 'true' ? 'Oui' : value === 'false' ? 'Non' : value);
    // Choices in form order (with zero counts, as in the seed's tables), then any other value met.
    const ordered = q.choices ? q.choices.map((c) => profileValue(c.value)) : [];
    for (const key of [...counts.keys()].sort()) if (!ordered.includes(key)) ordered.push(key);
    out[q.name] = { label: q.label, role: q.role, kind: q.kind, answered, counts: ordered.map((value) => ({ value, label: labelOf(value), count: counts.get(value) ?? 0 })) };
  }
  return out;
}
