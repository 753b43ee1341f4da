// The network's per-pole tables: the sortable heatmap (with each pole's weaknesses, dissensus, participation and
// change), the « pôles à accompagner » and the heatmap of each pole's change since a chosen campaign.
import { useMemo, useState, type ReactNode } from 'react';
import { Link } from '../../router';
import { shortLabel } from '../../../reports/charts';
import { bandOf, scoreBands } from '../../../reports/vocabulary';
import type { NetworkPoleResult, NetworkResultsView } from '../../../reports/contract/network';
import { formatCount, formatDelta, formatRate, formatScore } from '../results/scoreFormat';
import { resultsPagePath } from '../results/paths';
import { BY_NAME, nextSort, sortPoles, type PoleSort, type PoleSortKey } from './sortPoles';

function SortHeader({ sort, sortKey, onSort, className, title, children }: { sort: PoleSort; sortKey: PoleSortKey; onSort: (key: PoleSortKey) => void; className?: string; title?: string; children: ReactNode }) {
  const active = sort.key === sortKey;
  return (
    <th scope="col" className={className} aria-sort={active ? sort.direction : undefined} title={title}>
      <button type="button" className="sort-button" onClick={() => onSort(sortKey)}>
        {children}
        <span className="sort-mark" aria-hidden="true">
          {active ? (sort.direction === 'ascending' ? '▲' : '▼') : '⇅'}
        </span>
      </button>
    </th>
  );
}

/** A theme's column header: its short label written upwards, its full label for assistive technologies. */
function ThemeLabel({ label }: { label: string }) {
  return (
    <>
      <span className="heatmap-col-label" aria-hidden="true">
        {shortLabel(label, 24)}
      </span>
      <span className="visually-hidden">{label}</span>
    </>
  );
}

function useSort(initial: PoleSort = BY_NAME) {
  const [sort, setSort] = useState<PoleSort>(initial);
  return { sort, onSort: (key: PoleSortKey) => setSort((current) => nextSort(current, key)) };
}

/** « Trié par score global, du plus bas au plus haut. », said once the order changes. */
function SortStatus({ sort, label }: { sort: PoleSort; label: (key: PoleSortKey) => string }) {
  const numeric = sort.key !== 'name';
  const direction =
    sort.direction === 'ascending' ? (numeric ? 'du plus bas au plus haut' : 'de A à Z') : numeric ? 'du plus haut au plus bas' : 'de Z à A';
  return (
    <p className="hint sort-status" aria-live="polite">
      Trié par {label(sort.key)}, {direction}. Cliquez sur un titre de colonne pour trier.
    </p>
  );
}

const poleLink = (campaignId: string, pole: NetworkPoleResult) => (
  <Link to={resultsPagePath(pole.id, campaignId)} className="heatmap-pole-link">
    {pole.name}
  </Link>
);

/** Change in points, its class giving the shade: declines and rises of 5 and 10 points or more. */
function changeClass(delta: number | null | undefined): string {
  if (delta === null || delta === undefined) return 'change-none';
  if (delta <= -10) return 'change-down-2';
  if (delta <= -5) return 'change-down-1';
  if (delta >= 10) return 'change-up-2';
  if (delta >= 5) return 'change-up-1';
  return 'change-flat';
}

// ——— Heatmap: poles × themes, sortable ———

