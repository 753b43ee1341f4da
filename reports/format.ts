// French typography and number formatting, shared by the PDF and the dashboard: no-break spaces where French puts them, scores and dates the French way.

/** Narrow no-break space (espace fine insécable): inside guillemets, before ; ! ? and %. */
export const NNBSP = '\u202F';
/** No-break space (espace insécable): before the colon. */
export const NBSP = '\u00A0';

// Any run of horizontal white space, including the no-break spaces this module inserts (idempotence).
const SPACES = '[ \\t\\u00A0\\u202F\\u2009]';
// Where a run of spaces starts. A pattern that begins with a run of spaces is tried at every position of the run:
// without this guard, a long run followed by nothing it wants (an answer of 5,000 spaces) costs quadratic time.
// Starting only where a run starts matches exactly the same text, since the run is always taken whole.
const RUN_START = `(?<!${SPACES})`;

/**
 * Puts no-break spaces where French typography wants them, so that a line never starts with « : » or « ! »:
 * - « guillemets »: narrow no-break space inside, added when missing;
 * - before ; ! ?: narrow no-break space, before a colon a no-break space (replacing an ordinary space, or
 *   added when the mark follows a word and ends a clause: "Note: x" becomes "Note : x", but "10:30",
 *   "https://" and "?!" are left alone);
 * - before % after a number: narrow no-break space ("45 %" and "45%" both become "45 %").
 * Idempotent: applying it twice gives the same text.
 */
const CANDIDATES = /[«»:;!?%]/;

export function frenchTypography(text: string): string {
  if (!text || !CANDIDATES.test(text)) return text;
  return (
    text
      // Inside guillemets.
      .replace(new RegExp(`«${SPACES}*`, 'g'), `«${NNBSP}`)
      .replace(new RegExp(`${RUN_START}${SPACES}*»`, 'g'), `${NNBSP}»`)
      // Before ; ! ? : preceded by a space (any kind): normalise that space.
      .replace(new RegExp(`${RUN_START}${SPACES}+([;!?])`, 'g'), `${NNBSP}$1`)
      .replace(new RegExp(`${RUN_START}${SPACES}+:`, 'g'), `${NBSP}:`)
      // Glued to a word and followed by a space or the end: add the space ("Pourquoi?" / "Note: x").
      .replace(/([\p{L}\p{N}»)\]’'"])([;!?])(?=\s|$|[!?»])/gu, `$1${NNBSP}$2`)
      .replace(/([\p{L}»)\]’'"]):(?=\s|$)/gu, `$1${NBSP}:`)
      // Percent after a number.
      .replace(new RegExp(`(\\d)${SPACES}*%`, 'g'), `$1${NNBSP}%`)
  );
}

/** A score with one decimal and a decimal comma ("62,4"), or « – » when there is none. */
export function formatScore(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const rounded = Math.round(n * 10) / 10;
  // -0.04 rounds to -0: print 0,0.
  return (rounded === 0 ? 0 : rounded).toFixed(1).replace('.', ',').replace('-', '−');
}

/** A signed change with one decimal ("+3,2", "−1,0", "0,0"), or « – ». */
export function formatDelta(n: number | null | undefined): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '–';
  const text = formatScore(n);
  return Math.round(n * 10) / 10 > 0 ? `+${text}` : text;
}

/** An integer with French digit grouping (narrow no-break space): 12 345. */
export function formatInteger(n: number): string {
  const sign = n < 0 ? '−' : '';
  return sign + String(Math.round(Math.abs(n))).replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
}

/** A share as a percentage with French typography ("83 %"), or « – » when the total is 0. */
export function formatPercent(part: number, total: number): string {
  if (!total) return '–';
  return `${Math.round((part / total) * 100)}${NNBSP}%`;
}

const MONTHS = ['janvier', 'février', 'mars', 'avril', 'mai', 'juin', 'juillet', 'août', 'septembre', 'octobre', 'novembre', 'décembre'];
const DAYS = ['dimanche', 'lundi', 'mardi', 'mercredi', 'jeudi', 'vendredi', 'samedi'];

/** Calendar parts of a date in a time zone (Europe/Paris by default), independent of the ICU data installed. */
function partsOf(date: Date, timeZone: string) {
  const parts = new Intl.DateTimeFormat('en-US', { timeZone, year: 'numeric', month: 'numeric', day: 'numeric', weekday: 'short', hour: 'numeric', minute: 'numeric', hourCycle: 'h23' }).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  const weekday = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'].indexOf(get('weekday'));
  return { year: Number(get('year')), month: Number(get('month')), day: Number(get('day')), weekday, hour: Number(get('hour')) % 24, minute: Number(get('minute')) };
}

/** "1er mars 2026", "15 mars 2026"; with `weekday`, "dimanche 15 mars 2026". */
export function formatDateFr(date: Date, options: { weekday?: boolean; timeZone?: string } = {}): string {
  const p = partsOf(date, options.timeZone ?? 'Europe/Paris');
  const day = p.day === 1 ? '1er' : String(p.day);
  const text = `${day} ${MONTHS[p.month - 1]} ${p.year}`;
  return options.weekday ? `${DAYS[p.weekday]} ${text}` : text;
}

/** A month as stored (« 2026-03 ») in words: « mars 2026 ». */
export function formatMonthFr(month: string): string {
  const [year, number] = month.split('-').map(Number);
  return `${MONTHS[number - 1]} ${year}`;
}

/** A calendar day as stored (« 2025-09-18 ») in words, « 18 septembre 2025 », whatever the time zone. */
export function formatDayFr(day: string): string {
  return formatDateFr(new Date(`${day}T12:00:00Z`), { timeZone: 'UTC' });
}

/** "15 mars 2026 à 14 h 05". */
export function formatDateTimeFr(date: Date, options: { timeZone?: string } = {}): string {
  const p = partsOf(date, options.timeZone ?? 'Europe/Paris');
  return `${formatDateFr(date, options)} à ${p.hour}${NBSP}h${NBSP}${String(p.minute).padStart(2, '0')}`;
}
