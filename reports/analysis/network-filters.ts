// The analyst's filters over poles (region, legal form, age): which poles they keep, what choices they offer, and
// how they are said in French. One definition for the network results, comparison, PDF and exports.
import type { FilterChoices, NetworkFilters } from '../contract/network.ts';
import { formatInteger } from '../format.ts';

export type { NetworkFilters };

/** What a filter reads of a pole: its record's region, and the legal form and founding year of its profile. */
export interface FilteredPole {
  region: string | null;
  legalForm: string | null;
  foundingYear: number | null;
}

/** Whether the pole passes the filters; its age is the campaign's year minus its founding year. */
export function matchesFilters(filters: NetworkFilters, pole: FilteredPole, year: number): boolean {
  if (filters.region && pole.region !== filters.region) return false;
  if (filters.legalForm && pole.legalForm !== filters.legalForm) return false;
  if (filters.minAge !== undefined || filters.maxAge !== undefined) {
    if (pole.foundingYear === null) return false;
    const age = year - pole.foundingYear;
    if (filters.minAge !== undefined && age < filters.minAge) return false;
    if (filters.maxAge !== undefined && age > filters.maxAge) return false;
  }
  return true;
}

/** The filters actually set, from a query that may hold other parameters (empty values dropped). */
export function activeFilters(query: Readonly<NetworkFilters>): NetworkFilters {
  const out: NetworkFilters = {};
  if (query.region) out.region = query.region;
  if (query.legalForm) out.legalForm = query.legalForm;
  if (query.minAge !== undefined) out.minAge = query.minAge;
  if (query.maxAge !== undefined) out.maxAge = query.maxAge;
  return out;
}

const byLabel = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

/**
 * The values some pole has, with their count of poles: legal forms in the profile form's order (labels from its
 * choices), regions alphabetically. Counted over every pole of the campaign, so a choice stays once applied.
 */
export function filterChoices(poles: readonly FilteredPole[], legalFormChoices: readonly { value: unknown; label: string }[]): FilterChoices {
  const count = (values: (string | null)[]) => {
    const counts = new Map<string, number>();
    for (const v of values) if (v !== null && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
    return counts;
  };
  const regions = [...count(poles.map((p) => p.region))].map(([value, n]) => ({ value, label: value, count: n })).sort((a, b) => byLabel.compare(a.label, b.label));
  const forms = count(poles.map((p) => p.legalForm));
  const order = legalFormChoices.map((c) => String(c.value));
  const legalForms = [...forms]
    .map(([value, n]) => ({ value, label: legalFormChoices.find((c) => String(c.value) === value)?.label ?? value, count: n }))
    .sort((a, b) => (order.indexOf(a.value) + 1 || Infinity) - (order.indexOf(b.value) + 1 || Infinity) || byLabel.compare(a.label, b.label));
  return { regions, legalForms };
}

/**
 * The filters in French, as the PDF and the exports state them: « Forme juridique : Association ; pôles d’au
 * moins 5 ans », or « aucun (tous les pôles) ». `legalFormLabel` names a legal form code.
 */
export function describeFilters(filters: NetworkFilters, legalFormLabel: (value: string) => string | undefined): string {
  const parts: string[] = [];
  if (filters.region) parts.push(`Région : ${filters.region}`);
  if (filters.legalForm) parts.push(`Forme juridique : ${legalFormLabel(filters.legalForm) ?? filters.legalForm}`);
  if (filters.minAge !== undefined) parts.push(`pôles d’au moins ${formatInteger(filters.minAge)} ans`);
  if (filters.maxAge !== undefined) parts.push(`pôles d’au plus ${formatInteger(filters.maxAge)} ans`);
  return parts.length ? parts.join(' ; ') : 'aucun (tous les pôles)';
}
