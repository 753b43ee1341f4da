// The pole's comparison with the network: positions against quartiles computed by hand, and the null rules.
import { describe, expect, it } from 'vitest';
import { BENCHMARK_MIN_POLES, benchmarkPosition, computeBenchmark, type BenchmarkNetwork } from '../../reports/analysis/benchmark.ts';
import { distribution } from '../../reports/analysis/network.ts';

// Five poles scoring 10, 20, 30, 40, 50 on t1: (n − 1) × p = 1, 2, 3 → Q1 = 20, median = 30, Q3 = 40.
// Eight poles scoring 0, 10, …, 70 on t2: 7 × 0.25 = 1.75 → Q1 = 10 + 0.75 × 10 = 17.5 ; 3.5 → 35 ; 5.25 → 52.5.
// t3 is scored by 3 poles only: no quartiles (they would nearly give away each of the three scores).
const network: BenchmarkNetwork = {
  polesWithResults: 8,
  themes: [
    { id: 't1', distribution: distribution([10, 20, 30, 40, 50, null, null, null]) },
    { id: 't2', distribution: distribution([0, 10, 20, 30, 40, 50, 60, 70]) },
    { id: 't3', distribution: distribution([10, 50, 90, null, null, null, null, null]) },
  ],
};

describe('network distribution used by the benchmark (hand-computed)', () => {
  it('has the quartiles worked out above', () => {
    expect(network.themes[0].distribution).toMatchObject({ n: 5, q1: 20, median: 30, q3: 40 });
    expect(network.themes[1].distribution).toMatchObject({ n: 8, q1: 17.5, median: 35, q3: 52.5 });
  });
});

describe('benchmarkPosition', () => {
  it('places a score against Q1, the median and Q3, bounds included in the upper band', () => {
    const at = (score: number | null) => benchmarkPosition(score, 20, 30, 40);
    expect(at(45)).toBe('top');
    expect(at(40)).toBe('top'); // ≥ Q3
    expect(at(39.9)).toBe('upper');
    expect(at(30)).toBe('upper'); // ≥ median
    expect(at(29.9)).toBe('lower');
    expect(at(20)).toBe('lower'); // ≥ Q1
    expect(at(19.9)).toBe('bottom');
    expect(at(0)).toBe('bottom');
    expect(at(null)).toBeNull();
    expect(benchmarkPosition(50, null, null, null)).toBeNull();
  });

  it('does not let rounding noise move a score equal to a quartile down a band', () => {
    expect(benchmarkPosition(40 - 1e-12, 20, 30, 40)).toBe('top');
  });
});

describe('computeBenchmark', () => {
  const pole = { available: true, themes: [{ id: 't1', score: 40 }, { id: 't2', score: 17 }, { id: 't3', score: 60 }] };

  it('gives the count of poles, the quartiles and the position of each theme, and nothing else', () => {
    const b = computeBenchmark(pole, network)!;
    expect(b).toEqual({
      poles: 8,
      themes: [
        { id: 't1', q1: 20, median: 30, q3: 40, position: 'top' },
        { id: 't2', q1: 17.5, median: 35, q3: 52.5, position: 'bottom' },
        { id: 't3', q1: null, median: null, q3: null, position: null },
      ],
    });
    expect(JSON.stringify(b)).not.toMatch(/min|max/);
  });

  it('places each t2 score in its band', () => {
    const position = (score: number) => computeBenchmark({ available: true, themes: [{ id: 't2', score }] }, network)!.themes[0].position;
    expect([60, 52.5, 40, 35, 20, 17.5, 17.4].map(position)).toEqual(['top', 'top', 'upper', 'upper', 'lower', 'lower', 'bottom']);
  });

  it('keeps the quartiles but no position for a theme the pole has no score on', () => {
    const b = computeBenchmark({ available: true, themes: [{ id: 't1', score: null }] }, network)!;
    expect(b.themes[0]).toEqual({ id: 't1', q1: 20, median: 30, q3: 40, position: null });
  });

  it('is null under 5 poles with results, the pole itself included', () => {
    expect(BENCHMARK_MIN_POLES).toBe(5);
    expect(computeBenchmark(pole, { ...network, polesWithResults: 4 })).toBeNull();
    expect(computeBenchmark(pole, { ...network, polesWithResults: 5 })).not.toBeNull();
  });

  it('is null when the pole itself has no results', () => {
    expect(computeBenchmark({ available: false, themes: [] }, network)).toBeNull();
  });
});
