// The follow-up of a plan from plain data: each action keeps its status, and its themes take the evolution's figures,
// found by role across questionnaire versions; nothing is recomputed.
import { describe, expect, it } from 'vitest';
import { computeFollowUp, optionThemeIds } from '../../reports/analysis/follow-up.ts';
import type { Evolution } from '../../reports/types.ts';

const themes2025 = [
  { id: 'debat', role: 'debat', label: 'Débat' },
  { id: 'eval', role: 'eval', label: 'Évaluation' },
  { id: 'temps', role: 'temps', label: 'Temps disponible' },
];
// In 2026, « eval » was renamed « evaluation-economique » (same role) and « temps » dropped.
const themes2026 = [
  { id: 'debat', role: 'debat', label: 'Débat et concertation' },
  { id: 'evaluation-economique', role: 'eval', label: 'Évaluation économique' },
];
const evolution: Evolution = {
  previousCampaign: { id: 'c2025', year: 2025 },
  themes: [
    { id: 'debat', label: 'Débat et concertation', previous: 40, current: 52.5, delta: 12.5, sharedItems: 3 },
    { id: 'evaluation-economique', label: 'Évaluation économique', previous: 20, current: 18, delta: -2, sharedItems: 2 },
  ],
};
const action = { owner: 'Bureau', due: '2026-03', note: '', title: 'Action' } as const;

describe('the follow-up of a plan', () => {
  it('gives each action its status and its themes before, after and the change, by role across versions', () => {
    const followUp = computeFollowUp({
      plan: {
        campaignId: 'c2025', year: 2025,
        review: {
          meetingDate: '2025-09-18',
          actions: [
            { ...action, id: 'a1', optionId: 'wo-x', status: 'done', themeIds: ['eval', 'debat'] },
            { ...action, id: 'a2', optionId: null, status: 'dropped', themeIds: [] },
            { ...action, id: 'a3', optionId: null, status: 'in_progress', themeIds: ['temps'] },
          ],
        },
      },
      planThemes: themes2025,
      themes: themes2026,
      evolution,
    });
    expect(followUp).toEqual({
      campaignId: 'c2025', year: 2025, meetingDate: '2025-09-18',
      actions: [
        { ...action, id: 'a1', optionId: 'wo-x', status: 'done', themes: [
          { themeId: 'evaluation-economique', label: 'Évaluation économique', before: 20, after: 18, delta: -2 },
          { themeId: 'debat', label: 'Débat et concertation', before: 40, after: 52.5, delta: 12.5 },
        ] },
        { ...action, id: 'a2', optionId: null, status: 'dropped', themes: [] },
        // A theme the new version dropped is still named, without figures.
        { ...action, id: 'a3', optionId: null, status: 'in_progress', themes: [{ themeId: 'temps', label: 'Temps disponible', before: null, after: null, delta: null }] },
      ],
    });
  });

  it('has no figures without an evolution (no results in one of the two campaigns)', () => {
    const followUp = computeFollowUp({
      plan: { campaignId: 'c2025', year: 2025, review: { meetingDate: null, actions: [{ ...action, id: 'a1', optionId: 'wo-x', status: 'planned', themeIds: ['debat'] }] } },
      planThemes: themes2025, themes: themes2026, evolution: null,
    });
    expect(followUp.actions[0].themes).toEqual([{ themeId: 'debat', label: 'Débat et concertation', before: null, after: null, delta: null }]);
  });

  it('finds an option’s themes by role, or says it does not apply when one is missing', () => {
    expect(optionThemeIds({ when: [{ role: 'eval', is: 'weakness' }, { role: 'debat', is: 'strength' }] }, themes2026)).toEqual(['evaluation-economique', 'debat']);
    expect(optionThemeIds({ when: [{ role: 'eval', is: 'weakness' }, { role: 'temps', is: 'opportunity' }] }, themes2026)).toBeNull();
  });
});
