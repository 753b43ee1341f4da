// « Comparaison avec le réseau »: the pole's theme scores against the network, in plain words (the half of the poles
// between two scores, the pole in the middle). Only the quartiles and the number of poles come from the API: no other
// pole is named, and neither the lowest nor the highest score is given.
import type { PoleResults } from '../../../reports/types';
import { BENCHMARK_MIN_POLES } from '../../../reports/analysis/benchmark';
import { BENCHMARK_COLUMNS, BENCHMARK_POSITION } from '../../../reports/vocabulary';
import { formatCount, formatScore, NO_VALUE } from './scoreFormat';

export function BenchmarkSection({ results }: { results: PoleResults }) {
  const benchmark = results.benchmark;
  if (benchmark === undefined) return null;
  const themes = new Map(results.themes.map((t) => [t.id, t]));
  return (
    <section aria-labelledby="benchmark-title" className="section" data-testid="benchmark">
      <h2 id="benchmark-title">Comparaison avec le réseau</h2>
      {benchmark === null ? (
        <p data-testid="benchmark-unavailable">La comparaison apparaît quand au moins {BENCHMARK_MIN_POLES} pôles ont des résultats.</p>
      ) : (
        <>
          <p className="hint" data-testid="benchmark-note">
            Le pôle est comparé aux {formatCount(benchmark.poles)} pôles du réseau qui ont des résultats cette année ; aucun pôle n’est nommé. Pour chaque
            thème : la fourchette où se situe la moitié des pôles, puis le score du pôle du milieu (autant de pôles au-dessus qu’au-dessous).
          </p>
          <div className="table-wrap" tabIndex={0} role="region" aria-label="Comparaison avec le réseau (défilant)">
            <table>
              <caption>Score du pôle et scores du réseau, par thème</caption>
              <thead>
                <tr>
                  <th scope="col">Thème</th>
                  <th scope="col" className="num">{BENCHMARK_COLUMNS.pole}</th>
                  <th scope="col" className="num">{BENCHMARK_COLUMNS.middle}</th>
                  <th scope="col" className="num">{BENCHMARK_COLUMNS.median}</th>
                  <th scope="col">{BENCHMARK_COLUMNS.position}</th>
                </tr>
              </thead>
              <tbody>
                {benchmark.themes.map((b) => {
                  const theme = themes.get(b.id);
                  return (
                    <tr key={b.id} data-testid={`benchmark-${b.id}`}>
                      <th scope="row">{theme?.label ?? b.id}</th>
                      <td className="num">{formatScore(theme?.score ?? null)}</td>
                      <td className="num">{b.q1 === null || b.q3 === null ? NO_VALUE : `${formatScore(b.q1)} et ${formatScore(b.q3)}`}</td>
                      <td className="num">{formatScore(b.median)}</td>
                      <td>{b.position ? BENCHMARK_POSITION[b.position] : NO_VALUE}</td>
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
