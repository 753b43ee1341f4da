// Which collèges a pole's figures are broken down by. Collèges under k respondents are merged into « Autres
// collèges », and the group is topped up with the smallest other collèges until it reaches k: a merged group under k
// would be hidden while still counted in the pole's totals, and then recovered by subtraction (design/privacy.md).
import { MERGED_GROUP_ID } from '../../surveys/metadata.ts';

export { MERGED_GROUP_ID };
export const MERGED_GROUP_LABEL = 'Autres collèges';

export interface CollegeGroup {
  id: string;
  label: string;
  /** collège ids in the group, questionnaire order */
  colleges: string[];
  /** submitted responses */
  size: number;
}

export interface CollegeGrouping {
  groups: CollegeGroup[];
  /** group id of a response's collège (null or unknown collège → the merged group) */
  groupOf(college: string | null): string;
  /** The group the collège was in when batch `batch` entered the results (groups only ever merge afterwards). */
  groupAt(batch: number, college: string | null): string;
  /**
   * Numbers for a response's (batch, group-of-that-time) cell and its group (index into `groups`), memoised: the
   * network view asks for millions of them.
   */
  cellOf(batch: number, college: string | null): { cell: number; group: number };
  /** How many distinct cells `cellOf` has numbered so far. */
  readonly cellCount: number;
}

/** A submitted response as grouping sees it: its collège, and the results batch it entered (1 when unknown). */
export interface GroupedResponse {
  college: string | null;
  batch?: number;
  /** How many responses this row stands for (1 by default): lets a caller pass counts per (batch, collège). */
  count?: number;
}

/**
 * Computed once per set of responses (a pole in a campaign), from response counts only: grouping per theme or item
 * would let two figures with different groupings be subtracted from each other.
 *
 * Results move by batches (server/db/tickets.ts), so a group must also never grow by 1 to k−1 people from one batch
 * to the next, else comparing its figures before and after gives those people's answers. The groups are therefore
 * built batch after batch: a collège that ever had 1 to k−1 responses in one batch joins « Autres collèges », which
 * is topped up with the smallest other collèges until each batch brings it 0 or at least k responses. A collège
 * never leaves the merged group once in it, so every figure ever shown is a sum of whole (batch, group) cells.
 */
