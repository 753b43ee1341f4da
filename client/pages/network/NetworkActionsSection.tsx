// « Plans d’action des pôles »: the catalogue options the poles kept by the filters adopted after their collective
// review, and how many carried them out (the same words as the network PDF).
import type { NetworkResultsView } from '../../../reports/contract/network';
import { NETWORK_ACTIONS_TITLE, networkActionsIntro, networkOwnActionsText } from '../../../reports/contract/review-labels';
import { formatCount } from '../results/scoreFormat';

export function NetworkActionsSection({ results }: { results: NetworkResultsView }) {
  const { actions } = results;
  return (
    <section aria-labelledby="network-actions-title" className="section" data-testid="network-actions">
      <h2 id="network-actions-title">{NETWORK_ACTIONS_TITLE}</h2>
      <p className={actions.poles === 0 ? 'empty' : 'hint'}>{networkActionsIntro(actions.poles, results.campaign.year)}</p>
      {actions.poles > 0 && actions.options.length > 0 && (
        <div className="table-wrap" tabIndex={0} role="region" aria-label="Options adoptées par les pôles (défilant)">
          <table data-testid="network-actions-table">
            <caption>Options adoptées</caption>
            <thead>
              <tr>
                <th scope="col">Option</th>
                <th scope="col" className="num">Pôles</th>
                <th scope="col" className="num">Réalisée par</th>
              </tr>
            </thead>
            <tbody>
              {actions.options.map((o) => (
                <tr key={o.optionId}>
                  <th scope="row">{o.title}</th>
                  <td className="num">{formatCount(o.adopted)}</td>
                  <td className="num">{formatCount(o.done)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {actions.poles > 0 && <p className="hint">{networkOwnActionsText(actions.ownActions)}</p>}
    </section>
  );
}
