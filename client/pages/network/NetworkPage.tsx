// /reseau/campagnes/:campaignId: the Labo's view of a campaign across poles (admin only; loaded lazily, with chart.js).
// Poles are named here: this page is never shown to pole coordinators.
import { useRef, useSyncExternalStore } from 'react';
import { LoadError, Loading } from '../../components/Messages';
import { isAdmin, RequireStaff } from '../../components/RequireStaff';
import { StaffLayout } from '../../components/StaffLayout';
import { Link, navigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useResource } from '../../useResource';
import { DownloadFileButton } from '../../components/DownloadFileButton';
import { NetworkFilters } from './NetworkFilters';
import { FrequentThemes, Heatmap, MediansEvolution, NetworkParticipation, OverallDistribution, ProfileTable, ThemeDistributions } from './NetworkSections';
import { filtersFromSearch, networkExportPaths, networkResultsApiPath, searchFromFilters, type NetworkFilterValues } from './paths';
import type { NetworkResultsView } from '../../../reports/contract/network';
import './network.css';
import { SectionNav } from '../../components/SectionNav';

function subscribeSearch(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener('ptce:navigate', onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener('ptce:navigate', onChange);
  };
}

/** The query string, kept in step with the history (filters applied, back button). */
function useSearch(): string {
  return useSyncExternalStore(subscribeSearch, () => window.location.search);
}

function DashboardNav() {
  const links: [string, string][] = [
    ['#overall-title', 'Score global'],
    ['#themes-title', 'Thèmes'],
    ['#heatmap-title', 'Carte de chaleur'],
    ['#frequent-title', 'Constats partagés'],
    ['#network-participation-title', 'Participation'],
    ['#profile-title', 'Profils'],
    ['#network-evolution-title', 'Évolution'],
    ['#exports-title', 'Exports'],
  ];
  return <SectionNav label="Parties du tableau de bord du réseau" links={links} />;
}

function Exports({ campaignId, year }: { campaignId: string; year: number }) {
  const paths = networkExportPaths(campaignId);
  return (
    <section aria-labelledby="exports-title" className="section" data-testid="network-exports">
      <h2 id="exports-title">Exports</h2>
      <p className="hint">Les exports de réponses couvrent tous les pôles de la campagne, sans les filtres ci-dessus.</p>
      <div className="network-exports">
        <ul className="export-links">
          <li>
            <a className="button-link" href={paths.csvLong} download data-testid="export-csv-long">
              Exporter (CSV long)
            </a>
          </li>
          <li>
            <a className="button-link" href={paths.csvWide} download data-testid="export-csv-wide">
              CSV large
            </a>
          </li>
          <li>
            <a className="button-link" href={paths.xlsx} download data-testid="export-xlsx">
              Classeur Excel
            </a>
          </li>
        </ul>
        <DownloadFileButton
          url={paths.pdf}
          fileName={`rapport-reseau-${year}.pdf`}
          accept="application/pdf"
          label="Rapport PDF du réseau"
          busyLabel="Préparation du rapport…"
          doneLabel="Rapport téléchargé."
          testId="download-network-pdf"
          forbiddenMessage="Ce document est réservé au Labo."
          className="network-download"
        />
      </div>
    </section>
  );
}

function Dashboard({ campaignId }: { campaignId: string }) {
  const search = useSearch();
  const filters = filtersFromSearch(search);
  const apiSearch = searchFromFilters(filters);
  const resource = useResource<NetworkResultsView>(networkResultsApiPath(campaignId, apiSearch));
  // While new filters load, the previous results stay on screen (marked as updating) rather than blinking away.
  const last = useRef<NetworkResultsView | null>(null);
  if (resource.data) last.current = resource.data;
  const results = resource.data ?? last.current;
  const updating = resource.loading && !!last.current;
  // Regions are offered from every result seen so far, so narrowing the view does not empty the list.
  const regions = useRef(new Set<string>());
  for (const p of results?.poles ?? []) if (p.region) regions.current.add(p.region);
  if (filters.region) regions.current.add(filters.region);
  const regionList = [...regions.current].sort((a, b) => a.localeCompare(b, 'fr'));
  const legalForms = (Object.values(results?.profile ?? {}).find((q) => q.role === 'legalForm')?.counts ?? []).map((c) => ({ value: c.value, label: c.label }));
  const year = results?.campaign.year;
  usePageTitle(year ? `Résultats du réseau ${year}` : 'Résultats du réseau');

  function apply(next: NetworkFilterValues) {
    navigate(`${window.location.pathname}${searchFromFilters(next)}`);
  }

  const withResults = results?.polesWithResults ?? 0;
  return (
    <>
      <p className="breadcrumb">
        <Link to="/admin#campagnes">← Administration</Link>
      </p>
      <header className="results-header">
        <div className="results-title">
          <h1>
            Résultats du réseau {year ?? ''}
            <span className="subtitle"> – vue du Labo</span>
          </h1>
          {results && (
            <p className="network-counts" data-testid="network-counts" aria-live="polite">
              {results.poles.length} pôle{results.poles.length > 1 ? 's' : ''}, {withResults} avec résultats
              {updating && <span className="hint"> (mise à jour…)</span>}
            </p>
          )}
          {results && (
            <p className="hint">
              Seuils d’anonymat : un pôle n’a de résultats qu’à partir de {results.minGroupSize} réponses. Faiblesse sous {results.thresholds.low}, force à
              partir de {results.thresholds.high}.
            </p>
          )}
        </div>
      </header>

      {results && (
        <NetworkFilters key={apiSearch} value={filters} regions={regionList} legalForms={legalForms} busy={resource.loading} onApply={apply} />
      )}

      {resource.error && <LoadError error={resource.error} onRetry={() => void resource.reload()} />}
      {!results && !resource.error && <Loading label="Calcul des résultats du réseau…" />}

      {results && (
        <div className={updating ? 'network-body network-updating' : 'network-body'} aria-busy={updating}>
          <DashboardNav />
          <OverallDistribution results={results} />
          <ThemeDistributions results={results} />
          <Heatmap results={results} />
          <FrequentThemes results={results} />
          <NetworkParticipation results={results} />
          <ProfileTable results={results} />
          <MediansEvolution results={results} />
          <Exports campaignId={campaignId} year={results.campaign.year} />
        </div>
      )}
    </>
  );
}

export default function NetworkPage({ campaignId }: { campaignId: string }) {
  return (
    <StaffLayout>
      <RequireStaff allow={isAdmin}>{() => <Dashboard campaignId={campaignId} />}</RequireStaff>
    </StaffLayout>
  );
}
