// The building blocks shared by the PDF reports (pole and network): A4 geometry and style, DejaVu fonts shared
// across documents, French typography memoised per report, a thin layout layer over pdfkit (headings feeding the
// table of contents, paragraphs, lists, tables with repeated headers, deferred chart images), the table of
// contents and the "Page N / M" footers filled in once the body is laid out on buffered pages.
import { readFileSync } from 'node:fs';
import PDFDocument from 'pdfkit';
import { DEJAVU_BOLD, DEJAVU_REGULAR } from './render-chart.ts';
import { formatScore, frenchTypography } from '../format.ts';

/** Pixels per point of the chart images (about 110 dpi at 1.5): 2 is sharper and costs about 15 ms more per report. */
export const CHART_SCALE = Number(process.env.PDF_CHART_SCALE ?? 1.5);

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
// for either, hence the peeks at `_font.font` and `_font.layoutCache` (checked, with a plain fallback).
type FontSource = Buffer | { layout: (...args: unknown[]) => unknown };
type PdfKitFont = { font?: FontSource; layoutCache?: Record<string, unknown> };
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
    const font = (doc as unknown as { _font?: PdfKitFont })._font;
    if (font?.font && typeof (font.font as { layout?: unknown }).layout === 'function') parsed[name] = font.font;
    if (font?.layoutCache) {
      font.layoutCache = LAYOUT_CACHES[name] ??= Object.create(null) as Record<string, unknown>;
    }
  }
  fontSources ??= parsed[FONT.regular] && parsed[FONT.bold] ? parsed : files;
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
// A thin layout layer over pdfkit: headings that feed the table of contents, paragraphs, lists, tables, images.

export type Doc = PDFKit.PDFDocument;
export type Align = 'left' | 'right' | 'center';

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
  width: number;
  height: number;
  image: Promise<Buffer>;
}

