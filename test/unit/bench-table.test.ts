// The table `npm run bench` prints (test/bench/figures.ts): each figure against its target, ✓ or ✗, a failed bench
// shown as such, and the figures read back from a bench's `--json` output.
import { describe, expect, it } from 'vitest';
import { allHold, FIGURES_HEADER, figureRows, formatNumber, holds, parseBenchOutput, renderTable, summary, type BenchResult } from '../../test/bench/figures.ts';
import { TARGETS } from '../../test/bench/targets.ts';

const results: BenchResult[] = [
  {
    bench: 'submit',
    figures: [
      { name: 'Réponses validées par seconde', value: 1523.4, unit: 'réponses/s', target: TARGETS.submitThroughput },
      { name: 'Réponses perdues', value: 0, unit: '', target: TARGETS.submitLost },
    ],
  },
  {
    bench: 'web',
    figures: [
      { name: 'Première question répondable, 4G', value: 2731, unit: 'ms', target: TARGETS.web4gMs, note: 'page minimale 2 100 ms' },
      { name: 'Octets, en % du minimal', value: 110, unit: '%', target: TARGETS.webBytesPercent },
    ],
  },
  { bench: 'network', figures: [{ name: 'Rapport PDF réseau', value: 812, unit: 'ms' }] },
];

describe('bench figures against their targets', () => {
  it('holds at the limit itself, for an upper and a lower bound alike', () => {
    expect(holds({ name: 'a', value: 1500, unit: 'ms', target: { kind: 'max', limit: 1500 } })).toBe(true);
    expect(holds({ name: 'a', value: 1500.1, unit: 'ms', target: { kind: 'max', limit: 1500 } })).toBe(false);
    expect(holds({ name: 'a', value: 3, unit: '×', target: { kind: 'min', limit: 3 } })).toBe(true);
    expect(holds({ name: 'a', value: 2.99, unit: '×', target: { kind: 'min', limit: 3 } })).toBe(false);
  });

  it('does not hold when nothing was measured (every run failed), and says nothing without a target', () => {
    expect(holds({ name: 'a', value: null, unit: 'ms', target: TARGETS.webLoopbackMs })).toBe(false);
    expect(holds({ name: 'a', value: Infinity, unit: 'ms', target: TARGETS.webLoopbackMs })).toBe(false);
    expect(holds({ name: 'a', value: 12, unit: 'ms' })).toBeNull();
  });

  it('shows ✗ for a target that does not hold, ✓ for one that does, — without a target', () => {
    const rows = figureRows(results);
    expect(rows).toEqual([
      ['submit', 'Réponses validées par seconde', '1 523 réponses/s', '≥ 1 500 réponses/s', '✓'],
      ['submit', 'Réponses perdues', '0', '≤ 0', '✓'],
      ['web', 'Première question répondable, 4G', '2 731 ms (page minimale 2 100 ms)', '≤ 2 500 ms', '✗'],
      ['web', 'Octets, en % du minimal', '110 %', '≤ 110 %', '✓'],
      ['network', 'Rapport PDF réseau', '812 ms', '—', '—'],
    ]);
    expect(allHold(results)).toBe(false);
    expect(summary(results)).toBe('3 objectifs tenus sur 4.');
  });

  it('shows a bench that failed as a row that does not hold, even with no figure', () => {
    const failed: BenchResult[] = [...results.slice(0, 1), { bench: 'web', figures: [], error: 'code de sortie 1' }];
    expect(figureRows(failed).at(-1)).toEqual(['web', 'échec : code de sortie 1', '—', '—', '✗']);
    expect(allHold(failed)).toBe(false);
    expect(summary(failed)).toBe('2 objectifs tenus sur 2 ; 1 banc en échec.');
    expect(allHold(results.slice(0, 1))).toBe(true);
  });

  it('lines the columns up, ✓ and ≤ counting as one character', () => {
    const lines = renderTable(FIGURES_HEADER, figureRows(results)).split('\n');
    expect(lines).toHaveLength(2 + 5);
    const column = (line: string, cell: string) => [...line.slice(0, line.indexOf(cell))].length;
    expect(column(lines[0], 'Objectif')).toBe(column(lines[2], '≥ 1 500'));
    expect(column(lines[0], 'Tenu')).toBe(column(lines[4], '✗'));
    expect(lines[4]).toMatch(/✗$/);
  });

  it('writes numbers the French way', () => {
    expect(formatNumber(1523.46, 1)).toBe('1 523,5');
    expect(formatNumber(null)).toBe('—');
    expect(formatNumber(Infinity)).toBe('∞');
  });
});

describe('figures read back from a bench run with --json', () => {
  it('takes the last figures line of its output, whatever else was printed', () => {
    const line = JSON.stringify(results[0]);
    expect(parseBenchOutput('submit', `Mot de passe généré : x\n${line}\n`)).toEqual(results[0]);
    expect(parseBenchOutput('web', `${line}\n`)).toBeNull();
    expect(parseBenchOutput('submit', 'rien de mesuré\n{"bench":"submit"')).toBeNull();
  });
});
