// Text blocks for the PDF reports, broken into lines here rather than by pdfkit's LineWrapper.
//
// Why: pdfkit measures every word again (and runs the Unicode line-break algorithm) each time a block is wrapped,
// and a block is wrapped twice when its height is needed first (to keep it on one page, to size a table row or a
// box). That was over a third of a report's time. Here a block is broken once, from word widths cached across
// reports, and the same lines give its height and are then drawn, one pdfkit fragment each.
//
// Breaking rules: lines break at ordinary spaces and at line feeds only. No-break spaces (U+00A0, U+202F, which
// frenchTypography puts inside guillemets and before : ; ! ?) never break, nor do hyphens. A word wider than the
// line is cut between characters, as pdfkit does. Runs of spaces and tabs count as one space.
import { fragmentOf, type Fragment } from './pdfkit-internals.ts';

type Doc = PDFKit.PDFDocument;
export type Align = 'left' | 'right' | 'center';

export interface TextStyle {
  font: string;
  size: number;
  /** Extra space after each line, in points. */
  lineGap?: number;
  color: string;
}

export interface TextLine {
  text: string;
  /** Width in points, as pdfkit measures the same string. */
  width: number;
  words: number;
}

export interface TextBlock {
  lines: TextLine[];
  style: TextStyle;
  /** Height of one line, line gap included. */
  lineHeight: number;
  height: number;
}

// Word widths at size 1000, per font. pdfkit measures a string as the sum of its space-separated runs, each run
// keeping its trailing space ("word "), so a line's width is the sum of its words' runs: with both widths of each
// word (alone, and followed by a space) the cache gives exactly pdfkit's figure. Most words recur from one report
// to the next; the cache starts over past a bound.
interface WordWidth {
  bare: number;
  spaced: number;
}
const WORD_WIDTHS = new Map<string, Map<string, WordWidth>>();
const WORD_WIDTHS_LIMIT = 100_000;

function widthsOf(font: string): Map<string, WordWidth> {
  let widths = WORD_WIDTHS.get(font);
  if (!widths || widths.size > WORD_WIDTHS_LIMIT) {
    widths = new Map();
    WORD_WIDTHS.set(font, widths);
  }
  return widths;
}

function measure(doc: Doc, widths: Map<string, WordWidth>, word: string, size: number): WordWidth {
  let width = widths.get(word);
  if (width === undefined) {
    width = { bare: (doc.widthOfString(word) * 1000) / size, spaced: (doc.widthOfString(`${word} `) * 1000) / size };
    widths.set(word, width);
  }
  return width;
}

/** Sets the style's font, size and colour on the document, to measure or draw with. */
export function useStyle(doc: Doc, style: TextStyle): Doc {
  return doc.font(style.font).fontSize(style.size).fillColor(style.color);
}

/**
 * How many first characters of `word` fit in `width` points: the longest prefix that fits (one character at least),
 * or the whole word when it fits. Only prefixes up to about twice that length are measured (doubling, then halving):
 * measuring the whole rest of a long word at each cut made a respondent's 5,000 characters without a space cost
 * seconds of a report, the time growing with the square of the length.
 */
function fittingPrefix(doc: Doc, word: string, width: number): number {
  let probe = 1;
  while (probe < word.length && doc.widthOfString(word.slice(0, probe)) <= width + 1e-6) probe *= 2;
  if (probe >= word.length && doc.widthOfString(word) <= width + 1e-6) return word.length;
  // Between a prefix taken as fitting (a single character is, whatever its width) and one that does not fit.
  let fits = 1;
  let over = Math.min(probe, word.length);
  while (over - fits > 1) {
    const mid = (fits + over) >> 1;
    if (doc.widthOfString(word.slice(0, mid)) <= width) fits = mid;
    else over = mid;
  }
  return fits;
}

/** Breaks `text` into lines of at most `width` points in the given style (greedy, at spaces and line feeds). */
export function setText(doc: Doc, text: string, width: number, style: TextStyle): TextBlock {
  doc.font(style.font).fontSize(style.size);
  const widths = widthsOf(style.font);
  const scale = style.size / 1000;
  const lines: TextLine[] = [];
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    const words = paragraph.split(/[ \t]+/).filter((w) => w !== '');
    let line: string[] = [];
    // Width of the words so far, each with its trailing space, and of the last one without it.
    let spaced = 0;
    let lastSpaced = 0;
    let lastBare = 0;
    const flush = () => {
      lines.push({ text: line.join(' '), width: (spaced - lastSpaced + lastBare) * scale, words: line.length });
      line = [];
      spaced = lastSpaced = lastBare = 0;
    };
    for (let word of words) {
      let { bare, spaced: withSpace } = measure(doc, widths, word, style.size);
      if (line.length && (spaced + bare) * scale > width + 1e-6) flush();
      // A word wider than the whole line is cut between characters: the longest prefix that fits, then the rest.
      if (bare * scale > width + 1e-6 && word.length > 1) {
        for (let fits = fittingPrefix(doc, word, width); fits < word.length; fits = fittingPrefix(doc, word, width)) {
          const head = word.slice(0, fits);
          lines.push({ text: head, width: doc.widthOfString(head), words: 1 });
          word = word.slice(fits);
        }
        ({ bare, spaced: withSpace } = measure(doc, widths, word, style.size));
      }
      line.push(word);
      spaced += withSpace;
      lastSpaced = withSpace;
      lastBare = bare;
    }
    // An empty paragraph still takes a line, as in pdfkit.
    flush();
  }
  const lineHeight = doc.currentLineHeight(true) + (style.lineGap ?? 0);
  return { lines, style, lineHeight, height: lines.length * lineHeight };
}

// pdfkit's text() measures every line again after drawing it, only to move its cursor right, which these lines
// never use: a line goes straight to the method that writes one fragment of text, internal to pdfkit
// (pdfkit-internals.ts).
let fragment: Fragment | undefined;

/**
 * Writes one fragment of text at (x, y) in the current font, size and colour: (x, y) is the top of the line, or
 * the start of the baseline with `baseline: 'alphabetic'`. `width` is the text's width, already known.
 */
export function drawFragment(doc: Doc, text: string, x: number, y: number, width: number, options: { words?: number; baseline?: 'alphabetic' } = {}) {
  const fragmentOptions = { lineBreak: false, textWidth: width, wordCount: options.words ?? 1, baseline: options.baseline };
  fragment ??= fragmentOf(doc);
  fragment.call(doc, text, x, y, fragmentOptions);
}

/** Draws one line at (x, y), aligned within `width`; no wrapping, no page break. */
export function drawLine(doc: Doc, line: TextLine, x: number, y: number, align: Align = 'left', width = 0) {
  if (!line.text) return;
  const dx = align === 'right' ? width - line.width : align === 'center' ? (width - line.width) / 2 : 0;
  drawFragment(doc, line.text, x + dx, y, line.width, { words: line.words });
}

/** Draws a block from (x, y) without page breaks (boxes, table cells); returns the y below it. */
export function drawBlock(doc: Doc, block: TextBlock, x: number, y: number, options: { align?: Align; width?: number } = {}): number {
  useStyle(doc, block.style);
  for (const line of block.lines) {
    drawLine(doc, line, x, y, options.align, options.width);
    y += block.lineHeight;
  }
  return y;
}
