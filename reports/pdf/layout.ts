// The building blocks shared by the PDF reports (pole and network): A4 geometry and style, DejaVu fonts shared
// across documents, French typography memoised per report, a thin layout layer over pdfkit (headings feeding the
// table of contents, paragraphs, lists, tables with repeated headers, text broken into lines once by text.ts,
// deferred vector charts), the cover, the table of contents and the "Page N / M" footers filled in once the body
// is laid out on buffered pages.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { DEJAVU_BOLD, DEJAVU_REGULAR, type ChartDrawing } from './render-chart.ts';
import { drawChart } from './chart-drawing.ts';
import { formatScore, frenchTypography } from '../format.ts';
import { drawBlock, drawLine, setText, useStyle, type Align, type TextBlock, type TextStyle } from './text.ts';
import { currentFont, type FontSource } from './pdfkit-internals.ts';

export { drawBlock, useStyle } from './text.ts';
export type { Align, TextBlock, TextStyle } from './text.ts';

// ---------------------------------------------------------------------------------------------------------------
// Page geometry and style (points). A4 is 595.28 x 841.89.

export const PAGE = { width: 595.28, height: 841.89 };
export const MARGIN = { top: 50, left: 50, right: 50, bottom: 62 };
export const LEFT = MARGIN.left;
export const WIDTH = PAGE.width - MARGIN.left - MARGIN.right;
export const BOTTOM = PAGE.height - MARGIN.bottom;

export const COLOUR = {
  text: '#1a1a1a',
  muted: '#555555',
  accent: '#1f3b63',
  rule: '#9aa5b4',
  light: '#d5dae1',
  header: '#e3e8ef',
  zebra: '#f5f7fa',
  cover: '#1f3b63',
};

export const FONT = { regular: 'DejaVu', bold: 'DejaVu-Bold' };
export const SIZE = { body: 9.5, small: 8, table: 8.5, h1: 19, h2: 12.5, h3: 10.5 };

// Fonts are read and parsed once per process, then shared by every document: pdfkit accepts a parsed (fontkit)
// font as a source and keeps the per-document state (subset, widths, ToUnicode) in its own EmbeddedFont.
// The word layouts (glyph runs, which depend on the font and the word only) are shared too: shaping words
// is most of pdfkit's text time, and most words recur from one report to the next. pdfkit has no public API
// for either: pdfkit-internals.ts reaches them, and fails loudly if they change.
let fontSources: Record<string, FontSource> | null = null;
const LAYOUT_CACHES: Record<string, Record<string, unknown>> = {};
/** Words kept per font before the shared layout cache starts over (bounded memory). */
const LAYOUT_CACHE_LIMIT = 50_000;
let reportsSinceCheck = 0;

/**
 * A buffered A4 document in French with DejaVu embedded, and the promise of its bytes once `doc.end()` is called.
 * Pages stay buffered so the table of contents and the footers can be written after the body.
 */
export function openDocument(info: { Title: string; Author: string; Subject: string; CreationDate: Date }): { doc: Doc; bytes: Promise<Buffer> } {
  const doc = new PDFDocument({
    size: 'A4',
    margins: MARGIN,
    bufferPages: true,
    autoFirstPage: true,
    lang: 'fr-FR',
    displayTitle: true,
    // No default Helvetica: DejaVu is registered below.
    font: null as unknown as string,
    info: { ...info, Creator: 'Auto-évaluation PTCE' },
  });
  registerFonts(doc);
  const chunks: Buffer[] = [];
  const bytes = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (chunk: Buffer) => chunks.push(chunk));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  return { doc, bytes };
}

export function registerFonts(doc: Doc) {
  const files: Record<string, FontSource> = fontSources ?? { [FONT.regular]: readFileSync(DEJAVU_REGULAR), [FONT.bold]: readFileSync(DEJAVU_BOLD) };
  const parsed: Record<string, FontSource> = {};
  // Counting the words costs a little: do it every 50 reports.
  if (++reportsSinceCheck >= 50) {
    reportsSinceCheck = 0;
    if (Object.values(LAYOUT_CACHES).some((cache) => Object.keys(cache).length > LAYOUT_CACHE_LIMIT)) {
      for (const name of Object.keys(LAYOUT_CACHES)) delete LAYOUT_CACHES[name];
    }
  }
  for (const name of [FONT.bold, FONT.regular]) {
    doc.registerFont(name, files[name] as Buffer);
    doc.font(name);
    const font = currentFont(doc);
    parsed[name] = font.source;
    font.setLayoutCache((LAYOUT_CACHES[name] ??= Object.create(null) as Record<string, unknown>));
  }
  fontSources ??= parsed;
}

