// Records what chart.js draws, as vector operations for the PDF reports.
//
// chart.js draws on anything that looks like a canvas. Here it draws on a recording context: paths are kept in
// chart coordinates (the current transform applied as they are built, as a canvas does), with their colours and
// line styles resolved at fill or stroke time, and text is kept as text, placed on its alphabetic baseline. Text
// is measured by a real @napi-rs/canvas context with the same DejaVu fonts the PDF embeds, so chart.js lays out
// labels and legends exactly as it would on screen. The recording (plain arrays, cheap to post between threads)
// is replayed into pdfkit by chart-drawing.ts: vectors print sharply at any size and the chart text stays text.
//
// Plain JavaScript so that a worker thread can load it without a TypeScript loader (see chart-worker.mjs).
// Types: chart-core.d.mts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Canvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables } from 'chart.js';

const require = createRequire(import.meta.url);
const DEJAVU_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const DEJAVU_REGULAR = join(DEJAVU_DIR, 'DejaVuSans.ttf');
export const DEJAVU_BOLD = join(DEJAVU_DIR, 'DejaVuSans-Bold.ttf');

let ready = false;
let measurer = null;

/** Registers chart.js components and the DejaVu fonts, once per thread. */
export function setupCharts() {
  if (ready) return;
  Chart.register(...registerables);
  if (!GlobalFonts.has('DejaVu Sans')) {
    GlobalFonts.registerFromPath(DEJAVU_REGULAR, 'DejaVu Sans');
    GlobalFonts.registerFromPath(DEJAVU_BOLD, 'DejaVu Sans');
  }
  // What a configuration leaves unset uses DejaVu too: an unknown family would fall back to a serif.
  Chart.defaults.font.family = 'DejaVu Sans';
  Chart.defaults.color = '#333333';
  measurer = new Canvas(8, 8).getContext('2d');
  ready = true;
}

// ---------------------------------------------------------------------------------------------------------------
// Operations. Paths are PDF path operators in chart coordinates ("x y m", "x y l", "x1 y1 x2 y2 x y c", "h"),
// numbers to 1/100 of a point, written here so that the main thread only copies them into the page.
//   ['save'] / ['restore']
//   ['fill', path, rgb, alpha, evenOdd]
//   ['stroke', path, rgb, alpha, lineWidth, lineCap, lineJoin, miterLimit, dash, dashOffset]
//   ['clip', path, evenOdd]
//   ['text', text, x, y, bold, size, rgb, alpha, width, matrix]   (x, y: start of the baseline; matrix: null or
//                                                                   the [a, b, c, d, e, f] it is drawn under)

/** A coordinate for a PDF content stream: at most two decimals, no exponent, no negative zero. */
const num = (n) => {
  const r = Math.round(n * 100) / 100;
  return r === 0 ? '0' : String(r);
};

/** A CSS colour as [r, g, b] (0-255) and an alpha; names other than black, white and transparent are refused. */
export function parseColour(value) {
  if (typeof value !== 'string') return null;
  const s = value.trim().toLowerCase();
  if (s === 'transparent') return { rgb: [0, 0, 0], alpha: 0 };
  if (s === 'black') return { rgb: [0, 0, 0], alpha: 1 };
  if (s === 'white') return { rgb: [255, 255, 255], alpha: 1 };
  let m = /^#([0-9a-f]{3,8})$/.exec(s);
  if (m) {
    let hex = m[1];
    if (hex.length === 3 || hex.length === 4) hex = [...hex].map((c) => c + c).join('');
    if (hex.length !== 6 && hex.length !== 8) return null;
    const n = (i) => parseInt(hex.slice(i, i + 2), 16);
    return { rgb: [n(0), n(2), n(4)], alpha: hex.length === 8 ? n(6) / 255 : 1 };
  }
  m = /^rgba?\(([^)]*)\)$/.exec(s);
  if (m) {
    const parts = m[1].split(/[\s,/]+/).filter(Boolean);
    if (parts.length < 3) return null;
    const channel = (p) => (p.endsWith('%') ? (parseFloat(p) * 255) / 100 : parseFloat(p));
    const alpha = parts[3] === undefined ? 1 : parts[3].endsWith('%') ? parseFloat(parts[3]) / 100 : parseFloat(parts[3]);
    const rgb = parts.slice(0, 3).map(channel);
    if (![...rgb, alpha].every(Number.isFinite)) return null;
    return { rgb: rgb.map((c) => Math.max(0, Math.min(255, Math.round(c)))), alpha: Math.max(0, Math.min(1, alpha)) };
  }
  return null;
}

