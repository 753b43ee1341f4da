// A chart as a PNG fit for a printed report: chart.js only paints on a canvas, so the chart is drawn again off
// screen at a fixed, wide size and three times the pixel density (3,000 pixels wide: about 25 cm at 300 dpi),
// on white, with its title, whatever the size of the screen it is downloaded from.
import { Chart, type ChartConfiguration, type Plugin } from 'chart.js';
import { withChartTitle } from '../../reports/charts';

const PRINT_WIDTH = 1000;
const PRINT_SCALE = 3;

const whiteBackground: Plugin = {
  id: 'ptceWhiteBackground',
  beforeDraw(chart) {
    const { ctx, width, height } = chart;
    ctx.save();
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, width, height);
    ctx.restore();
  },
};

/** Draws the chart at `height` CSS pixels high (PRINT_WIDTH wide) and returns it as a PNG. */
export async function chartPng(config: ChartConfiguration, title: string, height: number): Promise<Blob> {
  const canvas = document.createElement('canvas');
  canvas.width = PRINT_WIDTH;
  canvas.height = Math.round(height);
  // chart.js writes into the objects it is given: hand it copies, as on screen.
  const titled = withChartTitle(config, title);
  const chart = new Chart(canvas, {
    ...titled,
    data: { ...titled.data, labels: titled.data.labels ? [...titled.data.labels] : undefined, datasets: titled.data.datasets.map((d) => ({ ...d })) },
    options: { ...titled.options, responsive: false, maintainAspectRatio: false, animation: false, devicePixelRatio: PRINT_SCALE },
    plugins: [...(titled.plugins ?? []), whiteBackground],
  } as ChartConfiguration);
  try {
    return await new Promise<Blob>((resolve, reject) => canvas.toBlob((blob) => (blob ? resolve(blob) : reject(new Error('Image non produite.'))), 'image/png'));
  } finally {
    chart.destroy();
  }
}

/** Hands a file to the browser's downloads. */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  link.hidden = true;
  document.body.appendChild(link);
  link.click();
  link.remove();
  window.setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
