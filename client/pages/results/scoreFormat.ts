// French number formatting for the results: one decimal with a comma (« 56,3 »), « – » when the figure is hidden.
const oneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const signedOneDecimal = new Intl.NumberFormat('fr-FR', { minimumFractionDigits: 1, maximumFractionDigits: 1, signDisplay: 'exceptZero' });
const upToOneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

export const NO_VALUE = '–';

/** « 56,3 », or « – » for null / not a number. */
export function formatScore(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : oneDecimal.format(value);
}

/** « +3,2 », « -1,5 », « 0,0 », or « – ». */
export function formatDelta(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : signedOneDecimal.format(value);
}

/** « 12 », or « – ». */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : integer.format(value);
}

/** « 40 % » of submitted over invited, or « – » when nobody was invited. */
export function formatRate(part: number, total: number): string {
  return total > 0 ? `${integer.format((part / total) * 100)} %` : NO_VALUE;
}

/** « 65 », « 62,5 » (thresholds and other plain figures), or « – ». */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : upToOneDecimal.format(value);
}