const colourCache = new Map();
function colourOf(value) {
  let c = colourCache.get(value);
  if (c === undefined) {
    c = parseColour(value);
    if (!c) throw new Error(`Couleur de graphique non reconnue : ${String(value)}`);
    colourCache.set(value, c);
  }
  return c;
}

const multiply = (m, n) => [
  m[0] * n[0] + m[2] * n[1],
  m[1] * n[0] + m[3] * n[1],
  m[0] * n[2] + m[2] * n[3],
  m[1] * n[2] + m[3] * n[3],
  m[0] * n[4] + m[2] * n[5] + m[4],
  m[1] * n[4] + m[3] * n[5] + m[5],
];

/** The parts of the 2D context that chart.js uses, recording instead of painting. */
class RecordingContext {
  constructor(canvas) {
    this.canvas = canvas;
    this.ops = [];
    this.stack = [];
    this.path = [];
    this.current = null; // last point of the path, in chart coordinates
    this.start = null; // start of the current subpath
    this.matrix = [1, 0, 0, 1, 0, 0];
    this.fillStyle = '#000000';
    this.strokeStyle = '#000000';
    this.lineWidth = 1;
    this.lineCap = 'butt';
    this.lineJoin = 'miter';
    this.miterLimit = 10;
    this.lineDashOffset = 0;
    this.dash = [];
    this.font = '10px sans-serif';
    this.textAlign = 'start';
    this.textBaseline = 'alphabetic';
    this.globalAlpha = 1;
  }

  // State ------------------------------------------------------------------------------------------------------
  save() {
    this.stack.push({
      matrix: this.matrix, fillStyle: this.fillStyle, strokeStyle: this.strokeStyle, lineWidth: this.lineWidth, lineCap: this.lineCap,
      lineJoin: this.lineJoin, miterLimit: this.miterLimit, lineDashOffset: this.lineDashOffset, dash: this.dash, font: this.font,
      textAlign: this.textAlign, textBaseline: this.textBaseline, globalAlpha: this.globalAlpha,
    });
    this.ops.push(['save']);
  }
  restore() {
    const state = this.stack.pop();
    if (!state) return;
    Object.assign(this, state);
    this.ops.push(['restore']);
  }
  setLineDash(segments) {
    const dash = [...segments].filter((x) => Number.isFinite(x) && x >= 0);
    this.dash = dash.length % 2 ? [...dash, ...dash] : dash;
  }

  // Transform --------------------------------------------------------------------------------------------------
  setTransform(a, b, c, d, e, f) {
    this.matrix = typeof a === 'object' && a !== null ? [a.a, a.b, a.c, a.d, a.e, a.f] : [a, b, c, d, e, f];
  }
  resetTransform() {
    this.matrix = [1, 0, 0, 1, 0, 0];
  }
  transform(a, b, c, d, e, f) {
    this.matrix = multiply(this.matrix, [a, b, c, d, e, f]);
  }
  translate(x, y) {
    this.transform(1, 0, 0, 1, x, y);
  }
  rotate(angle) {
    const cos = Math.cos(angle);
    const sin = Math.sin(angle);
    this.transform(cos, sin, -sin, cos, 0, 0);
  }
  point(x, y) {
    const m = this.matrix;
    return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
  }

