// Paths of the network dashboard (kept apart so that the admin page can link to it without loading chart.js).
export function networkPagePath(campaignId: string): string {
  return `/reseau/campagnes/${encodeURIComponent(campaignId)}`;
}

const campaignApi = (campaignId: string) => `/api/campaigns/${encodeURIComponent(campaignId)}`;

export function networkResultsApiPath(campaignId: string, search: string): string {
  return `${campaignApi(campaignId)}/results${search}`;
}

export const networkExportPaths = (campaignId: string) => ({
  csvLong: `${campaignApi(campaignId)}/export.csv?format=long`,
  csvWide: `${campaignApi(campaignId)}/export.csv?format=wide`,
  xlsx: `${campaignApi(campaignId)}/export.xlsx`,
  pdf: `${campaignApi(campaignId)}/report.pdf`,
});

/** The analyst's filters, as in the query string of the page and of the API. */
export interface NetworkFilterValues {
  region: string;
  legalForm: string;
  minAge: string;
  maxAge: string;
}

export const NO_FILTERS: NetworkFilterValues = { region: '', legalForm: '', minAge: '', maxAge: '' };
const KEYS = Object.keys(NO_FILTERS) as (keyof NetworkFilterValues)[];

export function filtersFromSearch(search: string): NetworkFilterValues {
  const params = new URLSearchParams(search);
  const out = { ...NO_FILTERS };
  for (const key of KEYS) out[key] = params.get(key)?.trim() ?? '';
  for (const key of ['minAge', 'maxAge'] as const) if (out[key] && !/^\d{1,3}$/.test(out[key])) out[key] = '';
  return out;
}

/** « ?region=Bretagne&minAge=5 », or « » without filters. */
export function searchFromFilters(filters: NetworkFilterValues): string {
  const params = new URLSearchParams();
  for (const key of KEYS) if (filters[key].trim()) params.set(key, filters[key].trim());
  const text = params.toString();
  return text ? `?${text}` : '';
}
