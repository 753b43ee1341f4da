// How sure a pole's figures are: a 90 % interval around each item and theme score, and which SWOT classifications it
// does not settle (« à confirmer »). With 8 to 30 respondents, a theme at 62 and one at 66 are not different.
//
// Item: a t-interval on the balanced score. The score is the mean of the shown groups' means, each group weighing
// the same: its variance is Σ s²_g / n_g over G², from each group's kept values only (whole cells of at least k,
// as in aggregate.ts), with a Welch–Satterthwaite df since groups differ in size and spread. No resampling: cheap,
// and the same interval every time.
//
// Theme: its score is the mean over groups of each group's mean item score. The exact variance needs how one
// person's answers to a theme's items go together, i.e. respondent-level cross-item data; that is what combining
// from items avoids (aggregate.ts: personal theme means once gave skipped answers back). So the theme interval is
// built from its items' own figures only, with a bound that holds whatever those correlations are: the standard
// error of a mean of item means is at most the mean of their standard errors (that of a sum is at most the sum of
// theirs). Perfectly correlated items reach it; items that agree less make it wide. It is therefore prudent — never
// narrower than the truth — and it tells nothing the item intervals do not already tell.
import type { Interval } from '../types.ts';

export const INTERVAL_LEVEL = 0.9;

/** A collège group's kept values of one item: how many, their mean and sample variance (null under two). */
export interface GroupSpread {
  n: number;
  mean: number;
  variance: number | null;
}

/** One entry per group of the grouping (null where the group has no kept value), from kept values per group. */
export function groupSpreads(kept: readonly (readonly number[])[]): (GroupSpread | null)[] {
  return kept.map((values) => {
    const n = values.length;
    if (!n) return null;
    let sum = 0;
    for (const v of values) sum += v;
    const mean = sum / n;
    let squares = 0;
    for (const v of values) squares += (v - mean) ** 2;
    return { n, mean, variance: n < 2 ? null : squares / (n - 1) };
  });
}

/** A group's part of a balanced score's uncertainty: its squared standard error and that estimate's df. */
interface Part {
  se2: number;
  df: number;
}

/**
 * score ± t × SE, SE² = Σ se²_g / G² over the G groups, df by Welch–Satterthwaite: (Σ se²)² / Σ (se⁴ / df). When
 * every group's answers are all the same there is no spread to measure: the interval is the score itself.
 */
function intervalOf(score: number | null, parts: readonly (Part | null)[]): Interval | null {
  if (score === null || parts.length === 0 || parts.some((p) => p === null)) return null;
  const list = parts as Part[];
  const total = list.reduce((s, p) => s + p.se2, 0);
  if (total === 0) return { low: score, high: score, level: INTERVAL_LEVEL };
  const df = total ** 2 / list.reduce((s, p) => s + (p.se2 > 0 ? p.se2 ** 2 / p.df : 0), 0);
  const half = studentQuantile(1 - (1 - INTERVAL_LEVEL) / 2, df) * (Math.sqrt(total) / list.length);
  // Scores live on 0..100: the interval is cut there (it still holds the score).
  return { low: Math.max(0, score - half), high: Math.min(100, score + half), level: INTERVAL_LEVEL };
}

/** An item's interval around its balanced score; null without a shown group or when a shown group has one value. */
export function itemInterval(score: number | null, spreads: readonly (GroupSpread | null)[]): Interval | null {
  const shown = spreads.filter((s): s is GroupSpread => s !== null);
  return intervalOf(score, shown.map((s) => (s.variance === null ? null : { se2: s.variance / s.n, df: s.n - 1 })));
}

/**
 * A theme's interval from its items' spreads (`items[i][g]`, as groupSpreads gives them), never from respondents'
 * theme means. Group g's theme score is the mean of its shown item means, as combineAggregates computes it; its
 * standard error is bounded by the mean of those items' standard errors (see the head of this file), with the
 * smallest of their df.
 */