  // Paths ------------------------------------------------------------------------------------------------------
  beginPath() {
    this.path = [];
    this.current = this.start = null;
  }
  moveTo(x, y) {
    const p = this.point(x, y);
    this.path.push(`${num(p[0])} ${num(p[1])} m`);
    this.current = this.start = p;
  }
  lineTo(x, y) {
    if (!this.current) return this.moveTo(x, y);
    const p = this.point(x, y);
    this.path.push(`${num(p[0])} ${num(p[1])} l`);
    this.current = p;
  }
  curveTo(a, b, p) {
    this.path.push(`${num(a[0])} ${num(a[1])} ${num(b[0])} ${num(b[1])} ${num(p[0])} ${num(p[1])} c`);
    this.current = p;
  }
  bezierCurveTo(x1, y1, x2, y2, x, y) {
    if (!this.current) this.moveTo(x1, y1);
    this.curveTo(this.point(x1, y1), this.point(x2, y2), this.point(x, y));
  }
  quadraticCurveTo(cx, cy, x, y) {
    if (!this.current) this.moveTo(cx, cy);
    // The same curve as a cubic (an affine transform keeps the conversion exact, so it is done in chart space).
    const q = this.point(cx, cy);
    const p = this.point(x, y);
    const [x0, y0] = this.current;
    this.curveTo([x0 + (2 / 3) * (q[0] - x0), y0 + (2 / 3) * (q[1] - y0)], [p[0] + (2 / 3) * (q[0] - p[0]), p[1] + (2 / 3) * (q[1] - p[1])], p);
  }
  closePath() {
    if (!this.current) return;
    this.path.push('h');
    this.current = this.start;
  }
  rect(x, y, w, h) {
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.closePath();
  }
  arc(x, y, radius, startAngle, endAngle, counterclockwise = false) {
    this.ellipse(x, y, radius, radius, 0, startAngle, endAngle, counterclockwise);
  }
  ellipse(x, y, rx, ry, rotation, startAngle, endAngle, counterclockwise = false) {
    const TAU = Math.PI * 2;
    // Sweep as the canvas specification defines it: a full turn at most, in the direction asked.
    let sweep = endAngle - startAngle;
    if (!counterclockwise && sweep >= TAU) sweep = TAU;
    else if (counterclockwise && -sweep >= TAU) sweep = -TAU;
    else {
      sweep %= TAU;
      if (!counterclockwise && sweep < 0) sweep += TAU;
      if (counterclockwise && sweep > 0) sweep -= TAU;
    }
    const cos = Math.cos(rotation);
    const sin = Math.sin(rotation);
    const at = (t) => {
      const ex = rx * Math.cos(t);
      const ey = ry * Math.sin(t);
      return [x + ex * cos - ey * sin, y + ex * sin + ey * cos];
    };
    const derivative = (t) => {
      const dx = -rx * Math.sin(t);
      const dy = ry * Math.cos(t);
      return [dx * cos - dy * sin, dx * sin + dy * cos];
    };
    const first = at(startAngle);
    if (this.current) this.lineTo(first[0], first[1]);
    else this.moveTo(first[0], first[1]);
    // Cubic segments of at most a quarter turn each.
    const segments = Math.max(1, Math.ceil(Math.abs(sweep) / (Math.PI / 2) - 1e-9));
    const step = sweep / segments;
    const k = (4 / 3) * Math.tan(step / 4);
    let t = startAngle;
    for (let i = 0; i < segments; i++) {
      const p0 = at(t);
      const d0 = derivative(t);
      const t1 = t + step;
      const p1 = at(t1);
      const d1 = derivative(t1);
      this.bezierCurveTo(p0[0] + k * d0[0], p0[1] + k * d0[1], p1[0] - k * d1[0], p1[1] - k * d1[1], p1[0], p1[1]);
      t = t1;
    }
  }