export function groupColleges(
  colleges: readonly { id: string; label: string }[],
  responses: readonly (GroupedResponse | string | null)[],
  k: number,
): CollegeGrouping {
  const known = new Set(colleges.map((c) => c.id));
  const order = new Map(colleges.map((c, i) => [c.id, i]));
  // counts per batch: collège id → n, with the unknown collège under null.
  const perBatch = new Map<number, Map<string | null, number>>();
  for (const r of responses) {
    const { college, batch = 1, count = 1 } = typeof r === 'object' && r !== null ? r : { college: r };
    const key = college !== null && known.has(college) ? college : null;
    const counts = perBatch.get(batch) ?? new Map<string | null, number>();
    counts.set(key, (counts.get(key) ?? 0) + count);
    perBatch.set(batch, counts);
  }
  const batches = [...perBatch.keys()].sort((a, b) => a - b);
  const small = (n: number) => n > 0 && n < k;
  const merged = new Set<string>();
  const mergedAt = new Map<number, ReadonlySet<string>>();
  const total = new Map<string, number>();
  // The merged group's count in each batch seen so far, kept up to date as collèges join it, and how many of those
  // counts are small: checked in constant time however many batches a large pole has.
  const mergedCount = new Map<number, number>();
  let smallBatches = 0;
  const setMerged = (x: number, n: number) => {
    smallBatches += (small(n) ? 1 : 0) - (small(mergedCount.get(x) ?? 0) ? 1 : 0);
    mergedCount.set(x, n);
  };
  const join = (c: string) => {
    merged.add(c);
    for (const [x, n] of mergedCount) {
      const add = perBatch.get(x)!.get(c) ?? 0;
      if (add) setMerged(x, n + add);
    }
  };
  for (const b of batches) {
    const counts = perBatch.get(b)!;
    setMerged(b, [...counts].reduce((s, [c, n]) => s + (c === null || merged.has(c) ? n : 0), 0));
    for (const [c, n] of counts) if (c !== null) total.set(c, (total.get(c) ?? 0) + n);
    // Only this batch can make a collège small now: earlier ones were checked as they came.
    for (const [c, n] of counts) if (c !== null && !merged.has(c) && small(n)) join(c);
    while (smallBatches > 0) {
      // Smallest first; on a tie the one listed last, so the collèges listed first keep their own figures.
      let next: string | null = null;
      for (const [c, n] of total) {
        if (merged.has(c)) continue;
        if (next === null || n < total.get(next)! || (n === total.get(next)! && order.get(c)! > order.get(next)!)) next = c;
      }
      if (next === null) break;
      join(next);
    }
    mergedAt.set(b, new Set(merged));
  }

  const unknown = batches.reduce((s, b) => s + (perBatch.get(b)!.get(null) ?? 0), 0);
  const present = colleges.filter((c) => (total.get(c.id) ?? 0) > 0);
  const groups: CollegeGroup[] = present.filter((c) => !merged.has(c.id)).map((c) => ({ id: c.id, label: c.label, colleges: [c.id], size: total.get(c.id)! }));
  const mergedSize = unknown + present.filter((c) => merged.has(c.id)).reduce((s, c) => s + total.get(c.id)!, 0);
  if (mergedSize > 0) groups.push({ id: MERGED_GROUP_ID, label: MERGED_GROUP_LABEL, colleges: present.filter((c) => merged.has(c.id)).map((c) => c.id), size: mergedSize });
  const own = (set: ReadonlySet<string>, college: string | null) => (college !== null && known.has(college) && !set.has(college) ? college : MERGED_GROUP_ID);
  const groupIndex = new Map(groups.map((g, i) => [g.id, i]));
  const cells = new Map<number, Map<string | null, { cell: number; group: number }>>();
  const cellIds = new Map<string, number>();
  const grouping: CollegeGrouping = {
    groups,
    groupOf: (college) => own(merged, college),
    groupAt: (batch, college) => own(mergedAt.get(batch) ?? merged, college),
    cellOf(batch, college) {
      let byCollege = cells.get(batch);
      if (!byCollege) cells.set(batch, (byCollege = new Map()));
      let found = byCollege.get(college);
      if (!found) {
        const key = `${batch}|${grouping.groupAt(batch, college)}`;
        let cell = cellIds.get(key);
        if (cell === undefined) cellIds.set(key, (cell = cellIds.size));
        found = { cell, group: groupIndex.get(grouping.groupOf(college)) ?? -1 };
        byCollege.set(college, found);
      }
      return found;
    },
    get cellCount() {
      return cellIds.size;
    },
  };
  return grouping;
}

/** Past this many responses waiting, results move even if a collège must merge: they may not lag for ever. */
export const MAX_WAITING_BATCHES = 3;

/**
 * Whether the responses waiting outside the results (batch 0) may enter them now, as one new batch. At least k
 * must wait; and, so that collège breakdowns survive, the batch waits until it merges no collège shown on its own
 * today (e.g. one lone new ESS response among Collectivités ones), unless MAX_WAITING_BATCHES × k are waiting.
 */
export function readyForNextBatch(colleges: readonly { id: string; label: string }[], rows: readonly GroupedResponse[], k: number): boolean {
  const waiting = rows.filter((r) => r.batch === 0);
  const waitingCount = waiting.reduce((s, r) => s + (r.count ?? 1), 0);
  if (waitingCount < k) return false;
  if (waitingCount >= MAX_WAITING_BATCHES * k) return true;
  const included = rows.filter((r) => (r.batch ?? 1) > 0);
  const next = included.reduce((m, r) => Math.max(m, r.batch ?? 1), 0) + 1;
  const now = groupColleges(colleges, included, k);
  const after = groupColleges(colleges, [...included, ...waiting.map((r) => ({ ...r, batch: next }))], k);
  return now.groups.every((g) => g.id === MERGED_GROUP_ID || after.groupOf(g.id) === g.id);
}
