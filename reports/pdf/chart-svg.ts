// Replays a chart recorded by chart-core.mjs as an SVG document: chart.js only paints on a canvas, but the PDF's
// recording already holds its paths, fills, strokes, clips and text as vectors, so the same drawing gives an SVG a
// word processor or a layout tool scales without blur. Text stays text; each string keeps the width DejaVu Sans
// gave it (textLength), so labels still fit where another font is substituted.
import type { ChartDrawing, ChartPath, Rgb } from './chart-core.mjs';

const OPERATORS: Record<string, string> = { m: 'M', l: 'L', c: 'C', h: 'Z' };

/** PDF path operators ("x y m", "x y l", "… c", "h", one per line) as an SVG path's `d`. */
export function svgPathData(path: ChartPath): string {
  return path
    .split('\n')
    .map((line) => {
      const parts = line.trim().split(' ');
      const op = OPERATORS[parts.at(-1) ?? ''];
      if (!op) throw new Error(`Opérateur de tracé inconnu : ${line}`);
      return [op, ...parts.slice(0, -1)].join(' ');
    })
    .join(' ');
}

const colour = (rgb: Rgb) => `rgb(${rgb.join(',')})`;
const opacity = (name: string, alpha: number) => (alpha < 1 ? ` ${name}="${Number(alpha.toFixed(3))}"` : '');
const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const round = (n: number) => Number(n.toFixed(2));

/** The chart as a standalone SVG document, `title` as its accessible name. */
export function chartSvg(drawing: ChartDrawing, title: string): string {
  const out: string[] = [];
  const defs: string[] = [];
  // Groups opened since each save (clips open one each), closed again on restore, as a canvas pops its clip.
  const opened: number[] = [0];
  let clips = 0;
  for (const op of drawing.ops) {
    switch (op[0]) {
      case 'save':
        opened.push(0);
        break;
      case 'restore':
        out.push('</g>'.repeat(opened.pop() ?? 0));
        if (!opened.length) opened.push(0);
        break;
      case 'clip': {
        const [, path, evenOdd] = op;
        const id = `clip${++clips}`;
        defs.push(`<clipPath id="${id}"><path d="${svgPathData(path)}"${evenOdd ? ' clip-rule="evenodd"' : ''}/></clipPath>`);
        out.push(`<g clip-path="url(#${id})">`);
        opened[opened.length - 1]++;
        break;
      }
      case 'fill': {
        const [, path, rgb, alpha, evenOdd] = op;
        out.push(`<path d="${svgPathData(path)}" fill="${colour(rgb)}"${opacity('fill-opacity', alpha)}${evenOdd ? ' fill-rule="evenodd"' : ''}/>`);
        break;
      }
      case 'stroke': {
        const [, path, rgb, alpha, width, cap, join, miter, dash, dashOffset] = op;
        const dashes = dash.length ? ` stroke-dasharray="${dash.join(' ')}" stroke-dashoffset="${dashOffset}"` : '';
        out.push(
          `<path d="${svgPathData(path)}" fill="none" stroke="${colour(rgb)}"${opacity('stroke-opacity', alpha)} stroke-width="${round(width)}" ` +
            `stroke-linecap="${cap}" stroke-linejoin="${join}" stroke-miterlimit="${miter}"${dashes}/>`,
        );
        break;
      }
      case 'text': {
        const [, text, x, y, bold, size, rgb, alpha, width, matrix] = op;
        const transform = matrix ? ` transform="matrix(${matrix.map(round).join(' ')})"` : '';
        out.push(
          `<text x="${round(x)}" y="${round(y)}" font-size="${size}"${bold ? ' font-weight="bold"' : ''} fill="${colour(rgb)}"${opacity('fill-opacity', alpha)} ` +
            `textLength="${round(width)}" lengthAdjust="spacingAndGlyphs"${transform}>${escape(text)}</text>`,
        );
        break;
      }
    }
  }
  while (opened.length) out.push('</g>'.repeat(opened.pop()!));
  const { width, height } = drawing;
  return (
    `<?xml version="1.0" encoding="UTF-8"?>\n` +
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-labelledby="title" ` +
    `font-family="DejaVu Sans, Verdana, sans-serif">\n<title id="title">${escape(title)}</title>\n` +
    `<rect width="100%" height="100%" fill="#fff"/>\n<defs>${defs.join('')}</defs>\n${out.join('\n')}\n</svg>\n`
  );
}
