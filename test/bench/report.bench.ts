// npx tsx test/bench/report.bench.ts — milliseconds to produce one pole's PDF report (30 responses, 6 collèges,
// the real 2026 questionnaire), with pdfkit, and side by side the same content as HTML printed by a warm
// headless Chromium. Every path draws the same chart.js configurations (reports/charts.ts): the PDF records
// them as vectors (on a worker thread); Chromium gets them twice over, as JPEG images drawn in Node beforehand
// (the faster of the two, which the 3x target is checked against) and drawn by chart.js loaded once in the page,
// as the dashboard does; both at 1.5 pixels per point for print.
// Every run renders a different pole (different answers, scores, options, verbatims): nothing is reused from
// one report to the next but fonts, chart.js and registrations.
import { formatNumber, reportFigures, type Figure } from './figures.ts';
import { TARGETS } from './targets.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { Canvas } from '@napi-rs/canvas';
import { Chart, type ChartConfiguration } from 'chart.js';
import { collegeDotsConfig, labelRows, participationConfig, shownColleges, themeBarsConfig } from '../../reports/charts.ts';
import type { PoleResults } from '../../reports/types.ts';
import { CHART, horizontalChartHeight, renderPoleReport, SECTION_TITLES } from '../../reports/pdf/pole-report.ts';
import { answerCount, divergenceText, QUADRANT } from '../../reports/vocabulary.ts';
import { setupCharts } from '../../reports/pdf/render-chart.ts';
import { formatDateFr, formatDelta, formatScore, frenchTypography } from '../../reports/format.ts';
import { loadQuestionnaires } from '../../surveys/registry.ts';
import { NO_POLE_FACTS } from '../../surveys/model.ts';
import { poleLeanings, sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 20);
const WARMUP = 3;
const RESPONSES = 30;
const generatedAt = new Date('2026-03-15T10:00:00Z');

// ---------------------------------------------------------------------------------------------------------------
// One pole's results per run, from generated answers through the real analysis.

const { computePoleResults } = await import('../../reports/analysis/index.ts');
const q = loadQuestionnaires().get('ptce-2026')!;
const COLLEGE_WEIGHTS: Record<string, number> = { ess: 9, hors_ess: 4, collectivites: 4, recherche: 2, salaries: 7, benevoles_citoyens: 4 };

function poleResults(seed: number): PoleResults {
  const rng = seededRandom(seed);
  const leanings = poleLeanings(q, rng);
  const colleges = Object.entries(COLLEGE_WEIGHTS).flatMap(([c, n]) => Array<string>(n).fill(c)).slice(0, RESPONSES);
  const responses = colleges.map((college) => ({ college, data: sampleAnswers(q, rng, { college, leanings }) }));
  const previous = colleges.slice(0, 24).map((college) => ({ college, data: sampleAnswers(q, rng, { college, leanings }) }));
  return computePoleResults({
    pole: { id: `pole-${seed}`, name: `Pôle de coopération n° ${seed}` },
    campaign: { id: 'c-2026', year: 2026, questionnaireId: 'ptce-2026' },
    model: q.model,
    colleges: q.colleges,
    responses,
    participation: Object.entries(COLLEGE_WEIGHTS).map(([college, n]) => ({ college, invited: n + 3, submitted: n })),
    profile: { ...NO_POLE_FACTS, legalForm: null, foundingYear: null, membersPerCollege: { ess: 12, hors_ess: 5, collectivites: 3, recherche: 2, salaries: 20, benevoles_citoyens: 10 }, charter: null, venue: null },
    previous: { campaign: { id: 'c-2025', year: 2025 }, model: q.model, responses: previous },
  });
}

const poles = Array.from({ length: WARMUP + RUNS }, (_, i) => poleResults(100 + i));

// ---------------------------------------------------------------------------------------------------------------
// The same report as HTML: same sections, same charts, printed to A4.

