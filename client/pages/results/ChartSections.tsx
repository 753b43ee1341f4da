// Dashboard sections drawn with the shared chart.js configurations (reports/charts.ts): participation, radar, dimensions.
import { useMemo } from 'react';
import { collegeBarsConfig, participationConfig, themeBarsConfig, themeRadarConfig } from '../../../reports/charts';
import type { ChartConfiguration } from 'chart.js';
import type { CollegeScore, DimensionResult, PoleResults, ThemeResult } from '../../../reports/types';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { FACTOR_LABEL, SWOT_LABEL } from './labels';
import { formatCount, formatRate, formatScore } from './scoreFormat';
import { ParticipationCells, ParticipationHeaders } from '../../components/ParticipationCells';

const WEB = { print: false } as const;
const asConfig = (c: unknown) => c as ChartConfiguration;

/** Height of a horizontal bar chart: enough room per bar for its label. */
const barsHeight = (count: number) => `${Math.max(10, count * 2.6 + 4)}rem`;

export function ParticipationResults({ results }: { results: PoleResults }) {
  const { participation } = results;
  const config = useMemo(() => asConfig(participationConfig(results, WEB)), [results]);
  const summary = `Graphique en barres : personnes invitées et réponses envoyées par collège. ${participation.submitted} réponses envoyées sur ${participation.invited} invitations au total.`;
  return (
    <section aria-labelledby="participation-title" className="section" data-testid="results-participation">
      <h2 id="participation-title">Participation par collège</h2>
      <p>
        <strong>{formatCount(participation.submitted)}</strong> réponses envoyées sur {formatCount(participation.invited)} personnes invitées (
        {formatRate(participation.submitted, participation.invited)}).
      </p>
      {participation.warnings.length > 0 && (
        <div className="alert alert-warning" data-testid="participation-warnings">
          <p>
            <strong>Attention à la représentativité</strong>
          </p>
          <ul>
            {participation.warnings.map((w) => (
              <li key={w}>{w}</li>
            ))}
          </ul>
        </div>
      )}
      <figure className="chart-figure chart-participation">
        <figcaption>Invités et réponses envoyées, par collège</figcaption>
        <ChartCanvas config={config} label={summary} height="18rem" wrapLabelsAt={14} describedBy="participation-table" />
      </figure>
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Tableau de participation (défilant)">
        <table id="participation-table">
          <caption>Participation par collège</caption>
          <thead>
            <tr>
              <th scope="col">Collège</th>
              <ParticipationHeaders />
              <th scope="col" className="num">Membres (profil)</th>
            </tr>
          </thead>
          <tbody>
            {participation.colleges.map((c) => (
              <tr key={c.college}>
                <th scope="row">{c.label}</th>
                <ParticipationCells invited={c.invited} submitted={c.submitted} />
                <td className="num">{formatCount(c.members)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              <ParticipationCells invited={participation.invited} submitted={participation.submitted} />
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
    </section>
  );
}

export function OverviewRadar({ results }: { results: PoleResults }) {
  const config = useMemo(() => asConfig(themeRadarConfig(results, WEB)), [results]);
  const previous = results.evolution?.previousCampaign.year;
  const previousById = new Map(results.evolution?.themes.map((t) => [t.id, t.previous]) ?? []);
  const summary =
    `Radar des scores de ${results.themes.length} thèmes sur 100 en ${results.campaign.year}` +
    (previous ? `, comparés à ${previous}` : '') +
    '. Les valeurs figurent dans le tableau « Données du radar ».';
  return (
    <section aria-labelledby="radar-title" className="section">
      <h2 id="radar-title">Vue d’ensemble des thèmes</h2>
      <p className="hint">
        Scores de 0 à 100 : plus le score est élevé, plus le thème est jugé favorable.
        {previous ? ` En pointillés : la campagne ${previous}.` : ''}
      </p>
      <figure className="chart-figure chart-radar">
        <figcaption className="visually-hidden">Radar des scores par thème</figcaption>
        <p className="hint narrow-only" aria-hidden="true">
          Faites défiler le graphique de côté pour le voir en entier.
        </p>
        <ChartCanvas config={config} label={summary} describedBy="radar-data" height="clamp(26rem, 55vw, 40rem)" minWidth="38rem" />
      </figure>
      <details className="chart-data">
        <summary>Données du radar (tableau)</summary>
        <div className="table-wrap">
          <table id="radar-data">
            <caption>Score par thème</caption>
            <thead>
              <tr>
                <th scope="col">Thème</th>
                <th scope="col" className="num">{results.campaign.year}</th>
                {previous && (
                  <th scope="col" className="num">
                    {previous}
                  </th>
                )}
              </tr>
            </thead>
            <tbody>
              {results.themes.map((t) => (
                <tr key={t.id}>
                  <th scope="row">{t.label}</th>
                  <td className="num">{formatScore(t.score)}</td>
                  {previous && <td className="num">{formatScore(previousById.get(t.id))}</td>}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </section>
  );
}

function CollegeCell({ scores }: { scores: CollegeScore[] }) {
  if (scores.length === 0) return <>{'–'}</>;
  return (
    <ul className="college-scores">
      {scores.map((c) => (
        <li key={c.college}>
          {c.label} :{' '}
          {c.suppressed ? (
            <span className="suppressed">effectif insuffisant</span>
          ) : (
            <>
              {formatScore(c.score)} <span className="hint">(n = {c.n})</span>
            </>
          )}
        </li>
      ))}
    </ul>
  );
}

function DimensionResults({ results, dimension }: { results: PoleResults; dimension: DimensionResult }) {
  const themes: ThemeResult[] = results.themes.filter((t) => t.dimension === dimension.id);
  const bars = useMemo(() => asConfig(themeBarsConfig(results, dimension.id, WEB)), [results, dimension.id]);
  const colleges = useMemo(() => asConfig(collegeBarsConfig(results, dimension.id, WEB)), [results, dimension.id]);
  const tableId = `dimension-${dimension.id}-table`;
  const titleId = `dimension-${dimension.id}-title`;
  const shownColleges = (colleges.data.datasets ?? []).length;
  return (
    <section aria-labelledby={titleId} className="dimension card" data-testid={`dimension-${dimension.id}`}>
      <div className="dimension-head">
        <h3 id={titleId}>{dimension.label}</h3>
        <p className="score-pill">
          <span className="visually-hidden">Score de la dimension : </span>
          <strong>{formatScore(dimension.score)}</strong> / 100
        </p>
      </div>
      <p className="hint">Dimension des {FACTOR_LABEL[dimension.factor]}.</p>
      <div className="chart-grid">
        <figure className="chart-figure">
          <figcaption>Score par thème</figcaption>
          <ChartCanvas
            config={bars}
            height={barsHeight(themes.length)}
            wrapLabelsAt={18}
            describedBy={tableId}
            label={`Barres horizontales : score sur 100 de chacun des ${themes.length} thèmes de la dimension « ${dimension.label} ». Détail dans le tableau qui suit.`}
          />
        </figure>
        <figure className="chart-figure">
          <figcaption>Comparaison des collèges</figcaption>
          {shownColleges > 0 ? (
            <ChartCanvas
              config={colleges}
              height="22rem"
              wrapLabelsAt={16}
              describedBy={tableId}
              label={`Barres groupées : score sur 100 de chaque thème de la dimension « ${dimension.label} » pour ${shownColleges} collèges assez nombreux pour être montrés. Détail dans le tableau qui suit.`}
            />
          ) : (
            <p className="hint">Aucun collège ne compte assez de répondants pour être montré séparément.</p>
          )}
        </figure>
      </div>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`Tableau des thèmes « ${dimension.label} » (défilant)`}>
        <table id={tableId}>
          <caption>Thèmes de la dimension « {dimension.label} »</caption>
          <thead>
            <tr>
              <th scope="col">Thème</th>
              <th scope="col" className="num">Score</th>
              <th scope="col" className="num">Score brut</th>
              <th scope="col" className="num">n</th>
              <th scope="col" className="num">Écart entre collèges</th>
              <th scope="col">Par collège</th>
            </tr>
          </thead>
          <tbody>
            {themes.map((t) => (
              <tr key={t.id}>
                <th scope="row">
                  {t.label}
                  {t.swot && <span className={`swot-tag swot-${t.swot}`}>{SWOT_LABEL[t.swot]}</span>}
                </th>
                <td className="num">{formatScore(t.score)}</td>
                <td className="num">{formatScore(t.rawScore)}</td>
                <td className="num">{formatCount(t.n)}</td>
                <td className="num">
                  {formatScore(t.spread)}
                  {t.dissensus && <span className="dissensus-tag">dissensus</span>}
                </td>
                <td>
                  <CollegeCell scores={t.byCollege} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function DimensionsResults({ results }: { results: PoleResults }) {
  return (
    <section aria-labelledby="dimensions-title" className="section">
      <h2 id="dimensions-title">Résultats par dimension</h2>
      <p className="hint">
        Le score d’un thème est la moyenne des scores des collèges présentés (chaque collège pèse autant) ; le score brut est la moyenne de
        leurs répondants. Les collèges de moins de {results.minGroupSize} réponses sont regroupés dans « Autres collèges », complété si besoin
        par les plus petits collèges jusqu’à {results.minGroupSize} réponses. Sur un thème, un groupe de moins de {results.minGroupSize}{' '}
        répondants n’est pas montré (« effectif insuffisant ») et ne compte pas dans les scores.
      </p>
      {results.dimensions.map((d) => (
        <DimensionResults key={d.id} results={results} dimension={d} />
      ))}
    </section>
  );
}
