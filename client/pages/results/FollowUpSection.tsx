// « Suivi du plan d'action <année> »: what became of the plan the pole adopted after its previous campaign, each
// action with its status and the themes it targeted, then and now. Shown when the results carry a follow-up.
import { ACTION_STATUS_LABEL } from '../../../reports/contract/review-labels';
import type { PoleResults } from '../../../reports/types';
import { formatDayFr, formatMonthFr } from '../../../reports/format';
import { actionTally, followUpTitle } from '../../../reports/vocabulary';
import { formatDelta, formatScore } from './scoreFormat';

export function FollowUpSection({ results }: { results: PoleResults }) {
  const followUp = results.followUp;
  if (!followUp?.actions.length) return null;
  const year = results.campaign.year;
  return (
    <section aria-labelledby="follow-up-title" className="section" data-testid="follow-up">
      <h2 id="follow-up-title">{followUpTitle(followUp.year)}</h2>
      <p>
        {followUp.meetingDate ? `Lors de sa réunion du ${formatDayFr(followUp.meetingDate)}` : `Après la campagne ${followUp.year}`}, le pôle a adopté{' '}
        {actionTally(followUp.actions.map((a) => a.status))}.
      </p>
      <p className="hint">
        Pour chaque action, les thèmes qu’elle visait, notés en {followUp.year} puis en {year}, sur les questions communes aux deux questionnaires.
      </p>
      <div className="table-wrap" tabIndex={0} role="region" aria-label={`${followUpTitle(followUp.year)} (défilant)`}>
        <table>
          <caption>Actions du plan {followUp.year} et évolution des thèmes visés</caption>
          <thead>
            <tr>
              <th scope="col">Action</th>
              <th scope="col">Portée par</th>
              <th scope="col">Échéance</th>
              <th scope="col">Statut</th>
              <th scope="col">
                Thèmes visés : {followUp.year} → {year} (évolution)
              </th>
            </tr>
          </thead>
          <tbody>
            {followUp.actions.map((a) => (
              <tr key={a.id} data-testid="follow-up-action">
                <th scope="row">
                  {a.title}
                  {a.note && <span className="hint follow-up-note">{a.note}</span>}
                </th>
                <td>{a.owner || <span className="hint">à préciser</span>}</td>
                <td className="nowrap">{a.due ? formatMonthFr(a.due) : <span className="hint">à préciser</span>}</td>
                <td>
                  <strong>{ACTION_STATUS_LABEL[a.status]}</strong>
                </td>
                <td>
                  {a.themes.length === 0 ? (
                    <span className="hint">aucun thème indiqué</span>
                  ) : (
                    <ul className="plain-list follow-up-themes">
                      {a.themes.map((th) => (
                        <li key={th.themeId}>
                          {th.label} : {formatScore(th.before)} → {formatScore(th.after)} ({formatDelta(th.delta)})
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
