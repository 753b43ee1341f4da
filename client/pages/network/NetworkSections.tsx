// Sections of the network dashboard: distributions, frequent weaknesses, participation, profiles, evolution (the
// per-pole tables are in PoleTables.tsx, the comparison of groups in GroupComparison.tsx).
import { DeltaCell } from '../../components/DeltaCell';
import { useMemo, useSyncExternalStore } from 'react';
import type { ChartConfiguration } from 'chart.js';
import { NETWORK_CHART_TITLES, networkDistributionConfig, networkMediansEvolutionConfig } from '../../../reports/charts';
import type { Distribution } from '../../../reports/analysis/network';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { formatCount, formatRate, formatScore } from '../results/scoreFormat';
import type { NetworkResultsView, NetworkThemeResult } from '../../../reports/contract/network';
import { ParticipationCells, ParticipationHeaders } from '../../components/ParticipationCells';
import { filterValuesOf, networkChartSvgPath } from './paths';

const WEB = { print: false } as const;
const asConfig = (c: unknown) => c as ChartConfiguration;
const NARROW = '(max-width: 40rem)';
const subscribeNarrow = (onChange: () => void) => {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
};
/** On phones the theme labels wrap over up to three lines: each theme then needs more height. */
function useRowHeight(wide: number, narrow: number): number {
  return useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches, () => false) ? narrow : wide;
}

const polesText = (n: number) => `${formatCount(n)} pôle${n > 1 ? 's' : ''}`;

// ——— (1) Overall distribution ———

const FIGURES: [keyof Distribution, string][] = [
  ['min', 'Minimum'],
  ['q1', '1er quartile'],
  ['median', 'Médiane'],
  ['q3', '3e quartile'],
  ['max', 'Maximum'],
];

/** A box drawn with CSS on a 0–100 scale (decorative: the figures are printed next to it). */
function MiniBox({ d }: { d: Distribution }) {
  if (d.min === null || d.q1 === null || d.median === null || d.q3 === null || d.max === null) return null;
  const pct = (v: number) => `${Math.min(100, Math.max(0, v))}%`;
  return (
    <div className="mini-box" aria-hidden="true">
      <span className="mini-box-whisker" style={{ left: pct(d.min), width: pct(d.max - d.min) }} />
      <span className="mini-box-iqr" style={{ left: pct(d.q1), width: pct(Math.max(0.5, d.q3 - d.q1)) }} />
      <span className="mini-box-median" style={{ left: pct(d.median) }} />
      <span className="mini-box-scale">
        <span>0</span>
        <span>50</span>
        <span>100</span>
      </span>
    </div>
  );
}

export function OverallDistribution({ results }: { results: NetworkResultsView }) {
  const d = results.overall;
  return (
    <section aria-labelledby="overall-title" className="section" data-testid="network-overall">
      <h2 id="overall-title">Score global des pôles</h2>
      <p className="hint">
        Répartition du score global (moyenne des dimensions internes) des {polesText(d.n)} avec résultats. Scores de 0 (défavorable) à 100 (favorable).
      </p>
      {d.n === 0 ? (
        <p className="empty">Aucun pôle n’a encore assez de réponses.</p>
      ) : (
        <div className="card overall-card">
          <dl className="overall-figures">
            {FIGURES.map(([key, label]) => (
              <div key={key} className={key === 'median' ? 'overall-figure overall-median' : 'overall-figure'}>
                <dt>{label}</dt>
                <dd data-testid={`overall-${key}`}>{formatScore(d[key] as number | null)}</dd>
              </div>
            ))}
          </dl>
          <MiniBox d={d} />
        </div>
      )}
    </section>
  );
}

// ——— (2) Per theme distribution ———