// Strings are typeset twice (measured, then drawn): memoise the typography for the report being rendered.
let typography = new Map<string, string>();
/** Starts a new report's memo of typeset strings. */
export function resetTypography() {
  typography = new Map();
}
export const t = (text: string) => {
  let out = typography.get(text);
  if (out === undefined) {
    out = frenchTypography(text);
    typography.set(text, out);
  }
  return out;
};

// ---------------------------------------------------------------------------------------------------------------
// A thin layout layer over pdfkit: headings that feed the table of contents, paragraphs, lists, tables, charts.

export type Doc = PDFKit.PDFDocument;

export interface Column {
  header: string;
  width: number;
  align?: Align;
}

export type Cell = string | { text: string; bold?: boolean; muted?: boolean };

export interface Section {
  title: string;
  /** 1-based page number. */
  page: number;
}

export interface Placement {
  /** 0-based page index. */
  page: number;
  x: number;
  y: number;
  chart: Promise<ChartDrawing>;
}

export class Layout {
  readonly sections: Section[] = [];
  readonly charts: Placement[] = [];

  constructor(readonly doc: Doc) {}

  get pageNumber(): number {
    const range = this.doc.bufferedPageRange();
    return range.start + range.count;
  }

  newPage() {
    this.doc.addPage();
    this.doc.x = LEFT;
    this.doc.y = MARGIN.top;
  }

  /** Starts a section on a new page: heading, outline entry, table-of-contents entry. */
  section(title: string, options: { toc?: boolean; newPage?: boolean } = {}) {
    if (options.newPage !== false) this.newPage();
    const doc = this.doc;
    if (options.toc !== false) {
      this.sections.push({ title, page: this.pageNumber });
      doc.outline.addItem(t(title));
    }
    const y = this.flow(this.block(t(title), WIDTH, { font: FONT.bold, size: SIZE.h1, color: COLOUR.accent })) + 4;
    doc.moveTo(LEFT, y).lineTo(LEFT + WIDTH, y).lineWidth(1.2).strokeColor(COLOUR.accent).stroke();
    doc.y = y + 12;
    doc.x = LEFT;
  }

  ensure(height: number) {
    if (this.doc.y + height > BOTTOM) this.newPage();
  }

  /** Breaks a (typeset) text into lines of the given width and style: its height is known before it is drawn. */
  block(text: string, width: number, style: TextStyle): TextBlock {
    return setText(this.doc, text, width, style);
  }

  /** Keeps a short block (with `extra` points after it) on one page; a long one flows, from at least one line here. */
  keep(block: TextBlock, extra = 0) {
    this.ensure(block.height < 120 ? block.height + extra : block.lineHeight);
  }

  /**
   * Draws a block at the cursor (x defaults to the left margin), line by line, starting a new page when a line
   * would cross the bottom margin, as pdfkit does; leaves the cursor below it and returns that y.
   */
  flow(block: TextBlock, x = LEFT, options: { align?: Align; width?: number } = {}): number {
    const doc = this.doc;
    useStyle(doc, block.style);
    for (const line of block.lines) {
      if (doc.y + block.lineHeight > BOTTOM) {
        this.newPage();
        useStyle(doc, block.style);
      }
      drawLine(doc, line, x, doc.y, options.align, options.width);
      doc.y += block.lineHeight;
    }
    doc.x = LEFT;
    return doc.y;
  }

  subheading(text: string, keepWith = 60) {
    const doc = this.doc;
    this.ensure(24 + keepWith);
    doc.y += 6;
    this.flow(this.block(t(text), WIDTH, { font: FONT.bold, size: SIZE.h2, color: COLOUR.accent }));
    doc.y += 4;
  }

