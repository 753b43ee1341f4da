// Draws a chart.js configuration on an @napi-rs/canvas canvas in Node and returns a JPEG (white background).
// chart.js components and the DejaVu fonts are registered once per thread; canvases are pooled by size and
// reused. `renderChart` draws on the calling thread; `renderChartOffThread` hands the chart to one long-lived
// worker thread, so that a report can lay out its text while its charts are drawn (two cores, twice the work).
// Nothing derived from results is cached.
import { Worker } from 'node:worker_threads';
import type { ChartConfiguration } from 'chart.js';
import { drawChartJpeg, setupCharts, type ChartImageOptions } from './chart-core.mjs';

export { DEJAVU_BOLD, DEJAVU_DIR, DEJAVU_REGULAR, setupCharts } from './chart-core.mjs';
export type { ChartImageOptions } from './chart-core.mjs';

/**
 * Draws the chart now, on this thread, and encodes the JPEG on the libuv thread pool.
 * Start several before awaiting them: encoding overlaps the next drawings.
 */
export function renderChart(config: ChartConfiguration, options: ChartImageOptions): Promise<Buffer> {
  return drawChartJpeg(config, options);
}

// ---------------------------------------------------------------------------------------------------------------
// The worker: started on first use and kept; it holds the process open only while charts are pending.

type Pending = { resolve: (image: Buffer) => void; reject: (error: Error) => void };
let worker: Worker | null = null;
let workerBroken = false;
let nextId = 0;
const pending = new Map<number, Pending>();

function getWorker(): Worker | null {
  if (worker || workerBroken) return worker;
  try {
    // Plain JavaScript: no loader flags (a TypeScript loader inherited from the parent could hold the process open).
    worker = new Worker(new URL('./chart-worker.mjs', import.meta.url), { execArgv: [] });
  } catch {
    workerBroken = true;
    return null;
  }
  worker.on('message', (message: { id: number; image?: Uint8Array; error?: string }) => {
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    if (pending.size === 0) worker?.unref();
    if (message.image) job.resolve(Buffer.from(message.image.buffer, message.image.byteOffset, message.image.byteLength));
    else job.reject(new Error(`Graphique non rendu : ${message.error}`));
  });
  const fail = (error: Error) => {
    workerBroken = true;
    worker = null;
    for (const job of pending.values()) job.reject(error);
    pending.clear();
  };
  worker.on('error', fail);
  worker.on('exit', (code) => fail(new Error(`Le fil de rendu des graphiques s’est arrêté (code ${code}).`)));
  // Listening re-references the worker's port: unreference it last (ref'd again while a chart is pending).
  worker.unref();
  return worker;
}

/**
 * Draws the chart on the worker thread (falls back to this thread when no worker can run or the
 * configuration cannot be cloned, e.g. it holds callbacks).
 */
export function renderChartOffThread(config: ChartConfiguration, options: ChartImageOptions): Promise<Buffer> {
  const w = getWorker();
  if (!w) return renderChart(config, options);
  const id = nextId++;
  return new Promise<Buffer>((resolve, reject) => {
    if (pending.size === 0) w.ref();
    pending.set(id, { resolve, reject });
    try {
      w.postMessage({ id, config, options });
    } catch {
      pending.delete(id);
      if (pending.size === 0) w.unref();
      renderChart(config, options).then(resolve, reject);
    }
  });
}

/** Stops the worker (tests, graceful shutdown); the next off-thread chart starts a new one. */
export async function closeChartWorker(): Promise<void> {
  const w = worker;
  worker = null;
  workerBroken = false;
  if (w) {
    w.removeAllListeners('exit');
    await w.terminate();
  }
}

export function warmUpCharts(): void {
  setupCharts();
  getWorker();
}
