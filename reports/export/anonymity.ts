// k-anonymity of the response exports over the respondent-profile questions (quasi-identifiers: collège group,
// position, seniority, seat in an instance...), and the order-free shuffle of their rows. Pure functions: the
// random source is a parameter (crypto-quality by default).
import type { Cell } from './layout.ts';

export interface QuasiIdentifierColumn {
  key: string;
  /** `levels[l][i]`: row i's value at detail level l, 0 being the answer as given, each next level coarser. */
  levels: readonly (readonly Cell[])[];
  /** Left out only once every other column is (the collège group: the one column analyses compare on). */
  last?: boolean;
}

export interface KAnonymity {
  k: number;
  /** Per column key: the detail level kept (0 = as answered, 1 = generalised...), or null when left out. */
  levels: Record<string, number | null>;
  /** Whether row i is exported: false when its partition has fewer than k rows (no generalisation protects it). */
  kept: boolean[];
  /** How many rows are withheld (kept[i] false). */
  withheld: number;
}

/** Where one row's combination of values is shared by fewer than k rows of its partition: false. */
export function isKAnonymous(
  partitions: readonly string[], columns: readonly QuasiIdentifierColumn[], levels: readonly (number | null)[], k: number, kept?: readonly boolean[],
): boolean {
  const counts = new Map<string, number>();
  const active = columns.flatMap((c, j) => (levels[j] === null ? [] : [c.levels[levels[j] as number]]));
  for (let i = 0; i < partitions.length; i++) {
    if (kept && !kept[i]) continue;
    const key = JSON.stringify([partitions[i], ...active.map((values) => values[i] ?? null)]);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  for (const n of counts.values()) if (n < k) return false;
  return true;
}

/**
 * Chooses one detail level per quasi-identifier column, for all rows at once (one column set per export), so that
 * within every partition (pole × results batch), every combination of the kept values that appears is shared by
 * at least k rows of that partition. Rows of a partition smaller than k are withheld: even with every column
 * left out, their partition would single them out.
 *
 * Deterministic order of the steps, each followed by a check, stopping as soon as k holds:
 *  1. generalise, column by column in the given order (questionnaire order), one level at a time;
 *  2. then leave out columns, one at a time: the one with the most distinct values at its current level (the most
 *     identifying), the first in column order on a tie; `last` columns (the collège group) only when nothing else is left;
 *  3. then give detail back where it costs nothing: column by column, in order, a left-out column comes back at its
 *     coarsest level, and any column is refined one level at a time, each time only if k still holds.
 */
export function kAnonymize(partitions: readonly string[], columns: readonly QuasiIdentifierColumn[], k: number): KAnonymity {
  if (!Number.isInteger(k) || k < 1) throw new RangeError(`k must be a positive integer (got ${k})`);
  const n = partitions.length;
  for (const c of columns) {
    if (c.levels.length === 0 || c.levels.some((values) => values.length !== n)) throw new RangeError(`column ${c.key}: one value per row at each level`);
  }
  const size = new Map<string, number>();
  for (const p of partitions) size.set(p, (size.get(p) ?? 0) + 1);
  const kept = partitions.map((p) => (size.get(p) ?? 0) >= k);
  const level: (number | null)[] = columns.map(() => 0);
  const ok = () => isKAnonymous(partitions, columns, level, k, kept);

  if (!ok()) {
    // 1. Generalise.
    generalise: for (let j = 0; j < columns.length; j++) {
      for (let l = 1; l < columns[j].levels.length; l++) {
        level[j] = l;
        if (ok()) break generalise;
      }
    }
    // 2. Leave out.
    const distinct = (j: number) => {
      const values = new Set<string>();
      const at = columns[j].levels[level[j] as number];
      for (let i = 0; i < n; i++) if (kept[i]) values.add(JSON.stringify(at[i] ?? null));
      return values.size;
    };
    while (!ok()) {
      let candidates = columns.flatMap((c, j) => (level[j] !== null && !c.last ? [j] : []));
      if (!candidates.length) candidates = columns.flatMap((_, j) => (level[j] !== null ? [j] : []));
      if (!candidates.length) break; // unreachable: with no column, every kept partition is one combination of ≥ k rows
      let best = candidates[0];
      let most = distinct(best);
      for (const j of candidates.slice(1)) {
        const d = distinct(j);
        if (d > most) [best, most] = [j, d];
      }
      level[best] = null;
    }
    // 3. Give detail back.
    for (let j = 0; j < columns.length; j++) {
      if (level[j] === null) {
        level[j] = columns[j].levels.length - 1;
        if (!ok()) {
          level[j] = null;
          continue;
        }
      }
      while ((level[j] as number) > 0) {
        level[j] = (level[j] as number) - 1;
        if (!ok()) {
          level[j] = (level[j] as number) + 1;
          break;
        }
      }
    }
  }
  return {
    k,
    levels: Object.fromEntries(columns.map((c, j) => [c.key, level[j]])),
    kept,
    withheld: kept.filter((x) => !x).length,
  };
}

/** A uniform number in [0, 1) from the platform's cryptographic generator (53 random bits). */
export function cryptoRandom(): number {
  const [hi, lo] = globalThis.crypto.getRandomValues(new Uint32Array(2));
  return (hi * 2 ** 21 + (lo >>> 11)) / 2 ** 53;
}

/** Fisher–Yates shuffle, in place. `random` returns a number in [0, 1). */
export function shuffle<T>(items: T[], random: () => number = cryptoRandom): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.min(i, Math.floor(random() * (i + 1)));
    [items[i], items[j]] = [items[j], items[i]];
  }
  return items;
}
