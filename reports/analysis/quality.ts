// How well the questionnaire's rows work, for whoever writes next year's version: how often a row gets « je ne sais
// pas / non concerné » from the people it is shown to (nspRate), and whether a theme's rows hang together (Cronbach's
// α). Both read one value per respondent and item, as stored with each response (server/db/item-scores.ts):
// a score from 0 to 100, or one of the codes below; NaN means shown but left unanswered.
import { NOT_APPLICABLE, type QuestionnaireModel } from '../../surveys/model.ts';
import type { CollegeGrouping } from './groups.ts';
import { itemAnswer, itemScore, type Answers } from './scoring.ts';

/** « Je ne sais pas / non concerné ». */
export const NSP_VALUE = -1;
/** The row's question was hidden by the respondent's earlier answers (a `visibleIf`): it was never shown. */
export const HIDDEN_VALUE = -2;

/** Whether a stored value is a score (NaN and the codes are not). */
export const isScore = (v: number | null | undefined): v is number => typeof v === 'number' && v >= 0;

/** Whether a question was shown to a respondent, given their answers (the validator's `isVisible`). */
export type IsShown = (question: string, data: Answers) => boolean;

/** A row « nsp » this often or more is to be reworked. */
export const NSP_HIGH = 0.3;
/** A theme whose rows hang together less than this (Cronbach's α) is to be reworked. */
export const ALPHA_LOW = 0.6;
/** α is not computed on fewer respondents with every row of the theme answered (nor under k). */
export const ALPHA_MIN_RESPONDENTS = 10;

/**
 * One value per item of the model: its score as scoreRespondent gives it, else NSP_VALUE, else HIDDEN_VALUE when its
 * question is not shown to this respondent, else NaN. Without `isShown`, every question counts as shown.
 */
export function itemValues(model: QuestionnaireModel, data: Answers, isShown?: IsShown): number[] {
  const shown = new Map<string, boolean>();
  return model.items.map((item) => {
    const value = itemAnswer(item, data);
    const score = itemScore(item, value);
    if (score !== null) return score;
    if (value === NOT_APPLICABLE) return NSP_VALUE;
    if (!isShown) return NaN;
    let visible = shown.get(item.question);
    if (visible === undefined) shown.set(item.question, (visible = isShown(item.question, data)));
    return visible ? NaN : HIDDEN_VALUE;
  });
}

/** A response as quality reads it: its collège, results batch and one value per item (itemValues). */
export interface ValuedResponse {
  college: string | null;
  batch?: number;
  items: ArrayLike<number | null>;
}

/** Per item: how many were shown it and how many said « nsp », over the (batch, group) cells counted. */
export interface NspCounts {
  shown: Float64Array;
  nsp: Float64Array;
}

export const emptyNspCounts = (items: number): NspCounts => ({ shown: new Float64Array(items), nsp: new Float64Array(items) });

/**
 * Adds a pole's « nsp » counts to `into`, from the (batch, group) cells in which at least k people were shown the
 * row, as the scores keep cells (aggregate.ts): a row shown to two people of a cell (a question for one collège, an
 * insider's question) says nothing of what they answered, and a later batch adds whole cells or nothing.
 */
export function addNspCounts(into: NspCounts, responses: readonly ValuedResponse[], grouping: CollegeGrouping, k: number): NspCounts {
  const where = responses.map((r) => grouping.cellOf(r.batch ?? 1, r.college));
  countNsp(into, responses, where, grouping.cellCount, k);
  return into;
}

/** addNspCounts, with each response's cell already known. */
function countNsp(into: NspCounts, responses: readonly ValuedResponse[], where: readonly { cell: number; group: number }[], cells: number, k: number): void {
  const items = into.shown.length;
  const shown = new Int32Array(items * cells);
  const nsp = new Int32Array(items * cells);
  for (let r = 0; r < responses.length; r++) {
    const { cell, group } = where[r];
    if (group < 0) continue;
    const values = responses[r].items;
    for (let i = 0, at = cell; i < items; i++, at += cells) {
      const v = values[i];
      if (v === HIDDEN_VALUE) continue;
      shown[at]++;
      if (v === NSP_VALUE) nsp[at]++;
    }
  }
  for (let at = 0; at < shown.length; at++) {
    if (shown[at] < k) continue;
    const i = Math.floor(at / cells);
    into.shown[i] += shown[at];
    into.nsp[i] += nsp[at];
  }
}