  // Painting ---------------------------------------------------------------------------------------------------
  scaleFactor() {
    const m = this.matrix;
    return Math.sqrt(Math.abs(m[0] * m[3] - m[1] * m[2]));
  }
  paintFill(path, evenOdd) {
    const c = colourOf(this.fillStyle);
    const alpha = c.alpha * this.globalAlpha;
    if (alpha > 0 && path.length) this.ops.push(['fill', path, c.rgb, alpha, evenOdd]);
  }
  paintStroke(path) {
    const c = colourOf(this.strokeStyle);
    const alpha = c.alpha * this.globalAlpha;
    const width = this.lineWidth * this.scaleFactor();
    if (alpha <= 0 || width <= 0 || !path.length) return;
    const dash = this.dash.every((d) => d > 0) ? this.dash : [];
    this.ops.push(['stroke', path, c.rgb, alpha, width, this.lineCap, this.lineJoin, this.miterLimit, dash, this.lineDashOffset]);
  }
  fill(rule) {
    this.paintFill(this.path.join('\n'), rule === 'evenodd');
  }
  stroke() {
    this.paintStroke(this.path.join('\n'));
  }
  clip(rule) {
    this.ops.push(['clip', this.path.join('\n'), rule === 'evenodd']);
  }
  rectPath(x, y, w, h) {
    const saved = [this.path, this.current, this.start];
    this.beginPath();
    this.rect(x, y, w, h);
    const path = this.path.join('\n');
    [this.path, this.current, this.start] = saved;
    return path;
  }
  fillRect(x, y, w, h) {
    this.paintFill(this.rectPath(x, y, w, h), false);
  }
  strokeRect(x, y, w, h) {
    this.paintStroke(this.rectPath(x, y, w, h));
  }
  clearRect() {
    // The page under a chart is blank: nothing drawn before can need clearing.
  }

  // Text -------------------------------------------------------------------------------------------------------
  measureText(text) {
    measurer.font = this.font;
    measurer.textBaseline = this.textBaseline;
    return measurer.measureText(text);
  }
  fillText(text, x, y) {
    const value = String(text);
    if (!value) return;
    const c = colourOf(this.fillStyle);
    const alpha = c.alpha * this.globalAlpha;
    if (alpha <= 0) return;
    const metrics = this.measureText(value);
    const align = this.textAlign === 'start' ? 'left' : this.textAlign === 'end' ? 'right' : this.textAlign;
    const dx = align === 'right' ? -metrics.width : align === 'center' ? -metrics.width / 2 : 0;
    // alphabeticBaseline: from the line textBaseline names to the alphabetic baseline, negative when below it.
    const dy = -metrics.alphabeticBaseline;
    const size = Number(/(\d+(?:\.\d+)?)px/.exec(this.font)?.[1] ?? 10);
    const bold = /\bbold(er)?\b|\b[6-9]00\b/.test(this.font);
    const m = this.matrix;
    const translation = m[0] === 1 && m[1] === 0 && m[2] === 0 && m[3] === 1;
    if (translation) this.ops.push(['text', value, x + dx + m[4], y + dy + m[5], bold, size, c.rgb, alpha, metrics.width, null]);
    else this.ops.push(['text', value, x + dx, y + dy, bold, size, c.rgb, alpha, metrics.width, [...m]]);
  }
}

/** What chart.js takes for a canvas when there is no DOM: a size and a 2D context. */
class RecordingCanvas {
  constructor(width, height) {
    this.width = width;
    this.height = height;
    this.context = new RecordingContext(this);
  }
  getContext(type) {
    return type === '2d' ? this.context : null;
  }
}

/**
 * Draws a chart.js configuration at `width` x `height` (CSS pixels, drawn as points) and returns the recording.
 * Synchronous; the configuration is copied shallowly, its print settings overridden.
 */
export function recordChart(config, options) {
  setupCharts();
  const width = Math.round(options.width);
  const height = Math.round(options.height);
  const canvas = new RecordingCanvas(width, height);
  const printable = {
    ...config,
    options: { ...config.options, animation: false, responsive: false, maintainAspectRatio: false, devicePixelRatio: 1, events: [] },
  };
  // Without a DOM chart.js uses its basic platform with anything that has getContext('2d').
  const chart = new Chart(canvas, printable);
  const ops = canvas.context.ops;
  chart.destroy();
  return { width, height, ops };
}
