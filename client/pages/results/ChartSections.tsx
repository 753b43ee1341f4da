// Dashboard sections drawn with the shared chart.js configurations (reports/charts.ts): participation, the themes at a
// glance (sorted bars per dimension), and per dimension its table and what each collège thinks (dot plot and table).
// Every chart has a short summary for screen readers, a table holding its figures, and a PNG download for slides.
import { useMemo } from 'react';
import { collegeDotsConfig, labelRows, participationConfig, POLE_CHART_TITLES, rankedThemes, shownColleges, themeBarsConfig } from '../../../reports/charts';
import type { ChartConfiguration } from 'chart.js';
import type { DimensionResult, PoleResults, ThemeResult } from '../../../reports/types';
import { divergence, divergenceText, formatThreshold, THEME_COLUMNS } from '../../../reports/vocabulary';
import { ChartCanvas } from '../../charts/ChartCanvas';
import { chartFileName } from './DownloadReportButton';
import { FACTOR_LABEL, SWOT_LABEL } from './labels';
import { formatCount, formatRate, formatScore } from './scoreFormat';
import { ParticipationCells, ParticipationHeaders } from '../../components/ParticipationCells';
import { INTERVAL_NOTE, scoreWithInterval } from '../../../reports/reliability';
import { ToConfirmNote, ToConfirmTag } from './Uncertainty';

const WEB = { print: false } as const;
const asConfig = (c: unknown) => c as ChartConfiguration;

/** Height of a horizontal chart: every row holds its label's lines (as wrapped on screen), plus the axis and the legend. */
const horizontalHeight = ({ rows, lines }: ReturnType<typeof labelRows>) => `${rows * (lines * 0.95 + 0.9) + 6}rem`;

