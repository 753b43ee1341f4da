// The « pôles × thèmes » table for the Labo's analyses: one row per pole with results, its profile, its balanced
// overall and theme scores exactly as its own results give them (the network view computes them the same way), and,
// when asked, its change since an earlier campaign. Figures of poles, never of respondents: each rests on at least
// k responses, grouped by collège as in the pole's report.
import type { Cell } from './layout.ts';
import { partsOf, type ModelQuestion } from '../../surveys/model.ts';

export interface PoleTableInput {
  campaign: { year: number };
  /** In the network results' order, with the code exports use (theme-codes.ts). */
  themes: { id: string; code: string }[];
  /** The profile form's questions (single-valued ones become columns). */
  profileQuestions: readonly ModelQuestion[];
  poles: {
    id: string;
    name: string;
    region: string | null;
    available: boolean;
    profile: Readonly<Record<string, unknown>> | null;
    overall: number | null;
    /** One per theme, in `themes` order. */
    scores: readonly (number | null)[];
    change?: { overall: number | null; themes: Readonly<Record<string, number | null>> } | null;
  }[];
  /** Add the change columns (`evolution_…`): the results were asked with compareTo. */
  withChange: boolean;
}

/** Profile questions holding one value per pole: what a spreadsheet can filter and group on. */
const SINGLE = new Set(['radiogroup', 'dropdown', 'boolean', 'rating']);
const isColumn = (q: ModelQuestion) => SINGLE.has(q.type) || (q.type === 'text' && q.json.inputType === 'number');

/** A profile answer as a cell: yes/no in French, numbers as numbers, codes as written. */
function profileCell(value: unknown): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (typeof value === 'boolean') return value ? 'oui' : 'non';
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  return String(value);
}

export function polesTable(input: PoleTableInput): { header: string[]; rows: Cell[][] } {
  const columns = input.profileQuestions.filter(isColumn).map((q) => ({ q, labels: q.json.choices ? new Map(partsOf(q.json.choices).map((p) => [String(p.value), p.label])) : null }));
  const header = [
    'campagne', 'pole', 'pole_id', 'region',
    // A choice's code, then its label: the code to compute on, the label to read.
    ...columns.flatMap(({ q, labels }) => (labels ? [q.name, `${q.name}_libelle`] : [q.name])),
    'score_global', ...input.themes.map((t) => t.code),
    ...(input.withChange ? ['evolution_global', ...input.themes.map((t) => `evolution_${t.code}`)] : []),
  ];
  const rows = input.poles
    .filter((p) => p.available)
    .sort((a, b) => a.name.localeCompare(b.name, 'fr', { sensitivity: 'base' }) || (a.id < b.id ? -1 : 1))
    .map((p): Cell[] => [
      input.campaign.year, p.name, p.id, p.region,
      ...columns.flatMap(({ q, labels }) => {
        const value = profileCell(p.profile?.[q.name]);
        return labels ? [value, value === null ? null : labels.get(String(value)) ?? String(value)] : [value];
      }),
      p.overall, ...p.scores,
      ...(input.withChange ? [p.change?.overall ?? null, ...input.themes.map((t) => p.change?.themes[t.id] ?? null)] : []),
    ]);
  return { header, rows };
}
