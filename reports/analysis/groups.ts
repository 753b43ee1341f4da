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
}

/**
 * Computed once per set of responses (a pole in a campaign), from response counts only: grouping per theme or item
 * would let two figures with different groupings be subtracted from each other.
 */
export function groupColleges(colleges: readonly { id: string; label: string }[], responseColleges: readonly (string | null)[], k: number): CollegeGrouping {
  const counts = new Map<string, number>(colleges.map((c) => [c.id, 0]));
  let unknown = 0;
  for (const college of responseColleges) {
    if (college !== null && counts.has(college)) counts.set(college, counts.get(college)! + 1);
    else unknown++;
  }
  const present = colleges.filter((c) => counts.get(c.id)! > 0);
  const merged = new Set(present.filter((c) => counts.get(c.id)! < k).map((c) => c.id));
  let mergedSize = unknown + [...merged].reduce((s, id) => s + counts.get(id)!, 0);
  while (mergedSize > 0 && mergedSize < k) {
    // Smallest first; on a tie the one listed last, so the collèges listed first keep their own figures.
    let next: string | null = null;
    for (const c of present) if (!merged.has(c.id) && (next === null || counts.get(c.id)! <= counts.get(next)!)) next = c.id;
    if (next === null) break;
    merged.add(next);
    mergedSize += counts.get(next)!;
  }
  const groups: CollegeGroup[] = present.filter((c) => !merged.has(c.id)).map((c) => ({ id: c.id, label: c.label, colleges: [c.id], size: counts.get(c.id)! }));
  if (mergedSize > 0) groups.push({ id: MERGED_GROUP_ID, label: MERGED_GROUP_LABEL, colleges: present.filter((c) => merged.has(c.id)).map((c) => c.id), size: mergedSize });
  const own = new Set(groups.filter((g) => g.id !== MERGED_GROUP_ID).map((g) => g.id));
  return { groups, groupOf: (college) => (college !== null && own.has(college) ? college : MERGED_GROUP_ID) };
}
