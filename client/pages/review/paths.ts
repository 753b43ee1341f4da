// Paths of the collective review (kept apart so that the campaign page links to it without loading it).
const pole = (poleId: string, campaignId: string) => `${encodeURIComponent(poleId)}/campaigns/${encodeURIComponent(campaignId)}`;

export function reviewPagePath(poleId: string, campaignId: string): string {
  return `/poles/${encodeURIComponent(poleId)}/campagnes/${encodeURIComponent(campaignId)}/revue`;
}

export function reviewApiPath(poleId: string, campaignId: string): string {
  return `/api/poles/${pole(poleId, campaignId)}/review`;
}

export function actionPlanPdfPath(poleId: string, campaignId: string): string {
  return `/api/poles/${pole(poleId, campaignId)}/action-plan.pdf`;
}
