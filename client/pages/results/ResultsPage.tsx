// /poles/:poleId/campagnes/:campaignId/resultats: the pole's dashboard (loaded lazily, with chart.js).
import type { PoleResults, ResultsSnapshot } from '../../../reports/types';
import { LoadError, Loading } from '../../components/Messages';
import { canSeePole, RequireStaff } from '../../components/RequireStaff';
import { StaffLayout } from '../../components/StaffLayout';
import { Link } from '../../router';
import { usePageTitle } from '../../usePageTitle';
import { useResource } from '../../useResource';
import { campaignPagePath } from '../campaign/CampaignPage';
import { DissensusList, EvolutionTable, OptionsList, SwotGrid, VerbatimsList } from './AnalysisSections';
import { BenchmarkSection } from './BenchmarkSection';
import { DimensionsResults, ParticipationResults, ThemesOverview } from './ChartSections';
import { DownloadReportButton } from './DownloadReportButton';
import { FollowUpSection } from './FollowUpSection';
import { KeyFiguresSection } from './KeyFiguresSection';
import { reportPdfPath, resultsApiPath, summaryPdfPath } from './paths';
import { formatScore } from './scoreFormat';
import { SectionNav } from '../../components/SectionNav';
import { followUpTitle } from '../../../reports/vocabulary';
import './results.css';

function DashboardNav({ results }: { results: PoleResults }) {
  const links: [string, string][] = [
    ['#participation-title', 'Participation'],
    ...(results.keyFigures !== undefined ? ([['#key-figures-title', 'Chiffres clés']] as [string, string][]) : []),
    ['#overview-title', 'Vue d’ensemble'],
    ['#dimensions-title', 'Dimensions'],
    ['#dissensus-title', 'Désaccords'],
    ['#swot-title', 'Forces et faiblesses'],
    ['#options-title', 'Options stratégiques'],
    ...(results.followUp?.actions.length ? ([['#follow-up-title', followUpTitle(results.followUp.year)]] as [string, string][]) : []),
    ...(results.evolution ? ([['#evolution-title', 'Évolution']] as [string, string][]) : []),
    ...(results.benchmark !== undefined ? ([['#benchmark-title', 'Comparaison avec le réseau']] as [string, string][]) : []),
    ['#verbatims-title', 'Paroles de répondants'],
  ];
  return <SectionNav label="Parties du tableau de bord" links={links} />;
}

const plural = (n: number, one: string, many: string) => `${n} ${n > 1 ? many : one}`;

/** What the figures rest on: results move only by batches of at least k responses (none of them can be singled out). */
function SnapshotNotice({ snapshot, k }: { snapshot: ResultsSnapshot; k: number }) {
  if (snapshot.provisional) {
    return (
      <div className="alert alert-warning" data-testid="resultats-provisoires">
        <p>
          <strong>Résultats provisoires : la campagne est en cours.</strong> Ils reposent sur{' '}
          {plural(snapshot.responses, 'réponse', 'réponses')} ; prochaine mise à jour au plus tôt à{' '}
          {plural(snapshot.nextUpdateAt, 'réponse envoyée', 'réponses envoyées')} ({snapshot.pending} en attente). Les
          résultats n’évoluent que par paquets d’au moins {k} réponses, et attendent au besoin qu’un collège ne
          s’enrichisse pas d’une seule personne : aucune réponse individuelle ne peut s’en déduire.
        </p>
      </div>
    );
  }
  if (snapshot.pending > 0) {
    return (
      <div className="alert alert-info" data-testid="reponses-non-comptees">
        <p>
          {snapshot.pending > 1
            ? `${snapshot.pending} réponses arrivées après la dernière mise à jour ne sont pas comptées`
            : '1 réponse arrivée après la dernière mise à jour n’est pas comptée'}{' '}
          : il en faut au moins {k} pour que les résultats évoluent, sans qu’aucune réponse individuelle ne puisse s’en
          déduire. Les résultats reposent sur {plural(snapshot.responses, 'réponse', 'réponses')}.
        </p>
      </div>
    );
  }
  return null;
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
          <div className="report-downloads">
            {results.available && (
              <DownloadReportButton url={summaryPdfPath(poleId, campaignId)} document="summary" poleName={results.pole.name} year={results.campaign.year} />
            )}
            <DownloadReportButton url={reportPdfPath(poleId, campaignId)} document="report" poleName={results.pole.name} year={results.campaign.year} />
          </div>
        )}
      </header>

      {resource.error && <LoadError error={resource.error} onRetry={() => void resource.reload()} />}
      {!results && !resource.error && <Loading label="Calcul des résultats…" />}
      {results?.snapshot && <SnapshotNotice snapshot={results.snapshot} k={results.minGroupSize} />}

      {results && !results.available && (
        <>
          <div className="alert alert-info" data-testid="results-unavailable" role="status">
            <p>
              <strong>Résultats pas encore disponibles.</strong>
            </p>
            <p>{results.message ?? 'Les résultats ne sont pas encore disponibles pour cette campagne.'}</p>
          </div>
          <ParticipationResults results={results} />
          <KeyFiguresSection results={results} />
          <FollowUpSection results={results} />
        </>
      )}

      {results && results.available && (
        <>
          <DashboardNav results={results} />
          <ParticipationResults results={results} />
          <KeyFiguresSection results={results} />
          <ThemesOverview results={results} />
          <DimensionsResults results={results} />
          <DissensusList results={results} />
          <SwotGrid results={results} />
          <OptionsList results={results} />
          <FollowUpSection results={results} />
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
