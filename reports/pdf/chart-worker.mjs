// Worker thread recording the charts of a PDF report while the main thread lays out the text.
// Messages in: { id, config, size }; out: { id, drawing } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { recordChart, setupCharts } from './chart-core.mjs';

setupCharts();
parentPort.on('message', ({ id, config, size }) => {
  try {
    parentPort.postMessage({ id, drawing: recordChart(config, size) });
  } catch (error) {
    parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) });
  }
});
