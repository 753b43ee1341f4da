// From respondents' scores to a pole's figures for one theme or item: balanced and raw means, collège breakdown
// (hidden under the anonymity threshold k), spread between collèges and dispersion between respondents.
import type { Aggregate, CollegeScore } from '../types.ts';
import { mean, spread, standardDeviation } from './statistics.ts';

export interface Scored {
  college: string | null;
  value: number | null;
}

export interface AggregateRules {
  colleges: { id: string; label: string }[];
  minGroupSize: number;
  dissensusThreshold: number;
}

export function aggregate(values: readonly Scored[], rules: AggregateRules): Aggregate {
  const perCollege = new Map<string, number[]>();
  const all: number[] = [];
  for (const { college, value } of values) {
    if (value === null) continue;
    all.push(value);
    // A response without collège (not possible through the form) counts in the raw mean only.
    if (college !== null) {
      const list = perCollege.get(college);
      if (list) list.push(value);
      else perCollege.set(college, [value]);
    }
  }
  const collegeMeans: number[] = [];
  const shown: number[] = [];
  const byCollege: CollegeScore[] = [];
  for (const c of rules.colleges) {
    const list = perCollege.get(c.id);
    if (!list) continue;
    const m = mean(list)!;
    collegeMeans.push(m);
    const suppressed = list.length < rules.minGroupSize;
    if (!suppressed) shown.push(m);
    byCollege.push({ college: c.id, label: c.label, n: list.length, score: suppressed ? null : m, suppressed });
  }
  const between = spread(shown);
  return {
    // Every collège with respondents weighs the same, even one too small to be shown on its own.
    score: mean(collegeMeans),
    rawScore: mean(all),
    n: all.length,
    byCollege,
    spread: between,
    sd: standardDeviation(all),
    dissensus: between !== null && between >= rules.dissensusThreshold,
  };
}
