// The Labo's count of the remedies poles adopt and complete, from the stored plans only.
import { describe, expect, it } from 'vitest';
import { networkActions } from '../../reports/analysis/network.ts';

const catalogue = [{ id: 'wo-charte', title: 'Rédiger une charte' }, { id: 'so-convention', title: 'Signer une convention' }];
const act = (optionId: string | null, status: 'planned' | 'in_progress' | 'done' | 'dropped', title = 'Action') => ({ optionId, status, title });

describe('network actions', () => {
  it('counts per option the poles that adopted it and those that carried it out, and the poles’ own actions', () => {
    const counts = networkActions([
      // Pole A split the charter into two actions, one done: it counts once, as done.
      { poleId: 'A', actions: [act('wo-charte', 'done'), act('wo-charte', 'in_progress'), act('so-convention', 'dropped'), act(null, 'done')] },
      { poleId: 'B', actions: [act('wo-charte', 'planned'), act(null, 'planned'), act(null, 'dropped')] },
      // An option the catalogue has dropped keeps the pole's title.
      { poleId: 'C', actions: [act('ancienne-option', 'done', 'Ancienne option')] },
      // A review without actions is no plan.
      { poleId: 'D', actions: [] },
    ], catalogue);
    expect(counts).toEqual({
      options: [
        { optionId: 'wo-charte', title: 'Rédiger une charte', adopted: 2, done: 1 },
        { optionId: 'ancienne-option', title: 'Ancienne option', adopted: 1, done: 1 },
        { optionId: 'so-convention', title: 'Signer une convention', adopted: 1, done: 0 },
      ],
      ownActions: 3,
      poles: 3,
    });
  });
});
