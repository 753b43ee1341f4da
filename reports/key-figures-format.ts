// The key figures in French, shared by the pole's and the network's dashboards and PDFs: « 125 000 € », « 42,5 % »,
// « 3,5 ETP », and their change since last year (« +12 000 € », « +5 points », « −0,5 ETP »).
import type { KeyFigureUnit } from './contract/key-figures.ts';
import { NNBSP } from './format.ts';

const NO_VALUE = '–';

/** A number with French digit grouping (narrow no-break space) and at most one decimal, with a comma: « 12 345,5 ». */
function plain(n: number, decimals: number): string {
  const rounded = Math.round(Math.abs(n) * 10 ** decimals) / 10 ** decimals;
  const [whole, fraction] = rounded.toFixed(decimals).split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, NNBSP);
  const text = fraction && Number(fraction) !== 0 ? `${grouped},${fraction.replace(/0+$/, '')}` : grouped;
  return rounded === 0 ? text : `${n < 0 ? '−' : ''}${text}`;
}

/** Euros to the euro, percentages and FTE to one decimal, counts whole (a count can still be a mean: the network's median). */
const decimalsOf = (unit: KeyFigureUnit) => (unit === 'euro' ? 0 : 1);

/** A figure in its unit, or « – ». */
export function formatKeyFigure(value: number | null | undefined, unit: KeyFigureUnit): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return NO_VALUE;
  const text = plain(value, decimalsOf(unit));
  if (unit === 'euro') return `${text}${NNBSP}€`;
  if (unit === 'percent') return `${text}${NNBSP}%`;
  if (unit === 'fte') return `${text}${NNBSP}ETP`;
  return text;
}

/** A change in the figure's unit, signed (a percentage changes by points), « 0 » when unchanged, or « – ». */
export function formatKeyChange(change: number | null | undefined, unit: KeyFigureUnit): string {
  if (change === null || change === undefined || !Number.isFinite(change)) return NO_VALUE;
  const text = unit === 'percent' ? `${plain(change, 1)}${NNBSP}point${Math.abs(change) >= 2 ? 's' : ''}` : formatKeyFigure(change, unit);
  return Math.round(change * 10 ** decimalsOf(unit)) > 0 ? `+${text}` : text;
}
