// The three figures of a participation row: invited, submitted, and the rate between them.
import { formatCount, formatRate } from '../pages/results/scoreFormat';

export function ParticipationCells({ invited, submitted }: { invited: number; submitted: number }) {
  return (
    <>
      <td className="num">{formatCount(invited)}</td>
      <td className="num">{formatCount(submitted)}</td>
      <td className="num">{formatRate(submitted, invited)}</td>
    </>
  );
}
