// The network exports after the dashboard's filters: which poles they keep, and how the file says so (an
// `X-Export-Filters` header, and a row of the XLSX dictionary).
import type { AppDeps } from './context.ts';
import type { Campaign } from './db/index.ts';
import { networkFiltersText, networkPoleIds, type NetworkFilters } from './network-results.ts';

/** First cell of the dictionary's filters row (as `(anonymisation)` heads its note row). */
export const FILTERS_LABEL = '(filtres)';

export interface NetworkExportScope {
  /** Whether any filter is set (else every pole is kept). */
  filtered: boolean;
  poleIds: ReadonlySet<string>;
  /** « Filtres : Forme juridique : Association », or « Filtres : aucun (tous les pôles) ». */
  text: string;
  /** The text as a header value: UTF-8, percent-encoded (only ASCII on the wire, as `X-Export-Note`). */
  header: string;
}

export function networkExportScope(deps: AppDeps, campaign: Campaign, filters: NetworkFilters): NetworkExportScope {
  const text = `Filtres : ${networkFiltersText(deps, campaign, filters)}`;
  return { filtered: Object.keys(filters).length > 0, poleIds: networkPoleIds(deps, campaign, filters), text, header: encodeURIComponent(text) };
}
