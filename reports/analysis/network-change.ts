// Each pole's change from an earlier campaign, per theme and overall, computed in both campaigns on the items both
// questionnaire versions share (through `renamed`), as a pole's own evolution is: a question added or dropped does
// not move a score by itself. With the same version every item is shared, and the change is exactly the
// difference of the two campaigns' scores.
import type { NetworkPoleResult, PoleChange } from '../contract/network.ts';
import { scorePole, type NetworkPoleInput, type PoleScoring } from './network.ts';

export interface PoleChangeInput {
  /** The current campaign's themes (ids and items), internal dimensions, collèges and k. */
  scoring: Omit<PoleScoring, 'themes'> & { themes: readonly { id: string; dimension: string; items: readonly number[] }[] };
  /** For each item of the current version, its index in the earlier one (undefined: not shared): see shared-items.ts. */
  previousItem: readonly (number | undefined)[];
  /** The current results' poles (their scores are reused when every item is shared) and their responses. */
  poles: readonly { result: NetworkPoleResult; responses: NetworkPoleInput['responses'] }[];
  /** The earlier campaign's responses, by pole (item scores aligned to the earlier version). */
  previous: ReadonlyMap<string, NetworkPoleInput['responses']>;
}

/** The change of every pole given, by pole id; nulls where the pole lacks results in either campaign. */
export function poleChanges(input: PoleChangeInput): Map<string, PoleChange> {
  const { scoring, previousItem } = input;
  const allShared = scoring.themes.every((t) => t.items.every((i) => previousItem[i] !== undefined));
  const currentThemes = scoring.themes.map((t) => ({ dimension: t.dimension, items: t.items.filter((i) => previousItem[i] !== undefined) }));
  const previousThemes = currentThemes.map((t) => ({ dimension: t.dimension, items: t.items.map((i) => previousItem[i]!) }));
  const none = (): PoleChange => ({ overall: null, themes: Object.fromEntries(scoring.themes.map((t) => [t.id, null])) });
  const delta = (now: number | null, then: number | null) => (now === null || then === null ? null : now - then);

  const out = new Map<string, PoleChange>();
  for (const { result, responses } of input.poles) {
    const earlier = input.previous.get(result.id);
    const then = result.available && earlier ? scorePole(earlier, { ...scoring, themes: previousThemes }) : null;
    if (!then) {
      out.set(result.id, none());
      continue;
    }
    // The current scores already are the shared-item scores when nothing was added or dropped.
    const now = allShared ? { scores: result.scores, overall: result.overall } : scorePole(responses, { ...scoring, themes: currentThemes })!;
    out.set(result.id, {
      overall: delta(now.overall, then.overall),
      themes: Object.fromEntries(scoring.themes.map((t, i) => [t.id, delta(now.scores[i], then.scores[i])])),
    });
  }
  return out;
}
