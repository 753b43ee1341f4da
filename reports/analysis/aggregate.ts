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
