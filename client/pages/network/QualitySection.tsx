// « Qualité du questionnaire »: for whoever writes next year's questionnaire, the rows to rework and why (a theme whose
// rows do not hang together, a row many answer « je ne sais pas »), then each theme's coherence. Same words as the
// network PDF (reports/reliability.ts).
import type { NetworkResultsView } from '../../../reports/contract/network';
import { alphaText, formatShare, QUALITY_INTRO, QUALITY_METHOD, QUALITY_TITLE, reworkAdvice } from '../../../reports/reliability';
import { formatCount } from '../results/scoreFormat';

export function QualitySection({ results }: { results: NetworkResultsView }) {
  const advice = reworkAdvice(results.themes);
  return (
    <section aria-labelledby="quality-title" className="section" data-testid="network-quality">
      <h2 id="quality-title">{QUALITY_TITLE}</h2>
      <p className="hint">{QUALITY_INTRO}</p>
      <h3>À retravailler l’an prochain</h3>
      {results.polesWithResults === 0 ? (
        <p className="empty">Aucun pôle n’a encore de résultats : rien à en dire pour l’instant.</p>
      ) : advice.length === 0 ? (
        <p className="empty">Aucun thème ni aucune ligne ne dépasse les seuils : rien ne presse de retravailler le questionnaire.</p>
      ) : (
        <ul className="plain-list" data-testid="quality-advice">
          {advice.map((a) => (
            <li key={a.themeId}>
              <strong>{a.theme}</strong>
              <ul>
                {a.reasons.map((reason) => (
                  <li key={reason}>{reason}</li>
                ))}
              </ul>
            </li>
          ))}
        </ul>
      )}
      <div className="table-wrap" tabIndex={0} role="region" aria-label="Cohérence des thèmes (défilant)">
        <table data-testid="quality-table">
          <caption>Cohérence des thèmes</caption>
          <thead>
            <tr>
              <th scope="col">Thème</th>
              <th scope="col" className="num">
                Cohérence (α)
              </th>
              <th scope="col" className="num">
                Réponses complètes
              </th>
              <th scope="col">Lignes à plus de 30 % de « je ne sais pas »</th>
            </tr>
          </thead>
          <tbody>
            {results.themes.map((t) => (
              <tr key={t.id}>
                <th scope="row">{t.label}</th>
                <td className="num">{alphaText(t)}</td>
                <td className="num">{formatCount(t.alphaRespondents)}</td>
                <td>{t.nspItems.length ? t.nspItems.map((i) => `${i.label} (${formatShare(i.nspRate)})`).join(' ; ') : <span className="hint">aucune</span>}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <p className="hint">{QUALITY_METHOD}</p>
    </section>
  );
}
