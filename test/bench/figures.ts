// What a benchmark measured, checked against its target (targets.ts), printed as one table.
// `--json`: the script's figures go to stdout as one JSON line for `npm run bench` (all.ts); everything the script
// prints for people goes to stderr meanwhile, so it still shows while the benchmark runs.
import type { Target } from './targets.ts';

export const JSON_MODE = process.argv.includes('--json');
// Imported first by each bench script, before anything it prints: its console.log lines then reach stderr.
if (JSON_MODE) console.log = console.error;

export interface Figure {
  /** What is measured, in words. */
  name: string;
  /** null: not measured (every run failed). */
  value: number | null;
  unit: string;
  /** Decimals shown (0 by default). */
  digits?: number;
  /** None: shown for information only. */
  target?: Target;
  /** Said after the value (e.g. the figures a ratio comes from). */
  note?: string;
}

export interface BenchResult {
  bench: string;
  figures: Figure[];
  /** The script failed (exit code, exception, no figures): its row in the table says so and does not hold. */
  error?: string;
}

/** true or false against the target; null when the figure has none. */
export function holds(figure: Figure): boolean | null {
  if (!figure.target) return null;
  if (figure.value === null || !Number.isFinite(figure.value)) return false;
  return figure.target.kind === 'max' ? figure.value <= figure.target.limit : figure.value >= figure.target.limit;
}

/** French number: space between thousands, comma before decimals. */
export function formatNumber(value: number | null, digits = 0): string {
  if (value === null || Number.isNaN(value)) return '—';
  if (!Number.isFinite(value)) return '∞';
  return value.toLocaleString('fr-FR', { minimumFractionDigits: digits, maximumFractionDigits: digits }).replace(/[\u202f\u00a0]/g, ' ');
}

const withUnit = (text: string, unit: string) => (unit ? `${text} ${unit}` : text);

export function formatValue(figure: Figure): string {
  const value = withUnit(formatNumber(figure.value, figure.digits), figure.value === null ? '' : figure.unit);
  return figure.note ? `${value} (${figure.note})` : value;
}

export function formatTarget(figure: Figure): string {
  if (!figure.target) return '—';
  const digits = Number.isInteger(figure.target.limit) ? 0 : Math.max(figure.digits ?? 0, 1);
  return withUnit(`${figure.target.kind === 'max' ? '≤' : '≥'} ${formatNumber(figure.target.limit, digits)}`, figure.unit);
}

export const mark = (ok: boolean | null) => (ok === null ? '—' : ok ? '✓' : '✗');

/** Columns padded to their widest cell (counted in characters, so ✓, ✗ and ≤ take one). */
export function renderTable(header: string[], rows: string[][]): string {
  const width = (s: string) => [...s].length;
  const widths = header.map((h, i) => Math.max(width(h), ...rows.map((r) => width(r[i] ?? ''))));
  const line = (cells: string[]) => cells.map((c, i) => (i === cells.length - 1 ? c : c + ' '.repeat(widths[i] - width(c)))).join('  ').trimEnd();
  return [line(header), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}

export const FIGURES_HEADER = ['Banc', 'Mesure', 'Valeur', 'Objectif', 'Tenu'];

/** One row per figure; a bench that failed gets one row that does not hold. */
export function figureRows(results: BenchResult[]): string[][] {
  return results.flatMap((r) => [
    ...r.figures.map((f) => [r.bench, f.name, formatValue(f), formatTarget(f), mark(holds(f))]),
    ...(r.error ? [[r.bench, `échec : ${r.error}`, '—', '—', mark(false)]] : []),
  ]);
}

/** Every target held, and no bench failed. */
export function allHold(results: BenchResult[]): boolean {
  return results.every((r) => !r.error && r.figures.every((f) => holds(f) !== false));
}

export function summary(results: BenchResult[]): string {
  const checked = results.flatMap((r) => r.figures.map(holds).filter((h) => h !== null));
  const failed = results.filter((r) => r.error).length;
  const held = checked.filter(Boolean).length;
  return `${held} objectif${held > 1 ? 's' : ''} tenu${held > 1 ? 's' : ''} sur ${checked.length}${failed ? ` ; ${failed} banc${failed > 1 ? 's' : ''} en échec` : ''}.`;
}

/** The figures line of a bench's stdout: its last line that is a BenchResult (anything else was printed by mistake). */
export function parseBenchOutput(bench: string, stdout: string): BenchResult | null {
  for (const line of stdout.trim().split('\n').reverse()) {
    try {
      const parsed = JSON.parse(line) as BenchResult;
      if (parsed && parsed.bench === bench && Array.isArray(parsed.figures)) return parsed;
    } catch {
      // Not the figures line.
    }
  }
  return null;
}

/**
 * The end of a bench script: in `--json` mode its figures on stdout (one line), else the table of its figures
 * (unless the script printed its own, `print: false`).
 */
export function reportFigures(bench: string, figures: Figure[], options: { print?: boolean } = {}): void {
  const result: BenchResult = { bench, figures };
  if (JSON_MODE) process.stdout.write(`${JSON.stringify(result)}\n`);
  else if (options.print !== false) console.log(`\n${renderTable(FIGURES_HEADER, figureRows([result]))}`);
}
