// /reseau/campagnes/:campaignId: the Labo's view of a campaign across poles (admin only; loaded lazily, with chart.js).
// Poles are named here: this page is never shown to pole coordinators.
import { useRef, useState, useSyncExternalStore } from 'react';
import { LoadError, Loading } from '../../components/Messages';
import { isAdmin, RequireStaff } from '../../components/RequireStaff';
import { StaffLayout } from '../../components/StaffLayout';
import { Link, navigate } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useResource } from '../../useResource';
import { DownloadFileButton } from '../../components/DownloadFileButton';
import { NetworkFilters } from './NetworkFilters';
import { FrequentThemes, MediansEvolution, NetworkParticipation, OverallDistribution, ProfileTable, ThemeDistributions } from './NetworkSections';
import { Heatmap, PoleChanges, SupportList } from './PoleTables';
import { NetworkKeyFigures } from './NetworkKeyFigures';
import { COMPARE_CHOICES, GroupComparison } from './GroupComparison';
import { QualitySection } from './QualitySection';
import { NetworkActionsSection } from './NetworkActionsSection';
import {
  compareToFromSearch, filtersFromSearch, filterValuesOf, networkExportPaths, networkResultsApiPath, searchFromFilters, type NetworkFilterValues,
} from './paths';
import { describeFilters } from '../../../reports/analysis/network-filters';
import type { CompareBy, NetworkResultsView } from '../../../reports/contract/network';
import type { Campaign } from '../../../reports/contract/resources';
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
    ['#support-title', 'Pôles à accompagner'],
    ['#themes-title', 'Thèmes'],
    ['#heatmap-title', 'Carte de chaleur'],
    ['#compare-title', 'Groupes de pôles'],
    ['#pole-changes-title', 'Évolution par pôle'],
    ['#frequent-title', 'Constats partagés'],
    ['#network-participation-title', 'Participation'],
    ['#profile-title', 'Profils'],
    ['#network-key-figures-title', 'Chiffres clés'],
    ['#network-evolution-title', 'Évolution des médianes'],
    ['#network-actions-title', 'Plans d’action'],
    ['#quality-title', 'Qualité du questionnaire'],
    ['#exports-title', 'Exports'],
  ];
  return <SectionNav label="Parties du tableau de bord du réseau" links={links} />;
}

/** The exports and the PDF of what the page shows: the filters of the results, and the PDF's own choices. */
function Exports({ results }: { results: NetworkResultsView }) {
  const [compare, setCompare] = useState<CompareBy[]>([]);
  const campaignId = results.campaign.id;
  const year = results.campaign.year;
  const paths = networkExportPaths(campaignId, filterValuesOf(results.filters), { compareTo: results.comparedTo?.id ?? null, compare });
  const legalForms = new Map(results.filterChoices.legalForms.map((c) => [c.value, c.label]));
  const choiceLabel = (filter: 'territoryType' | 'stage', value: string) =>
    (filter === 'territoryType' ? results.filterChoices.territoryTypes : results.filterChoices.stages).find((c) => c.value === value)?.label;
  const toggle = (by: CompareBy, on: boolean) => setCompare((list) => COMPARE_CHOICES.map(([b]) => b).filter((b) => (b === by ? on : list.includes(b))));
  return (
    <section aria-labelledby="exports-title" className="section" data-testid="network-exports">
      <h2 id="exports-title">Exports</h2>
      <p className="hint" data-testid="exports-filters">
        Les exports et le rapport PDF couvrent les pôles retenus par les filtres : {describeFilters(results.filters, (value) => legalForms.get(value), choiceLabel)}.
      </p>
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
        <div className="network-report">
          <fieldset className="report-options">
            <legend>Comparaisons à ajouter au rapport PDF (une partie chacune)</legend>
            {COMPARE_CHOICES.map(([by, label]) => (
              <div key={by} className="checkbox-field">
                <input id={`report-compare-${by}`} type="checkbox" checked={compare.includes(by)} onChange={(e) => toggle(by, e.target.checked)} />
                <label htmlFor={`report-compare-${by}`}>Par {label.toLowerCase()}</label>
              </div>
            ))}
          </fieldset>
          {results.comparedTo && <p className="hint">« Évolution par pôle » depuis {results.comparedTo.year}, comme sur cette page.</p>}
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
      </div>
    </section>
  );
}

function Dashboard({ campaignId }: { campaignId: string }) {
  const search = useSearch();
  const filters = filtersFromSearch(search);
  const chosenCompareTo = compareToFromSearch(search);
  // Each pole's change is shown since the previous campaign unless the analyst chose another (query string).
  const campaigns = useResource<{ campaigns: Campaign[] }>('/api/campaigns');
  const current = campaigns.data?.campaigns.find((c) => c.id === campaignId);
  const earlier = (campaigns.data?.campaigns ?? []).filter((c) => current && c.year < current.year).sort((a, b) => b.year - a.year);
  const compareTo = chosenCompareTo ?? earlier[0]?.id ?? null;
  // Without the list (an error), the results still load, without the change per pole.
  const listSettled = campaigns.data !== null || campaigns.error !== null;
  const apiSearch = searchFromFilters(filters, compareTo);
  const resource = useResource<NetworkResultsView>(listSettled ? networkResultsApiPath(campaignId, apiSearch) : null);
  // While new filters load, the previous results stay on screen (marked as updating) rather than blinking away.
  const last = useRef<NetworkResultsView | null>(null);
  if (resource.data) last.current = resource.data;
  const results = resource.data ?? last.current;
  const updating = resource.loading && !!last.current;
  const year = results?.campaign.year;
  usePageTitle(year ? `Résultats du réseau ${year}` : 'Résultats du réseau');

  function apply(next: NetworkFilterValues) {
    navigate(`${window.location.pathname}${searchFromFilters(next, chosenCompareTo)}`);
  }
  function chooseCompareTo(id: string) {
    navigate(`${window.location.pathname}${searchFromFilters(filters, id)}`, { replace: true });
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

      {results && <NetworkFilters key={searchFromFilters(filters)} value={filters} choices={results.filterChoices} busy={resource.loading} onApply={apply} />}

      {resource.error && <LoadError error={resource.error} onRetry={() => void resource.reload()} />}
      {!results && !resource.error && <Loading label="Calcul des résultats du réseau…" />}

      {results && (
        <div className={updating ? 'network-body network-updating' : 'network-body'} aria-busy={updating}>
          <DashboardNav />
          <OverallDistribution results={results} />
          <SupportList results={results} />
          <ThemeDistributions results={results} />
          <Heatmap results={results} />
          <GroupComparison campaignId={campaignId} filters={filterValuesOf(results.filters)} />
          <PoleChanges results={results} campaigns={earlier} onCompareTo={chooseCompareTo} />
          <FrequentThemes results={results} />
          <NetworkParticipation results={results} />
          <ProfileTable results={results} />
          <NetworkKeyFigures keyFigures={results.keyFigures} />
          <MediansEvolution results={results} />
          <NetworkActionsSection results={results} />
          <QualitySection results={results} />
          <Exports results={results} />
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
