// The analyst's filters over poles (region, legal form, age, territory type, stage): which poles they keep, what
// choices they offer, and how they are said in French. One definition for the network results, comparison, PDF and
// exports.
import type { FilterChoices, NetworkFilters } from '../contract/network.ts';
import { formatInteger } from '../format.ts';

export type { NetworkFilters };

/** What a filter reads of a pole: its record's region, and the legal form, founding year, territory type and stage of its profile. */
export interface FilteredPole {
  region: string | null;
  legalForm: string | null;
  foundingYear: number | null;
  territoryType: string | null;
  stage: string | null;
}

/** The filters on a choice of the profile form: their value is the stored code, said by the choice's label. */
export type ChoiceFilter = 'legalForm' | 'territoryType' | 'stage';
type Choices = readonly { value: unknown; label: string }[];

/** Whether the pole passes the filters; its age is the campaign's year minus its founding year. */
export function matchesFilters(filters: NetworkFilters, pole: FilteredPole, year: number): boolean {
  if (filters.region && pole.region !== filters.region) return false;
  if (filters.legalForm && pole.legalForm !== filters.legalForm) return false;
  if (filters.territoryType && pole.territoryType !== filters.territoryType) return false;
  if (filters.stage && pole.stage !== filters.stage) return false;
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
  if (query.territoryType) out.territoryType = query.territoryType;
  if (query.stage) out.stage = query.stage;
  return out;
}

const byLabel = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

const count = (values: (string | null)[]) => {
  const counts = new Map<string, number>();
  for (const v of values) if (v !== null && v !== '') counts.set(v, (counts.get(v) ?? 0) + 1);
  return counts;
};

/** The values of a choice some pole has, with their count, in the profile form's order (labels from its choices). */
function choiceCounts(values: (string | null)[], choices: Choices): FilterChoices['legalForms'] {
  const order = choices.map((c) => String(c.value));
  return [...count(values)]
    .map(([value, n]) => ({ value, label: choices.find((c) => String(c.value) === value)?.label ?? value, count: n }))
    .sort((a, b) => (order.indexOf(a.value) + 1 || Infinity) - (order.indexOf(b.value) + 1 || Infinity) || byLabel.compare(a.label, b.label));
}

/**
 * The values some pole has, with their count of poles: legal forms, territory types and stages in the profile form's
 * order (labels from its choices), regions alphabetically. Counted over every pole of the campaign, so a choice stays
 * once applied.
 */
export function filterChoices(
  poles: readonly FilteredPole[],
  legalFormChoices: Choices,
  formChoices: { territoryType?: Choices; stage?: Choices } = {},
): FilterChoices {
  const regions = [...count(poles.map((p) => p.region))].map(([value, n]) => ({ value, label: value, count: n })).sort((a, b) => byLabel.compare(a.label, b.label));
  return {
    regions,
    legalForms: choiceCounts(poles.map((p) => p.legalForm), legalFormChoices),
    territoryTypes: choiceCounts(poles.map((p) => p.territoryType), formChoices.territoryType ?? []),
    stages: choiceCounts(poles.map((p) => p.stage), formChoices.stage ?? []),
  };
}

/**
 * The filters in French, as the PDF and the exports state them: « Forme juridique : Association ; pôles d’au
 * moins 5 ans », or « aucun (tous les pôles) ». `legalFormLabel` names a legal form code, `choiceLabel` a territory
 * type or stage code.
 */
export function describeFilters(
  filters: NetworkFilters,
  legalFormLabel: (value: string) => string | undefined,
  choiceLabel: (filter: 'territoryType' | 'stage', value: string) => string | undefined = () => undefined,
): string {
  const parts: string[] = [];
  if (filters.region) parts.push(`Région : ${filters.region}`);
  if (filters.legalForm) parts.push(`Forme juridique : ${legalFormLabel(filters.legalForm) ?? filters.legalForm}`);
  if (filters.territoryType) parts.push(`Type de territoire : ${choiceLabel('territoryType', filters.territoryType) ?? filters.territoryType}`);
  if (filters.stage) parts.push(`Stade de développement : ${choiceLabel('stage', filters.stage) ?? filters.stage}`);
  if (filters.minAge !== undefined) parts.push(`pôles d’au moins ${formatInteger(filters.minAge)} ans`);
  if (filters.maxAge !== undefined) parts.push(`pôles d’au plus ${formatInteger(filters.maxAge)} ans`);
  return parts.length ? parts.join(' ; ') : 'aucun (tous les pôles)';
}
