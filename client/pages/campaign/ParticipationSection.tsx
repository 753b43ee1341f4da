// Participation per collège, polled every 5 s.
import { useCallback, useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../../api';
import { ErrorAlert, Loading } from '../../components/Messages';
import { formatTime } from '../../format';
import type { CollegeParticipation, Participation } from '../../../reports/contract/resources';

const POLL_MS = 5000;

function ParticipationRow({ row, testId, label }: { row: CollegeParticipation; testId: string; label: string }) {
  const labelId = `${testId}-label`;
  const max = Math.max(row.invited, row.submitted, 1);
  const percent = row.invited > 0 ? Math.round((row.submitted / row.invited) * 100) : 0;
  return (
    <li className="participation-row" data-testid={testId}>
      <div className="participation-head">
        <span id={labelId} className="participation-label">
          {label}
        </span>
        <span className="participation-count" data-testid={`${testId}-count`}>
          {row.submitted} / {row.invited}
        </span>
      </div>
      <progress aria-labelledby={labelId} max={max} value={row.submitted} aria-valuetext={`${row.submitted} réponses envoyées sur ${row.invited} invitations (${percent} %)`}>
        {percent} %
      </progress>
      <p className="participation-detail">
        {row.submitted} réponse{row.submitted > 1 ? 's' : ''} envoyée{row.submitted > 1 ? 's' : ''} sur {row.invited}{' '}
        invitation{row.invited > 1 ? 's' : ''}, {row.started} commencée{row.started > 1 ? 's' : ''}
      </p>
    </li>
  );
}

export function ParticipationSection({ basePath, refreshKey }: { basePath: string; refreshKey: number }) {
  const [participation, setParticipation] = useState<Participation | null>(null);
  const [error, setError] = useState<ApiError | null>(null);
  const inFlight = useRef(false);

  const load = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    try {
      setParticipation(await api.get<Participation>(`${basePath}/participation`));
      setError(null);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'unknown', 'Erreur inattendue.'));
    } finally {
      inFlight.current = false;
    }
  }, [basePath]);

  useEffect(() => {
    void load();
    const timer = window.setInterval(() => void load(), POLL_MS);
    return () => window.clearInterval(timer);
  }, [load, refreshKey]);

  return (
    <section aria-labelledby="participation-title" className="section" data-testid="participation">
      <h2 id="participation-title">Participation par collège</h2>
      {error && (
        <ErrorAlert>
          <p>La participation n’a pas pu être mise à jour : {error.message}</p>
        </ErrorAlert>
      )}
      {!participation && !error && <Loading />}
      {participation && (
        <>
          {participation.colleges.length === 0 ? (
            <p>Aucune invitation pour l’instant.</p>
          ) : (
            <ul className="participation-list">
              {participation.colleges.map((row) => {
                const testId = `participation-${row.id ?? 'none'}`;
                return (
                  <ParticipationRow
                    key={testId}
                    row={row}
                    testId={testId}
                    label={row.id === null && !row.label ? 'Collège non renseigné' : row.label}
                  />
                );
              })}
            </ul>
          )}
          <p className="participation-totals" data-testid="participation-totals">
            <strong>Total :</strong> {participation.totals.submitted} réponse
            {participation.totals.submitted > 1 ? 's' : ''} envoyée{participation.totals.submitted > 1 ? 's' : ''} sur{' '}
            {participation.totals.invited} invitation{participation.totals.invited > 1 ? 's' : ''},{' '}
            {participation.totals.started} commencée{participation.totals.started > 1 ? 's' : ''}.
          </p>
          {participation.totals.pending > 0 && (
            <p className="hint" data-testid="participation-pending">
              {participation.totals.pending === 1
                ? '1 réponse envoyée attend'
                : `${participation.totals.pending} réponses envoyées attendent`}{' '}
              la prochaine mise à jour des résultats : ils n’évoluent que par paquets de plusieurs réponses, pour que
              personne ne puisse être reconnu à son heure d’envoi. Les collèges ci-dessus sont ceux pour lesquels les
              liens ont été créés, jamais celui choisi par un répondant.
            </p>
          )}
          <p className="hint">
            Mise à jour automatique toutes les 5 secondes
            {participation.updatedAt ? ` (dernière : ${formatTime(participation.updatedAt)})` : ''}.
          </p>
        </>
      )}
    </section>
  );
}