/** The share of « nsp » per item (0 to 1), null where no cell counts. */
export const nspRates = (counts: NspCounts): (number | null)[] => Array.from(counts.shown, (shown, i) => (shown ? counts.nsp[i] / shown : null));

/**
 * Cronbach's α per theme, accumulated one respondent at a time (one pass over the campaign's responses): for a
 * theme of K items, α = K / (K − 1) × (1 − Σ var(item) / var(total)), over the respondents who gave a score to every
 * item of the theme, with sample variances (n − 1). null under two items, under `minRespondents` such respondents,
 * or when the totals do not vary.
 */
export class ThemeCoherence {
  private readonly themes: readonly (readonly number[])[];
  private readonly offsets: number[];
  private readonly n: Float64Array;
  private readonly total: Float64Array;
  private readonly totalSquares: Float64Array;
  private readonly item: Float64Array;
  private readonly itemSquares: Float64Array;

  constructor(themes: readonly { items: readonly number[] }[]) {
    this.themes = themes.map((t) => t.items);
    this.offsets = [];
    let at = 0;
    for (const items of this.themes) {
      this.offsets.push(at);
      at += items.length;
    }
    this.n = new Float64Array(themes.length);
    this.total = new Float64Array(themes.length);
    this.totalSquares = new Float64Array(themes.length);
    this.item = new Float64Array(at);
    this.itemSquares = new Float64Array(at);
  }

  get themeCount(): number {
    return this.themes.length;
  }

  /** Whether a respondent gave a score to every item of theme `t`. */
  isComplete(t: number, values: ArrayLike<number | null>): boolean {
    const items = this.themes[t];
    if (!items.length) return false;
    for (let j = 0; j < items.length; j++) if (!isScore(values[items[j]])) return false;
    return true;
  }

  /** Counts a complete respondent (isComplete) in theme `t`. */
  addTo(t: number, values: ArrayLike<number | null>): void {
    const items = this.themes[t];
    const base = this.offsets[t];
    let sum = 0;
    for (let j = 0; j < items.length; j++) {
      const v = values[items[j]] as number;
      sum += v;
      this.item[base + j] += v;
      this.itemSquares[base + j] += v * v;
    }
    this.n[t]++;
    this.total[t] += sum;
    this.totalSquares[t] += sum * sum;
  }

  /** Counts a respondent in every theme they completed. */
  add(values: ArrayLike<number | null>): void {
    for (let t = 0; t < this.themes.length; t++) if (this.isComplete(t, values)) this.addTo(t, values);
  }

  /** Respondents with every item of theme `t` scored. */
  respondents(t: number): number {
    return this.n[t];
  }

  alpha(t: number, minRespondents = 2): number | null {
    const items = this.themes[t].length;
    const n = this.n[t];
    if (items < 2 || n < Math.max(2, minRespondents)) return null;
    const variance = (sum: number, squares: number) => (squares - (sum * sum) / n) / (n - 1);
    const totalVariance = variance(this.total[t], this.totalSquares[t]);
    // Sums of squares lose a few digits: a total that does not vary is zero up to that noise.
    if (!(totalVariance > 1e-9 * (this.totalSquares[t] / n))) return null;
    let itemVariances = 0;
    for (let j = 0; j < items; j++) itemVariances += variance(this.item[this.offsets[t] + j], this.itemSquares[this.offsets[t] + j]);
    return (items / (items - 1)) * (1 - itemVariances / totalVariance);
  }
}