export function themeInterval(score: number | null, items: readonly (readonly (GroupSpread | null)[])[], groups: number): Interval | null {
  const parts: (Part | null)[] = [];
  for (let g = 0; g < groups; g++) {
    const shown = items.map((spreads) => spreads[g]).filter((s): s is GroupSpread => !!s);
    if (!shown.length) continue;
    if (shown.some((s) => s.variance === null)) {
      parts.push(null);
      continue;
    }
    const se = shown.reduce((sum, s) => sum + Math.sqrt(s.variance! / s.n), 0) / shown.length;
    parts.push({ se2: se * se, df: Math.min(...shown.map((s) => s.n)) - 1 });
  }
  return intervalOf(score, parts);
}

/**
 * Classified themes whose interval reaches across the threshold that classified them: a strength or opportunity
 * whose interval goes below the high threshold, a weakness or threat whose interval goes above the low one. A
 * classified theme without an interval (a group of one value, under k = 2) cannot be called sure either.
 */
export function uncertainThemes(
  themes: readonly { id: string; swot: string | null; interval: Interval | null }[],
  thresholds: { high: number; low: number },
): Set<string> {
  const out = new Set<string>();
  for (const th of themes) {
    const high = th.swot === 'strength' || th.swot === 'opportunity';
    const low = th.swot === 'weakness' || th.swot === 'threat';
    if (!high && !low) continue;
    if (!th.interval || (high && th.interval.low < thresholds.high) || (low && th.interval.high > thresholds.low)) out.add(th.id);
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------------
// Student's t quantile, for any positive df (Welch–Satterthwaite gives fractional ones).

/** ln Γ(x), x > 0 (Lanczos, g = 7). */
function lnGamma(x: number): number {
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059, 12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  if (x < 0.5) return Math.log(Math.PI / Math.sin(Math.PI * x)) - lnGamma(1 - x);
  const y = x - 1;
  let a = c[0];
  const t = y + 7.5;
  for (let i = 1; i < 9; i++) a += c[i] / (y + i);
  return 0.5 * Math.log(2 * Math.PI) + (y + 0.5) * Math.log(t) - t + Math.log(a);
}

/** Continued fraction of the incomplete beta function (modified Lentz). */
function betaFraction(a: number, b: number, x: number): number {
  const tiny = 1e-300;
  let c = 1;
  let d = 1 - ((a + b) * x) / (a + 1);
  if (Math.abs(d) < tiny) d = tiny;
  d = 1 / d;
  let h = d;
  for (let m = 1; m <= 300; m++) {
    const m2 = 2 * m;
    let aa = (m * (b - m) * x) / ((a + m2 - 1) * (a + m2));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    h *= d * c;
    aa = (-(a + m) * (a + b + m) * x) / ((a + m2) * (a + m2 + 1));
    d = 1 + aa * d;
    if (Math.abs(d) < tiny) d = tiny;
    c = 1 + aa / c;
    if (Math.abs(c) < tiny) c = tiny;
    d = 1 / d;
    const step = d * c;
    h *= step;
    if (Math.abs(step - 1) < 1e-14) break;
  }
  return h;
}

/** Regularised incomplete beta I_x(a, b). */
function incompleteBeta(x: number, a: number, b: number): number {
  if (x <= 0) return 0;
  if (x >= 1) return 1;
  const front = Math.exp(lnGamma(a + b) - lnGamma(a) - lnGamma(b) + a * Math.log(x) + b * Math.log(1 - x));
  return x < (a + 1) / (a + b + 2) ? (front * betaFraction(a, b, x)) / a : 1 - (front * betaFraction(b, a, 1 - x)) / b;
}

/** P(T > t) for t ≥ 0, T Student with df degrees of freedom. */
function upperTail(t: number, df: number): number {
  return 0.5 * incompleteBeta(df / (df + t * t), df / 2, 0.5);
}

/** The p-quantile of Student's t with df > 0 degrees of freedom, for p in (0.5, 1): bisection on the tail. */
export function studentQuantile(p: number, df: number): number {
  const tail = 1 - p;
  let lo = 0;
  let hi = 1;
  while (upperTail(hi, df) > tail) hi *= 2;
  for (let i = 0; i < 100 && hi - lo > 1e-10 * hi; i++) {
    const mid = (lo + hi) / 2;
    if (upperTail(mid, df) > tail) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}
