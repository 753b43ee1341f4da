// Paths of the results dashboard (kept apart so that light pages can link to it without loading chart.js).
export function resultsPagePath(poleId: string, campaignId: string): string {
  return `/poles/${encodeURIComponent(poleId)}/campagnes/${encodeURIComponent(campaignId)}/resultats`;
}

const apiBase = (poleId: string, campaignId: string) => `/api/poles/${encodeURIComponent(poleId)}/campaigns/${encodeURIComponent(campaignId)}`;

export function resultsApiPath(poleId: string, campaignId: string): string {
  return `${apiBase(poleId, campaignId)}/results`;
}

export function reportPdfPath(poleId: string, campaignId: string): string {
  return `${apiBase(poleId, campaignId)}/report.pdf`;
}

export function summaryPdfPath(poleId: string, campaignId: string): string {
  return `${apiBase(poleId, campaignId)}/summary.pdf`;
}
