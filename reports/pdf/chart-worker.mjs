// Worker thread drawing charts for the PDF report while the main thread lays out the text.
// Messages in: { id, config, options }; out: { id, image } or { id, error }.
import { parentPort } from 'node:worker_threads';
import { drawChartJpeg, setupCharts } from './chart-core.mjs';

setupCharts();
parentPort.on('message', ({ id, config, options }) => {
  drawChartJpeg(config, options).then(
    (image) => parentPort.postMessage({ id, image }),
    (error) => parentPort.postMessage({ id, error: error instanceof Error ? error.message : String(error) }),
  );
});
