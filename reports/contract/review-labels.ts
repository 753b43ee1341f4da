// The French words of the review's values, without zod: the review page, the action plan PDF and the pole report read
// them in the browser too (reports/contract/review.ts builds its schemas from them and hands them on).

/** The statuses of an action, in the order a plan is followed, with their label. */
export const ACTION_STATUS_LABEL = { planned: 'Prévue', in_progress: 'En cours', done: 'Réalisée', dropped: 'Abandonnée' } as const;
export type ActionStatus = keyof typeof ACTION_STATUS_LABEL;

/** Whether the group shares the diagnosis of a theme: the review page's choices and the PDFs' column. */
export const agreementLabel = (agreed: boolean | null) => (agreed === null ? 'Pas tranché' : agreed ? 'Oui' : 'Non');

/** The network's view of the poles' plans (dashboard and network PDF): its title and what it counts. */
export const NETWORK_ACTIONS_TITLE = 'Plans d’action des pôles';
export const networkActionsIntro = (poles: number, year: number) =>
  poles === 0
    ? `Aucun pôle retenu par les filtres n’a encore enregistré de plan d’action pour la campagne ${year}.`
    : `${poles} pôle${poles > 1 ? 's' : ''} retenu${poles > 1 ? 's' : ''} par les filtres ${poles > 1 ? 'ont' : 'a'} enregistré un plan d’action pour la campagne ${year}, ` +
      'après leur revue collective : les options du catalogue qu’ils ont adoptées, des plus adoptées aux moins adoptées, et combien les ont déjà réalisées.';
export const networkOwnActionsText = (count: number) =>
  count === 0 ? 'Aucune action propre, hors catalogue.' : `Et ${count} action${count > 1 ? 's' : ''} propre${count > 1 ? 's' : ''} aux pôles, hors catalogue.`;