export function ParticipationResults({ results }: { results: PoleResults }) {
  const { participation } = results;
  const config = useMemo(() => asConfig(participationConfig(results, WEB)), [results]);
  const title = POLE_CHART_TITLES.participation(results.campaign.year);
  const summary = `Graphique en barres : personnes invitées et réponses envoyées par collège. ${participation.submitted} réponses envoyées sur ${participation.invited} invitations au total. Détail dans le tableau qui suit.`;
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
        <figcaption>{title}</figcaption>
        <ChartCanvas
          config={config}
          label={summary}
          height="18rem"
          wrapLabelsAt={14}
          describedBy="participation-table"
          download={{ title, fileName: chartFileName(results.pole.name, results.campaign.year, 'participation') }}
        />
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

const themesTableId = (dimension: string) => `dimension-${dimension}-table`;
const collegesTableId = (dimension: string) => `dimension-${dimension}-colleges`;

/** One dimension's themes as sorted bars, best first, each label whole with its score. */
function ThemeBars({ results, dimension }: { results: PoleResults; dimension: DimensionResult }) {
  const config = useMemo(() => asConfig(themeBarsConfig(results, dimension.id, WEB)), [results, dimension.id]);
  const themes = rankedThemes(results, dimension.id);
  const title = POLE_CHART_TITLES.themes(dimension.label, results.campaign.year);
  const ends = themes.length > 1 ? ` Le mieux noté : ${themes[0].label} (${formatScore(themes[0].score)}) ; le moins bien noté : ${themes.at(-1)!.label} (${formatScore(themes.at(-1)!.score)}).` : '';
  return (
    <figure className="chart-figure">
      <figcaption>
        {dimension.label} : {formatScore(dimension.score)} sur 100
      </figcaption>
      <ChartCanvas
        config={config}
        height={horizontalHeight}
        wrapLabelsAt={15}
        describedBy={themesTableId(dimension.id)}
        label={`Barres horizontales : score sur 100 des ${themes.length} thèmes de la dimension « ${dimension.label} », du mieux noté au moins bien noté.${ends} Détail dans le tableau « Thèmes de la dimension ${dimension.label} ».`}
        download={{ title, fileName: chartFileName(results.pole.name, results.campaign.year, `themes-${dimension.id}`) }}
      />
    </figure>
  );
}

export function ThemesOverview({ results }: { results: PoleResults }) {
  const { high, low } = results.thresholds;
  const previous = results.evolution?.previousCampaign.year;
  return (
    <section aria-labelledby="overview-title" className="section">
      <h2 id="overview-title">Vue d’ensemble des thèmes</h2>
      <p className="hint">
        Scores de 0 (défavorable) à 100 (favorable), du mieux noté au moins bien noté dans chaque dimension. Vert : point fort ({formatThreshold(high)} et
        plus) ; jaune : point de vigilance ; rouge : point faible ({formatThreshold(low)} ou moins).
        {previous ? ` Le trait noir marque le score ${previous}, calculé sur les questions communes aux deux années.` : ''}
      </p>
      <div className="chart-grid">
        {results.dimensions
          .filter((d) => results.themes.some((t) => t.dimension === d.id))
          .map((d) => (
            <ThemeBars key={d.id} results={results} dimension={d} />
          ))}
      </div>
    </section>
  );
}

/** « proches », or which collèges disagree on the theme. */
function CollegesCell({ theme }: { theme: ThemeResult }) {
  if (theme.dissensus) {
    return (
      <td>
        <span className="dissensus-tag">désaccord</span> {divergenceText(theme)}
      </td>
    );
  }
  return <td>{divergence(theme) ? 'proches' : <span className="hint">un seul collège comparable</span>}</td>;
}

/** What each collège group thinks of the dimension's themes: a dot plot, and its figures in a table. */
function CollegeComparison({ results, dimension }: { results: PoleResults; dimension: DimensionResult }) {
  const config = useMemo(() => asConfig(collegeDotsConfig(results, dimension.id, WEB)), [results, dimension.id]);
  const colleges = shownColleges(results, dimension.id);
  const themes = rankedThemes(results, dimension.id);
  const disagreeing = themes.filter((t) => t.dissensus);
  const k = results.minGroupSize;
  const hidden = themes.some((t) => colleges.some((c) => t.byCollege.find((b) => b.college === c.id)?.suppressed));
  if (!colleges.length) return <p className="hint">Aucun collège ne compte assez de répondants ({k} au moins) pour être montré séparément.</p>;
  const title = POLE_CHART_TITLES.colleges(dimension.label, results.campaign.year);
  return (
    <>
      <figure className="chart-figure">
        <figcaption>Chaque collège, thème par thème : une forme par collège, une bande du moins favorable au plus favorable</figcaption>
        <ChartCanvas
          config={config}
          height={horizontalHeight}
          wrapLabelsAt={15}
          describedBy={collegesTableId(dimension.id)}
          label={
            `Points : score sur 100 de chacun des ${colleges.length} collèges sur les thèmes de la dimension « ${dimension.label} ». ` +
            (disagreeing.length
              ? `Désaccord de 20 points ou plus sur : ${disagreeing.map((t) => `${t.label} (${divergenceText(t)})`).join(' ; ')}.`
              : 'Sur chaque thème, moins de 20 points séparent les collèges.') +
            ' Détail dans le tableau qui suit.'
          }
          download={{ title, fileName: chartFileName(results.pole.name, results.campaign.year, `colleges-${dimension.id}`) }}
        />
      </figure>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`Avis des collèges sur les thèmes « ${dimension.label} » (défilant)`}>
        <table id={collegesTableId(dimension.id)}>
          <caption>Score de chaque collège sur les thèmes « {dimension.label} »</caption>
          <thead>
            <tr>
              <th scope="col">Thème</th>
              {colleges.map((c) => (
                <th key={c.id} scope="col" className="num">
                  {c.label}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {themes.map((t) => {
              const d = t.dissensus ? divergence(t) : null;
              return (
                <tr key={t.id}>
                  <th scope="row">
                    {t.label}
                    {t.dissensus && <span className="dissensus-tag">désaccord</span>}
                  </th>
                  {colleges.map((c) => {
                    const b = t.byCollege.find((x) => x.college === c.id);
                    if (!b || b.n === 0) return <td key={c.id} className="num hint">aucune réponse</td>;
                    if (b.suppressed || b.score === null) return <td key={c.id} className="num suppressed">trop peu de réponses</td>;
                    // The two collèges that disagree stand out, in words as well as weight.
                    const apart = d && (d.low.college === c.id || d.high.college === c.id);
                    return (
                      <td key={c.id} className="num">
                        {apart ? <strong>{formatScore(b.score)}</strong> : formatScore(b.score)}
                        {apart && <span className="visually-hidden"> (en désaccord)</span>}
                      </td>
                    );
                  })}
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      {disagreeing.length > 0 && <p className="hint">En gras : les deux collèges en désaccord sur le thème.</p>}
      {hidden && (
        <p className="hint">
          « Trop peu de réponses » : moins de {k} personnes du groupe ont répondu ; leurs réponses ne comptent pas dans les scores, pour préserver
          l’anonymat.
        </p>
      )}
    </>
  );
}

function DimensionResults({ results, dimension }: { results: PoleResults; dimension: DimensionResult }) {
  const themes = rankedThemes(results, dimension.id);
  const titleId = `dimension-${dimension.id}-title`;
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
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`Tableau des thèmes « ${dimension.label} » (défilant)`}>
        <table id={themesTableId(dimension.id)}>
          <caption>Thèmes de la dimension {dimension.label}</caption>
          <thead>
            <tr>
              <th scope="col">Thème</th>
              <th scope="col" className="num">{THEME_COLUMNS.score}</th>
              <th scope="col" className="num">{THEME_COLUMNS.responses}</th>
              <th scope="col">{THEME_COLUMNS.category}</th>
              <th scope="col">{THEME_COLUMNS.colleges}</th>
            </tr>
          </thead>
          <tbody>
            {themes.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.label}</th>
                <td className="num">{scoreWithInterval(t)}</td>
                <td className="num">{formatCount(t.n)}</td>
                <td>
                  {t.swot ? <span className={`swot-tag swot-${t.swot}`}>{SWOT_LABEL[t.swot]}</span> : '–'}
                  <ToConfirmTag results={results} id={t.id} />
                </td>
                <CollegesCell theme={t} />
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {themes.some((t) => results.swot.uncertain.includes(t.id)) && <ToConfirmNote results={results} />}
      <h4>Avis des collèges</h4>
      <CollegeComparison results={results} dimension={dimension} />
    </section>
  );
}

export function DimensionsResults({ results }: { results: PoleResults }) {
  const k = results.minGroupSize;
  return (
    <section aria-labelledby="dimensions-title" className="section">
      <h2 id="dimensions-title">Résultats par dimension</h2>
      <p className="hint">
        Le score d’un thème est la moyenne des collèges, chacun pesant autant quel que soit son nombre de réponses. « Réponses » : personnes ayant donné
        un avis sur le thème. Les collèges sont en désaccord quand 20 points ou plus séparent le plus favorable du moins favorable. Les collèges de moins
        de {k} réponses sont regroupés dans « Autres collèges », complété si besoin par les plus petits collèges jusqu’à {k} réponses. {INTERVAL_NOTE}
      </p>
      {results.dimensions.map((d) => (
        <DimensionResults key={d.id} results={results} dimension={d} />
      ))}
    </section>
  );
}