  minorHeading(text: string, keepWith = 30) {
    const doc = this.doc;
    this.ensure(16 + keepWith);
    doc.y += 3;
    this.flow(this.block(t(text), WIDTH, { font: FONT.bold, size: SIZE.h3, color: COLOUR.text }));
    doc.y += 2;
  }

  paragraph(raw: string, options: { size?: number; muted?: boolean; bold?: boolean; gap?: number; indent?: number } = {}) {
    const doc = this.doc;
    const indent = options.indent ?? 0;
    const block = this.block(t(raw), WIDTH - indent, {
      font: options.bold ? FONT.bold : FONT.regular,
      size: options.size ?? SIZE.body,
      lineGap: 1.5,
      color: options.muted ? COLOUR.muted : COLOUR.text,
    });
    this.keep(block);
    this.flow(block, LEFT + indent);
    doc.y += options.gap ?? 5;
  }

  bullets(items: string[], options: { size?: number; marker?: string; gap?: number } = {}) {
    const doc = this.doc;
    const size = options.size ?? SIZE.body;
    const style = { font: FONT.regular, size, lineGap: 1.5, color: COLOUR.text };
    for (const item of items) {
      const block = this.block(t(item), WIDTH - 14, style);
      this.keep(block, 2);
      useStyle(doc, style).text(options.marker ?? '•', LEFT + 2, doc.y, { lineBreak: false });
      this.flow(block, LEFT + 14);
      doc.y += options.gap ?? 3;
    }
  }