const esc = (s: string) => frenchTypography(s).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const table = (head: string[], rows: string[][]) =>
  `<table><thead><tr>${head.map((h) => `<th>${esc(h)}</th>`).join('')}</tr></thead><tbody>${rows.map((r) => `<tr>${r.map((c) => `<td>${esc(c)}</td>`).join('')}</tr>`).join('')}</tbody></table>`;

interface PageChart {
  id: string;
  config: ChartConfiguration;
  width: number;
  height: number;
}

/** The report's charts, with the same configurations and sizes (points) as in the PDF. */
function pageCharts(r: PoleResults) {
  const print = { print: true };
  const chart = (id: string, config: unknown, width: number, height: number): PageChart => ({ id, config: config as ChartConfiguration, width, height });
  const horizontal = (id: string, config: ReturnType<typeof themeBarsConfig> | ReturnType<typeof collegeDotsConfig>) =>
    chart(id, config, CHART.participation.width, horizontalChartHeight(labelRows(config)));
  return {
    participation: chart('participation', participationConfig(r, print), CHART.participation.width, CHART.participation.height),
    dims: r.dimensions.map((d) => ({
      bars: horizontal(`bars-${d.id}`, themeBarsConfig(r, d.id, print)),
      colleges: shownColleges(r, d.id).length ? horizontal(`colleges-${d.id}`, collegeDotsConfig(r, d.id, print)) : null,
    })),
  };
}
type PageCharts = ReturnType<typeof pageCharts>;
const allCharts = (c: PageCharts) => [c.participation, ...c.dims.flatMap((d) => (d.colleges ? [d.bars, d.colleges] : [d.bars]))];

// As in the PDF: a chart is laid out in `width` x `height` chart pixels and shown as as many points.
const canvasTag = (c: PageChart) => `<canvas id="${c.id}" width="${c.width}" height="${c.height}" style="width:${c.width}pt;height:${c.height}pt"></canvas>`;

/** Draws the charts as JPEG data URLs in Node (chart.js on @napi-rs/canvas, white background, 1.5 pixels per point). */
async function jpegCharts(charts: PageChart[]): Promise<Map<string, string>> {
  setupCharts();
  const white = { id: 'white', beforeDraw: (chart: Chart) => { chart.ctx.save(); chart.ctx.fillStyle = '#fff'; chart.ctx.fillRect(0, 0, chart.width, chart.height); chart.ctx.restore(); } };
  const images = charts.map((c) => {
    const canvas = new Canvas(c.width, c.height);
    const chart = new Chart(canvas as unknown as HTMLCanvasElement, { ...c.config, options: { ...c.config.options, animation: false, responsive: false, devicePixelRatio: 1.5, events: [] }, plugins: [white] });
    // Encoding runs on the thread pool: the next charts are drawn meanwhile.
    return canvas.encode('jpeg', 90).then((b) => {
      chart.destroy();
      return [c.id, `data:image/jpeg;base64,${b.toString('base64')}`] as const;
    });
  });
  return new Map(await Promise.all(images));
}

