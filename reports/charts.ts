// Chart definitions shared by the web dashboard (chart.js in the browser) and the PDF (chart.js recorded as vectors).
// Plain chart.js configurations built from results: one place decides what each chart shows and how it looks.
// Colours differ in lightness as well as hue, and series also differ by dash or pattern, so they survive grayscale printing.
import type { ChartConfiguration } from 'chart.js';
import type { PoleResults, ThemeResult } from './types.ts';

export interface ChartTarget {
  /** true for the PDF (no animation, fixed size); false in the browser. */
  print: boolean;
}

export const PALETTE = {
  current: '#1f4e8c',
  previous: '#8a8a8a',
  // Grey levels about 87, 141 and 218: strengths, weaknesses and vigilance stay apart when printed in grayscale.
  strength: '#1b7a3d',
  weakness: '#e06c5f',
  vigilance: '#f1dd8a',
  neutral: '#5b6b7f',
  grid: '#d0d5dd',
  /** One per collège, from dark to light so neighbours stay distinct in grayscale. */
  colleges: ['#1f3b63', '#c0392b', '#2e8b57', '#e0a526', '#6c4f9e', '#7fb3d5', '#4d4d4d', '#d98cb3'],
};

const FONT = { family: 'DejaVu Sans, Open Sans, sans-serif' };