  /** The headline figure of a summary: label and score « 54,9 / 100 » in a box, with its explanation beside it. */
  scoreBox(label: string, score: number | null, explanation: string) {
    const doc = this.doc;
    const y = doc.y;
    doc.rect(LEFT, y, WIDTH, 74).fill(COLOUR.zebra);
    doc.rect(LEFT, y, 3.5, 74).fill(COLOUR.accent);
    doc.font(FONT.regular).fontSize(10).fillColor(COLOUR.muted).text(t(label), LEFT + 16, y + 10, { width: 200 });
    doc.font(FONT.bold).fontSize(30).fillColor(COLOUR.accent).text(formatScore(score), LEFT + 16, y + 26, { width: 110, lineBreak: false });
    const scoreWidth = doc.widthOfString(formatScore(score));
    doc.font(FONT.regular).fontSize(12).fillColor(COLOUR.muted).text('/ 100', LEFT + 20 + scoreWidth, y + 42, { width: 60, lineBreak: false });
    doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOUR.text);
    doc.text(t(explanation), LEFT + 200, y + 12, { width: WIDTH - 212, lineGap: 1.5, height: 58, ellipsis: true });
    doc.x = LEFT;
    doc.y = y + 74 + 12;
  }

  /**
   * Reserves the place of a chart (centred, `width` x `height` points, with its caption below): chart.js is still
   * drawing it off the main thread while the rest of the document is laid out; placeCharts() draws it on its
   * (buffered) page.
   */
  chart(chart: Promise<ChartDrawing>, width: number, height: number, caption?: string) {
    const doc = this.doc;
    const captionBlock = caption ? this.block(t(caption), WIDTH, { font: FONT.regular, size: SIZE.small, color: COLOUR.muted }) : null;
    this.ensure(height + (captionBlock ? captionBlock.height + 4 : 0) + 6);
    const x = LEFT + (WIDTH - width) / 2;
    const y = doc.y;
    this.charts.push({ page: this.pageNumber - 1, x, y, chart });
    doc.y = y + height + 4;
    if (captionBlock) this.flow(captionBlock);
    doc.y += 8;
  }

  /** Draws the charts reserved by chart(), each framed by a thin rule, once they are all recorded. */
  async placeCharts() {
    const doc = this.doc;
    const drawings = await Promise.all(this.charts.map((p) => p.chart));
    this.charts.forEach((p, i) => {
      const drawing = drawings[i];
      doc.switchToPage(p.page);
      drawChart(doc, drawing, p.x, p.y, FONT);
      doc.rect(p.x, p.y, drawing.width, drawing.height).lineWidth(0.5).strokeColor(COLOUR.light).stroke();
    });
  }

  /** A table with a bold header repeated on every page it spans; cells wrap, rows never split. */
  table(columns: Column[], rows: Cell[][], options: { size?: number; lastRowBold?: boolean } = {}) {
    const doc = this.doc;
    const size = options.size ?? SIZE.table;
    const pad = 4;
    const total = columns.reduce((s, c) => s + c.width, 0);
    const widths = columns.map((c) => (c.width * WIDTH) / total);
    const xs = widths.map((_, i) => LEFT + widths.slice(0, i).reduce((s, w) => s + w, 0));
    const cellOf = (cell: Cell) => (typeof cell === 'string' ? { text: cell } : cell);

    const prepare = (cells: Cell[], bold: boolean) =>
      cells.map((cell, i) => {
        const c = cellOf(cell);
        const block = this.block(t(c.text), widths[i] - 2 * pad, {
          font: bold || c.bold ? FONT.bold : FONT.regular,
          size,
          color: c.muted ? COLOUR.muted : COLOUR.text,
        });
        return { block, height: Math.max(block.height, block.lineHeight) };
      });
    type Prepared = ReturnType<typeof prepare>;
    const heightOf = (cells: Prepared) => Math.max(...cells.map((c) => c.height)) + 2 * pad;

    const drawRow = (cells: Prepared, y: number, height: number, kind: 'header' | 'body', zebra: boolean) => {
      if (kind === 'header') doc.rect(LEFT, y, WIDTH, height).fill(COLOUR.header);
      else if (zebra) doc.rect(LEFT, y, WIDTH, height).fill(COLOUR.zebra);
      cells.forEach(({ block }, i) => {
        const align = kind === 'header' && columns[i].align !== 'right' ? 'left' : (columns[i].align ?? 'left');
        drawBlock(doc, block, xs[i] + pad, y + pad, { align, width: widths[i] - 2 * pad });
      });
      const lineY = y + height;
      doc.moveTo(LEFT, lineY).lineTo(LEFT + WIDTH, lineY).lineWidth(kind === 'header' ? 0.9 : 0.4).strokeColor(kind === 'header' ? COLOUR.rule : COLOUR.light).stroke();
    };

    const header = prepare(columns.map((c) => c.header), true);
    const headerHeight = heightOf(header);
    const startTable = () => {
      const y = doc.y;
      drawRow(header, y, headerHeight, 'header', false);
      doc.y = y + headerHeight;
    };
    const body = rows.map((row, r) => prepare(row, options.lastRowBold === true && r === rows.length - 1));
    this.ensure(headerHeight + (body.length ? heightOf(body[0]) : 0));
    startTable();
    body.forEach((cells, r) => {
      const height = heightOf(cells);
      if (doc.y + height > BOTTOM) {
        this.newPage();
        startTable();
      }
      const y = doc.y;
      drawRow(cells, y, height, 'body', r % 2 === 1);
      doc.y = y + height;
    });
    doc.x = LEFT;
    doc.y += 8;
  }

  /** A framed note (warnings, flags): a thick left rule and a label, so it reads the same in grayscale. */
  note(label: string, lines: string[]) {
    const doc = this.doc;
    const inner = WIDTH - 20;
    const blocks = lines.map((l) => this.block(t(l), inner - 12, { font: FONT.regular, size: SIZE.body, lineGap: 1.5, color: COLOUR.text }));
    const height = 8 + 14 + blocks.reduce((s, b) => s + b.height + 3, 0) + 4;
    this.ensure(Math.min(height, 300));
    const y = doc.y;
    doc.rect(LEFT, y, WIDTH, height).fill(COLOUR.zebra);
    doc.rect(LEFT, y, 3.5, height).fill(COLOUR.accent);
    drawBlock(doc, this.block(t(label), inner, { font: FONT.bold, size: SIZE.body, color: COLOUR.text }), LEFT + 12, y + 7);
    let yy = y + 8 + 14;
    for (const block of blocks) {
      useStyle(doc, block.style).text('–', LEFT + 12, yy, { lineBreak: false });
      yy = drawBlock(doc, block, LEFT + 24, yy) + 3;
    }
    doc.x = LEFT;
    doc.y = y + height + 8;
  }
}