function html(r: PoleResults, charts: PageCharts, chartTag: (c: PageChart) => string): string {
  const canvases = { participation: chartTag(charts.participation), dims: charts.dims.map((d) => ({ bars: chartTag(d.bars), colleges: d.colleges ? chartTag(d.colleges) : '' })) };
  const byId = new Map(r.themes.map((t) => [t.id, t]));
  const label = (id: string) => `${byId.get(id)?.label ?? id} (${formatScore(byId.get(id)?.score)})`;
  const section = (title: string, body: string) => `<section><h1>${esc(title)}</h1>${body}</section>`;
  const weaknesses = r.swot.weaknesses.slice(0, 4).map((id) => `<h3>${esc(label(id))}</h3>${r.options.filter((o) => o.themes.includes(id)).slice(0, 2).map((o) => `<p><b>${esc(o.title)}</b></p><p>${esc(o.description)}</p>`).join('')}`);
  const parts = [
    `<section class="cover"><div class="band"><h1>${esc(SECTION_TITLES.cover)}</h1><h2>${esc(r.pole.name)}</h2><p>Campagne ${r.campaign.year}</p></div><p>${esc(`Rapport généré le ${formatDateFr(generatedAt)}`)}</p></section>`,
    section(SECTION_TITLES.toc, `<ol>${[SECTION_TITLES.summary, SECTION_TITLES.participation, SECTION_TITLES.overview, ...r.dimensions.map((d) => d.label), SECTION_TITLES.consensus, SECTION_TITLES.swot, SECTION_TITLES.options, SECTION_TITLES.evolution, SECTION_TITLES.verbatims, SECTION_TITLES.method].map((s) => `<li>${esc(s)}</li>`).join('')}</ol>`),
    section(SECTION_TITLES.summary, `<p class="score">${formatScore(r.overall)} / 100</p>${table(['Collège', 'Réponses'], r.participation.colleges.map((c) => [c.label, `${c.submitted} sur ${c.invited}`]))}<ul>${r.swot.strengths.slice(0, 3).map((id) => `<li>${esc(label(id))}</li>`).join('')}</ul>${weaknesses.join('')}<ul>${r.themes.filter((t) => t.dissensus).slice(0, 4).map((t) => `<li>${esc(`${t.label} : ${divergenceText(t)}`)}</li>`).join('')}</ul>`),
    section(SECTION_TITLES.participation, `${table(['Collège', 'Invités', 'Réponses'], r.participation.colleges.map((c) => [c.label, String(c.invited), String(c.submitted)]))}${r.participation.warnings.map((w) => `<p>${esc(w)}</p>`).join('')}${canvases.participation}`),
    section(SECTION_TITLES.overview, r.dimensions.map((d, i) => `<h2>${esc(`${d.label} : ${formatScore(d.score)} sur 100`)}</h2>${canvases.dims[i].bars}`).join('')),
    ...r.dimensions.map((d, i) => {
      const themes = r.themes.filter((t) => t.dimension === d.id);
      const colleges = r.groups;
      return section(
        d.label,
        `${table(['Thème', 'Score sur 100', 'Réponses', 'Lecture', 'Les collèges'], themes.map((t) => [t.label, formatScore(t.score), String(t.n), t.swot ?? '–', t.dissensus ? `désaccord : ${divergenceText(t)}` : 'proches']))}` +
          `${canvases.dims[i].colleges}${table(['Thème', ...colleges.map((c) => c.label)], themes.map((t) => [t.label, ...colleges.map((c) => { const b = t.byCollege.find((x) => x.college === c.id); return !b || b.suppressed ? 'trop peu de réponses' : formatScore(b.score); })]))}`,
      );
    }),
    section(SECTION_TITLES.consensus, table(['Thème', 'Le moins favorable – le plus favorable'], r.themes.filter((t) => t.dissensus).map((t) => [t.label, divergenceText(t) ?? '–'])) + table(['Question', 'Le moins favorable – le plus favorable'], r.items.filter((t) => t.dissensus).map((t) => [t.label, divergenceText(t) ?? '–']))),
    section(SECTION_TITLES.swot, `<div class="swot">${(['strengths', 'weaknesses', 'opportunities', 'threats'] as const).map((k) => `<div><h3>${k}</h3><ul>${r.swot[k].map((id) => `<li>${esc(label(id))}</li>`).join('')}</ul></div>`).join('')}</div><ul>${r.swot.vigilance.map((id) => `<li>${esc(label(id))}</li>`).join('')}</ul>`),
    section(SECTION_TITLES.options, r.options.map((o, i) => `<h3>${esc(`${i + 1}. ${o.title}`)}</h3><p>${esc(QUADRANT[o.quadrant].name)}</p><p>${esc(o.description)}</p><p>${esc(o.themes.map(label).join(' ; '))}${o.needsConsensus ? ' – à construire en accord entre collèges d’abord' : ''}</p>`).join('')),
    section(SECTION_TITLES.evolution, r.evolution ? table(['Thème', 'Avant', 'Après', 'Évolution'], r.evolution.themes.map((e) => [e.label, formatScore(e.previous), formatScore(e.current), formatDelta(e.delta)])) : '<p>Aucune campagne antérieure.</p>'),
    section(SECTION_TITLES.verbatims, r.verbatims.map((v) => `<h2>${esc(v.label)}</h2>${v.answers.map((a) => `<blockquote>${esc(`« ${a.text} »${answerCount(a.count)}`)}</blockquote>`).join('')}`).join('')),
    section(SECTION_TITLES.method, '<p>Échelles, formules, seuils SWOT, termes techniques et règles d’anonymat (même texte que le PDF).</p>'.repeat(8) + table(['Thème', 'Score', 'Score brut', 'n', 'Écart', 'Écart-type'], r.themes.map((t) => [t.label, formatScore(t.score), formatScore(t.rawScore), String(t.n), formatScore(t.spread), formatScore(t.sd)]))),
  ];
  return parts.join('\n');
}

