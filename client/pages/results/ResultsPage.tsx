// /poles/:poleId/campagnes/:campaignId/resultats: the pole's dashboard (loaded lazily, with chart.js).
import type { PoleResults } from '../../../reports/types';
import { LoadError, Loading } from '../../components/Messages';
import { canSeePole, RequireStaff } from '../../components/RequireStaff';
import { StaffLayout } from '../../components/StaffLayout';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useResource } from '../../useResource';
import { campaignPagePath } from '../campaign/CampaignPage';
import { DissensusList, EvolutionTable, OptionsList, SwotGrid, VerbatimsList } from './AnalysisSections';
import { BenchmarkSection } from './BenchmarkSection';
import { DimensionsResults, OverviewRadar, ParticipationResults } from './ChartSections';
import { DownloadReportButton } from './DownloadReportButton';
import { reportPdfPath, resultsApiPath } from './paths';
import { formatScore } from './scoreFormat';
import { SectionNav } from '../../components/SectionNav';

function DashboardNav({ results }: { results: PoleResults }) {
  const links: [string, string][] = [
    ['#participation-title', 'Participation'],
    ['#radar-title', 'Vue d’ensemble'],
    ['#dimensions-title', 'Dimensions'],
    ['#dissensus-title', 'Dissensus'],
    ['#swot-title', 'Synthèse'],
    ['#options-title', 'Options stratégiques'],
    ...(results.evolution ? ([['#evolution-title', 'Évolution']] as [string, string][]) : []),
    ...(results.benchmark !== undefined ? ([['#benchmark-title', 'Comparaison avec le réseau']] as [string, string][]) : []),
    ['#verbatims-title', 'Paroles de répondants'],
  ];
  return <SectionNav label="Parties du tableau de bord" links={links} />;
}

function Dashboard({ poleId, campaignId }: { poleId: string; campaignId: string }) {
  const resource = useResource<PoleResults>(resultsApiPath(poleId, campaignId));
  const results = resource.data;
  usePageTitle(results ? `Résultats ${results.campaign.year} – ${results.pole.name}` : 'Résultats');

  return (
    <>
      <p className="breadcrumb">
        <Link to={campaignPagePath(poleId, campaignId)}>← {results ? `Campagne ${results.campaign.year}` : 'Campagne'}</Link>
      </p>
      <header className="results-header">
        <div className="results-title">
          <h1>
            Résultats {results ? results.campaign.year : ''}
            {results && <span className="subtitle"> – {results.pole.name}</span>}
          </h1>
          {results?.available && (
            <p className="overall">
              <span className="overall-label">Score global</span>{' '}
              <span className="overall-value" data-testid="overall-score">
                {formatScore(results.overall)}
              </span>{' '}
              <span className="overall-unit">/ 100</span>
            </p>
          )}
          {results?.available && <p className="hint">Moyenne des dimensions internes du pôle. Scores de 0 (défavorable) à 100 (favorable).</p>}
        </div>
        {results && (
          <DownloadReportButton url={reportPdfPath(poleId, campaignId)} poleName={results.pole.name} year={results.campaign.year} />
        )}
      </header>

      {resource.error && <LoadError error={resource.error} onRetry={() => void resource.reload()} />}
      {!results && !resource.error && <Loading label="Calcul des résultats…" />}

      {results && !results.available && (
        <>
          <div className="alert alert-info" data-testid="results-unavailable" role="status">
            <p>
              <strong>Résultats pas encore disponibles.</strong>
            </p>
            <p>{results.message ?? 'Les résultats ne sont pas encore disponibles pour cette campagne.'}</p>
          </div>
          <ParticipationResults results={results} />
        </>
      )}

      {results && results.available && (
        <>
          <DashboardNav results={results} />
          <ParticipationResults results={results} />
          <OverviewRadar results={results} />
          <DimensionsResults results={results} />
          <DissensusList results={results} />
          <SwotGrid results={results} />
          <OptionsList results={results} />
          <EvolutionTable results={results} />
          <BenchmarkSection results={results} />
          <VerbatimsList results={results} />
        </>
      )}
    </>
  );
}

export default function ResultsPage({ poleId, campaignId }: { poleId: string; campaignId: string }) {
  return (
    <StaffLayout>
      <RequireStaff allow={canSeePole(poleId)}>{() => <Dashboard poleId={poleId} campaignId={campaignId} />}</RequireStaff>
    </StaffLayout>
  );
}