export interface CoverContent {
  /** The line above the title. */
  kicker: string;
  /** Title lines on the coloured band, each `gap` points below the previous one. */
  headings: { text: string; size: number; bold?: boolean; gap: number }[];
  /** Label and value pairs under the band. */
  facts: [label: string, value: string][];
  labelWidth: number;
  /** Small print at the foot of the page. */
  footnote: string;
}

/** The cover page of a report: a band with the titles, the key facts, a footnote. */
export function coverPage(layout: Layout, content: CoverContent) {
  const doc = layout.doc;
  doc.rect(0, 0, PAGE.width, 330).fill(COLOUR.cover);
  const onBand = (text: string, size: number, bold = false) => layout.block(t(text), WIDTH, { font: bold ? FONT.bold : FONT.regular, size, color: '#ffffff' });
  let y = drawBlock(doc, onBand(content.kicker, 12), LEFT, 90);
  for (const h of content.headings) y = drawBlock(doc, onBand(h.text, h.size, h.bold), LEFT, y + h.gap);

  y = 380;
  const valueX = LEFT + content.labelWidth + 5;
  for (const [label, value] of content.facts) {
    const below = Math.max(
      drawBlock(doc, layout.block(t(label), content.labelWidth, { font: FONT.regular, size: 11, color: COLOUR.muted }), LEFT, y),
      drawBlock(doc, layout.block(t(value), LEFT + WIDTH - valueX, { font: FONT.bold, size: 11, color: COLOUR.text }), valueX, y),
    );
    y = below + 8;
  }
  // The footnote ends at the foot of the page, however many lines it takes.
  const footnote = layout.block(t(content.footnote), WIDTH, { font: FONT.regular, size: SIZE.small, color: COLOUR.muted });
  drawBlock(doc, footnote, LEFT, Math.max(y + 12, BOTTOM - footnote.height));
  doc.x = LEFT;
}

/** Writes the table of contents on the page reserved for it (0-based index), from the sections laid out. */
export function tableOfContents(layout: Layout, pageIndex: number, title = 'Sommaire') {
  const doc = layout.doc;
  doc.switchToPage(pageIndex);
  doc.x = LEFT;
  doc.y = MARGIN.top;
  // The heading of the table of contents is not itself an entry.
  layout.section(title, { toc: false, newPage: false });
  doc.y += 6;
  for (const s of layout.sections) {
    const y = doc.y;
    const title = t(s.title);
    const number = String(s.page);
    doc.font(FONT.regular).fontSize(11).fillColor(COLOUR.text);
    const titleWidth = doc.widthOfString(title);
    const numberWidth = doc.widthOfString(number);
    doc.text(title, LEFT, y, { width: WIDTH - 40, lineBreak: false });
    doc.text(number, LEFT + WIDTH - 40, y, { width: 40, align: 'right', lineBreak: false });
    // Dot leader, drawn (not typed) so the text stays "title ... number" when extracted.
    const from = LEFT + titleWidth + 6;
    const to = LEFT + WIDTH - numberWidth - 6;
    if (to > from) doc.moveTo(from, y + 9).lineTo(to, y + 9).lineWidth(0.8).dash(0.8, { space: 3 }).strokeColor(COLOUR.rule).stroke().undash();
    doc.y = y + 22;
  }
  doc.x = LEFT;
}

/**
 * "Page N / M" footers with a running title on the left, on every page but the cover (`firstPage` 1), or on every
 * page of a document without one (`firstPage` 0).
 */
export function footers(layout: Layout, runningTitle: string, firstPage = 1) {
  const doc = layout.doc;
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start + firstPage; i < range.start + total; i++) {
    doc.switchToPage(i);
    // Writing below the bottom margin would add a page: lift the margin while the footer is written.
    const margin = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    const y = PAGE.height - 40;
    doc.moveTo(LEFT, y - 6).lineTo(LEFT + WIDTH, y - 6).lineWidth(0.5).strokeColor(COLOUR.light).stroke();
    doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOUR.muted);
    doc.text(t(runningTitle), LEFT, y, { width: WIDTH - 90, lineBreak: false, ellipsis: true });
    doc.text(`Page ${i + 1} / ${total}`, LEFT + WIDTH - 90, y, { width: 90, align: 'right', lineBreak: false });
    doc.page.margins.bottom = margin;
  }
}
