// Charts recorded as vectors (reports/pdf/chart-core.mjs): what chart.js draws, in chart coordinates.
import { describe, expect, it } from 'vitest';
import type { ChartConfiguration } from 'chart.js';
import { parseColour, recordChart, type ChartOp } from '../../reports/pdf/chart-core.mjs';

const bars: ChartConfiguration = {
  type: 'bar',
  data: { labels: ['Débat', 'Consensus'], datasets: [{ label: 'Score', data: [72.3, 38.1], backgroundColor: '#1f3b63' }] },
  options: { scales: { y: { min: 0, max: 100 } }, plugins: { legend: { display: true } } },
};

/** Bounding box of the points of a recorded path (PDF operators "x y m", "x y l", "x1 y1 x2 y2 x y c", "h"). */
function bounds(path: string) {
  const xs: number[] = [];
  const ys: number[] = [];
  for (const op of path.split('\n')) {
    const numbers = op.split(' ').slice(0, -1).map(Number);
    for (let i = 0; i < numbers.length; i += 2) {
      xs.push(numbers[i]);
      ys.push(numbers[i + 1]);
    }
  }
  return { x0: Math.min(...xs), x1: Math.max(...xs), y0: Math.min(...ys), y1: Math.max(...ys) };
}

describe('chart recording', () => {
  it('records the bars in proportion to their values, with the axis and legend labels as text', () => {
    const drawing = recordChart(bars, { width: 400, height: 300 });
    expect(drawing).toMatchObject({ width: 400, height: 300 });
    const texts = drawing.ops.filter((op): op is Extract<ChartOp, ['text', ...unknown[]]> => op[0] === 'text').map((op) => op[1]);
    for (const label of ['Débat', 'Consensus', 'Score', '0', '100']) expect(texts).toContain(label);
    const fills = drawing.ops.filter((op) => op[0] === 'fill' && op[2].join() === '31,59,99').map((op) => bounds(op[1] as string));
    // The legend box and the two bars, all in the dataset's colour; the bars end on the same baseline.
    const barBoxes = fills.filter((b) => b.y1 - b.y0 > 50);
    expect(barBoxes).toHaveLength(2);
    expect(barBoxes[0].y1).toBeCloseTo(barBoxes[1].y1, 2);
    const [debat, consensus] = barBoxes.sort((a, b) => a.x0 - b.x0);
    expect((debat.y1 - debat.y0) / (consensus.y1 - consensus.y0)).toBeCloseTo(72.3 / 38.1, 2);
    for (const b of fills) {
      expect(b.x0).toBeGreaterThanOrEqual(0);
      expect(b.x1).toBeLessThanOrEqual(400);
    }
    // Text is placed on its baseline: the « 0 » of the y axis is centred on the line where the bars start, so its
    // baseline is a little below that line (a quarter of the font size or so), not on it.
    const zero = drawing.ops.find((op): op is Extract<ChartOp, ['text', ...unknown[]]> => op[0] === 'text' && op[1] === '0')!;
    const size = zero[5];
    expect(zero[3] - debat.y1).toBeGreaterThan(0.1 * size);
    expect(zero[3] - debat.y1).toBeLessThan(0.45 * size);
  });

  it('turns arcs into curves through the same points, in the direction asked', () => {
    const drawing = recordChart(
      { type: 'radar', data: { labels: ['A', 'B', 'C'], datasets: [{ label: 'S', data: [50, 50, 50], pointRadius: 6, pointStyle: 'circle', pointBackgroundColor: '#ff0000' }] } },
      { width: 300, height: 300 },
    );
    const points = drawing.ops.filter((op) => op[0] === 'fill' && op[2].join() === '255,0,0').map((op) => bounds(op[1] as string));
    expect(points).toHaveLength(3);
    // A full circle of radius 6: its curves' control points span a little more than the diameter.
    for (const p of points) {
      expect(p.x1 - p.x0).toBeGreaterThanOrEqual(12 - 1e-6);
      expect(p.x1 - p.x0).toBeLessThan(12 * 1.1);
      expect(p.y1 - p.y0).toBeGreaterThanOrEqual(12 - 1e-6);
    }
  });

  it('reads CSS colours as chart.js writes them, and refuses the others', () => {
    expect(parseColour('#1f3b63')).toEqual({ rgb: [31, 59, 99], alpha: 1 });
    expect(parseColour('#fff')).toEqual({ rgb: [255, 255, 255], alpha: 1 });
    expect(parseColour('rgba(0, 0, 0, 0.1)')).toEqual({ rgb: [0, 0, 0], alpha: 0.1 });
    expect(parseColour('rgb(10 20 30 / 50%)')).toEqual({ rgb: [10, 20, 30], alpha: 0.5 });
    expect(parseColour('transparent')).toEqual({ rgb: [0, 0, 0], alpha: 0 });
    expect(parseColour('papayawhip')).toBeNull();
    expect(() => recordChart({ ...bars, data: { ...bars.data, datasets: [{ ...bars.data.datasets[0], backgroundColor: 'papayawhip' }] } } as ChartConfiguration, { width: 200, height: 100 })).toThrow(/Couleur/);
  });
});