const STYLE = `
    @page { size: A4; margin: 50pt 50pt 62pt }
    body { font-family: 'DejaVu Sans', sans-serif; font-size: 9.5pt; color: #1a1a1a }
    section { break-before: page } section:first-child { break-before: auto }
    h1 { color: #1f3b63; font-size: 19pt; border-bottom: 1.2pt solid #1f3b63 }
    table { width: 100%; border-collapse: collapse; font-size: 8.5pt; margin: 6pt 0 } th { background: #e3e8ef; text-align: left }
    td, th { padding: 4pt; border-bottom: 0.4pt solid #d5dae1 } tr:nth-child(even) td { background: #f5f7fa }
    .band { background: #1f3b63; color: #fff; padding: 60pt 20pt } .swot { display: grid; grid-template-columns: 1fr 1fr; gap: 10pt }
    .score { font-size: 30pt; font-weight: bold } canvas { display: block; margin: 6pt auto }`;

const require = createRequire(import.meta.url);
// The package exports no path to its UMD build: take it beside its main file.
const CHART_JS = join(dirname(require.resolve('chart.js')), 'chart.umd.js');

// ---------------------------------------------------------------------------------------------------------------

const median = (values: number[]) => {
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

async function measure(name: string, render: (r: PoleResults) => Promise<Buffer | Uint8Array>) {
  const times: number[] = [];
  let bytes = 0;
  for (let i = 0; i < poles.length; i++) {
    const start = performance.now();
    const out = await render(poles[i]);
    const elapsed = performance.now() - start;
    if (i >= WARMUP) {
      times.push(elapsed);
      bytes += out.length;
    }
  }
  const result = { median: median(times), min: Math.min(...times), max: Math.max(...times), kb: bytes / times.length / 1024 };
  console.log(`${name.padEnd(34)} median ${result.median.toFixed(1).padStart(6)} ms  (min ${result.min.toFixed(1)}, max ${result.max.toFixed(1)}, ${result.kb.toFixed(0)} kB)`);
  return result;
}

console.log(`Report of one pole: ${RESPONSES} responses, ${poles[0].themes.length} themes, ${poles[0].participation.colleges.length} collèges; ${RUNS} runs after ${WARMUP} warm-up runs, a different pole each run.`);


// pdfkit first, before Chromium starts: a browser that has just started keeps working in the background for a
// while (its own processes), which would slow the pdfkit runs on this two-core machine and flatter Chromium.
const pdfkit = await measure('pdfkit (charts + layout + PDF)', (r) => renderPoleReport(r, { generatedAt }));
const pdfkitFigure: Figure = { name: 'Rapport PDF d’un pôle (pdfkit), médiane', value: pdfkit.median, unit: 'ms', digits: 1, target: TARGETS.reportPdfkitMs };
// BENCH_PDF_ONLY=1: the pdfkit path alone (quicker, while working on it).
if (process.env.BENCH_PDF_ONLY === '1') {
  reportFigures('report', [pdfkitFigure]);
  process.exit(0);
}
const browser = await launchChromium();
try {
  const page = await browser.newPage();
  const footerTemplate = '<div style="font-size:8px;width:100%;text-align:right;margin-right:50pt">Page <span class="pageNumber"></span> / <span class="totalPages"></span></div>';
  // Alternate the two paths run by run would mix their garbage collections; run them one after the other,
  // each with its own warm-up, and compare in this run only (the machine is shared and noisy).
  const print = () => page.pdf({ format: 'A4', displayHeaderFooter: true, headerTemplate: '<span></span>', footerTemplate });
  // 1. Charts drawn in Node as JPEG images (the fastest way found to give Chromium charts), page loaded each time.
  const browserPdf = await measure('Chromium (JPEG charts + page.pdf)', async (r) => {
    const charts = pageCharts(r);
    const images = await jpegCharts(allCharts(charts));
    const body = html(r, charts, (c) => `<img src="${images.get(c.id)}" style="width:${c.width}pt;height:${c.height}pt">`);
    await page.setContent(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${STYLE}</style></head><body>${body}</body></html>`, { waitUntil: 'load' });
    return print();
  });
  // 2. Charts drawn by chart.js in the page, as the dashboard does: page, style and chart.js loaded once, each
  //    report replaces the body and draws its canvases (1.5 pixels per point).
  await page.setContent(`<!doctype html><html lang="fr"><head><meta charset="utf-8"><style>${STYLE}</style></head><body></body></html>`);
  await page.addScriptTag({ path: CHART_JS });
  await page.evaluate(() => {
    const Chart = (window as unknown as { Chart: { defaults: { font: { family: string }; color: string } } }).Chart;
    Chart.defaults.font.family = 'DejaVu Sans';
    Chart.defaults.color = '#333333';
  });
  const inPage = await measure('Chromium (chart.js in page + page.pdf)', async (r) => {
    const charts = pageCharts(r);
    await page.evaluate(
      ({ body, charts }) => {
        type ChartCtor = new (canvas: HTMLCanvasElement, config: unknown) => unknown;
        const Chart = (window as unknown as { Chart: ChartCtor }).Chart;
        document.body.innerHTML = body;
        for (const c of charts) {
          const config = c.config as { options?: object };
          new Chart(document.getElementById(c.id) as HTMLCanvasElement, { ...config, options: { ...config.options, animation: false, responsive: false, devicePixelRatio: 1.5 } });
        }
      },
      { body: html(r, charts, canvasTag), charts: allCharts(charts).map((c) => ({ id: c.id, config: c.config as unknown as Record<string, unknown> })) },
    );
    return print();
  });
  console.log(`ratio Chromium / pdfkit: ${(inPage.median / pdfkit.median).toFixed(2)}x with chart.js in the page`);
  const ratio = browserPdf.median / pdfkit.median;
  console.log(`ratio Chromium / pdfkit: ${ratio.toFixed(2)}x with JPEG charts (the target is checked against this, the faster)`);
  console.log(`targets: pdfkit median <= ${TARGETS.reportPdfkitMs.limit} ms: ${pdfkit.median <= TARGETS.reportPdfkitMs.limit ? 'met' : 'MISSED'}; >= ${TARGETS.reportSpeedupOverChromium.limit}x faster than Chromium: ${ratio >= TARGETS.reportSpeedupOverChromium.limit ? 'met' : 'MISSED'}`);
  reportFigures('report', [
    pdfkitFigure,
    { name: 'Chromium (graphiques JPEG) / pdfkit', value: ratio, unit: '×', digits: 2, target: TARGETS.reportSpeedupOverChromium, note: `Chromium ${formatNumber(browserPdf.median)} ms` },
    { name: 'Chromium (chart.js dans la page) / pdfkit', value: inPage.median / pdfkit.median, unit: '×', digits: 2 },
  ]);
} finally {
  await browser.close();
}
