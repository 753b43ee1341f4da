// « Chiffres clés des pôles »: how the figures the poles declared in their profile are spread across the poles the
// filters keep (n, lowest, quartiles, highest), then the poles per answer for territory, stage, filières and tools.
// The same figures as the network PDF (reports/pdf/network-key-figures.ts).
import type { NetworkKeyFigures as KeyFigures } from '../../../reports/contract/key-figures';
import { formatKeyFigure } from '../../../reports/key-figures-format';
import { formatCount } from '../results/scoreFormat';
import { CountList } from './NetworkSections';

export function NetworkKeyFigures({ keyFigures }: { keyFigures: KeyFigures }) {
  const empty = !keyFigures.figures.length && !keyFigures.facts.length;
  return (
    <section aria-labelledby="network-key-figures-title" className="section" data-testid="network-key-figures">
      <h2 id="network-key-figures-title">Chiffres clés des pôles</h2>
      {empty ? (
        <p className="empty">Le formulaire de profil de cette campagne ne demande aucun chiffre clé.</p>
      ) : (
        <p className="hint">
          Chiffres de la dernière année complète déclarés par la coordination de chaque pôle dans son profil ({formatCount(keyFigures.poles)} pôle
          {keyFigures.poles > 1 ? 's' : ''} retenu{keyFigures.poles > 1 ? 's' : ''} par les filtres l’ont rempli). n : pôles qui ont donné le chiffre ; la
          moitié des pôles est entre Q1 et Q3.
        </p>
      )}
      {keyFigures.figures.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Chiffres clés des pôles (défilant)">
          <table data-testid="network-key-figures-table">
            <caption>Distribution des chiffres clés entre les pôles</caption>
            <thead>
              <tr>
                <th scope="col">Chiffre</th>
                <th scope="col" className="num">n</th>
                <th scope="col" className="num">Min</th>
                <th scope="col" className="num">Q1</th>
                <th scope="col" className="num">Médiane</th>
                <th scope="col" className="num">Q3</th>
                <th scope="col" className="num">Max</th>
              </tr>
            </thead>
            <tbody>
              {keyFigures.figures.map((f) => {
                const d = f.distribution;
                return (
                  <tr key={f.id} data-testid={`network-key-figure-${f.id}`} className={f.partOf ? 'key-figure-part' : undefined}>
                    <th scope="row">{f.partOf ? `dont ${f.label}` : f.label}</th>
                    <td className="num">{formatCount(d.n)}</td>
                    <td className="num">{formatKeyFigure(d.min, f.unit)}</td>
                    <td className="num">{formatKeyFigure(d.q1, f.unit)}</td>
                    <td className="num">
                      <strong>{formatKeyFigure(d.median, f.unit)}</strong>
                    </td>
                    <td className="num">{formatKeyFigure(d.q3, f.unit)}</td>
                    <td className="num">{formatKeyFigure(d.max, f.unit)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
      {keyFigures.facts.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Territoire, stade et outils des pôles (défilant)">
          <table className="profile-table" data-testid="network-key-facts-table">
            <caption>Territoire, stade et outils des pôles : nombre de pôles par réponse</caption>
            <thead>
              <tr>
                <th scope="col">Repère</th>
                <th scope="col">Pôles par réponse</th>
                <th scope="col" className="num">Pôles ayant répondu</th>
              </tr>
            </thead>
            <tbody>
              {keyFigures.facts.map((f) => {
                return (
                  <tr key={f.id} data-testid={`network-key-fact-${f.id}`}>
                    <th scope="row">{f.label}</th>
                    <td>
                      <CountList counts={f.counts} />
                    </td>
                    <td className="num">{formatCount(f.answered)}</td>
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
