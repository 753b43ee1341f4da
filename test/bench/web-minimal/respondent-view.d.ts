// Written by page.ts at build time: what GET /api/responses/<token> gives the app for a new link.
declare module 'virtual:respondent-view' {
  const view: { questionnaire: object; data: Record<string, unknown> };
  export default view;
}
