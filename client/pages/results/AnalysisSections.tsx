// Dashboard sections without charts: disagreements between collèges, SWOT, strategic options, evolution, verbatims.
import { DeltaCell } from '../../components/DeltaCell';
import type { PoleResults, ThemeResult } from '../../../reports/types';
import { answerCount, divergenceText } from '../../../reports/vocabulary';
import { QUADRANT } from './labels';
import { formatNumber, formatScore } from './scoreFormat';
import { ToConfirmNote, ToConfirmTag } from './Uncertainty';

type ThemeIndex = Map<string, ThemeResult>;
export const themeIndex = (results: PoleResults): ThemeIndex => new Map(results.themes.map((t) => [t.id, t]));

/** Which collèges disagree, by how much; « – » when fewer than two are compared. */
const apart = (aggregate: Pick<ThemeResult, 'byCollege'>) => divergenceText(aggregate) ?? '–';

export function DissensusList({ results }: { results: PoleResults }) {
  const bySpread = (a: { spread: number | null }, b: { spread: number | null }) => (b.spread ?? 0) - (a.spread ?? 0);
  const themes = results.themes.filter((t) => t.dissensus).sort(bySpread);
  const items = results.items.filter((i) => i.dissensus).sort(bySpread);
  const labels = themeIndex(results);
  return (
    <section aria-labelledby="dissensus-title" className="section" data-testid="dissensus">
      <h2 id="dissensus-title">Désaccords entre collèges</h2>
      <p className="hint">
        Thèmes et affirmations sur lesquels 20 points ou plus séparent le collège le plus favorable du moins favorable : les collèges ne les voient pas
        de la même façon. À mettre en discussion avant de décider.
      </p>
      {themes.length === 0 && items.length === 0 ? (
        <p>Aucun désaccord marqué : sur chaque thème et chaque affirmation, moins de 20 points séparent les collèges.</p>
      ) : (
        <>
          <h3>Thèmes</h3>
          {themes.length === 0 ? (
            <p className="empty">Aucun thème.</p>
          ) : (
            <ul className="plain-list">
              {themes.map((t) => (
                <li key={t.id}>
                  <strong>{t.label}</strong> : {apart(t)}
                </li>
              ))}
            </ul>
          )}
          <h3>Affirmations</h3>
          {items.length === 0 ? (
            <p className="empty">Aucune affirmation.</p>
          ) : (
            <ul className="plain-list dissensus-items">
              {items.map((i) => (
                <li key={i.name}>
                  « {i.label} » <span className="hint">({labels.get(i.theme)?.label ?? i.theme})</span> : <strong>{apart(i)}</strong>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

function SwotCell({ title, ids, themes, kind, hint, results }: { title: string; ids: string[]; themes: ThemeIndex; kind: string; hint: string; results: PoleResults }) {
  return (
    <div className={`swot-cell swot-cell-${kind}`} data-testid={`swot-${kind}`}>
      <h3>{title}</h3>
      <p className="hint">{hint}</p>
      {ids.length === 0 ? (
        <p className="empty">Aucun thème.</p>
      ) : (
        <ul className="plain-list">
          {ids.map((id) => (
            <li key={id}>
              {themes.get(id)?.label ?? id} <span className="swot-score">{formatScore(themes.get(id)?.score)}</span>
              <ToConfirmTag results={results} id={id} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

export function SwotGrid({ results }: { results: PoleResults }) {
  const themes = themeIndex(results);
  const { high, low } = results.thresholds;
  const { swot } = results;
  return (
    <section aria-labelledby="swot-title" className="section" data-testid="swot">
      <h2 id="swot-title">Forces, faiblesses, opportunités, menaces</h2>
      <p className="hint">
        Un thème est une force (ou une opportunité pour les facteurs de contexte) à partir de {formatNumber(high)}, une faiblesse (ou une
        menace) jusqu’à {formatNumber(low)} ; entre les deux, c’est un point de vigilance.
      </p>
      <div className="swot-grid">
        <SwotCell title="Forces" kind="strengths" ids={swot.strengths} themes={themes} hint="Facteurs internes favorables" results={results} />
        <SwotCell title="Faiblesses" kind="weaknesses" ids={swot.weaknesses} themes={themes} hint="Facteurs internes défavorables" results={results} />
        <SwotCell title="Opportunités" kind="opportunities" ids={swot.opportunities} themes={themes} hint="Contexte favorable" results={results} />
        <SwotCell title="Menaces" kind="threats" ids={swot.threats} themes={themes} hint="Contexte défavorable" results={results} />
      </div>
      <ToConfirmNote results={results} />
      <div className="vigilance" data-testid="swot-vigilance">
        <h3>Points de vigilance</h3>
        {swot.vigilance.length === 0 ? (
          <p className="empty">Aucun thème.</p>
        ) : (
          <ul className="plain-list inline-list">
            {swot.vigilance.map((id) => (
              <li key={id}>
                {themes.get(id)?.label ?? id} <span className="swot-score">{formatScore(themes.get(id)?.score)}</span>
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

/** The options exactly in the order of the results (most urgent first), as the PDF lists them. */
export function OptionsList({ results }: { results: PoleResults }) {
  const themes = themeIndex(results);
  return (
    <section aria-labelledby="options-title" className="section" data-testid="options">
      <h2 id="options-title">Options stratégiques</h2>
      <p className="hint">
        Pistes d’action tirées des résultats, de la plus urgente à la moins urgente. Chacune croise un point fort ou faible du pôle avec un élément de son
        contexte : une opportunité à saisir ou une menace à parer.
      </p>
      {results.options.length === 0 ? (
        <p>Aucune option stratégique ne ressort des résultats de cette campagne.</p>
      ) : (
        <ol className="options-list">
          {results.options.map((o) => (
            <li key={o.id} className="card option" data-testid="option">
              <p className="option-badges">
                <span className={`badge quadrant quadrant-${o.quadrant}`}>{QUADRANT[o.quadrant].name}</span>
                {o.needsConsensus && <span className="badge badge-consensus">Accord à construire d’abord entre collèges</span>}
              </p>
              <h3>{o.title}</h3>
              <p>{o.description}</p>
              <p className="hint">
                Thèmes concernés : {o.themes.map((id) => `${themes.get(id)?.label ?? id} (${formatScore(themes.get(id)?.score)})`).join(' ; ')}
              </p>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}

export function EvolutionTable({ results }: { results: PoleResults }) {
  const evolution = results.evolution;
  if (!evolution) return null;
  const before = evolution.previousCampaign.year;
  const now = results.campaign.year;
  return (
    <section aria-labelledby="evolution-title" className="section" data-testid="evolution">
      <h2 id="evolution-title">
        Évolution depuis {before}
      </h2>
      <p className="hint">Comparaison sur les seules affirmations communes aux deux questionnaires.</p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`Scores par thème en ${before} et ${now} (défilant)`}>
        <table>
          <caption>
            Scores par thème en {before} et {now}
          </caption>
          <thead>
            <tr>
              <th scope="col">Thème</th>
              <th scope="col" className="num">{before}</th>
              <th scope="col" className="num">{now}</th>
              <th scope="col" className="num">Évolution (points)</th>
              <th scope="col" className="num">Affirmations comparées</th>
            </tr>
          </thead>
          <tbody>
            {evolution.themes.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.label}</th>
                <td className="num">{formatScore(t.previous)}</td>
                <td className="num">{formatScore(t.current)}</td>
                <DeltaCell delta={t.delta} />
                <td className="num">{t.sharedItems}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

export function VerbatimsList({ results }: { results: PoleResults }) {
  return (
    <section aria-labelledby="verbatims-title" className="section" data-testid="verbatims">
      <h2 id="verbatims-title">Paroles de répondants</h2>
      <p className="hint">
        Réponses libres, sans nom ni collège, classées par ordre alphabétique. Une question n’apparaît qu’à partir de {results.minGroupSize}{' '}
        réponses. Une réponse donnée par plusieurs personnes figure une fois, suivie de leur nombre (× 2, × 3…).
      </p>
      {results.verbatims.length === 0 ? (
        <p>Aucune réponse libre à afficher.</p>
      ) : (
        results.verbatims.map((v) => (
          <div key={v.question} className="verbatims">
            <h3>{v.label}</h3>
            <ul className="verbatim-list">
              {v.answers.map((a) => (
                <li key={a.text} data-testid="verbatim">
                  <q>{a.text}</q>
                  {a.count > 1 && (
                    <>
                      {/* « (× 8) » reads as a multiplication: screen readers get the words instead. */}
                      <span className="hint" aria-hidden="true">{answerCount(a.count)}</span>
                      <span className="visually-hidden"> ({a.count} personnes)</span>
                    </>
                  )}
                </li>
              ))}
            </ul>
          </div>
        ))
      )}
    </section>
  );
}
