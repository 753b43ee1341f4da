// Groups of poles side by side (by legal form, region or age band): each group's count of poles and the
// distribution of its overall and theme scores. A group needs COMPARE_MIN_POLES poles with results to stand alone:
// a median over two or three poles says more about those poles than about a kind of pole. Smaller groups are
// merged into « autres », which is itself shown only once it reaches that size.
import type { CompareBy, NetworkComparison, NetworkPoleResult, NetworkResults } from '../contract/network.ts';
import { distribution } from './network.ts';

export const COMPARE_MIN_POLES = 5;

export const COMPARE_LABELS: Record<CompareBy, string> = { legalForm: 'Forme juridique', region: 'Région', ageBand: 'Âge du pôle' };

/** Age of the pole in the campaign's year, bounds included; the last band is open. */
export const AGE_BANDS: NonNullable<NetworkComparison['bands']> = [
  { id: 'moins-de-5-ans', label: 'moins de 5 ans', minAge: 0, maxAge: 4 },
  { id: '5-a-9-ans', label: '5 à 9 ans', minAge: 5, maxAge: 9 },
  { id: '10-a-14-ans', label: '10 à 14 ans', minAge: 10, maxAge: 14 },
  { id: '15-ans-et-plus', label: '15 ans et plus', minAge: 15, maxAge: null },
];

const UNKNOWN = { legalForm: 'forme juridique non renseignée', region: 'région non renseignée', ageBand: 'année de création non renseignée' } satisfies Record<CompareBy, string>;
const MERGED_LABEL = 'autres';

/** The age band of a pole founded in `foundedYear`, at the campaign of `year`; null when unknown (or founded later). */
export function ageBandOf(foundedYear: number | null, year: number): (typeof AGE_BANDS)[number] | null {
  if (foundedYear === null) return null;
  const age = year - foundedYear;
  return AGE_BANDS.find((b) => age >= b.minAge && (b.maxAge === null || age <= b.maxAge)) ?? null;
}

/** What a pole is grouped by: its value (null when not stated) and that value's label. */
function keyOf(by: CompareBy, results: NetworkResults): (pole: NetworkPoleResult) => { value: string | null; label: string } {
  if (by === 'region') return (p) => ({ value: p.region, label: p.region ?? UNKNOWN.region });
  if (by === 'ageBand') {
    return (p) => {
      const band = ageBandOf(p.foundedYear, results.campaign.year);
      return band ? { value: band.id, label: band.label } : { value: null, label: UNKNOWN.ageBand };
    };
  }
  const labels = new Map((Object.values(results.profile).find((q) => q.role === 'legalForm')?.counts ?? []).map((c) => [c.value, c.label]));
  return (p) => ({ value: p.legalForm, label: p.legalForm === null ? UNKNOWN.legalForm : (labels.get(p.legalForm) ?? p.legalForm) });
}

const byLabel = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/** Compares the poles with results of `results` (already filtered) by `by`. */
export function comparePoles(results: NetworkResults, by: CompareBy, minPoles = COMPARE_MIN_POLES): Omit<NetworkComparison, 'filters'> {
  const key = keyOf(by, results);
  const withResults = results.poles.filter((p) => p.available);
  const values = new Map<string | null, { value: string | null; label: string; poles: NetworkPoleResult[] }>();
  for (const pole of withResults) {
    const { value, label } = key(pole);
    const entry = values.get(value);
    if (entry) entry.poles.push(pole);
    else values.set(value, { value, label, poles: [pole] });
  }
  // Largest first, then by label (age bands in their own order), a value not stated last.
  const bandOrder = (v: string | null) => AGE_BANDS.findIndex((b) => b.id === v);
  const ordered = [...values.values()].sort(
    (a, b) =>
      Number(a.value === null) - Number(b.value === null) ||
      (by === 'ageBand' ? bandOrder(a.value) - bandOrder(b.value) : b.poles.length - a.poles.length || byLabel.compare(a.label, b.label)),
  );
  const standing = ordered.filter((v) => v.poles.length >= minPoles);
  const rest = ordered.filter((v) => v.poles.length < minPoles);

  const figures = (poles: NetworkPoleResult[]) =>
    poles.length < minPoles
      ? { overall: null, themes: null }
      : {
          overall: distribution(poles.map((p) => p.overall)),
          themes: Object.fromEntries(results.themes.map((t, i) => [t.id, distribution(poles.map((p) => p.scores[i]))])),
        };
  const groups: NetworkComparison['groups'] = standing.map((v) => ({
    value: v.value,
    label: v.label,
    merged: false,
    poles: v.poles.length,
    values: [{ value: v.value, label: v.label, poles: v.poles.length }],
    ...figures(v.poles),
  }));
  if (rest.length) {
    const poles = rest.flatMap((v) => v.poles);
    groups.push({
      value: null,
      label: MERGED_LABEL,
      merged: true,
      poles: poles.length,
      values: rest.map((v) => ({ value: v.value, label: v.label, poles: v.poles.length })),
      ...figures(poles),
    });
  }
  return {
    campaign: results.campaign,
    by,
    label: COMPARE_LABELS[by],
    minPoles,
    polesWithResults: withResults.length,
    bands: by === 'ageBand' ? AGE_BANDS : null,
    themes: results.themes.map(({ id, label, dimension, factor }) => ({ id, label, dimension, factor })),
    groups,
  };
}
