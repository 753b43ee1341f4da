// Chart definitions shared by the web dashboard (chart.js in the browser) and the PDF (chart.js recorded as vectors).
// Plain chart.js configurations built from results: one place decides what each chart shows and how it looks.
// Colours differ in lightness as well as hue, and series also differ by dash or pattern, so they survive grayscale printing.
// The pole's charts take no callbacks: the PDF records them on a worker thread, which only receives plain data.
import type { ChartConfiguration } from 'chart.js';
import type { PoleResults, SwotCategory, ThemeResult } from './types.ts';
import { divergence, swotLegend } from './vocabulary.ts';

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

/** A label cut on a word boundary, for the network's charts and tables where 26 themes share one axis. */
export function shortLabel(label: string, max = 28): string {
  if (label.length <= max) return label;
  const cut = label.slice(0, max - 1);
  return `${cut.slice(0, Math.max(cut.lastIndexOf(' '), max - 10))}…`;
}

/** Splits a label on spaces into lines of at most `max` characters: the whole label is kept, never cut off. */
export function wrapLabel(label: string, max: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of label.split(' ')) {
    if (line && line.length + 1 + word.length > max) {
      lines.push(line);
      line = word;
    } else {
      line = line ? `${line} ${word}` : word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * The category rows of a horizontal chart and the most lines a label of theirs takes (a label given as an array is
 * drawn over several lines): chart.js gives every row the same height, so these two size the chart.
 */
export function labelRows(config: { data: { labels?: unknown[] } }): { rows: number; lines: number } {
  const labels = config.data.labels ?? [];
  return { rows: labels.length, lines: Math.max(1, ...labels.map((l) => (Array.isArray(l) ? l.length : 1))) };
}

const base = (target: ChartTarget) => ({
  animation: target.print ? (false as const) : undefined,
  responsive: !target.print,
  maintainAspectRatio: target.print ? false : true,
  devicePixelRatio: target.print ? 1 : undefined,
  // Ticks and tooltips in French (« 72,3 »), without a formatting callback.
  locale: 'fr-FR',
});

const oneDecimal = (v: number | null | undefined) => (v === null || v === undefined || !Number.isFinite(v) ? null : Math.round(v * 10) / 10);
const frenchScore = (v: number) => v.toFixed(1).replace('.', ',');

// ——— A pole's dashboard and report ———

/** Characters per line of the theme labels of the pole's horizontal charts: long labels take two lines, whole. */
const LABEL_LINE = 34;

/** The themes of a dimension, best scored first (unscored last): the order of its bars and of its collège chart. */
export function rankedThemes(results: PoleResults, dimension: string): ThemeResult[] {
  return results.themes
    .map((t, i) => ({ t, i }))
    .filter(({ t }) => t.dimension === dimension)
    .sort((a, b) => (b.t.score ?? -1) - (a.t.score ?? -1) || a.i - b.i)
    .map(({ t }) => t);
}

/** What the pole's charts show, as their caption on the dashboard and their title once downloaded. */
export const POLE_CHART_TITLES = {
  participation: (year: number) => `Participation par collège, campagne ${year}`,
  themes: (dimension: string, year: number) => `Scores des thèmes – ${dimension}, ${year}`,
  colleges: (dimension: string, year: number) => `Avis des collèges – ${dimension}, ${year}`,
};

const SWOT_COLOUR: Record<SwotCategory, string> = {
  strength: PALETTE.strength,
  opportunity: PALETTE.strength,
  vigilance: PALETTE.vigilance,
  weakness: PALETTE.weakness,
  threat: PALETTE.weakness,
};

type PoleChart<T> = ChartConfiguration<'bar' | 'line', T[]>;

/**
 * Horizontal bars of the theme scores of one dimension, best first, each label whole and followed by its score.
 * One series per reading (force, point de vigilance, faiblesse…) so that the legend says in words what the colours
 * mean; last campaign's score, when there is one, is a tick across each bar.
 */
export function themeBarsConfig(results: PoleResults, dimension: string, target: ChartTarget): PoleChart<number | null> {
  const themes = rankedThemes(results, dimension);
  const categories: SwotCategory[] = themes.some((t) => t.factor === 'external') ? ['opportunity', 'vigilance', 'threat'] : ['strength', 'vigilance', 'weakness'];
  const previous = new Map(results.evolution?.themes.map((e) => [e.id, e.previous]) ?? []);
  const datasets: PoleChart<number | null>['data']['datasets'] = categories
    .filter((c) => themes.some((t) => t.swot === c))
    .map((c) => ({
      type: 'bar' as const,
      label: swotLegend(c, results.thresholds),
      data: themes.map((t) => (t.swot === c ? oneDecimal(t.score) : null)),
      backgroundColor: SWOT_COLOUR[c],
      borderColor: '#222',
      borderWidth: 1,
      pointStyle: 'rect' as const,
      // One bar per theme: the series never sit side by side.
      grouped: false,
      barPercentage: 0.75,
      order: 1,
    }));
  if (results.evolution) {
    datasets.push({
      type: 'line' as const,
      label: `Score ${results.evolution.previousCampaign.year}`,
      data: themes.map((t) => oneDecimal(previous.get(t.id))),
      showLine: false,
      pointStyle: 'line',
      pointRotation: 90,
      pointRadius: target.print ? 7 : 10,
      pointBorderWidth: 3,
      borderColor: '#111',
      backgroundColor: '#111',
      order: 0,
    });
  }
  return {
    type: 'bar',
    // No-break spaces: the score never starts a line of its own.
    data: { labels: themes.map((t) => wrapLabel(`${t.label}\u00A0:\u00A0${t.score === null ? '–' : frenchScore(oneDecimal(t.score)!)}`, LABEL_LINE)), datasets },
    options: {
      ...base(target),
      indexAxis: 'y',
      plugins: { legend: { position: 'bottom', labels: { font: { ...FONT, size: target.print ? 9 : 12 }, usePointStyle: true, boxWidth: 12 } } },
      scales: {
        x: { min: 0, max: 100, ticks: { stepSize: 20, font: FONT }, grid: { color: PALETTE.grid } },
        y: { ticks: { font: { ...FONT, size: target.print ? 8.5 : 12 }, autoSkip: false }, grid: { display: false } },
      },
    },
  };
}

/** Marker shapes of the collège groups, all filled: told apart without colour. */
const COLLEGE_POINTS = ['circle', 'rect', 'triangle', 'rectRot', 'rectRounded', 'crossRot', 'star', 'cross'] as const;

/** The collège groups with a figure on at least one theme of the dimension (« Autres collèges » as one). */
export function shownColleges(results: PoleResults, dimension: string) {
  const themes = results.themes.filter((t) => t.dimension === dimension);
  return results.groups.filter((g) => themes.some((t) => t.byCollege.some((b) => b.college === g.id && !b.suppressed && b.score !== null)));
}

/**
 * Dot plot of each collège group's score on the dimension's themes (in the order of the bars): one marker shape per
 * group on a 0–100 line, over a band from the lowest group to the highest, dark when they are 20 points or more
 * apart; such a theme's label ends with « désaccord ». Reads as « who sees this theme differently ».
 */
export function collegeDotsConfig(results: PoleResults, dimension: string, target: ChartTarget): PoleChart<number | [number, number] | null> {
  const themes = rankedThemes(results, dimension);
  const colleges = shownColleges(results, dimension);
  const band = (label: string, dissensus: boolean, colour: string) => ({
    type: 'bar' as const,
    label,
    data: themes.map((t): [number, number] | null => {
      const d = divergence(t);
      if (!d || t.dissensus !== dissensus) return null;
      const low = oneDecimal(d.low.score)!;
      // A band of groups that agree to the decimal stays visible.
      return [low, Math.max(oneDecimal(d.high.score)!, low + 0.4)];
    }),
    backgroundColor: colour,
    borderWidth: 0,
    borderSkipped: false,
    pointStyle: 'rect' as const,
    grouped: false,
    barPercentage: 0.4,
    order: 2,
  });
  return {
    type: 'bar',
    data: {
      labels: themes.map((t) => wrapLabel(t.dissensus ? `${t.label} – désaccord` : t.label, LABEL_LINE)),
      datasets: [
        band('Collèges à moins de 20 points', false, '#dfe4ea'),
        band('Désaccord : 20 points ou plus', true, '#8c99ab'),
        ...colleges.map((c, i) => ({
          type: 'line' as const,
          label: c.label,
          data: themes.map((t) => {
            const b = t.byCollege.find((x) => x.college === c.id);
            return !b || b.suppressed ? null : oneDecimal(b.score);
          }),
          showLine: false,
          pointStyle: COLLEGE_POINTS[i % COLLEGE_POINTS.length],
          pointRadius: target.print ? 4 : 6,
          pointHoverRadius: 8,
          pointBorderWidth: 1.5,
          borderColor: PALETTE.colleges[i % PALETTE.colleges.length],
          backgroundColor: PALETTE.colleges[i % PALETTE.colleges.length],
          order: 1,
        })),
      ],
    },
    options: {
      ...base(target),
      indexAxis: 'y',
      plugins: { legend: { position: 'bottom', labels: { font: { ...FONT, size: target.print ? 9 : 12 }, usePointStyle: true, boxWidth: 12 } } },
      scales: {
        x: { min: 0, max: 100, ticks: { stepSize: 20, font: FONT }, grid: { color: PALETTE.grid } },
        y: { ticks: { font: { ...FONT, size: target.print ? 8.5 : 12 }, autoSkip: false }, grid: { color: PALETTE.grid } },
      },
    },
  };
}

/** Invited and submitted per collège, each collège named in full. */
export function participationConfig(results: PoleResults, target: ChartTarget): ChartConfiguration<'bar'> {
  const colleges = results.participation.colleges;
  return {
    type: 'bar',
    data: {
      labels: colleges.map((c) => wrapLabel(c.label, 18)),
      datasets: [
        { label: 'Personnes invitées', data: colleges.map((c) => c.invited), backgroundColor: '#c9d3e0', borderColor: '#222', borderWidth: 1 },
        { label: 'Réponses envoyées', data: colleges.map((c) => c.submitted), backgroundColor: PALETTE.current, borderColor: '#222', borderWidth: 1 },
      ],
    },
    options: {
      ...base(target),
      plugins: { legend: { position: 'bottom', labels: { font: FONT } } },
      scales: { y: { beginAtZero: true, ticks: { precision: 0, font: FONT } }, x: { ticks: { font: { ...FONT, size: 9 }, autoSkip: false, maxRotation: 0 } } },
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