/** Radar labels must stay short: cut on a word boundary. */
export function shortLabel(label: string, max = 28): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 10))}…`;
}

const base = (target: ChartTarget) => ({
  animation: target.print ? (false as const) : undefined,
  responsive: !target.print,
  maintainAspectRatio: target.print ? false : true,
  devicePixelRatio: target.print ? 1 : undefined,
});

const scoreOf = (t: ThemeResult) => (t.score === null ? null : Math.round(t.score * 10) / 10);

/** Radar of every theme's score, with last campaign's when there is one. */
export function themeRadarConfig(results: PoleResults, target: ChartTarget): ChartConfiguration<'radar'> {
  const themes = results.themes;
  const previous = new Map(results.evolution?.themes.map((e) => [e.id, e.previous]) ?? []);
  const datasets: ChartConfiguration<'radar'>['data']['datasets'] = [
    {
      label: `${results.campaign.year}`,
      data: themes.map(scoreOf),
      borderColor: PALETTE.current,
      backgroundColor: 'rgba(31, 78, 140, 0.15)',
      borderWidth: 2,
      pointRadius: 2,
    },
  ];
  if (results.evolution) {
    datasets.push({
      label: `${results.evolution.previousCampaign.year}`,
      data: themes.map((t) => previous.get(t.id) ?? null),
      borderColor: PALETTE.previous,
      backgroundColor: 'rgba(0, 0, 0, 0)',
      borderDash: [6, 4],
      borderWidth: 2,
      pointRadius: 2,
    });
  }
  return {
    type: 'radar',
    data: { labels: themes.map((t) => shortLabel(t.label, 22)), datasets },
    options: {
      ...base(target),
      plugins: { legend: { position: 'bottom', labels: { font: FONT } } },
      scales: {
        r: {
          min: 0,
          max: 100,
          // Half a step off the vertical: no theme name sits centred at the top or bottom, where it would run into
          // its neighbours' names.
          startAngle: 180 / Math.max(themes.length, 1),
          ticks: { stepSize: 25, font: { ...FONT, size: 9 }, backdropColor: 'rgba(255,255,255,0.8)' },
          pointLabels: { font: { ...FONT, size: target.print ? 9 : 11 } },
          grid: { color: PALETTE.grid },
        },
      },
    },
  };
}

const swotColour = (t: ThemeResult) =>
  t.swot === 'strength' || t.swot === 'opportunity' ? PALETTE.strength : t.swot === 'weakness' || t.swot === 'threat' ? PALETTE.weakness : PALETTE.vigilance;

/** Horizontal bars of the theme scores of one dimension, coloured by SWOT category. */
export function themeBarsConfig(results: PoleResults, dimension: string, target: ChartTarget): ChartConfiguration<'bar'> {
  const themes = results.themes.filter((t) => t.dimension === dimension);
  return {
    type: 'bar',
    data: {
      labels: themes.map((t) => shortLabel(t.label, 40)),
      datasets: [{ label: 'Score (0 à 100)', data: themes.map(scoreOf), backgroundColor: themes.map(swotColour), borderColor: '#222', borderWidth: 1 }],
    },
    options: {
      ...base(target),
      indexAxis: 'y',
      plugins: { legend: { display: false } },
      scales: {
        x: { min: 0, max: 100, ticks: { stepSize: 20, font: FONT }, grid: { color: PALETTE.grid } },
        y: { ticks: { font: { ...FONT, size: target.print ? 9 : 11 } }, grid: { display: false } },
      },
    },
  };
}

/** Grouped bars: for each theme of a dimension, the score of every collège group (« Autres collèges » as one) shown. */
export function collegeBarsConfig(results: PoleResults, dimension: string, target: ChartTarget): ChartConfiguration<'bar'> {
  const themes = results.themes.filter((t) => t.dimension === dimension);
  const colleges = results.groups.filter((g) => themes.some((t) => t.byCollege.some((b) => b.college === g.id && !b.suppressed)));
  return {
    type: 'bar',
    data: {
      labels: themes.map((t) => shortLabel(t.label, 30)),
      datasets: colleges.map((c, i) => ({
        label: c.label,
        data: themes.map((t) => {
          const s = t.byCollege.find((b) => b.college === c.id)?.score;
          return s === null || s === undefined ? null : Math.round(s * 10) / 10;
        }),
        backgroundColor: PALETTE.colleges[i % PALETTE.colleges.length],
        borderColor: '#222',
        borderWidth: 1,
      })),
    },
    options: {
      ...base(target),
      plugins: { legend: { position: 'bottom', labels: { font: { ...FONT, size: 10 }, boxWidth: 12 } } },
      scales: {
        y: { min: 0, max: 100, ticks: { stepSize: 20, font: FONT }, grid: { color: PALETTE.grid } },
        x: { ticks: { font: { ...FONT, size: 9 }, maxRotation: 60, minRotation: 30 }, grid: { display: false } },
      },
    },
  };
}

/** Invited and submitted per collège. */
export function participationConfig(results: PoleResults, target: ChartTarget): ChartConfiguration<'bar'> {
  const colleges = results.participation.colleges;
  return {
    type: 'bar',
    data: {
      labels: colleges.map((c) => shortLabel(c.label, 30)),
      datasets: [
        { label: 'Invités', data: colleges.map((c) => c.invited), backgroundColor: '#c9d3e0', borderColor: '#222', borderWidth: 1 },
        { label: 'Réponses envoyées', data: colleges.map((c) => c.submitted), backgroundColor: PALETTE.current, borderColor: '#222', borderWidth: 1 },
      ],
    },
    options: {
      ...base(target),
      plugins: { legend: { position: 'bottom', labels: { font: FONT } } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0, font: FONT } }, x: { ticks: { font: { ...FONT, size: 9 } } } },
    },
  };
}

// ——— Network view (the Labo's dashboard and report): every pole's theme scores side by side. ———

/** What the network charts need from the network results (the API adds `evolution` across campaigns). */
export interface NetworkChartInput {
  campaign: { year: number };
  themes: {
    id: string;
    label: string;
    distribution: { n: number; min: number | null; q1: number | null; median: number | null; q3: number | null; max: number | null };
  }[];
  evolution?: { campaigns: { year: number; medians: Record<string, number | null> }[] };
}

const oneDecimal = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10) / 10);
const frenchScore = (v: number) => v.toFixed(1).replace('.', ',');

/**
 * Box-like horizontal chart of each theme's distribution across poles: a floating bar from Q1 to Q3 (half the poles),
 * a thick vertical tick for the median, an open circle for the lowest pole and a filled square for the highest.
 * Shapes, not colours, tell the markers apart, so it reads in grayscale.
 */
export function networkDistributionConfig(results: NetworkChartInput, target: ChartTarget): ChartConfiguration<'bar' | 'line', (number | [number, number] | null)[]> {
  const themes = results.themes;
  const d = (t: NetworkChartInput['themes'][number]) => t.distribution;
  const marker = (label: string, values: (number | null)[], style: Record<string, unknown>) => ({
    type: 'line' as const,
    label,
    data: values,
    showLine: false,
    ...style,
  });
  return {
    type: 'bar',
    data: {
      labels: themes.map((t) => shortLabel(t.label, 40)),
      datasets: [
        {
          type: 'bar',
          label: 'Moitié centrale des pôles (Q1 à Q3)',
          data: themes.map((t) => {
            const q1 = oneDecimal(d(t).q1);
            const q3 = oneDecimal(d(t).q3);
            return q1 === null || q3 === null ? null : ([q1, Math.max(q3, q1 + 0.4)] as [number, number]);
          }),
          backgroundColor: 'rgba(31, 78, 140, 0.28)',
          borderColor: PALETTE.current,
          borderWidth: 1,
          borderSkipped: false,
          barPercentage: 0.9,
          categoryPercentage: 0.8,
          order: 2,
        },
        marker('Médiane', themes.map((t) => oneDecimal(d(t).median)), {
          pointStyle: 'line',
          rotation: 90,
          pointRadius: target.print ? 6 : 8,
          pointHoverRadius: 10,
          borderColor: '#111',
          backgroundColor: '#111',
          pointBorderWidth: 3,
          order: 0,
        }),
        marker('Minimum', themes.map((t) => oneDecimal(d(t).min)), {
          pointStyle: 'circle',
          pointRadius: target.print ? 3 : 4,
          borderColor: '#222',
          backgroundColor: '#fff',
          pointBorderWidth: 1.5,
          order: 1,
        }),
        marker('Maximum', themes.map((t) => oneDecimal(d(t).max)), {
          pointStyle: 'rect',
          pointRadius: target.print ? 3 : 4,
          borderColor: '#222',
          backgroundColor: '#555',
          pointBorderWidth: 1,
          order: 1,
        }),
      ],
    },
    options: {
      ...base(target),
      indexAxis: 'y',
      plugins: {
        legend: { position: 'bottom', labels: { font: { ...FONT, size: 10 }, usePointStyle: true, boxWidth: 12 } },
        tooltip: {
          callbacks: {
            label: (ctx) => {
              const raw = ctx.raw as number | [number, number] | null;
              if (raw === null || raw === undefined) return `${ctx.dataset.label} : –`;
              if (Array.isArray(raw)) return `Q1 ${frenchScore(raw[0])} – Q3 ${frenchScore(raw[1])}`;
              return `${ctx.dataset.label} : ${frenchScore(raw)}`;
            },
          },
        },
      },
      scales: {
        x: { min: 0, max: 100, ticks: { stepSize: 20, font: FONT }, grid: { color: PALETTE.grid } },
        y: { ticks: { font: { ...FONT, size: target.print ? 8 : 11 }, autoSkip: false }, grid: { display: false } },
      },
    },
  };
}

/** Point styles per campaign, newest last: dark filled circle for the campaign shown, lighter shapes before it. */
const CAMPAIGN_POINTS: { style: 'circle' | 'rect' | 'triangle' | 'crossRot'; colour: string; fill: string }[] = [
  { style: 'circle', colour: PALETTE.current, fill: PALETTE.current },
  { style: 'rect', colour: '#6a6a6a', fill: '#fff' },
  { style: 'triangle', colour: '#9a9a9a', fill: '#d9d9d9' },
  { style: 'crossRot', colour: '#444', fill: '#444' },
];

/**
 * Network median of every theme for each campaign up to this one (dot plot, themes on the vertical axis):
 * one marker shape per year, so the movement reads without colour. null when there is only one campaign.
 */
export function networkMediansEvolutionConfig(results: NetworkChartInput, target: ChartTarget): ChartConfiguration<'line'> | null {
  const campaigns = [...(results.evolution?.campaigns ?? [])].sort((a, b) => a.year - b.year);
  if (campaigns.length < 2) return null;
  const shown = campaigns.slice(-CAMPAIGN_POINTS.length);
  return {
    type: 'line',
    data: {
      labels: results.themes.map((t) => shortLabel(t.label, 40)),
      datasets: shown.map((c, i) => {
        const look = CAMPAIGN_POINTS[shown.length - 1 - i];
        return {
          label: `${c.year}`,
          data: results.themes.map((t) => oneDecimal(c.medians[t.id])),
          showLine: false,
          pointStyle: look.style,
          pointRadius: target.print ? 3.5 : 5,
          pointHoverRadius: 7,
          borderColor: look.colour,
          backgroundColor: look.fill,
          pointBorderWidth: 1.5,
          order: shown.length - i,
        };
      }),
    },
    options: {
      ...base(target),
      indexAxis: 'y',
      plugins: {
        legend: { position: 'bottom', labels: { font: FONT, usePointStyle: true } },
        tooltip: { callbacks: { label: (ctx) => `${ctx.dataset.label} : ${ctx.raw === null || ctx.raw === undefined ? '–' : frenchScore(ctx.raw as number)}` } },
      },
      scales: {
        x: { min: 0, max: 100, ticks: { stepSize: 20, font: FONT }, grid: { color: PALETTE.grid } },
        y: { ticks: { font: { ...FONT, size: target.print ? 8 : 11 }, autoSkip: false }, grid: { color: PALETTE.grid } },
      },
    },
  };
}

/** What each network chart shows, as its caption on the dashboard and its title once downloaded (PNG or SVG). */
export const NETWORK_CHART_TITLES = {
  themes: (year: number) => `Répartition des scores des pôles par thème, campagne ${year}`,
  evolution: () => 'Médianes du réseau par thème et par campagne',
  groups: (label: string, year: number) => `Score global des pôles par ${label.toLowerCase()}, campagne ${year}`,
};

/** The overall score of each group of poles compared (only groups with figures), drawn as the theme distributions. */
export function networkGroupsConfig(
  comparison: { campaign: { year: number }; groups: { label: string; poles: number; overall: NetworkChartInput['themes'][number]['distribution'] | null }[] },
  target: ChartTarget,
): ChartConfiguration<'bar' | 'line', (number | [number, number] | null)[]> {
  const groups = comparison.groups.flatMap((g, i) => (g.overall ? [{ id: String(i), label: `${g.label} (${g.poles} pôles)`, distribution: g.overall }] : []));
  return networkDistributionConfig({ campaign: comparison.campaign, themes: groups }, target);
}

/** The chart with its title drawn above it: a downloaded image has no caption around it. */
export function withChartTitle<C extends ChartConfiguration<any, any>>(config: C, title: string): C {
  const plugins = { ...(config.options?.plugins ?? {}), title: { display: true, text: title, font: { ...FONT, size: 15, weight: 'bold' as const }, color: '#1b1b1f', padding: { top: 4, bottom: 12 } } };
  return { ...config, options: { ...config.options, plugins } };
}
