// The three figures of a participation row: invited, submitted, and the rate between them; and their headers.
import { formatCount, formatRate } from '../pages/results/scoreFormat';

export function ParticipationHeaders() {
  return (
    <>
      <th scope="col" className="num">Invités</th>
      <th scope="col" className="num">Réponses</th>
      <th scope="col" className="num">Taux</th>
    </>
  );
}

export function ParticipationCells({ invited, submitted }: { invited: number; submitted: number }) {
  return (
    <>
      <td className="num">{formatCount(invited)}</td>
      <td className="num">{formatCount(submitted)}</td>
      <td className="num">{formatRate(submitted, invited)}</td>
    </>
  );
}
