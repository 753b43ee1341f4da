// « Chiffres clés »: the figures the coordination declared in the pole's profile (budget, self-financing, public funding,
// jobs, facilitation, joint projects, members), beside last campaign's and the change; then territory, stage and tools.
// Pole-level facts, not respondents' answers: the same on the dashboard as in the PDF (reports/pdf/key-figures.ts).
import type { PoleResults } from '../../../reports/types';
import { formatKeyChange, formatKeyFigure } from '../../../reports/key-figures-format';
import { Link } from '../../router';
import { campaignPagePath } from '../campaign/CampaignPage';

export function KeyFiguresSection({ results }: { results: PoleResults }) {
  const keyFigures = results.keyFigures;
  if (keyFigures === undefined) return null;
  const year = results.campaign.year;
  const before = keyFigures?.previousCampaign?.year;
  const factsBefore = keyFigures?.facts.some((f) => f.previous !== null) ? before : undefined;
  return (
    <section aria-labelledby="key-figures-title" className="section" data-testid="key-figures">
      <h2 id="key-figures-title">Chiffres clés</h2>
      {keyFigures === null ? (
        <p data-testid="key-figures-missing">
          Le profil du pôle n’est pas rempli pour la campagne {year}&nbsp;: ses chiffres clés (budget, autofinancement, emplois, projets communs…)
          apparaîtront ici une fois qu’il l’aura été. <Link to={`${campaignPagePath(results.pole.id, results.campaign.id)}#profil-title`}>Remplir le profil</Link>
        </p>
      ) : (
        <>
          <p className="hint">
            Chiffres de la dernière année complète, déclarés par la coordination dans le profil du pôle (ce ne sont pas des réponses au questionnaire).
            {before
              ? ` Comparés à ceux déclarés pour la campagne ${before} ; l’évolution d’une part d’autofinancement est donnée en points.`
              : ' Aucun profil antérieur : l’évolution apparaîtra à la prochaine campagne.'}
          </p>
          {keyFigures.figures.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Chiffres clés (défilant)">
              <table data-testid="key-figures-table">
                <caption>Chiffres clés du pôle{before ? `, ${year} et ${before}` : `, ${year}`}</caption>
                <thead>
                  <tr>
                    <th scope="col">Chiffre</th>
                    <th scope="col" className="num">{year}</th>
                    {before && <th scope="col" className="num">{before}</th>}
                    {before && <th scope="col" className="num">Évolution depuis {before}</th>}
                  </tr>
                </thead>
                <tbody>
                  {keyFigures.figures.map((f) => (
                    <tr key={f.id} data-testid={`key-figure-${f.id}`} className={f.partOf ? 'key-figure-part' : undefined}>
                      <th scope="row">{f.partOf ? `dont ${f.label}` : f.label}</th>
                      <td className="num">{formatKeyFigure(f.value, f.unit)}</td>
                      {before && <td className="num">{formatKeyFigure(f.previous, f.unit)}</td>}
                      {before && <td className="num">{formatKeyChange(f.change, f.unit)}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {keyFigures.facts.length > 0 && (
            <div className="table-wrap" tabIndex={0} role="region" aria-label="Territoire, stade et outils du pôle (défilant)">
              <table data-testid="key-facts-table">
                <caption>Territoire, stade et outils du pôle</caption>
                <thead>
                  <tr>
                    <th scope="col">Repère</th>
                    <th scope="col">{year}</th>
                    {factsBefore && <th scope="col">{factsBefore}</th>}
                  </tr>
                </thead>
                <tbody>
                  {keyFigures.facts.map((f) => (
                    <tr key={f.id} data-testid={`key-fact-${f.id}`}>
                      <th scope="row">{f.label}</th>
                      <td>
                        {f.value ?? <span className="hint">non renseigné</span>}
                        {f.changed && <span className="key-fact-changed"> (changé)</span>}
                      </td>
                      {factsBefore && <td>{f.previous ?? <span className="hint">non renseigné</span>}</td>}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </section>
  );
}
