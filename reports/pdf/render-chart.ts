// Records chart.js charts as vector drawings for the PDF reports (see chart-core.mjs). `recordChart` draws on the
// calling thread; `recordChartOffThread` hands the chart to one long-lived worker thread, so that a report lays
// out its text while chart.js computes its charts. Nothing derived from results is cached.
import { Worker } from 'node:worker_threads';
import type { ChartConfiguration } from 'chart.js';
import { recordChart, type ChartDrawing, type ChartSize } from './chart-core.mjs';

export { DEJAVU_BOLD, DEJAVU_REGULAR, setupCharts } from './chart-core.mjs';
export type { ChartDrawing, ChartSize } from './chart-core.mjs';

/** Records the chart on this thread, as a settled promise (same shape as the off-thread path). */
export function recordChartHere(config: ChartConfiguration, size: ChartSize): Promise<ChartDrawing> {
  try {
    return Promise.resolve(recordChart(config, size));
  } catch (error) {
    return Promise.reject(error);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The worker: started on first use and kept; it holds the process open only while charts are pending.

type Pending = { resolve: (drawing: ChartDrawing) => void; reject: (error: Error) => void };
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
  worker.on('message', (message: { id: number; drawing?: ChartDrawing; error?: string }) => {
    const job = pending.get(message.id);
    if (!job) return;
    pending.delete(message.id);
    if (pending.size === 0) worker?.unref();
    if (message.drawing) job.resolve(message.drawing);
    else job.reject(new Error(`Graphique non dessiné : ${message.error}`));
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
 * Records the chart on the worker thread (falls back to this thread when no worker can run or the
 * configuration cannot be cloned, e.g. it holds callbacks).
 */
export function recordChartOffThread(config: ChartConfiguration, size: ChartSize): Promise<ChartDrawing> {
  const w = getWorker();
  if (!w) return recordChartHere(config, size);
  const id = nextId++;
  return new Promise<ChartDrawing>((resolve, reject) => {
    if (pending.size === 0) w.ref();
    pending.set(id, { resolve, reject });
    try {
      w.postMessage({ id, config, size });
    } catch {
      pending.delete(id);
      if (pending.size === 0) w.unref();
      recordChartHere(config, size).then(resolve, reject);
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

