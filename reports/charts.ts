// Chart definitions shared by the web dashboard (chart.js in the browser) and the PDF (chart.js on @napi-rs/canvas).
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

/** Grouped bars: for each theme of a dimension, the score of every collège large enough to be shown. */
export function collegeBarsConfig(results: PoleResults, dimension: string, target: ChartTarget): ChartConfiguration<'bar'> {
  const themes = results.themes.filter((t) => t.dimension === dimension);
  const colleges = results.participation.colleges.filter((c) => themes.some((t) => t.byCollege.some((b) => b.college === c.college && !b.suppressed)));
  return {
    type: 'bar',
    data: {
      labels: themes.map((t) => shortLabel(t.label, 30)),
      datasets: colleges.map((c, i) => ({
        label: c.label,
        data: themes.map((t) => {
          const s = t.byCollege.find((b) => b.college === c.college)?.score;
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
