// A free-text answer is printed in the PDF as written: one "word" may be thousands of characters without a space
// (reports/pdf/text.ts cuts it across lines). The cuts are the longest prefixes that fit, and their cost linear.
import PDFDocument from 'pdfkit';
import { describe, expect, it } from 'vitest';
import { DEJAVU_REGULAR } from '../../reports/pdf/render-chart.ts';
import { setText } from '../../reports/pdf/text.ts';
import { between, pick, seededRandom } from '../../server/demo/random.ts';

const doc = new PDFDocument({ autoFirstPage: false, font: null as unknown as string });
doc.registerFont('DejaVu', DEJAVU_REGULAR);
const style = { font: 'DejaVu', size: 9.5, lineGap: 1.5, color: '#1a1a1a' };
const width = (s: string) => doc.font('DejaVu').fontSize(style.size).widthOfString(s);

/** The cuts by definition, one character at a time: each piece the longest prefix of the rest that fits. */
function referenceCuts(word: string, lineWidth: number): string[] {
  const pieces: string[] = [];
  let rest = word;
  while (width(rest) > lineWidth + 1e-6 && rest.length > 1) {
    let fits = 1;
    while (fits + 1 < rest.length && width(rest.slice(0, fits + 1)) <= lineWidth) fits++;
    pieces.push(rest.slice(0, fits));
    rest = rest.slice(fits);
  }
  return [...pieces, rest];
}

const ALPHABET = 'abcdéfghijklmnopqrstuvwxyz0123456789';
/** A word of n characters without a space; each `variant` differs, so that no measure is reused from the run before. */
const longWord = (n: number, variant = 0) => ALPHABET.slice(variant % 36).concat(ALPHABET.repeat(Math.ceil(n / 36))).slice(0, n);

/** Median duration, in ms, of setting a new word of n characters in lines (a few runs: the machine is shared). */
function medianMs(n: number, runs = 3): number {
  const times: number[] = [];
  for (let i = 1; i <= runs; i++) {
    const text = longWord(n, i);
    const start = performance.now();
    setText(doc, text, 300, style);
    times.push(performance.now() - start);
  }
  return times.sort((a, b) => a - b)[Math.floor(runs / 2)];
}

describe('a word wider than the line', () => {
  it('is cut into the longest prefixes that fit, narrow and wide letters mixed, at any width', () => {
    const rng = seededRandom(7);
    const letters = ['i', 'l', 'a', 'é', 'm', 'W', '—', '0', '/', '.'];
    for (let i = 0; i < 50; i++) {
      const word = Array.from({ length: between(rng, 1, 250) }, () => pick(rng, letters)).join('');
      // Down to a line narrower than a single letter: each letter then takes a line of its own.
      const lineWidth = pick(rng, [3, 20, 57.5, 120, 300]);
      const lines = setText(doc, word, lineWidth, style).lines.map((l) => l.text);
      expect(lines, `${word} @ ${lineWidth}`).toEqual(referenceCuts(word, lineWidth));
    }
  });

  it('of 50,000 characters is set in linear time', () => {
    const large = longWord(50_000);
    const start = performance.now();
    const block = setText(doc, large, 300, style);
    // Generous bounds: about half a second here; measuring the whole rest at each cut took 4 s for 10,000 characters.
    expect(performance.now() - start).toBeLessThan(5_000);
    expect(block.lines.map((l) => l.text).join('')).toBe(large);
    for (const line of block.lines) expect(width(line.text)).toBeLessThanOrEqual(300 + 1e-6);
    // Ten times the longest answer a respondent may write (5,000 characters), about ten times the work: far below
    // the hundred times of quadratic work.
    expect(medianMs(50_000)).toBeLessThan(30 * medianMs(5_000) + 20);
  });
});
