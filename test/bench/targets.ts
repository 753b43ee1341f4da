// Every benchmark's targets, in one place (issue 13 and the scripts' own headers): `npm run bench` checks each
// figure against its target here, and each bench script prints the same ones.
export interface Target {
  /** `max`: the figure must stay at or under `limit`; `min`: at or over it. */
  kind: 'max' | 'min';
  limit: number;
}

const atMost = (limit: number): Target => ({ kind: 'max', limit });
const atLeast = (limit: number): Target => ({ kind: 'min', limit });

export const TARGETS = {
  /** bench:submit — validated submissions per second through HTTP on loopback. */
  submitThroughput: atLeast(1500),
  /** bench:submit — accepted submissions missing from the database after the server stopped, plus refusals. */
  submitLost: atMost(0),
  /** bench:report — median milliseconds for one pole's PDF with pdfkit. */
  reportPdfkitMs: atMost(100),
  /** bench:report — how many times faster than Chromium printing the same content. */
  reportSpeedupOverChromium: atLeast(3),
  /** bench:network — network results at 250 poles × 30 responses (median ms). */
  networkSmallMs: atMost(300),
  /** bench:network — network results at 2,500 poles × 30 responses (median ms). */
  networkLargeMs: atMost(1500),
  /** bench:network — cost growth for 10 times the responses: no faster than linear (with 5 % slack for noise). */
  networkGrowth: atMost(10.5),
  /** bench:web — bytes of the respondent route, in % of the minimal SurveyJS page's (about 600 kB, fonts included). */
  webBytesPercent: atMost(110),
  /** bench:web — first question answerable on loopback, 4× CPU slowdown (median ms). */
  webLoopbackMs: atMost(1500),
  /** bench:web — first question answerable on an emulated 4G link, 4× CPU slowdown (median ms). */
  web4gMs: atMost(2500),
} satisfies Record<string, Target>;
