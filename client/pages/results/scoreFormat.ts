// French number formatting for the results. Scores and changes come from the module the PDF uses, so both print
// the same figure (« 56,3 », « +3,2 », « – » when hidden).
export { formatScore, formatDelta, formatPercent as formatRate } from '../../../reports/format';

const upToOneDecimal = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 1 });
const integer = new Intl.NumberFormat('fr-FR', { maximumFractionDigits: 0 });

export const NO_VALUE = '–';

/** « 12 », or « – ». */
export function formatCount(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : integer.format(value);
}

/** « 65 », « 62,5 » (thresholds and other plain figures), or « – ». */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined || !Number.isFinite(value) ? NO_VALUE : upToOneDecimal.format(value);
}
