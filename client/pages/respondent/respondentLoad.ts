// What a link shows (GET /api/responses/:token) and the questionnaire it points to, read once. No React, no SurveyJS:
// the respondent entry (client/respondent.tsx) starts both requests at once, while the page's code is still loading.
import { api } from '../../api';
import type { RespondentResponse } from '../../../reports/contract/respondent';
import type { SurveyJson } from '../../../reports/contract/resources';

export const responsePath = (token: string) => `/api/responses/${encodeURIComponent(token)}`;

// One GET per link at a time. The first use of a link binds it to this browser (a cookie the server sets in its
// answer): two first requests at once (StrictMode runs effects twice) would each get a cookie of their own, and the
// loser would be told the link was opened elsewhere.
const loads = new Map<string, Promise<RespondentResponse>>();
// The answer started by the entry before the page was there, handed to the page's first read (and to a second one
// in the same task: StrictMode runs effects twice in development); a retry later asks again.
const early = new Map<string, Promise<RespondentResponse>>();

export function loadOnce(token: string): Promise<RespondentResponse> {
  const started = early.get(token);
  if (started) {
    setTimeout(() => early.delete(token));
    return started;
  }
  let load = loads.get(token);
  if (!load) {
    load = api.get<RespondentResponse>(responsePath(token), { auth: false });
    loads.set(token, load);
    const done = () => loads.delete(token);
    load.then(done, done);
  }
  return load;
}

// A version's definition never changes at its address (hash of its content): asked once per page, and kept by the
// browser's cache between visits (Cache-Control immutable).
const definitions = new Map<string, Promise<SurveyJson>>();

export function loadDefinition(url: string): Promise<SurveyJson> {
  let definition = definitions.get(url);
  if (!definition) {
    definition = api.get<SurveyJson>(url, { auth: false });
    definitions.set(url, definition);
    definition.catch(() => definitions.delete(url));
  }
  return definition;
}

/** Starts reading a link, and the questionnaire it points to, before the page asks for them. */
export function preloadResponse(token: string): void {
  const load = loadOnce(token);
  early.set(token, load);
  load.then(
    (response) => {
      if (response.questionnaireUrl) loadDefinition(response.questionnaireUrl).catch(() => undefined);
    },
    () => undefined,
  );
}

/** The token of a respondent page's address (/r/<token>), or null. */
export function tokenOfPath(path: string): string | null {
  const match = /^\/r\/([^/]+)\/?$/.exec(path);
  if (!match) return null;
  try {
    return decodeURIComponent(match[1]);
  } catch {
    return null;
  }
}
