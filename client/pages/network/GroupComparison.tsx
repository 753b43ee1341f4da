// Groups of poles side by side (legal form, region, age band), after the dashboard's filters: the overall score of
// each group as a chart, and every theme's median and central half per group in a table.
import { useMemo, useState } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { NETWORK_CHART_TITLES, networkGroupsConfig } from '../../../reports/charts';
import { COMPARE_LABELS } from '../../../reports/analysis/network-compare';
import type { CompareBy, Distribution, NetworkComparison } from '../../../reports/contract/network';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { LoadError, Loading } from '../../components/Messages';
import { useResource } from '../../useResource';
import { formatCount, formatScore } from '../results/scoreFormat';
import { networkChartSvgPath, networkCompareApiPath, type NetworkFilterValues } from './paths';

export const COMPARE_CHOICES = Object.entries(COMPARE_LABELS) as [CompareBy, string][];

function Spread({ d }: { d: Distribution | null | undefined }) {
  if (!d || d.median === null) return <>–</>;
  return (
    <>
      <strong>{formatScore(d.median)}</strong>{' '}
      <span className="spread">
        ({formatScore(d.q1)}–{formatScore(d.q3)})
      </span>
    </>
  );
}

const groupKey = (g: NetworkComparison['groups'][number]) => (g.merged ? '(autres)' : (g.value ?? '(non renseigné)'));

function ComparisonView({ comparison, campaignId, filters }: { comparison: NetworkComparison; campaignId: string; filters: NetworkFilterValues }) {
  const config = useMemo(() => networkGroupsConfig(comparison, { print: false }) as unknown as ChartConfiguration, [comparison]);
  const shown = comparison.groups.filter((g) => g.themes !== null);
  const min = comparison.minPoles;
  const title = NETWORK_CHART_TITLES.groups(comparison.label, comparison.campaign.year);
  const tableId = 'compare-groups-table';
  return (
    <>
      <p className="hint">
        Les {formatCount(comparison.polesWithResults)} pôles avec résultats (après les filtres) regroupés par {comparison.label.toLowerCase()}. Un groupe
        n’est présenté seul qu’à partir de {min} pôles ; les plus petits sont réunis dans « autres », qui n’a lui-même de chiffres qu’à partir de {min}{' '}
        pôles. Chaque case donne la médiane du groupe et, entre parenthèses, la moitié centrale de ses pôles (du 1er au 3e quartile).
        {comparison.bands && <> Tranches d’âge, l’année de la campagne : {comparison.bands.map((b) => b.label).join(' ; ')}.</>}
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Groupes comparés (défilant)">
        <table id={tableId} data-testid="compare-groups">
          <caption>Groupes de pôles par {comparison.label.toLowerCase()} : nombre de pôles et score global</caption>
          <thead>
            <tr>
              <th scope="col">Groupe</th>
              <th scope="col" className="num">Pôles</th>
              <th scope="col" className="num">Score global : médiane (Q1–Q3)</th>
            </tr>
          </thead>
          <tbody>
            {comparison.groups.map((g) => (
              <tr key={groupKey(g)}>
                <th scope="row">
                  {g.label}
                  {g.merged && <span className="hint"> ({g.values.map((v) => `${v.label} : ${formatCount(v.poles)}`).join(', ')})</span>}
                </th>
                <td className="num">{formatCount(g.poles)}</td>
                <td className="num">{g.overall ? <Spread d={g.overall} /> : <span className="hint">moins de {min} pôles</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {shown.length === 0 ? (
        <p className="empty">Aucun groupe n’atteint {min} pôles avec résultats : pas de comparaison par thème.</p>
      ) : (
        <>
          <figure className="chart-figure">
            <figcaption>{title}</figcaption>
            <ChartCanvas
              config={config}
              height={`${Math.max(12, shown.length * 2.6 + 6)}rem`}
              wrapLabelsAt={16}
              describedBy={tableId}
              label={`Boîtes horizontales : score global des pôles de chacun des ${shown.length} groupes (minimum, quartiles, médiane, maximum). Valeurs dans le tableau des groupes.`}
              download={{ title, fileName: `reseau-${comparison.campaign.year}-comparaison-${comparison.by}`, svgUrl: networkChartSvgPath(campaignId, 'groups', filters, comparison.by) }}
            />
          </figure>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Comparaison des groupes par thème (défilant)">
            <table className="compare-themes" data-testid="compare-themes">
              <caption>Médiane (et moitié centrale) de chaque thème, par groupe</caption>
              <thead>
                <tr>
                  <th scope="col">Thème</th>
                  {shown.map((g) => (
                    <th key={groupKey(g)} scope="col" className="num">
                      {g.label} ({formatCount(g.poles)})
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {comparison.themes.map((t) => (
                  <tr key={t.id}>
                    <th scope="row">{t.label}</th>
                    {shown.map((g) => (
                      <td key={groupKey(g)} className="num">
                        <Spread d={g.themes?.[t.id]} />
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </>
  );
}

export function GroupComparison({ campaignId, filters }: { campaignId: string; filters: NetworkFilterValues }) {
  const [by, setBy] = useState<CompareBy>('legalForm');
  const resource = useResource<NetworkComparison>(networkCompareApiPath(campaignId, by, filters));
  return (
    <section aria-labelledby="compare-title" className="section" data-testid="network-compare">
      <h2 id="compare-title">Comparer des groupes de pôles</h2>
      <div className="field compare-by-field">
        <label htmlFor="compare-by">Regrouper les pôles par</label>
        <select id="compare-by" value={by} onChange={(e) => setBy(e.target.value as CompareBy)}>
          {COMPARE_CHOICES.map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {resource.error && <LoadError error={resource.error} onRetry={() => void resource.reload()} />}
      {!resource.data && !resource.error && <Loading label="Calcul de la comparaison…" />}
      {resource.data && <ComparisonView comparison={resource.data} campaignId={campaignId} filters={filters} />}
    </section>
  );
}
