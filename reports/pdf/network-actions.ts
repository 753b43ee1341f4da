// « Plans d’action des pôles » of the network report: which catalogue options the poles kept by the filters adopted
// after their collective review, and how many carried them out (the same words as the dashboard's section).
import type { NetworkActions } from '../contract/review.ts';
import { NETWORK_ACTIONS_TITLE, networkActionsIntro, networkOwnActionsText } from '../contract/review-labels.ts';
import { formatInteger } from '../format.ts';
import type { Cell, Layout } from './layout.ts';

export function networkActionsSection(layout: Layout, actions: NetworkActions, year: number): void {
  layout.section(NETWORK_ACTIONS_TITLE);
  layout.paragraph(networkActionsIntro(actions.poles, year));
  if (actions.poles === 0) return;
  if (actions.options.length) {
    layout.table(
      [
        { header: 'Option adoptée', width: 360 },
        { header: 'Pôles', width: 70, align: 'right' },
        { header: 'Réalisée par', width: 80, align: 'right' },
      ],
      actions.options.map((o): Cell[] => [o.title, formatInteger(o.adopted), formatInteger(o.done)]),
      { size: 8 },
    );
  }
  layout.paragraph(networkOwnActionsText(actions.ownActions), { muted: true });
}
