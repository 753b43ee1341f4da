// Sorting the network's pole tables (heatmap, change per pole): by name, overall score, weaknesses, dissensus,
// participation, change, or one theme. Poles without a value (no results, no change) always come last, so that
// sorting « lowest first » never opens on empty rows.
import type { NetworkPoleResult } from '../../../reports/contract/network';

export type PoleSortKey =
  | 'name'
  | 'overall'
  | 'weaknesses'
  | 'dissensusThemes'
  | 'participation'
  | 'change'
  | `theme:${string}`
  | `change:${string}`;

export type SortDirection = 'ascending' | 'descending';

export interface PoleSort {
  key: PoleSortKey;
  direction: SortDirection;
}

export const BY_NAME: PoleSort = { key: 'name', direction: 'ascending' };

/** A first click shows what needs attention first: the most weaknesses or dissensus, else the lowest values. */
export function firstDirection(key: PoleSortKey): SortDirection {
  return key === 'weaknesses' || key === 'dissensusThemes' ? 'descending' : 'ascending';
}

/** Clicking the sorted column turns it round; another column starts in its own first direction. */
export function nextSort(current: PoleSort, key: PoleSortKey): PoleSort {
  if (current.key === key) return { key, direction: current.direction === 'ascending' ? 'descending' : 'ascending' };
  return { key, direction: firstDirection(key) };
}

type Pole = Pick<NetworkPoleResult, 'id' | 'name' | 'available' | 'overall' | 'scores' | 'weaknesses' | 'dissensusThemes' | 'invited' | 'submitted' | 'change'>;

/** The value a pole is sorted by (null: no value, sorted last). `themeIndex` finds a theme's column in `scores`. */
function sortValue(pole: Pole, key: PoleSortKey, themeIndex: (id: string) => number): number | string | null {
  if (key === 'name') return pole.name;
  if (key === 'participation') return pole.invited ? pole.submitted / pole.invited : null;
  if (key === 'change') return pole.change?.overall ?? null;
  if (key.startsWith('change:')) return pole.change?.themes[key.slice('change:'.length)] ?? null;
  if (!pole.available) return null;
  if (key === 'overall') return pole.overall;
  if (key === 'weaknesses') return pole.weaknesses;
  if (key === 'dissensusThemes') return pole.dissensusThemes;
  const index = themeIndex(key.slice('theme:'.length));
  return index < 0 ? null : (pole.scores[index] ?? null);
}

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** A sorted copy: values in the direction asked, ties and missing values by name. */
export function sortPoles<P extends Pole>(poles: readonly P[], sort: PoleSort, themeIds: readonly string[]): P[] {
  const index = new Map(themeIds.map((id, i) => [id, i]));
  const themeIndex = (id: string) => index.get(id) ?? -1;
  const sign = sort.direction === 'ascending' ? 1 : -1;
  const keyed = poles.map((pole) => ({ pole, value: sortValue(pole, sort.key, themeIndex) }));
  keyed.sort((a, b) => {
    if (a.value === null || b.value === null) return (a.value === null ? 1 : 0) - (b.value === null ? 1 : 0) || byName.compare(a.pole.name, b.pole.name);
    const order = typeof a.value === 'string' ? byName.compare(a.value, String(b.value)) : a.value - (b.value as number);
    return sign * order || byName.compare(a.pole.name, b.pole.name);
  });
  return keyed.map((k) => k.pole);
}
