import type { ChartConfiguration } from 'chart.js';

export interface ChartSize {
  /** Size in CSS pixels, drawn as the same number of points so that chart fonts keep their size. */
  width: number;
  height: number;
}

/** PDF path operators ("x y m", "x y l", "x1 y1 x2 y2 x y c", "h"), one per line, in chart coordinates. */
export type ChartPath = string;
export type Rgb = [number, number, number];

export type ChartOp =
  | ['save']
  | ['restore']
  | ['fill', ChartPath, Rgb, number, boolean]
  | ['stroke', ChartPath, Rgb, number, number, string, string, number, number[], number]
  | ['clip', ChartPath, boolean]
  | ['text', string, number, number, boolean, number, Rgb, number, number, [number, number, number, number, number, number] | null];

/** What chart.js drew, as vector operations. */
export interface ChartDrawing {
  width: number;
  height: number;
  ops: ChartOp[];
}

export declare const DEJAVU_REGULAR: string;
export declare const DEJAVU_BOLD: string;
export declare function setupCharts(): void;
export declare function parseColour(value: unknown): { rgb: Rgb; alpha: number } | null;
export declare function recordChart(config: ChartConfiguration, size: ChartSize): ChartDrawing;
