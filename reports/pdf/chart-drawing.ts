// Replays a chart recorded by chart-core.mjs into a pdfkit document: paths, fills, strokes and clips as PDF
// vector operations, chart text as PDF text in the embedded DejaVu fonts.
import type { ChartDrawing, ChartPath } from './chart-core.mjs';
import { drawFragment } from './text.ts';

type Doc = PDFKit.PDFDocument;

/** Adds the path to the page: its operators are written by the recording, in the coordinates of the chart. */
function tracePath(doc: Doc, path: ChartPath) {
  if (path) doc.addContent(path);
}

/** Draws the chart with its top-left corner at (x, y), one chart pixel per point. */
export function drawChart(doc: Doc, drawing: ChartDrawing, x: number, y: number, fonts: { regular: string; bold: string }) {
  doc.save();
  doc.translate(x, y);
  // What the chart draws stays inside its frame, as on a canvas.
  doc.rect(0, 0, drawing.width, drawing.height).clip();
  for (const op of drawing.ops) {
    switch (op[0]) {
      case 'save':
        doc.save();
        break;
      case 'restore':
        doc.restore();
        break;
      case 'fill': {
        const [, path, rgb, alpha, evenOdd] = op;
        tracePath(doc, path);
        doc.fillColor(rgb, alpha).fill(evenOdd ? 'even-odd' : 'non-zero');
        break;
      }
      case 'stroke': {
        const [, path, rgb, alpha, width, cap, join, miter, dash, dashOffset] = op;
        tracePath(doc, path);
        doc.lineWidth(width).lineCap(cap as 'butt').lineJoin(join as 'miter').miterLimit(miter);
        if (dash.length) doc.dash(dash as unknown as number, { phase: dashOffset });
        else doc.undash();
        doc.strokeColor(rgb, alpha).stroke();
        break;
      }
      case 'clip': {
        const [, path, evenOdd] = op;
        tracePath(doc, path);
        doc.clip(evenOdd ? 'even-odd' : 'non-zero');
        break;
      }
      case 'text': {
        const [, text, tx, ty, bold, size, rgb, alpha, width, matrix] = op;
        doc.font(bold ? fonts.bold : fonts.regular).fontSize(size).fillColor(rgb, alpha);
        if (matrix) {
          doc.save();
          doc.transform(...matrix);
          drawFragment(doc, text, tx, ty, width, { baseline: 'alphabetic' });
          doc.restore();
        } else drawFragment(doc, text, tx, ty, width, { baseline: 'alphabetic' });
        break;
      }
    }
  }
  doc.restore();
}
