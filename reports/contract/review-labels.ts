// The French words of the review's values, without zod: the review page, the action plan PDF and the pole report read
// them in the browser too (reports/contract/review.ts builds its schemas from them and hands them on).

/** The statuses of an action, in the order a plan is followed, with their label. */
export const ACTION_STATUS_LABEL = { planned: 'Prévue', in_progress: 'En cours', done: 'Réalisée', dropped: 'Abandonnée' } as const;
export type ActionStatus = keyof typeof ACTION_STATUS_LABEL;

/** Whether the group shares the diagnosis of a theme: the review page's choices and the PDFs' column. */
export const agreementLabel = (agreed: boolean | null) => (agreed === null ? 'Pas tranché' : agreed ? 'Oui' : 'Non');
