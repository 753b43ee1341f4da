// One chart.js chart on a <canvas>: created in an effect, destroyed on unmount or when the configuration changes.
// chart.js is only imported here, and this module is only reached from lazily loaded pages.
import { Chart, registerables, type ChartConfiguration } from 'chart.js';
import { useEffect, useMemo, useRef, useState, useSyncExternalStore } from 'react';
import { labelRows, wrapLabel } from '../../reports/charts';
import { chartPng, saveBlob } from './chartImage';

Chart.register(...registerables);

const NARROW = '(max-width: 40rem)';

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** true on phone-sized screens, where long category labels are wrapped over several lines. */
function useNarrow(): boolean {
  return useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW).matches, () => false);
}

/**
 * A category label re-wrapped over lines of at most `max` characters; a label already given as lines (the pole's
 * charts) is joined first, so that it is wrapped to the narrow screen rather than to the page.
 */
function rewrap(label: unknown, max: number): unknown {
  const text = Array.isArray(label) ? label.join(' ') : label;
  return typeof text === 'string' && text.length > max ? wrapLabel(text, max) : label;
}

interface Props {
  /** A chart.js configuration (built by reports/charts.ts); keep it stable (useMemo) to avoid redrawing. */
  config: ChartConfiguration;
  /** Summary read by assistive technologies; the figures themselves are in a nearby table. */
  label: string;
  /**
   * Fixed CSS height (the width follows the container), or how to size it from the category labels as drawn (once
   * wrapped for a narrow screen); without it the chart keeps its aspect ratio.
   */
  height?: string | ((labels: LabelRows) => string);
  /** On narrow screens, wrap the category labels over lines of this many characters. */
  wrapLabelsAt?: number;
  /** id of the element holding the chart's data table. */
  describedBy?: string;
  /** Offers the chart as a file: a PNG drawn for print, and an SVG when the server draws this chart (`svgUrl`). */
  download?: ChartDownload;
}

export interface ChartDownload {
  /** Drawn above the chart in the file, and said by the buttons. */
  title: string;
  /** Without extension. */
  fileName: string;
  svgUrl?: string;
}

type LabelRows = ReturnType<typeof labelRows>;

/** Height of a downloaded image, in CSS pixels: the chart's height on a wide screen. */
function exportHeight(height: string | undefined): number {
  const rem = height?.endsWith('rem') ? Number.parseFloat(height) : NaN;
  return Number.isFinite(rem) ? rem * 16 + 40 : 540;
}

function ChartDownloads({ config, download, height }: { config: ChartConfiguration; download: ChartDownload; height: Props['height'] }) {
  const [busy, setBusy] = useState<'png' | 'svg' | null>(null);
  const [error, setError] = useState<string | null>(null);
  async function run(kind: 'png' | 'svg') {
    if (busy) return;
    setBusy(kind);
    setError(null);
    try {
      if (kind === 'png') {
        const wide = typeof height === 'function' ? height(labelRows(config)) : height;
        saveBlob(await chartPng(config, download.title, exportHeight(wide)), `${download.fileName}.png`);
      } else {
        const response = await fetch(download.svgUrl!, { credentials: 'same-origin', headers: { Accept: 'image/svg+xml' } });
        if (!response.ok) throw new Error(`Erreur du serveur (${response.status}).`);
        saveBlob(await response.blob(), `${download.fileName}.svg`);
      }
    } catch (e) {
      setError(e instanceof Error && e.message ? e.message : 'Le téléchargement a échoué.');
    } finally {
      setBusy(null);
    }
  }
  // Several charts have these buttons: each says which chart it downloads (visible text stays short).
  const what = <span className="visually-hidden">« {download.title} » </span>;
  return (
    <div className="chart-downloads">
      {/* aria-disabled, not disabled: a disabled button loses the keyboard focus, which would fall back to the page's top. */}
      <button type="button" className="button-secondary button-small" onClick={() => void run('png')} aria-disabled={busy !== null}>
        {/* One text run: a button lays out its children as flex items, which would drop the spaces between them. */}
        <span>Télécharger {what}en PNG</span>
      </button>
      {download.svgUrl && (
        <button type="button" className="button-secondary button-small" onClick={() => void run('svg')} aria-disabled={busy !== null}>
          <span>Télécharger {what}en SVG</span>
        </button>
      )}
      <span className="hint" aria-live="polite">
        {busy ? 'Préparation de l’image…' : ''}
      </span>
      {error && (
        <p className="field-error" role="alert">
          L’image n’a pas pu être téléchargée. {error}
        </p>
      )}
    </div>
  );
}

export function ChartCanvas({ config, label, height, wrapLabelsAt, describedBy, download }: Props) {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const narrow = useNarrow();
  const wrapAt = narrow ? wrapLabelsAt : undefined;
  const labels = useMemo(() => config.data.labels?.map((l) => (wrapAt ? rewrap(l, wrapAt) : l)), [config, wrapAt]);
  const boxHeight = typeof height === 'function' ? height(labelRows({ data: { labels } })) : height;

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return;
    // chart.js writes into the objects it is given: hand it copies. Only the layout is adapted here
    // (fixed height, wrapped labels); what the chart shows stays as reports/charts.ts defines it.
    const own = {
      ...config,
      data: { ...config.data, labels, datasets: config.data.datasets.map((d) => ({ ...d })) },
      options: { ...config.options, ...(boxHeight ? { maintainAspectRatio: false } : {}) },
    } as ChartConfiguration;
    const chart = new Chart(canvas, own);
    return () => chart.destroy();
  }, [config, labels, boxHeight]);

  return (
    <>
      <div className="chart-box" style={{ height: boxHeight }}>
        <canvas ref={canvasRef} role="img" aria-label={label} aria-describedby={describedBy} />
      </div>
      {download && <ChartDownloads config={config} download={download} height={height} />}
    </>
  );
}
