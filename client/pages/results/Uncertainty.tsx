// How sure the dashboard's classifications are: « à confirmer » beside a strength, weakness, opportunity or threat
// whose interval crosses the threshold that classified it, and what that means (reports/reliability.ts).
import type { PoleResults } from '../../../reports/types';
import { TO_CONFIRM, toConfirmNote } from '../../../reports/reliability';

/** « à confirmer », when the theme's classification is not settled by its interval. */
export function ToConfirmTag({ results, id }: { results: PoleResults; id: string }) {
  if (!results.swot.uncertain.includes(id)) return null;
  return (
    <span className="confirm-tag" data-testid="a-confirmer">
      {TO_CONFIRM}
    </span>
  );
}

/** What « à confirmer » means, under a list that shows it. */
export function ToConfirmNote({ results }: { results: PoleResults }) {
  if (!results.swot.uncertain.length) return null;
  return <p className="hint">{toConfirmNote(results.thresholds)}</p>;
}
