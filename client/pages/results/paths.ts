// Paths of the results dashboard (kept apart so that light pages can link to it without loading chart.js).
export function resultsPagePath(poleId: string, campaignId: string): string {
  return `/poles/${encodeURIComponent(poleId)}/campagnes/${encodeURIComponent(campaignId)}/resultats`;
}

export function resultsApiPath(poleId: string, campaignId: string): string {
  return `/api/poles/${encodeURIComponent(poleId)}/campaigns/${encodeURIComponent(campaignId)}/results`;
}

export function reportPdfPath(poleId: string, campaignId: string): string {
  return `/api/poles/${encodeURIComponent(poleId)}/campaigns/${encodeURIComponent(campaignId)}/report.pdf`;
}
