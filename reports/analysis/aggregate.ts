// From respondents' scores to a pole's figures for one theme or item: balanced and raw means, breakdown by collège
// group (reports/analysis/groups.ts), spread between groups and dispersion between respondents.
import type { Aggregate, CollegeScore } from '../types.ts';
import type { CollegeGrouping } from './groups.ts';
import { mean, spread, standardDeviation } from './statistics.ts';

export interface Scored {
  college: string | null;
  /** The results batch the response entered (1 when unknown). */
  batch?: number;
  value: number | null;
}

export interface AggregateRules {
  /** Computed once per pole from its responses (groupColleges), the same for every theme and item. */
  grouping: CollegeGrouping;
  minGroupSize: number;
  dissensusThreshold: number;
}

/**
 * A value counts only if at least k people of its (batch, group) cell scored this figure: a cell under k is left
 * out of every total (were it counted in `score`, `rawScore` or `n`, subtracting the shown groups, or comparing the
 * figures before and after its batch, would give it back). Groups only merge as batches come (groups.ts), so each
 * figure is a sum of whole cells of at least k people, and a new batch changes it by whole cells too.
 */
export function aggregate(values: readonly Scored[], rules: AggregateRules): Aggregate {
  return aggregateCells(keepCells(values, rules), rules);
}

/** Per group of the grouping: the values that count (whole cells of at least k scorers), and how many scored. */
export interface KeptCells {
  kept: number[][];
  scorers: number[];
}

/** Which values count, by group (see aggregate): what every figure of an item, its interval included, rests on. */
export function keepCells(values: readonly Scored[], rules: AggregateRules): KeptCells {
  const { grouping, minGroupSize: k } = rules;
  // Two passes over numbered cells: how many scored in each (batch, group) cell, then which values count.
  const where = values.map((v) => (v.value === null ? null : grouping.cellOf(v.batch ?? 1, v.college)));
  const cellSize = new Array<number>(grouping.cellCount).fill(0);
  for (const w of where) if (w) cellSize[w.cell]++;
  const kept = grouping.groups.map((): number[] => []);
  const scorers = new Array<number>(grouping.groups.length).fill(0);
  values.forEach((v, i) => {
    const w = where[i];
    if (!w || w.group < 0) return;
    scorers[w.group]++;
    if (cellSize[w.cell] >= k) kept[w.group].push(v.value!);
  });
  return { kept, scorers };
}

/** An item's figures from its kept values (keepCells). */
export function aggregateCells({ kept, scorers }: KeptCells, rules: AggregateRules): Aggregate {
  const { grouping } = rules;
  const included: number[] = [];
  const groupMeans: number[] = [];
  const byCollege: CollegeScore[] = [];
  grouping.groups.forEach((g, i) => {
    if (!scorers[i]) return;
    // Kept values come in whole cells of at least k: a group with any is shown.
    const suppressed = kept[i].length === 0;
    const m = suppressed ? null : mean(kept[i])!;
    if (m !== null) {
      for (const x of kept[i]) included.push(x);
      groupMeans.push(m);
    }
    byCollege.push({ college: g.id, label: g.label, n: suppressed ? scorers[i] : kept[i].length, score: m, suppressed });
  });
  const between = spread(groupMeans);
  return {
    // Each included group weighs the same; with one group this is the plain mean.
    score: mean(groupMeans),
    rawScore: mean(included),
    n: included.length,
    byCollege,
    spread: between,
    sd: standardDeviation(included),
    dissensus: between !== null && between >= rules.dissensusThreshold,
  };
}

/**
 * A theme's figures from its items' figures, never from respondents' own theme means: someone who skipped some of
 * a theme's items weighs differently in a mean of personal means, so comparing that with the items' figures would
 * give their answers back (a second review found it). Each group's theme score is the mean of its shown item scores;
 * the theme `score` the mean of those over groups; `rawScore` and `sd` the means of the items'; `n` the largest item
 * `n` (the respondents on its most answered item).
 */
export function combineAggregates(parts: readonly Aggregate[], rules: AggregateRules): Aggregate {
  const byCollege: CollegeScore[] = [];
  const groupScores: number[] = [];
  for (const g of rules.grouping.groups) {
    const entries = parts.flatMap((p) => p.byCollege.filter((b) => b.college === g.id));
    if (!entries.length) continue;
    const shown = entries.filter((b) => !b.suppressed && b.score !== null);
    const score = mean(shown.map((b) => b.score));
    if (score !== null) groupScores.push(score);
    const n = Math.max(...(shown.length ? shown : entries).map((b) => b.n));
    byCollege.push({ college: g.id, label: g.label, n, score, suppressed: score === null });
  }
  const between = spread(groupScores);
  const counted = parts.filter((p) => p.rawScore !== null);
  return {
    score: mean(groupScores),
    rawScore: mean(counted.map((p) => p.rawScore)),
    n: counted.length ? Math.max(...counted.map((p) => p.n)) : 0,
    byCollege,
    spread: between,
    sd: mean(counted.map((p) => p.sd)),
    dissensus: between !== null && between >= rules.dissensusThreshold,
  };
}