export class Layout {
  readonly sections: Section[] = [];
  readonly images: Placement[] = [];

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
    doc.font(FONT.bold).fontSize(SIZE.h1).fillColor(COLOUR.accent);
    doc.text(t(title), LEFT, doc.y, { width: WIDTH });
    const y = doc.y + 4;
    doc.moveTo(LEFT, y).lineTo(LEFT + WIDTH, y).lineWidth(1.2).strokeColor(COLOUR.accent).stroke();
    doc.y = y + 12;
    doc.x = LEFT;
  }

  ensure(height: number) {
    if (this.doc.y + height > BOTTOM) this.newPage();
  }

  /**
   * Keeps a short text block on one page. Measuring a block wraps it once more, so it is skipped when a cheap
   * upper bound on its height (its width over 80 % of the line, plus one line) already fits in the room left.
   */
  /** An upper bound on the height of a text block in the current font, without wrapping it. */
  heightBound(text: string, width: number, lineGap: number): number {
    const doc = this.doc;
    const lines = Math.ceil(doc.widthOfString(text) / (width * 0.8)) + (text.match(/\n/g)?.length ?? 0) + 1;
    return lines * (doc.currentLineHeight(true) + lineGap);
  }

  ensureText(text: string, width: number, lineGap: number, extra = 0) {
    const doc = this.doc;
    if (doc.y + this.heightBound(text, width, lineGap) + extra <= BOTTOM) return;
    const height = doc.heightOfString(text, { width, lineGap });
    // Short blocks stay on one page; long ones flow (pdfkit breaks pages itself).
    if (height < 120) this.ensure(height + extra);
  }

  subheading(text: string, keepWith = 60) {
    const doc = this.doc;
    this.ensure(24 + keepWith);
    doc.y += 6;
    doc.font(FONT.bold).fontSize(SIZE.h2).fillColor(COLOUR.accent);
    doc.text(t(text), LEFT, doc.y, { width: WIDTH });
    doc.y += 4;
  }

  minorHeading(text: string, keepWith = 30) {
    const doc = this.doc;
    this.ensure(16 + keepWith);
    doc.y += 3;
    doc.font(FONT.bold).fontSize(SIZE.h3).fillColor(COLOUR.text);
    doc.text(t(text), LEFT, doc.y, { width: WIDTH });
    doc.y += 2;
  }

  paragraph(raw: string, options: { size?: number; muted?: boolean; bold?: boolean; gap?: number; indent?: number } = {}) {
    const doc = this.doc;
    const indent = options.indent ?? 0;
    doc.font(options.bold ? FONT.bold : FONT.regular).fontSize(options.size ?? SIZE.body).fillColor(options.muted ? COLOUR.muted : COLOUR.text);
    const text = t(raw);
    this.ensureText(text, WIDTH - indent, 1.5);
    doc.text(text, LEFT + indent, doc.y, { width: WIDTH - indent, lineGap: 1.5 });
    doc.x = LEFT;
    doc.y += options.gap ?? 5;
  }

  bullets(items: string[], options: { size?: number; marker?: string; gap?: number } = {}) {
    const doc = this.doc;
    const size = options.size ?? SIZE.body;
    for (const item of items) {
      doc.font(FONT.regular).fontSize(size).fillColor(COLOUR.text);
      const text = t(item);
      this.ensureText(text, WIDTH - 14, 1.5, 2);
      const y = doc.y;
      doc.text(options.marker ?? '•', LEFT + 2, y, { width: 12, lineBreak: false });
      doc.text(text, LEFT + 14, y, { width: WIDTH - 14, lineGap: 1.5 });
      doc.x = LEFT;
      doc.y += options.gap ?? 3;
    }
  }

  /**
   * Reserves the place of a chart: the image is still being encoded off the main thread while the rest of the
   * document is laid out, and is drawn on its (buffered) page by placeImages().
   */
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

  image(image: Promise<Buffer>, width: number, height: number, caption?: string) {
    const doc = this.doc;
    const captionHeight = caption ? doc.font(FONT.regular).fontSize(SIZE.small).heightOfString(t(caption), { width: WIDTH }) + 4 : 0;
    this.ensure(height + captionHeight + 6);
    const x = LEFT + (WIDTH - width) / 2;
    const y = doc.y;
    this.images.push({ page: this.pageNumber - 1, x, y, width, height, image });
    doc.y = y + height + 4;
    if (caption) {
      doc.font(FONT.regular).fontSize(SIZE.small).fillColor(COLOUR.muted);
      doc.text(t(caption), LEFT, doc.y, { width: WIDTH });
    }
    doc.x = LEFT;
    doc.y += 8;
  }

  async placeImages() {
    const doc = this.doc;
    const buffers = await Promise.all(this.images.map((p) => p.image));
    this.images.forEach((p, i) => {
      doc.switchToPage(p.page);
      doc.image(buffers[i], p.x, p.y, { width: p.width, height: p.height });
      doc.rect(p.x, p.y, p.width, p.height).lineWidth(0.5).strokeColor(COLOUR.light).stroke();
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

    // Most cells hold one line: measure its width once (cheap), reuse it to place the text, and wrap only the
    // cells that need it.
    const lineHeight = doc.font(FONT.regular).fontSize(size).currentLineHeight(true);
    const prepare = (cells: Cell[], bold: boolean) =>
      cells.map((cell, i) => {
        const c = cellOf(cell);
        const text = t(c.text);
        const font = bold || c.bold ? FONT.bold : FONT.regular;
        doc.font(font).fontSize(size);
        const width = text.includes('\n') ? Infinity : doc.widthOfString(text);
        const oneLine = width <= widths[i] - 2 * pad;
        return { c, text, font, width, oneLine, height: oneLine ? lineHeight : doc.heightOfString(text || ' ', { width: widths[i] - 2 * pad }) };
      });
    type Prepared = ReturnType<typeof prepare>;
    const heightOf = (cells: Prepared) => Math.max(...cells.map((c) => c.height)) + 2 * pad;

    const drawRow = (cells: Prepared, y: number, height: number, kind: 'header' | 'body', zebra: boolean) => {
      if (kind === 'header') doc.rect(LEFT, y, WIDTH, height).fill(COLOUR.header);
      else if (zebra) doc.rect(LEFT, y, WIDTH, height).fill(COLOUR.zebra);
      cells.forEach(({ c, text, font, width, oneLine }, i) => {
        doc.font(font).fontSize(size).fillColor(c.muted ? COLOUR.muted : COLOUR.text);
        const align = kind === 'header' && columns[i].align !== 'right' ? 'left' : (columns[i].align ?? 'left');
        if (oneLine) {
          // One line: place it directly, without pdfkit's line wrapper.
          const x = align === 'right' ? xs[i] + widths[i] - pad - width : xs[i] + pad;
          doc.text(text, x, y + pad, { lineBreak: false });
        } else doc.text(text, xs[i] + pad, y + pad, { width: widths[i] - 2 * pad, align });
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
    doc.font(FONT.regular).fontSize(SIZE.body);
    const texts = lines.map((l) => t(l));
    const inner = WIDTH - 20;
    const heights = texts.map((l) => doc.heightOfString(l, { width: inner - 12, lineGap: 1.5 }) + 3);
    const height = 8 + 14 + heights.reduce((s, h) => s + h, 0) + 4;
    this.ensure(Math.min(height, 300));
    const y = doc.y;
    doc.rect(LEFT, y, WIDTH, height).fill(COLOUR.zebra);
    doc.rect(LEFT, y, 3.5, height).fill(COLOUR.accent);
    doc.font(FONT.bold).fontSize(SIZE.body).fillColor(COLOUR.text).text(t(label), LEFT + 12, y + 7, { width: inner });
    let yy = y + 8 + 14;
    texts.forEach((text, i) => {
      doc.font(FONT.regular).fontSize(SIZE.body).fillColor(COLOUR.text);
      doc.text('–', LEFT + 12, yy, { width: 10, lineBreak: false });
      doc.text(text, LEFT + 24, yy, { width: inner - 12, lineGap: 1.5 });
      yy += heights[i];
    });
    doc.x = LEFT;
    doc.y = Math.max(doc.y, y + height) + 8;
  }
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

/** "Page N / M" footers on every page but the cover, with a running title on the left. */
export function footers(layout: Layout, runningTitle: string) {
  const doc = layout.doc;
  const range = doc.bufferedPageRange();
  const total = range.count;
  for (let i = range.start + 1; i < range.start + total; i++) {
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