export function Heatmap({ results }: { results: NetworkResultsView }) {
  const bands = scoreBands(results.thresholds);
  const bandFor = (v: number | null) => (v === null ? null : bandOf(bands, v));
  const k = results.minGroupSize;
  const { sort, onSort } = useSort();
  const themeIds = useMemo(() => results.themes.map((t) => t.id), [results.themes]);
  const poles = useMemo(() => sortPoles(results.poles, sort, themeIds), [results.poles, sort, themeIds]);
  const compared = results.comparedTo;
  const themeLabel = new Map(results.themes.map((t) => [t.id, t.label]));
  const labelOf = (key: PoleSortKey): string =>
    ({ name: 'nom', overall: 'score global', weaknesses: 'nombre de faiblesses', dissensusThemes: 'nombre de dissensus', participation: 'taux de participation', change: 'évolution du score global' })[
      key as string
    ] ?? `« ${themeLabel.get(key.slice(key.indexOf(':') + 1)) ?? key} »`;
  return (
    <section aria-labelledby="heatmap-title" className="section" data-testid="network-heatmap">
      <h2 id="heatmap-title">Carte de chaleur : pôles × thèmes</h2>
      <p className="hint">
        Score de chaque pôle pour chaque thème (0 à 100), avec son nombre de faiblesses (thèmes internes notés au plus {results.thresholds.low}), de
        thèmes en dissensus entre ses collèges, son taux de participation
        {compared ? ` et l’évolution de son score global depuis ${compared.year}` : ''}. La couleur suit la tranche de score ; les tranches basses
        sont aussi hachurées. Le nom d’un pôle mène à ses résultats. Les pôles de moins de {k} réponses n’ont pas de score.
      </p>
      <ul className="heatmap-legend" aria-label="Légende des tranches de score">
        {bands.map((b) => (
          <li key={b.id}>
            <span className={`heatmap-swatch heat-${b.id}`} aria-hidden="true" /> {b.label}
          </li>
        ))}
        <li>
          <span className="heatmap-swatch heat-none" aria-hidden="true" /> pas de score
        </li>
      </ul>
      <SortStatus sort={sort} label={labelOf} />
      <p className="hint narrow-only" aria-hidden="true">
        Faites défiler le tableau de côté pour voir tous les thèmes.
      </p>
      <div className="table-wrap heatmap-wrap" tabIndex={0} role="region" aria-label="Carte de chaleur des pôles par thème (défilant)">
        <table className="heatmap" data-testid="heatmap">
          <caption>Score de chaque pôle par thème ; premières colonnes : score global, faiblesses, dissensus, participation{compared ? ', évolution' : ''}</caption>
          <thead>
            <tr>
              <SortHeader sort={sort} sortKey="name" onSort={onSort} className="heatmap-corner">
                Pôle
              </SortHeader>
              <SortHeader sort={sort} sortKey="overall" onSort={onSort} className="heatmap-col" title="Score global">
                <ThemeLabel label="Score global" />
              </SortHeader>
              <SortHeader sort={sort} sortKey="weaknesses" onSort={onSort} className="heatmap-col" title="Nombre de faiblesses">
                <ThemeLabel label="Faiblesses" />
              </SortHeader>
              <SortHeader sort={sort} sortKey="dissensusThemes" onSort={onSort} className="heatmap-col" title="Thèmes en dissensus">
                <ThemeLabel label="Dissensus" />
              </SortHeader>
              <SortHeader sort={sort} sortKey="participation" onSort={onSort} className="heatmap-col" title="Taux de participation">
                <ThemeLabel label="Participation" />
              </SortHeader>
              {compared && (
                <SortHeader sort={sort} sortKey="change" onSort={onSort} className="heatmap-col" title={`Évolution du score global depuis ${compared.year}`}>
                  <ThemeLabel label={`Évolution depuis ${compared.year}`} />
                </SortHeader>
              )}
              {results.themes.map((t) => (
                <SortHeader key={t.id} sort={sort} sortKey={`theme:${t.id}`} onSort={onSort} className="heatmap-col heatmap-theme-col" title={t.label}>
                  <span data-testid="heatmap-theme">
                    <ThemeLabel label={t.label} />
                  </span>
                </SortHeader>
              ))}
            </tr>
          </thead>
          <tbody>
            {poles.map((p) => (
              <tr key={p.id} className={p.available ? undefined : 'heatmap-unavailable'} data-testid="heatmap-row">
                <th scope="row" className="heatmap-pole">
                  {poleLink(results.campaign.id, p)}
                </th>
                <td className={`heatmap-cell heatmap-overall heat-${bandFor(p.overall)?.id ?? 'none'}`}>{formatScore(p.overall)}</td>
                <td className="heatmap-cell heatmap-count">{p.available ? formatCount(p.weaknesses) : '–'}</td>
                <td className="heatmap-cell heatmap-count">{p.available ? formatCount(p.dissensusThemes) : '–'}</td>
                <td className="heatmap-cell heatmap-count">{formatRate(p.submitted, p.invited)}</td>
                {compared && <td className={`heatmap-cell ${changeClass(p.change?.overall)}`}>{formatDelta(p.change?.overall ?? null)}</td>}
                {p.available ? (
                  p.scores.map((s, i) => (
                    <td key={results.themes[i]?.id ?? i} className={`heatmap-cell heat-${bandFor(s)?.id ?? 'none'}`}>
                      {formatScore(s)}
                    </td>
                  ))
                ) : (
                  <td colSpan={results.themes.length} className="heatmap-too-few">
                    moins de {k} réponses ({formatCount(p.submitted)} reçue{p.submitted > 1 ? 's' : ''})
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {results.poles.length === 0 && <p className="empty">Aucun pôle ne correspond aux filtres.</p>}
    </section>
  );
}

// ——— Pôles à accompagner ———

export function SupportList({ results }: { results: NetworkResultsView }) {
  const { support } = results;
  const byId = new Map(results.poles.map((p) => [p.id, p]));
  const poles = support.poles.map((id) => byId.get(id)).filter((p): p is NetworkPoleResult => !!p);
  const q1 = support.criteria.overallAtMost;
  return (
    <section aria-labelledby="support-title" className="section" data-testid="network-support">
      <h2 id="support-title">Pôles à accompagner</h2>
      <p data-testid="support-rule">
        <strong>Règle :</strong> {support.rule}
      </p>
      {poles.length === 0 ? (
        <p className="empty">Aucun pôle ne répond à cette règle.</p>
      ) : (
        <ol className="support-list">
          {poles.map((p) => {
            const reasons: string[] = [];
            if (q1 !== null && p.overall !== null && p.overall <= q1) reasons.push(`score global ${formatScore(p.overall)}, dans le quart le plus bas`);
            else reasons.push(`score global ${formatScore(p.overall)}`);
            const weak = `${formatCount(p.weaknesses)} faiblesse${p.weaknesses > 1 ? 's' : ''}`;
            reasons.push(p.weaknesses >= support.criteria.minWeaknesses ? `${weak}, au moins la moitié des thèmes internes` : weak);
            if (p.change && p.change.overall !== null) reasons.push(`${formatDelta(p.change.overall)} depuis ${results.comparedTo?.year ?? 'la campagne comparée'}`);
            return (
              <li key={p.id} data-testid="support-pole">
                {poleLink(results.campaign.id, p)} : <span>{reasons.join(' ; ')}</span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}

// ——— Each pole's change since the compared campaign ———

interface PoleChangesProps {
  results: NetworkResultsView;
  /** Earlier campaigns the analyst may compare to, latest first. */
  campaigns: { id: string; year: number }[];
  onCompareTo: (campaignId: string) => void;
}

export function PoleChanges({ results, campaigns, onCompareTo }: PoleChangesProps) {
  const compared = results.comparedTo;
  const { sort, onSort } = useSort();
  const themeIds = useMemo(() => results.themes.map((t) => t.id), [results.themes]);
  const withChange = useMemo(() => results.poles.filter((p) => p.change && p.change.overall !== null), [results.poles]);
  const poles = useMemo(() => sortPoles(withChange, sort, themeIds), [withChange, sort, themeIds]);
  const themeLabel = new Map(results.themes.map((t) => [t.id, t.label]));
  const labelOf = (key: PoleSortKey) => (key === 'name' ? 'nom' : key === 'change' ? 'évolution du score global' : `évolution de « ${themeLabel.get(key.slice('change:'.length)) ?? key} »`);
  return (
    <section aria-labelledby="pole-changes-title" className="section" data-testid="network-pole-changes">
      <h2 id="pole-changes-title">Évolution par pôle</h2>
      {campaigns.length === 0 ? (
        <p className="empty">Première campagne : pas encore d’évolution par pôle.</p>
      ) : (
        <>
          <div className="field compare-to-field">
            <label htmlFor="compare-to">Comparer à la campagne</label>
            <select id="compare-to" value={compared?.id ?? ''} onChange={(e) => onCompareTo(e.target.value)}>
              {campaigns.map((c) => (
                <option key={c.id} value={c.id}>
                  {c.year}
                </option>
              ))}
            </select>
          </div>
          {compared && (
            <p className="hint">
              Écart de score de chaque pôle entre {compared.year} et {results.campaign.year}, en points (une hausse est une amélioration), sur les{' '}
              {compared.sharedItems} items sur {compared.items} que les deux questionnaires partagent (questions renommées comprises). Seuls les pôles
              avec résultats dans les deux campagnes figurent ({poles.length} sur {results.polesWithResults}). Les baisses sont en rouge, hachurées ; les
              hausses en vert ; le signe est toujours écrit.
            </p>
          )}
          {compared && poles.length === 0 && <p className="empty">Aucun pôle n’a de résultats dans les deux campagnes.</p>}
          {compared && poles.length > 0 && (
            <>
              <SortStatus sort={sort} label={labelOf} />
              <div className="table-wrap heatmap-wrap" tabIndex={0} role="region" aria-label="Évolution de chaque pôle par thème (défilant)">
                <table className="heatmap" data-testid="change-heatmap">
                  <caption>
                    Évolution de chaque pôle depuis {compared.year}, en points ; première colonne : score global
                  </caption>
                  <thead>
                    <tr>
                      <SortHeader sort={sort} sortKey="name" onSort={onSort} className="heatmap-corner">
                        Pôle
                      </SortHeader>
                      <SortHeader sort={sort} sortKey="change" onSort={onSort} className="heatmap-col" title="Score global">
                        <ThemeLabel label="Score global" />
                      </SortHeader>
                      {results.themes.map((t) => (
                        <SortHeader key={t.id} sort={sort} sortKey={`change:${t.id}`} onSort={onSort} className="heatmap-col" title={t.label}>
                          <ThemeLabel label={t.label} />
                        </SortHeader>
                      ))}
                    </tr>
                  </thead>
                  <tbody>
                    {poles.map((p) => (
                      <tr key={p.id} data-testid="change-row">
                        <th scope="row" className="heatmap-pole">
                          {poleLink(results.campaign.id, p)}
                        </th>
                        <td className={`heatmap-cell heatmap-overall ${changeClass(p.change?.overall)}`}>{formatDelta(p.change?.overall ?? null)}</td>
                        {results.themes.map((t) => {
                          const delta = p.change?.themes[t.id] ?? null;
                          return (
                            <td key={t.id} className={`heatmap-cell ${changeClass(delta)}`}>
                              {formatDelta(delta)}
                            </td>
                          );
                        })}
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            </>
          )}
        </>
      )}
    </section>
  );
}