/**
 * The network's « Qualité du questionnaire »: per theme, Cronbach's α over the respondents of the poles with results
 * and the items whose « nsp » rate (each pole's cells of at least k, added up) exceeds NSP_HIGH. Poles are added one
 * by one as the network scores them. As for « nsp », a respondent counts in a theme's α only within a (batch, group)
 * cell of the pole where at least k completed the theme: a filter down to one pole, or its figures before and after a
 * batch, then never tell whether one person (the only collectivité, say) answered every row.
 */
export class NetworkQuality {
  private readonly coherence: ThemeCoherence;
  private readonly counts: NspCounts;
  /** Each item's theme (−1: none) and each theme's number of items: completeness is counted on the way. */
  private readonly themeOf: Int32Array;
  private readonly themeSize: Int32Array;

  constructor(
    private readonly themes: readonly { items: readonly number[] }[],
    private readonly items: readonly { name: string; label: string }[] | undefined,
    private readonly k: number,
  ) {
    this.coherence = new ThemeCoherence(themes);
    const count = items?.length ?? themes.reduce((m, t) => Math.max(m, ...t.items.map((i) => i + 1)), 0);
    this.counts = emptyNspCounts(count);
    this.themeOf = new Int32Array(count).fill(-1);
    themes.forEach((t, index) => t.items.forEach((i) => (this.themeOf[i] = index)));
    this.themeSize = Int32Array.from(themes, (t) => t.items.length);
  }

  /** A pole with results, grouped as its report groups it: its responses read once, then those that count added. */
  addPole(responses: readonly ValuedResponse[], grouping: CollegeGrouping): void {
    const { k, themeOf, themeSize } = this;
    const where = responses.map((r) => grouping.cellOf(r.batch ?? 1, r.college));
    const items = this.counts.shown.length;
    const themes = themeSize.length;
    const cells = grouping.cellCount;
    const shown = new Int32Array(items * cells);
    const nsp = new Int32Array(items * cells);
    const scored = new Int32Array(themes);
    const complete = new Uint8Array(responses.length * themes);
    const perCell = new Int32Array(cells * themes);
    for (let r = 0; r < responses.length; r++) {
      const { cell, group } = where[r];
      if (group < 0) continue;
      const values = responses[r].items;
      scored.fill(0);
      for (let i = 0, at = cell; i < items; i++, at += cells) {
        const v = values[i];
        if (v === HIDDEN_VALUE) continue;
        shown[at]++;
        if (v === NSP_VALUE) nsp[at]++;
        else if (isScore(v) && themeOf[i] >= 0) scored[themeOf[i]]++;
      }
      for (let t = 0; t < themes; t++) {
        if (themeSize[t] === 0 || scored[t] !== themeSize[t]) continue;
        complete[r * themes + t] = 1;
        perCell[cell * themes + t]++;
      }
    }
    // « nsp » from the cells where at least k were shown the row; α from those where at least k completed the theme.
    for (let at = 0; at < shown.length; at++) {
      if (shown[at] < k) continue;
      const i = Math.floor(at / cells);
      this.counts.shown[i] += shown[at];
      this.counts.nsp[i] += nsp[at];
    }
    for (let r = 0; r < responses.length; r++) {
      for (let t = 0; t < themes; t++) {
        if (complete[r * themes + t] && perCell[where[r].cell * themes + t] >= k) this.coherence.addTo(t, responses[r].items);
      }
    }
  }

  theme(t: number): { alpha: number | null; alphaRespondents: number; nspItems: { name: string; label: string; nspRate: number }[] } {
    const rates = this.themes[t].items
      .map((i) => ({ i, rate: this.counts.shown[i] ? this.counts.nsp[i] / this.counts.shown[i] : null }))
      .filter((x): x is { i: number; rate: number } => x.rate !== null && x.rate > NSP_HIGH)
      .sort((a, b) => b.rate - a.rate);
    return {
      alpha: this.coherence.alpha(t, Math.max(ALPHA_MIN_RESPONDENTS, this.k)),
      alphaRespondents: this.coherence.respondents(t),
      nspItems: rates.map(({ i, rate }) => ({ name: this.items?.[i]?.name ?? String(i), label: this.items?.[i]?.label ?? `Item ${i + 1}`, nspRate: rate })),
    };
  }
}
