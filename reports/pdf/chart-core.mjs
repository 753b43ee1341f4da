// Draws chart.js configurations on @napi-rs/canvas and encodes them as JPEG on a white background.
// Plain JavaScript so that a worker thread can load it without a TypeScript loader (see chart-worker.mjs);
// render-chart.ts uses the same code on the main thread. Types: chart-core.d.mts.
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Canvas, GlobalFonts } from '@napi-rs/canvas';
import { Chart, registerables } from 'chart.js';

const require = createRequire(import.meta.url);
export const DEJAVU_DIR = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
export const DEJAVU_REGULAR = join(DEJAVU_DIR, 'DejaVuSans.ttf');
export const DEJAVU_BOLD = join(DEJAVU_DIR, 'DejaVuSans-Bold.ttf');

let ready = false;

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
  ready = true;
}

// Canvases by logical size, reused from one chart to the next (checked out while drawn and encoded).
const pool = new Map();

function acquire(width, height) {
  const canvas = pool.get(`${width}x${height}`)?.pop();
  if (!canvas) return new Canvas(width, height);
  // chart.js resized it to its pixel size: back to the logical size it reads (this also clears it).
  canvas.width = width;
  canvas.height = height;
  return canvas;
}

function release(canvas, width, height) {
  const key = `${width}x${height}`;
  const free = pool.get(key) ?? [];
  if (free.length < 4) free.push(canvas);
  pool.set(key, free);
}

/** Paints white under what chart.js drew: JPEG has no transparency. */
const whiteBackground = {
  id: 'pdfWhiteBackground',
  beforeDraw(chart) {
    const { ctx } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, chart.width, chart.height);
    ctx.restore();
  },
};

export function sizeOf(options) {
  return {
    width: Math.round(options.width),
    height: Math.round(options.height),
    scale: options.scale ?? 2,
    quality: Math.round((options.quality ?? 0.9) * 100),
  };
}

/**
 * Draws at once (synchronously) and encodes off the thread (libuv pool): callers with several charts can
 * start them all and then await, so that encoding overlaps the next drawings.
 */
export function drawChartJpeg(config, options) {
  setupCharts();
  const { width, height, scale, quality } = sizeOf(options);
  const canvas = acquire(width, height);
  let chart;
  try {
    // A shallow copy: print size and pixel ratio belong to the renderer, the rest to the shared definition.
    const printable = {
      ...config,
      options: { ...config.options, animation: false, responsive: false, maintainAspectRatio: false, devicePixelRatio: scale, events: [] },
      plugins: [...(config.plugins ?? []), whiteBackground],
    };
    // Without a DOM chart.js uses its basic platform with anything that has getContext('2d').
    chart = new Chart(canvas, printable);
  } catch (error) {
    release(canvas, width, height);
    return Promise.reject(error);
  }
  return canvas.encode('jpeg', quality).finally(() => {
    // destroy() clears the canvas: only once the image is encoded.
    chart.destroy();
    release(canvas, width, height);
  });
}
