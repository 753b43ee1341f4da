// A change in points between two campaigns, marked up or down (the sign is also written, for grayscale and screen readers).
import { formatDelta } from '../pages/results/scoreFormat';

export function DeltaCell({ delta }: { delta: number | null }) {
  const direction = delta === null || delta === 0 ? '' : delta > 0 ? ' delta-up' : ' delta-down';
  return <td className={`num delta${direction}`}>{formatDelta(delta)}</td>;
}
