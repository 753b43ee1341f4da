// Paths of the network dashboard (kept apart so that the admin page can link to it without loading chart.js).
import type { CompareBy, NetworkFilters } from '../../../reports/contract/network';

export function networkPagePath(campaignId: string): string {
  return `/reseau/campagnes/${encodeURIComponent(campaignId)}`;
}

const campaignApi = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}`;

export function networkResultsApiPath(campaignId: string, search: string): string {
  return `${campaignApi(campaignId)}/results${search}`;
}

/** The comparison of groups of poles, after the same filters. */
export function networkCompareApiPath(campaignId: string, by: CompareBy, filters: NetworkFilterValues): string {
  return `${campaignApi(campaignId)}/compare${query({ by, ...trimmed(filters) })}`;
}

/**
 * The exports and the PDF of what the page shows: same filters; the PDF also with the campaign each pole is compared
 * to and the comparisons the analyst chose.
 */
export const networkExportPaths = (campaignId: string, filters: NetworkFilterValues, report: { compareTo: string | null; compare: CompareBy[] }) => ({
  csvLong: `${campaignApi(campaignId)}/export.csv${query({ format: 'long', ...trimmed(filters) })}`,
  csvWide: `${campaignApi(campaignId)}/export.csv${query({ format: 'wide', ...trimmed(filters) })}`,
  xlsx: `${campaignApi(campaignId)}/export.xlsx${query(trimmed(filters))}`,
  pdf: `${campaignApi(campaignId)}/report.pdf${query({ ...trimmed(filters), compareTo: report.compareTo ?? '', compare: report.compare.join(',') })}`,
});

/** A network chart drawn as SVG by the server (same filters; `by` for the comparison of groups). */
export function networkChartSvgPath(campaignId: string, chart: 'themes' | 'evolution' | 'groups', filters: NetworkFilterValues, by?: CompareBy): string {
  return `${campaignApi(campaignId)}/chart.svg${query({ chart, ...(by ? { by } : {}), ...trimmed(filters) })}`;
}

/** « ?a=1&b=2 » from the non-empty values, or « ». */
function query(values: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(values)) if (value) params.set(key, value);
  const text = params.toString();
  return text ? `?${text}` : '';
}
const trimmed = (filters: NetworkFilterValues): Record<string, string> => Object.fromEntries(Object.entries(filters).map(([k, v]) => [k, v.trim()]));

/** The analyst's filters, as in the query string of the page and of the API. */
export interface NetworkFilterValues {
  region: string;
  legalForm: string;
  minAge: string;
  maxAge: string;
  territoryType: string;
  stage: string;
}

export const NO_FILTERS: NetworkFilterValues = { region: '', legalForm: '', minAge: '', maxAge: '', territoryType: '', stage: '' };
const KEYS = Object.keys(NO_FILTERS) as (keyof NetworkFilterValues)[];

/** The filters a result was computed with, as the form and the query hold them. */
export function filterValuesOf(filters: NetworkFilters): NetworkFilterValues {
  return {
    region: filters.region ?? '', legalForm: filters.legalForm ?? '', minAge: filters.minAge?.toString() ?? '', maxAge: filters.maxAge?.toString() ?? '',
    territoryType: filters.territoryType ?? '', stage: filters.stage ?? '',
  };
}

export function filtersFromSearch(search: string): NetworkFilterValues {
  const params = new URLSearchParams(search);
  const out = { ...NO_FILTERS };
  for (const key of KEYS) out[key] = params.get(key)?.trim() ?? '';
  for (const key of ['minAge', 'maxAge'] as const) if (out[key] && !/^\d{1,3}$/.test(out[key])) out[key] = '';
  return out;
}

/** « ?region=Bretagne&minAge=5 », or « » without filters; `compareTo` (the campaign each pole is compared to) last. */
export function searchFromFilters(filters: NetworkFilterValues, compareTo?: string | null): string {
  return query({ ...trimmed(filters), compareTo: compareTo ?? '' });
}

/** The campaign chosen on the page for each pole's change (none in the query: the previous campaign). */
export function compareToFromSearch(search: string): string | null {
  return new URLSearchParams(search).get('compareTo')?.trim() || null;
}