export function ThemeDistributions({ results }: { results: NetworkResultsView }) {
  const config = useMemo(() => asConfig(networkDistributionConfig(results, WEB)), [results]);
  const tableId = 'network-themes-table';
  const rowHeight = useRowHeight(1.7, 3.1);
  const weakLabel = (t: NetworkThemeResult) => (t.factor === 'internal' ? 'faiblesse' : 'menace');
  const title = NETWORK_CHART_TITLES.themes(results.campaign.year);
  return (
    <section aria-labelledby="themes-title" className="section" data-testid="network-themes">
      <h2 id="themes-title">Répartition des scores par thème</h2>
      <p className="hint">
        Pour chaque thème, la barre couvre la moitié centrale des pôles (du 1er au 3e quartile), le trait épais marque la médiane, le rond
        le pôle le plus bas et le carré le plus haut.
      </p>
      {results.polesWithResults > 0 && (
        <figure className="chart-figure">
          <figcaption>{title}</figcaption>
          <ChartCanvas
            config={config}
            height={`${Math.max(16, results.themes.length * rowHeight + 5)}rem`}
            wrapLabelsAt={16}
            describedBy={tableId}
            label={`Boîtes horizontales : pour chacun des ${results.themes.length} thèmes, minimum, quartiles, médiane et maximum des scores des ${results.polesWithResults} pôles avec résultats. Détail dans le tableau qui suit.`}
            download={{ title, fileName: `reseau-${results.campaign.year}-themes`, svgUrl: networkChartSvgPath(results.campaign.id, 'themes', filterValuesOf(results.filters)) }}
          />
        </figure>
      )}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Tableau des répartitions par thème (défilant)">
        <table id={tableId} className="network-table">
          <caption>Scores des pôles par thème : répartition, pôles en faiblesse ou menace, pôles en dissensus</caption>
          <thead>
            <tr>
              <th scope="col">Thème</th>
              <th scope="col" className="num">
                <abbr title="Nombre de pôles avec un score">n</abbr>
              </th>
              <th scope="col" className="num">Min</th>
              <th scope="col" className="num">Q1</th>
              <th scope="col" className="num">Médiane</th>
              <th scope="col" className="num">Q3</th>
              <th scope="col" className="num">Max</th>
              <th scope="col" className="num">Pôles en faiblesse / menace</th>
              <th scope="col" className="num">Pôles en dissensus</th>
            </tr>
          </thead>
          <tbody>
            {results.themes.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  {t.label} <span className="hint">({t.factor === 'internal' ? 'interne' : 'contexte'})</span>
                </th>
                <td className="num">{formatCount(t.distribution.n)}</td>
                <td className="num">{formatScore(t.distribution.min)}</td>
                <td className="num">{formatScore(t.distribution.q1)}</td>
                <td className="num strong">{formatScore(t.distribution.median)}</td>
                <td className="num">{formatScore(t.distribution.q3)}</td>
                <td className="num">{formatScore(t.distribution.max)}</td>
                <td className="num" title={`Pôles où le thème est une ${weakLabel(t)}`}>
                  {formatCount(t.weakPoles)}
                </td>
                <td className="num">{formatCount(t.dissensusPoles)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

// ——— (4) Frequent weaknesses, threats, dissensus ———

function RankedThemes({ title, id, ids, results, count, unit, testId }: { title: string; id: string; ids: string[]; results: NetworkResultsView; count: (t: NetworkThemeResult) => number; unit: string; testId: string }) {
  const byId = new Map(results.themes.map((t) => [t.id, t]));
  const themes = ids.map((i) => byId.get(i)).filter((t): t is NetworkThemeResult => !!t);
  return (
    <section aria-labelledby={id} className="card ranked-themes" data-testid={testId}>
      <h3 id={id}>{title}</h3>
      {themes.length === 0 ? (
        <p className="empty">Aucun thème.</p>
      ) : (
        <ol className="ranked-list">
          {themes.map((t) => (
            <li key={t.id}>
              <span className="ranked-label">{t.label}</span> :{' '}
              <strong>
                {polesText(count(t))}
              </strong>{' '}
              <span className="hint">{unit}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function FrequentThemes({ results }: { results: NetworkResultsView }) {
  return (
    <section aria-labelledby="frequent-title" className="section" data-testid="network-frequent">
      <h2 id="frequent-title">Constats partagés par les pôles</h2>
      <p className="hint">
        Nombre de pôles (sur {results.polesWithResults} avec résultats) où le thème est une faiblesse (score sous {results.thresholds.low}), une menace,
        ou fait l’objet d’un dissensus entre collèges.
      </p>
      <div className="ranked-grid">
        <RankedThemes title="Faiblesses les plus fréquentes" id="frequent-weaknesses-title" ids={results.frequentWeaknesses} results={results} count={(t) => t.weakPoles} unit="en faiblesse" testId="frequent-weaknesses" />
        <RankedThemes title="Menaces les plus fréquentes" id="frequent-threats-title" ids={results.frequentThreats} results={results} count={(t) => t.weakPoles} unit="sous menace" testId="frequent-threats" />
        <RankedThemes title="Dissensus les plus fréquents" id="frequent-dissensus-title" ids={results.dissensus} results={results} count={(t) => t.dissensusPoles} unit="en dissensus" testId="frequent-dissensus" />
      </div>
    </section>
  );
}

// ——— (5) Participation ———

export function NetworkParticipation({ results }: { results: NetworkResultsView }) {
  const { participation } = results;
  return (
    <section aria-labelledby="network-participation-title" className="section" data-testid="network-participation">
      <h2 id="network-participation-title">Participation</h2>
      <p>
        <strong>{formatCount(participation.submitted)}</strong> réponses envoyées sur {formatCount(participation.invited)} personnes invitées (
        {formatRate(participation.submitted, participation.invited)}).
      </p>
      <div className="chart-grid">
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Participation par pôle (défilant)">
          <table data-testid="participation-poles">
            <caption>Participation par pôle</caption>
            <thead>
              <tr>
                <th scope="col">Pôle</th>
                <ParticipationHeaders />
              </tr>
            </thead>
            <tbody>
              {results.poles.map((p) => (
                <tr key={p.id} className={p.available ? undefined : 'row-muted'}>
                  <th scope="row">
                    {p.name}
                    {!p.available && <span className="hint"> (moins de {results.minGroupSize} réponses)</span>}
                  </th>
                  <ParticipationCells invited={p.invited} submitted={p.submitted} />
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row">Total</th>
                <ParticipationCells invited={participation.invited} submitted={participation.submitted} />
              </tr>
            </tfoot>
          </table>
        </div>
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Participation par collège (défilant)">
          <table data-testid="participation-colleges">
            <caption>Participation par collège, tous pôles confondus</caption>
            <thead>
              <tr>
                <th scope="col">Collège</th>
                <ParticipationHeaders />
              </tr>
            </thead>
            <tbody>
              {participation.colleges.map((c) => (
                <tr key={c.college ?? 'none'}>
                  <th scope="row">{c.label}</th>
                  <ParticipationCells invited={c.invited} submitted={c.submitted} />
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </div>
    </section>
  );
}

// ——— (6) Profiles ———

/** The poles per answer of a profile question, the answers no pole gave left out (« – » when none). */
export function CountList({ counts }: { counts: readonly { value: string; label: string; count: number }[] }) {
  const shown = counts.filter((c) => c.count > 0);
  if (shown.length === 0) return <>–</>;
  return (
    <ul className="profile-counts">
      {shown.map((c) => (
        <li key={c.value}>
          {c.label}&nbsp;: <strong>{formatCount(c.count)}</strong>
        </li>
      ))}
    </ul>
  );
}

export function ProfileTable({ results }: { results: NetworkResultsView }) {
  const questions = Object.entries(results.profile);
  return (
    <section aria-labelledby="profile-title" className="section" data-testid="network-profile">
      <h2 id="profile-title">Profil des pôles</h2>
      <p className="hint">Réponses des pôles à leur questionnaire de profil : nombre de pôles par réponse (pour les effectifs de membres, les totaux).</p>
      {questions.length === 0 ? (
        <p className="empty">Aucun profil renseigné.</p>
      ) : (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Profil des pôles (défilant)">
          <table className="profile-table" data-testid="profile-table">
            <caption>Profil des pôles, question par question</caption>
            <thead>
              <tr>
                <th scope="col">Question</th>
                <th scope="col">Réponses</th>
                <th scope="col" className="num">Pôles ayant répondu</th>
              </tr>
            </thead>
            <tbody>
              {questions.map(([name, q]) => {
                return (
                  <tr key={name} data-testid={`profile-${name}`}>
                    <th scope="row">{q.label}</th>
                    <td>
                      <CountList counts={q.counts} />
                    </td>
                    <td className="num">{formatCount(q.answered)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

// ——— (7) Evolution of the network medians ———

export function MediansEvolution({ results }: { results: NetworkResultsView }) {
  const campaigns = [...results.evolution.campaigns].sort((a, b) => a.year - b.year);
  const config = useMemo(() => networkMediansEvolutionConfig(results, WEB), [results]);
  const last = campaigns.at(-1);
  const before = campaigns.at(-2);
  const tableId = 'network-evolution-table';
  const rowHeight = useRowHeight(1.5, 3.1);
  return (
    <section aria-labelledby="network-evolution-title" className="section" data-testid="network-evolution">
      <h2 id="network-evolution-title">Évolution des médianes du réseau</h2>
      {campaigns.length < 2 ? (
        <p className="empty">Première campagne : pas encore d’évolution à montrer.</p>
      ) : (
        <>
          <p className="hint">
            Médiane des scores des pôles pour chaque thème et chaque campagne, avec les mêmes filtres. Pôles avec résultats :{' '}
            {campaigns.map((c) => `${c.polesWithResults} en ${c.year}`).join(', ')}.
          </p>
          {config && (
            <figure className="chart-figure">
              <figcaption>{NETWORK_CHART_TITLES.evolution()}</figcaption>
              <ChartCanvas
                config={asConfig(config)}
                height={`${Math.max(16, results.themes.length * rowHeight + 5)}rem`}
                wrapLabelsAt={16}
                describedBy={tableId}
                label={`Points par thème : médiane du réseau pour les campagnes ${campaigns.map((c) => c.year).join(', ')}. Valeurs dans le tableau qui suit.`}
                download={{
                  title: NETWORK_CHART_TITLES.evolution(),
                  fileName: `reseau-${results.campaign.year}-evolution-medianes`,
                  svgUrl: networkChartSvgPath(results.campaign.id, 'evolution', filterValuesOf(results.filters)),
                }}
              />
            </figure>
          )}
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Médianes du réseau par campagne (défilant)">
            <table id={tableId}>
              <caption>Médiane du réseau par thème et par campagne</caption>
              <thead>
                <tr>
                  <th scope="col">Thème</th>
                  {campaigns.map((c) => (
                    <th key={c.id} scope="col" className="num">
                      {c.year}
                    </th>
                  ))}
                  {last && before && (
                    <th scope="col" className="num">
                      Évolution {before.year}–{last.year}
                    </th>
                  )}
                </tr>
              </thead>
              <tbody>
                {results.themes.map((t) => {
                  const now = last?.medians[t.id] ?? null;
                  const then = before?.medians[t.id] ?? null;
                  const delta = now !== null && then !== null ? now - then : null;
                  return (
                    <tr key={t.id}>
                      <th scope="row">{t.label}</th>
                      {campaigns.map((c) => (
                        <td key={c.id} className="num">
                          {formatScore(c.medians[t.id])}
                        </td>
                      ))}
                      <DeltaCell delta={delta} />
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
