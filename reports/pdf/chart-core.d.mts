import type { ChartConfiguration } from 'chart.js';

export interface ChartImageOptions {
  /** Logical size in CSS pixels; draw the image at the same size in points so chart fonts keep their size. */
  width: number;
  height: number;
  /** Pixels per logical pixel (2 by default). */
  scale?: number;
  /** JPEG quality, 0 to 1 (0.9 by default). */
  quality?: number;
}

export declare const DEJAVU_DIR: string;
export declare const DEJAVU_REGULAR: string;
export declare const DEJAVU_BOLD: string;
export declare function setupCharts(): void;
export declare function sizeOf(options: ChartImageOptions): { width: number; height: number; scale: number; quality: number };
export declare function drawChartJpeg(config: ChartConfiguration, options: ChartImageOptions): Promise<Buffer>;
