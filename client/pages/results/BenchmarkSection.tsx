// « Comparaison avec le réseau »: the pole's theme scores against the network's quartiles. Only the quartiles and the
// number of poles come from the API: no other pole is named, and neither the lowest nor the highest score is given.
import type { PoleResults } from '../../../reports/types';
import { BENCHMARK_MIN_POLES, BENCHMARK_POSITION_LABEL } from '../../../reports/analysis/benchmark';
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
            Le pôle est comparé à {formatCount(benchmark.poles)} pôles ; aucun pôle n’est nommé. Q1 : un quart des pôles ont un score inférieur ;
            médiane : la moitié ; Q3 : les trois quarts.
          </p>
          <div className="table-wrap">
            <table>
              <caption>Score du pôle et quartiles du réseau, par thème</caption>
              <thead>
                <tr>
                  <th scope="col">Thème</th>
                  <th scope="col" className="num">Score du pôle</th>
                  <th scope="col" className="num">Q1 du réseau</th>
                  <th scope="col" className="num">Médiane du réseau</th>
                  <th scope="col" className="num">Q3 du réseau</th>
                  <th scope="col">Position</th>
                </tr>
              </thead>
              <tbody>
                {benchmark.themes.map((b) => {
                  const theme = themes.get(b.id);
                  return (
                    <tr key={b.id} data-testid={`benchmark-${b.id}`}>
                      <th scope="row">{theme?.label ?? b.id}</th>
                      <td className="num">{formatScore(theme?.score ?? null)}</td>
                      <td className="num">{formatScore(b.q1)}</td>
                      <td className="num">{formatScore(b.median)}</td>
                      <td className="num">{formatScore(b.q3)}</td>
                      <td>{b.position ? BENCHMARK_POSITION_LABEL[b.position] : NO_VALUE}</td>
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
