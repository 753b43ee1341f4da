// From respondents' scores to a pole's figures for one theme or item: balanced and raw means, breakdown by collège
// group (reports/analysis/groups.ts), spread between groups and dispersion between respondents.
import type { Aggregate, CollegeScore } from '../types.ts';
import type { CollegeGrouping } from './groups.ts';
import { mean, spread, standardDeviation } from './statistics.ts';

export interface Scored {
  college: string | null;
  value: number | null;
}

export interface AggregateRules {
  /** Computed once per pole from its responses (groupColleges), the same for every theme and item. */
  grouping: CollegeGrouping;
  minGroupSize: number;
  dissensusThreshold: number;
}

/**
 * A group with fewer than k scorers on this figure is suppressed and left out of every total as well: were it
 * counted in `score`, `rawScore` or `n`, subtracting the shown groups would give it back.
 */
export function aggregate(values: readonly Scored[], rules: AggregateRules): Aggregate {
  const perGroup = new Map<string, number[]>(rules.grouping.groups.map((g) => [g.id, []]));
  for (const { college, value } of values) {
    if (value === null) continue;
    perGroup.get(rules.grouping.groupOf(college))?.push(value);
  }
  const included: number[] = [];
  const groupMeans: number[] = [];
  const byCollege: CollegeScore[] = [];
  for (const g of rules.grouping.groups) {
    const list = perGroup.get(g.id)!;
    if (!list.length) continue;
    const suppressed = list.length < rules.minGroupSize;
    const m = suppressed ? null : mean(list)!;
    if (m !== null) {
      included.push(...list);
      groupMeans.push(m);
    }
    byCollege.push({ college: g.id, label: g.label, n: list.length, score: m, suppressed });
  }
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
