// The pole's PDF report (A4, French): pdfkit with DejaVu Sans embedded, charts from reports/charts.ts drawn
// by chart.js as PDF vectors (see chart-core.mjs). The body is laid out first with buffered pages, then the table of
// contents (page 2) and the "Page N / M" footers are filled in, so page numbers are always right.
// The body speaks to whoever presents it, in the words of reports/vocabulary.ts; the method annex keeps the
// technical terms and defines them. The two-page summary (summary.ts) opens it.
import type { ChartConfiguration } from 'chart.js';
import { collegeDotsConfig, labelRows, participationConfig, rankedThemes, shownColleges, themeBarsConfig } from '../charts.ts';
import type { FollowUp, PoleResults, ResultsSnapshot, StrategicOptionResult, ThemeResult } from '../types.ts';
import { ACTION_STATUS_LABEL, agreementLabel, type Review } from '../contract/review.ts';
import { recordChartHere, recordChartOffThread, type ChartDrawing } from './render-chart.ts';
import {
  COLOUR, FONT, LEFT, Layout, SIZE, WIDTH, coverPage, drawBlock, footers, useStyle, openDocument, resetTypography, t,
  tableOfContents as writeTableOfContents, type Cell, type Column, type Doc,
} from './layout.ts';
import { formatDateFr, formatDayFr, formatDelta, formatInteger, formatMonthFr, formatPercent, formatScore } from '../format.ts';
import { BENCHMARK_MIN_POLES } from '../analysis/benchmark.ts';
import { MERGED_GROUP_ID } from '../analysis/groups.ts';
import {
  actionTally, answerCount, BENCHMARK_COLUMNS, BENCHMARK_POSITION, divergence, divergenceText, followUpTitle, QUADRANT,
  formatThreshold, REVIEW_TITLE, SWOT_LABEL, THEME_COLUMNS,
} from '../vocabulary.ts';
import { runningTitle, SUMMARY_TITLE, summarySection } from './summary.ts';
import { keyFiguresSection } from './key-figures.ts';
import { INTERVAL_NOTE, intervalMethod, intervalText, scoreWithInterval, TO_CONFIRM, toConfirmNote } from '../reliability.ts';

/** The collective review of this campaign, as stored (reports/contract/review.ts), without its date of record. */
export type PoleReview = Omit<Review, 'updatedAt'>;

export interface PoleReportOptions {
  generatedAt: Date;
  /** Let chart.js draw the charts on a worker thread while the text is laid out (default true). */
  chartsOffThread?: boolean;
  /** The pole's review of this campaign, once it has met: the report then ends with its conclusions and plan. */
  review?: PoleReview | null;
}

/** Section headings, in the order of the report (dimension sections use the dimension's label). */
export const SECTION_TITLES = {
  cover: 'Auto-évaluation PTCE',
  toc: 'Sommaire',
  summary: SUMMARY_TITLE,
  participation: 'Participation par collège',
  overview: 'Vue d’ensemble',
  consensus: 'Accords et désaccords entre collèges',
  swot: 'Forces, faiblesses, opportunités, menaces',
  options: 'Options stratégiques',
  evolution: 'Évolution',
  benchmark: 'Comparaison avec le réseau',
  verbatims: 'Paroles de répondants',
  review: REVIEW_TITLE,
  method: 'Annexe : méthode',
  unavailable: 'Résultats non disponibles',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Charts: all of them are started first, and recorded (off the main thread by default) while the text is laid out.

/** Chart sizes in points. */
export const CHART = {
  participation: { width: WIDTH, height: 210 },
};

/**
 * Height of a horizontal chart of `rows` themes whose labels take up to `lines` lines: chart.js gives each row the
 * same height, which must hold its label; the rest is the axis and the legend (two lines of it at most).
 */
export const horizontalChartHeight = ({ rows, lines }: { rows: number; lines: number }) => rows * (lines * 10.5 + 7) + 62;

interface ChartDrawings {
  participation: Promise<ChartDrawing>;
  themeBars: Map<string, { drawing: Promise<ChartDrawing>; height: number }>;
  collegeDots: Map<string, { drawing: Promise<ChartDrawing>; height: number }>;
}

const asConfig = (c: unknown) => c as ChartConfiguration;

function startCharts(results: PoleResults, offThread: boolean): ChartDrawings {
  const print = { print: true };
  const record = offThread ? recordChartOffThread : recordChartHere;
  const charts: ChartDrawings = {
    participation: record(asConfig(participationConfig(results, print)), CHART.participation),
    themeBars: new Map(),
    collegeDots: new Map(),
  };
  if (!results.available) return charts;
  const start = (config: ReturnType<typeof themeBarsConfig> | ReturnType<typeof collegeDotsConfig>) => {
    const height = horizontalChartHeight(labelRows(config));
    return { drawing: record(asConfig(config), { width: WIDTH, height }), height };
  };
  for (const d of results.dimensions) {
    if (!results.themes.some((th) => th.dimension === d.id)) continue;
    charts.themeBars.set(d.id, start(themeBarsConfig(results, d.id, print)));
    if (shownColleges(results, d.id).length) charts.collegeDots.set(d.id, start(collegeDotsConfig(results, d.id, print)));
  }
  return charts;
}

// ---------------------------------------------------------------------------------------------------------------

/** Renders the pole's report as a PDF (A4, French). */
export async function renderPoleReport(results: PoleResults, options: PoleReportOptions): Promise<Buffer> {
  resetTypography();
  // Charts are started now and recorded while the text is laid out.
  const charts = startCharts(results, options.chartsOffThread ?? process.env.PDF_CHARTS_OFF_THREAD !== '0');
  // Observe failures at once (no unhandled rejection); the layout awaits the drawings themselves.
  const allCharts = Promise.all([charts.participation, ...[...charts.themeBars.values(), ...charts.collegeDots.values()].map((c) => c.drawing)]);
  allCharts.catch(() => undefined);

  const { doc, bytes: done } = openDocument({
    Title: `Auto-évaluation PTCE ${results.campaign.year} – ${results.pole.name}`,
    Author: results.pole.name,
    Subject: `Rapport d’auto-évaluation du pôle, campagne ${results.campaign.year}`,
    CreationDate: options.generatedAt,
  });

  const layout = new Layout(doc);
  cover(layout, results, options);
  if (results.available) {
    layout.newPage(); // page 2: table of contents, filled in once the body is laid out.
    summarySection(layout, results, { generatedAt: options.generatedAt });
    participationSection(layout, results, charts.participation);
    keyFiguresSection(layout, results);
    overview(layout, results, charts.themeBars);
    for (const d of results.dimensions) dimensionSection(layout, results, d.id, charts.collegeDots.get(d.id));
    consensus(layout, results);
    swot(layout, results);
    strategicOptions(layout, results);
    followUpSection(layout, results.followUp, results.campaign.year);
    evolution(layout, results);
    benchmark(layout, results);
    verbatims(layout, results);
    reviewSection(layout, results, options.review);
    method(layout, results);
    tableOfContents(layout, 1);
  } else {
    unavailable(layout, results, charts.participation);
    keyFiguresSection(layout, results);
    followUpSection(layout, results.followUp, results.campaign.year);
    reviewSection(layout, results, options.review);
    method(layout, results);
  }
  await allCharts;
  await layout.placeCharts();
  footers(layout, runningTitle(results));
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

function cover(layout: Layout, results: PoleResults, options: PoleReportOptions) {
  const p = results.participation;
  coverPage(layout, {
    kicker: 'Pôles territoriaux de coopération économique',
    headings: [
      { text: SECTION_TITLES.cover, size: 30, bold: true, gap: 8 },
      { text: results.pole.name, size: 21, bold: true, gap: 18 },
      { text: `Campagne ${results.campaign.year}`, size: 16, gap: 10 },
    ],
    labelWidth: 190,
    facts: [
      ['Rapport généré le', formatDateFr(options.generatedAt)],
      ['Questionnaire', results.campaign.questionnaireId],
      ['Réponses envoyées', `${formatInteger(p.submitted)} sur ${formatInteger(p.invited)} personnes invitées (${formatPercent(p.submitted, p.invited)})`],
      ['Seuil d’anonymat', `aucun chiffre pour moins de ${results.minGroupSize} personnes`],
      ...(results.snapshot ? [['Résultats', snapshotStatus(results.snapshot, results.minGroupSize)] as [string, string]] : []),
      ...(results.available ? [['Score global', `${formatScore(results.overall)} / 100`] as [string, string]] : []),
    ],
    footnote: confidentialityPromise(results.minGroupSize),
  });
  layout.doc.outline.addItem(t(results.pole.name));
}

/** What the figures rest on, said where the reader starts: provisional while the campaign is open. */
export function snapshotStatus(snapshot: ResultsSnapshot, k: number): string {
  const rest = `établis sur ${formatInteger(snapshot.responses)} réponse${snapshot.responses > 1 ? 's' : ''}`;
  if (snapshot.provisional) {
    return `PROVISOIRES (campagne en cours) : ${rest} ; prochaine mise à jour au plus tôt à ${formatInteger(snapshot.nextUpdateAt)} réponses envoyées. ` +
      `Ils n’évoluent que par paquets d’au moins ${k} réponses.`;
  }
  const late = snapshot.pending
    ? ` ; ${formatInteger(snapshot.pending)} réponse${snapshot.pending > 1 ? 's' : ''} arrivée${snapshot.pending > 1 ? 's' : ''} après la dernière mise à jour, moins de ${k}, non comptée${snapshot.pending > 1 ? 's' : ''} pour ne pas les isoler`
    : '';
  return `définitifs (campagne clôturée) : ${rest}${late}.`;
}

/** The promise of the respondent's first page, as it holds for this report: every sentence is true of the service. */
export function confidentialityPromise(k: number): string {
  return (
    'Confidentialité. La coordination du pôle sait qui a répondu, jamais ce que chacun a répondu : les réponses envoyées sont ' +
    'enregistrées sans lien avec l’invitation, sans heure d’envoi. Ce rapport ne montre que des groupes d’au moins ' +
    `${k} personnes (les petits collèges sont réunis dans « Autres collèges ») et n’évolue que par paquets d’au moins ${k} réponses ; ` +
    'les réponses libres sont citées sans nom ni collège. Le Labo de l’ESS voit les mêmes résultats groupés. ' +
    'Une réponse envoyée n’est jamais enregistrée avec le nom ni le lien de son auteur.'
  );
}

function tableOfContents(layout: Layout, pageIndex: number) {
  writeTableOfContents(layout, pageIndex, SECTION_TITLES.toc);
}

const themeById = (results: PoleResults) => new Map(results.themes.map((th) => [th.id, th]));
const scored = (th: ThemeResult | undefined, fallback: string) => (th ? `${th.label} (${formatScore(th.score)})` : fallback);

function participationSection(layout: Layout, results: PoleResults, chart: Promise<ChartDrawing>) {
  layout.section(SECTION_TITLES.participation);
  participationTable(layout, results);
  const p = results.participation;
  const k = results.minGroupSize;
  const warnings = [...p.warnings];
  for (const m of p.missingColleges) {
    if (!warnings.some((w) => w.includes(m.label))) warnings.push(`Le collège « ${m.label} » n’a envoyé aucune réponse : son point de vue manque à l’analyse.`);
  }
  // Who is in « Autres collèges » is said here, apart from any score: no merged collège is named next to a figure.
  const merged = results.groups.find((g) => g.id === MERGED_GROUP_ID);
  if (merged) {
    const labels = merged.colleges.map((id) => p.colleges.find((c) => c.college === id)?.label ?? id);
    warnings.push(
      `Les collèges de moins de ${k} réponses sont regroupés dans « ${merged.label} »` +
        (labels.length ? ` (${labels.map((l) => `« ${l} »`).join(', ')})` : '') +
        `, complété si besoin par les plus petits collèges jusqu’à ${k} réponses : les scores de ce groupe sont présentés ensemble, jamais collège par collège.`,
    );
  }
  if (warnings.length) layout.note('Points d’attention', warnings);
  layout.chart(chart, CHART.participation.width, CHART.participation.height, 'Barres claires : personnes invitées ; barres foncées : réponses envoyées. Les chiffres sont dans le tableau ci-dessus.');
}

function participationTable(layout: Layout, results: PoleResults) {
  const p = results.participation;
  const withMembers = p.colleges.some((c) => c.members !== null);
  const columns: Column[] = [
    { header: 'Collège', width: 190 },
    { header: 'Personnes invitées', width: 60, align: 'right' },
    { header: 'Réponses envoyées', width: 80, align: 'right' },
    { header: 'Taux de réponse', width: 70, align: 'right' },
  ];
  if (withMembers) columns.push({ header: 'Membres déclarés', width: 80, align: 'right' });
  const rows: Cell[][] = p.colleges.map((c) => {
    const row: Cell[] = [c.label, formatInteger(c.invited), formatInteger(c.submitted), formatPercent(c.submitted, c.invited)];
    if (withMembers) row.push(c.members === null ? '–' : formatInteger(c.members));
    return row;
  });
  const totalRow: Cell[] = ['Total', formatInteger(p.invited), formatInteger(p.submitted), formatPercent(p.submitted, p.invited)];
  if (withMembers) totalRow.push(p.colleges.some((c) => c.members !== null) ? formatInteger(p.colleges.reduce((s, c) => s + (c.members ?? 0), 0)) : '–');
  rows.push(totalRow);
  layout.table(columns, rows, { lastRowBold: true });
}

/** Every theme at a glance: one chart of sorted bars per dimension, each label whole with its score. */
function overview(layout: Layout, results: PoleResults, bars: ChartDrawings['themeBars']) {
  layout.section(SECTION_TITLES.overview);
  const ev = results.evolution;
  const { high, low } = results.thresholds;
  layout.paragraph(
    `Chaque barre est un thème, noté de 0 (défavorable) à 100 (favorable), du mieux noté au moins bien noté dans chaque dimension. ` +
      `Vert : point fort (${formatThreshold(high)} et plus) ; jaune : point de vigilance ; rouge : point faible (${formatThreshold(low)} ou moins).` +
      (ev ? ` Le trait noir marque le score ${ev.previousCampaign.year}, calculé sur les questions communes aux deux années.` : ''),
  );
  for (const d of results.dimensions) {
    const chart = bars.get(d.id);
    if (!chart) continue;
    layout.minorHeading(`${d.label} : ${formatScore(d.score)} sur 100`, chart.height);
    layout.chart(chart.drawing, WIDTH, chart.height, `Les scores de chaque thème sont aussi dans le tableau de la partie « ${d.label} ».`);
  }
}

/** « d’accord », or which collèges disagree: the theme tables' last column. */
function collegesCell(th: ThemeResult): Cell {
  if (th.dissensus) return { text: `désaccord : ${divergenceText(th)}`, bold: true };
  return divergence(th) ? 'proches' : { text: 'un seul collège comparable', muted: true };
}

function dimensionSection(layout: Layout, results: PoleResults, dimensionId: string, collegeChart: { drawing: Promise<ChartDrawing>; height: number } | undefined) {
  const dimension = results.dimensions.find((d) => d.id === dimensionId)!;
  const themes = rankedThemes(results, dimensionId);
  const k = results.minGroupSize;
  layout.section(dimension.label);
  layout.paragraph(
    `Score de la dimension : ${formatScore(dimension.score)} / 100 (moyenne de ses ${themes.length} thèmes). ` +
      (dimension.factor === 'internal'
        ? 'Ses thèmes disent ce qui marche bien (points forts) ou moins bien (points faibles) dans le pôle.'
        : 'Ses thèmes décrivent le contexte du territoire : ce qui aide le pôle (opportunités) ou le freine (menaces).'),
  );
  if (!themes.length) return;

  layout.subheading('Scores par thème');
  layout.table(
    [
      { header: 'Thème', width: 138 },
      { header: THEME_COLUMNS.score, width: 92, align: 'right' },
      { header: THEME_COLUMNS.responses, width: 55, align: 'right' },
      { header: THEME_COLUMNS.category, width: 70 },
      { header: THEME_COLUMNS.colleges, width: 145 },
    ],
    themes.map((th) => [
      th.label, { text: scoreWithInterval(th), bold: true }, formatInteger(th.n),
      th.swot ? `${SWOT_LABEL[th.swot]}${results.swot.uncertain.includes(th.id) ? `, ${TO_CONFIRM}` : ''}` : '–', collegesCell(th),
    ]),
  );
  layout.paragraph(
    'Score : moyenne des collèges, chacun pesant autant quel que soit son nombre de réponses. Réponses : personnes ayant donné un avis sur le thème. ' +
      'Les collèges sont en désaccord quand 20 points ou plus séparent le plus favorable du moins favorable, proches sinon. ' + INTERVAL_NOTE +
      (themes.some((th) => results.swot.uncertain.includes(th.id)) ? ` ${toConfirmNote(results.thresholds)}` : '') + ' Le détail des calculs est en annexe.',
    { size: SIZE.small, muted: true },
  );

  // What each collège thinks.
  const visible = shownColleges(results, dimensionId);
  const hidden = results.groups.filter((g) => !visible.includes(g) && themes.some((th) => th.byCollege.some((b) => b.college === g.id && b.n > 0)));
  layout.subheading('Avis des collèges', collegeChart ? collegeChart.height : 60);
  if (collegeChart) {
    layout.chart(
      collegeChart.drawing,
      WIDTH,
      collegeChart.height,
      'Chaque forme est un collège (légende sous le graphique). La bande va du collège le moins favorable au plus favorable ; foncée, elle signale un désaccord (20 points ou plus). Les scores sont dans le tableau ci-dessous.',
    );
  }
  if (visible.length) {
    const columns: Column[] = [{ header: 'Thème', width: 150 }, ...visible.map((c) => ({ header: c.label, width: Math.max(60, 345 / visible.length), align: 'right' as const }))];
    const rows: Cell[][] = themes.map((th) => [
      th.label,
      ...visible.map((c): Cell => {
        const b = th.byCollege.find((x) => x.college === c.id);
        if (!b || b.n === 0) return { text: 'aucune réponse', muted: true };
        if (b.suppressed || b.score === null) return { text: 'trop peu de réponses', muted: true };
        const d = divergence(th);
        // The two collèges that disagree are set in bold on the row of a theme that divides them.
        return { text: formatScore(b.score), bold: th.dissensus && !!d && (d.low.college === b.college || d.high.college === b.college) };
      }),
    ]);
    layout.table(columns, rows, { size: visible.length > 4 ? 7.5 : SIZE.table });
    if (themes.some((th) => th.dissensus)) layout.paragraph('En gras : les deux collèges en désaccord sur le thème.', { size: SIZE.small, muted: true });
  } else {
    layout.paragraph(`Aucun collège ne compte ${k} personnes ou plus sur cette dimension : la comparaison entre collèges n’est pas présentée.`);
  }
  for (const c of hidden) {
    layout.paragraph(`${c.label} : moins de ${k} personnes ont répondu sur ces thèmes ; leurs scores ne sont ni présentés ni comptés dans ceux du pôle, pour préserver l’anonymat.`, { size: SIZE.small, muted: true, gap: 2 });
  }
}

function consensus(layout: Layout, results: PoleResults) {
  layout.section(SECTION_TITLES.consensus);
  const k = results.minGroupSize;
  layout.paragraph(
    'Quand 20 points ou plus séparent le collège le plus favorable du moins favorable sur un thème ou une question, les collèges ne voient pas ce point de la même façon : ' +
      `mieux vaut en parler ensemble avant de décider. Seuls les collèges (ou le groupe « Autres collèges ») d’au moins ${k} personnes sont comparés.`,
  );
  const dimLabel = new Map(results.dimensions.map((d) => [d.id, d.label]));
  const themes = results.themes.filter((th) => th.dissensus).sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0));
  layout.subheading('Thèmes qui divisent les collèges');
  if (themes.length) {
    layout.table(
      [
        { header: 'Thème', width: 165 },
        { header: 'Dimension', width: 75 },
        { header: 'Le moins favorable – le plus favorable', width: 255 },
      ],
      themes.map((th) => [th.label, dimLabel.get(th.dimension) ?? th.dimension, { text: divergenceText(th) ?? '–', bold: true }]),
    );
  } else {
    layout.paragraph('Aucun thème : sur chacun, moins de 20 points séparent les collèges.', { muted: true });
  }

  const themeLabel = new Map(results.themes.map((th) => [th.id, th.label]));
  const items = results.items.filter((i) => i.dissensus).sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0));
  layout.subheading('Questions qui divisent les collèges');
  if (items.length) {
    layout.table(
      [
        { header: 'Question', width: 210 },
        { header: 'Thème', width: 105 },
        { header: 'Le moins favorable – le plus favorable', width: 180 },
      ],
      items.map((i) => [i.label, themeLabel.get(i.theme) ?? i.theme, { text: divergenceText(i) ?? '–', bold: true }]),
    );
  } else {
    layout.paragraph('Aucune question : sur chacune, moins de 20 points séparent les collèges.', { muted: true });
  }

  const agreed = results.themes.filter((th) => th.spread !== null && th.spread < 10).sort((a, b) => a.spread! - b.spread!);
  layout.subheading('Thèmes qui rassemblent les collèges');
  if (agreed.length) {
    layout.paragraph('Thèmes sur lesquels moins de 10 points séparent les collèges comparés :');
    layout.bullets(agreed.map((th) => `${th.label} : score ${formatScore(th.score)}, ${formatScore(th.spread)} points entre les collèges`));
  } else {
    layout.paragraph('Aucun thème ne réunit les collèges à moins de 10 points les uns des autres, ou trop peu de collèges sont comparables.', { muted: true });
  }
}

function swot(layout: Layout, results: PoleResults) {
  const doc = layout.doc;
  layout.section(SECTION_TITLES.swot);
  const { high, low } = results.thresholds;
  layout.paragraph(
    `Les thèmes du pôle (gouvernance, coopération) notés ${formatThreshold(high)} ou plus sont ses forces, ceux notés ${formatThreshold(low)} ou moins ses faiblesses. ` +
      `Les thèmes du contexte suivent les mêmes seuils : opportunités et menaces. Entre les deux, un thème est un point de vigilance.`,
  );
  const byId = themeById(results);
  const unsure = new Set(results.swot.uncertain);
  const list = (ids: string[]) =>
    ids.map((id) => byId.get(id)).filter((th): th is ThemeResult => !!th).map((th) => `${th.label} (${formatScore(th.score)})${unsure.has(th.id) ? ` – ${TO_CONFIRM}` : ''}`);
  const boxes = [
    { title: 'Forces', subtitle: `le pôle, ${formatThreshold(high)} et plus`, items: list(results.swot.strengths), fill: '#eef5f0', mark: '+' },
    { title: 'Faiblesses', subtitle: `le pôle, ${formatThreshold(low)} ou moins`, items: list(results.swot.weaknesses), fill: '#f8eeed', mark: '−' },
    { title: 'Opportunités', subtitle: `le contexte, ${formatThreshold(high)} et plus`, items: list(results.swot.opportunities), fill: '#eef5f0', mark: '+' },
    { title: 'Menaces', subtitle: `le contexte, ${formatThreshold(low)} ou moins`, items: list(results.swot.threats), fill: '#f8eeed', mark: '−' },
  ];
  const gap = 10;
  const boxWidth = (WIDTH - gap) / 2;
  const inner = boxWidth - 20;
  const itemStyle = { font: FONT.regular, size: 8.5, color: COLOUR.text };
  const laidOut = boxes.map((b) => ({
    ...b,
    blocks: b.items.map((it) => layout.block(t(it), inner - 10, itemStyle)),
  }));
  const heightOf = (b: (typeof laidOut)[number]) => 40 + (b.blocks.length ? b.blocks.reduce((s, bl) => s + bl.height + 3, 0) : 14) + 8;
  // Column labels, then two rows of boxes.
  layout.ensure(20 + 2 * 120);
  const labelsY = doc.y;
  const columnLabel = (text: string) => layout.block(t(text), boxWidth, { font: FONT.bold, size: SIZE.small, color: COLOUR.muted });
  drawBlock(doc, columnLabel('Favorable au pôle'), LEFT, labelsY, { align: 'center', width: boxWidth });
  drawBlock(doc, columnLabel('Défavorable au pôle'), LEFT + boxWidth + gap, labelsY, { align: 'center', width: boxWidth });
  doc.y = labelsY + 14;
  for (const row of [laidOut.slice(0, 2), laidOut.slice(2, 4)]) {
    const height = Math.max(110, ...row.map(heightOf));
    layout.ensure(height);
    const y = doc.y;
    row.forEach((b, i) => {
      const x = LEFT + i * (boxWidth + gap);
      doc.rect(x, y, boxWidth, height).fill(b.fill);
      doc.rect(x, y, boxWidth, height).lineWidth(0.8).strokeColor(COLOUR.rule).stroke();
      drawBlock(doc, layout.block(t(`${b.mark} ${b.title}`), inner, { font: FONT.bold, size: 11, color: COLOUR.text }), x + 10, y + 8);
      drawBlock(doc, layout.block(t(b.subtitle), inner, { font: FONT.regular, size: SIZE.small, color: COLOUR.muted }), x + 10, y + 23);
      let yy = y + 40;
      if (!b.blocks.length) drawBlock(doc, layout.block(t('Aucun thème'), inner, { ...itemStyle, color: COLOUR.muted }), x + 10, yy);
      for (const block of b.blocks) {
        useStyle(doc, itemStyle).text('•', x + 10, yy, { lineBreak: false });
        yy = drawBlock(doc, block, x + 20, yy) + 3;
      }
    });
    doc.x = LEFT;
    doc.y = y + height + gap;
  }
  if (unsure.size) layout.paragraph(toConfirmNote(results.thresholds), { size: SIZE.small, muted: true });

  layout.subheading('Points de vigilance');
  const vigilance = list(results.swot.vigilance);
  if (vigilance.length) {
    layout.paragraph(`Thèmes entre les deux seuils (plus de ${formatThreshold(low)}, moins de ${formatThreshold(high)}) : ni acquis ni en difficulté, à suivre d’une campagne à l’autre.`);
    layout.bullets(vigilance);
  } else layout.paragraph('Aucun thème entre les deux seuils.', { muted: true });
}

/** The options in the order of the results (most urgent first), as the dashboard lists them: never re-sorted here. */
function strategicOptions(layout: Layout, results: PoleResults) {
  layout.section(SECTION_TITLES.options);
  layout.paragraph(
    'Pistes d’action tirées des résultats, de la plus urgente à la moins urgente. Chacune croise un point fort ou faible du pôle avec un élément de son contexte : ' +
      'une opportunité à saisir ou une menace à parer. Une piste dont un thème divise les collèges est signalée : mieux vaut construire l’accord d’abord.',
  );
  if (!results.options.length) {
    layout.paragraph('Aucune piste du catalogue ne correspond aux résultats de cette campagne.', { muted: true });
    return;
  }
  const byId = themeById(results);
  results.options.forEach((o, i) => optionBlock(layout, layout.doc, o, i + 1, byId));
}

function optionBlock(layout: Layout, doc: Doc, o: StrategicOptionResult, rank: number, byId: Map<string, ThemeResult>) {
  const inner = WIDTH - 16;
  const parts = [
    { block: layout.block(t(`${rank}. ${o.title}`), inner, { font: FONT.bold, size: 10, color: COLOUR.text }), gap: 0 },
    { block: layout.block(t(`${QUADRANT[o.quadrant].name} : ${QUADRANT[o.quadrant].aim}.`), inner, { font: FONT.regular, size: SIZE.small, color: COLOUR.muted }), gap: 2 },
    { block: layout.block(t(o.description), inner, { font: FONT.regular, size: SIZE.body, lineGap: 1.5, color: COLOUR.text }), gap: 4 },
    { block: layout.block(t(`Thèmes concernés : ${o.themes.map((id) => scored(byId.get(id), id)).join(' ; ')}.`), inner, { font: FONT.regular, size: SIZE.small, color: COLOUR.muted }), gap: 4 },
  ];
  if (o.needsConsensus) {
    const flag = '⚑ À construire en accord entre collèges d’abord : ils ne voient pas de la même façon au moins un de ces thèmes.';
    parts.push({ block: layout.block(t(flag), inner, { font: FONT.bold, size: SIZE.small, color: COLOUR.text }), gap: 4 });
  }
  const height = parts.reduce((sum, p) => sum + p.gap + p.block.height, 0);
  // The block stays on one page, its side bar drawn along it (dark when the option needs consensus first).
  layout.ensure(height + 8);
  const y = doc.y;
  let yy = y;
  for (const p of parts) yy = drawBlock(doc, p.block, LEFT + 12, yy + p.gap);
  doc.rect(LEFT, y, 2.5, height).fill(o.needsConsensus ? COLOUR.text : COLOUR.rule);
  doc.x = LEFT;
  doc.y = y + height + 10;
}

/** What became of the plan adopted after the previous campaign: status of each action, and its themes then and now. */
function followUpSection(layout: Layout, followUp: FollowUp | null | undefined, year: number) {
  if (!followUp?.actions.length) return;
  layout.section(followUpTitle(followUp.year));
  layout.paragraph(
    `${followUp.meetingDate ? `Lors de sa réunion du ${formatDayFr(followUp.meetingDate)}` : `Après la campagne ${followUp.year}`}, le pôle a adopté ` +
      `${actionTally(followUp.actions.map((a) => a.status))}. Pour chaque action, les thèmes qu’elle visait, notés en ${followUp.year} puis en ${year} ` +
      '(sur les questions communes aux deux questionnaires).',
  );
  layout.table(
    [
      { header: 'Action', width: 160 },
      { header: 'Portée par', width: 80 },
      { header: 'Échéance', width: 60 },
      { header: 'Statut', width: 60 },
      { header: `Thèmes visés : ${followUp.year} → ${year} (évolution)`, width: 140 },
    ],
    followUp.actions.map((a): Cell[] => [
      a.note ? `${a.title}\n${a.note}` : a.title,
      a.owner || { text: 'à préciser', muted: true },
      a.due ? formatMonthFr(a.due) : { text: 'à préciser', muted: true },
      { text: ACTION_STATUS_LABEL[a.status], bold: true },
      a.themes.length ? a.themes.map((th) => `${th.label} : ${formatScore(th.before)} → ${formatScore(th.after)} (${formatDelta(th.delta)})`).join('\n') : { text: 'aucun thème indiqué', muted: true },
    ]),
  );
}

function evolution(layout: Layout, results: PoleResults) {
  layout.section(SECTION_TITLES.evolution);
  const ev = results.evolution;
  if (!ev) {
    layout.paragraph('Aucune campagne antérieure n’a de résultats pour ce pôle : l’évolution sera présentée à partir de la prochaine campagne.');
    return;
  }
  const previous = ev.previousCampaign.year;
  const current = results.campaign.year;
  layout.paragraph(
    `Comparaison avec la campagne ${previous}. Pour chaque thème, les deux années sont calculées sur les seules questions communes aux deux questionnaires : ` +
      `le score ${current} de ce tableau peut donc différer du score du thème présenté ailleurs. Évolution en points (+ : hausse, − : baisse).`,
  );
  layout.table(
    [
      { header: 'Thème', width: 215 },
      { header: String(previous), width: 55, align: 'right' },
      { header: String(current), width: 55, align: 'right' },
      { header: 'Évolution', width: 65, align: 'right' },
      { header: 'Questions comparées', width: 80, align: 'right' },
    ],
    ev.themes.map((e) => [e.label, formatScore(e.previous), formatScore(e.current), { text: formatDelta(e.delta), bold: true }, formatInteger(e.sharedItems)]),
  );
  const moved = ev.themes.filter((e) => e.delta !== null && Math.abs(e.delta) >= 10);
  if (moved.length) {
    layout.paragraph(`Variations d’au moins 10 points : ${moved.map((e) => `${e.label} (${formatDelta(e.delta)})`).join(' ; ')}.`);
  }
}

/** The pole against the network; absent when the results were computed without the network. */
function benchmark(layout: Layout, results: PoleResults) {
  const b = results.benchmark;
  if (b === undefined) return;
  layout.section(SECTION_TITLES.benchmark);
  if (b === null) {
    layout.paragraph(`La comparaison apparaît quand au moins ${BENCHMARK_MIN_POLES} pôles ont des résultats.`);
    return;
  }
  layout.paragraph(
    `Le pôle est comparé aux ${formatInteger(b.poles)} pôles du réseau qui ont des résultats cette année ; aucun pôle n’est nommé. Pour chaque thème : ` +
      'la fourchette où se situe la moitié des pôles, puis le score du pôle du milieu (autant de pôles au-dessus qu’au-dessous).',
  );
  const byId = themeById(results);
  layout.table(
    [
      { header: 'Thème', width: 170 },
      { header: BENCHMARK_COLUMNS.pole, width: 55, align: 'right' },
      { header: BENCHMARK_COLUMNS.middle, width: 80, align: 'right' },
      { header: BENCHMARK_COLUMNS.median, width: 60, align: 'right' },
      { header: BENCHMARK_COLUMNS.position, width: 130 },
    ],
    b.themes.map((row) => {
      const th = byId.get(row.id);
      const middle = row.q1 === null || row.q3 === null ? '–' : `${formatScore(row.q1)} et ${formatScore(row.q3)}`;
      return [th?.label ?? row.id, { text: formatScore(th?.score), bold: true }, middle, formatScore(row.median), row.position ? BENCHMARK_POSITION[row.position] : '–'];
    }),
  );
}

function verbatims(layout: Layout, results: PoleResults) {
  const doc = layout.doc;
  layout.section(SECTION_TITLES.verbatims);
  layout.paragraph(
    `Réponses libres, reproduites sans nom ni collège et dans l’ordre alphabétique, pour les seules questions auxquelles au moins ${results.minGroupSize} personnes ont répondu. ` +
      'Une réponse donnée par plusieurs personnes figure une fois, suivie de leur nombre (× 2, × 3…).',
    { muted: true },
  );
  if (!results.verbatims.length) {
    layout.paragraph('Aucune question ouverte n’a reçu assez de réponses pour être présentée.', { muted: true });
    return;
  }
  for (const v of results.verbatims) {
    layout.subheading(v.label, 30);
    for (const answer of v.answers) {
      const block = layout.block(t(`« ${answer.text} »${answerCount(answer.count)}`), WIDTH - 16, { font: FONT.regular, size: SIZE.body, lineGap: 1.5, color: COLOUR.text });
      layout.keep(block, 4);
      // The quote rule runs along the answer; one long enough to flow onto the next page goes without it.
      const startPage = layout.pageNumber;
      const y = doc.y;
      const end = layout.flow(block, LEFT + 14);
      if (layout.pageNumber === startPage && end > y) doc.moveTo(LEFT + 4, y + 1).lineTo(LEFT + 4, end - 2).lineWidth(1.5).strokeColor(COLOUR.light).stroke();
      doc.y += 6;
    }
  }
}

/** The meeting's conclusions and the plan it adopted: the report's last section, once the pole has met. */
function reviewSection(layout: Layout, results: PoleResults, review: PoleReview | null | undefined) {
  if (!review || (!review.meetingDate && !review.themes.length && !review.actions.length)) return;
  layout.section(SECTION_TITLES.review);
  const collegeLabel = new Map(results.participation.colleges.map((c) => [c.college, c.label]));
  const participants = Object.entries(review.participants).filter(([, n]) => n > 0);
  layout.paragraph(
    (review.meetingDate ? `Réunion du ${formatDayFr(review.meetingDate)}` : 'Réunion du pôle') +
      (participants.length
        ? ` : ${formatInteger(participants.reduce((s, [, n]) => s + n, 0))} participants (${participants.map(([c, n]) => `${collegeLabel.get(c) ?? c} : ${formatInteger(n)}`).join(' ; ')}).`
        : '.'),
  );
  const byId = themeById(results);
  if (review.themes.length) {
    layout.subheading('Lecture du diagnostic');
    layout.table(
      [{ header: 'Thème', width: 150 }, { header: 'Diagnostic partagé ?', width: 80 }, { header: 'Ce que le groupe en dit', width: 265 }],
      review.themes.map((th): Cell[] => [scored(byId.get(th.themeId), th.themeId), agreementLabel(th.agreed), th.note || { text: '–', muted: true }]),
    );
  }
  layout.subheading('Plan d’action adopté');
  if (!review.actions.length) {
    layout.paragraph('Aucune action adoptée pour l’instant.', { muted: true });
    return;
  }
  layout.table(
    [{ header: 'Action', width: 230 }, { header: 'Portée par', width: 110 }, { header: 'Échéance', width: 75 }, { header: 'Statut', width: 75 }],
    review.actions.map((a): Cell[] => [
      `${a.title}${a.optionId === null ? ' (action propre au pôle)' : ''}${a.note ? `\n${a.note}` : ''}`,
      a.owner || { text: 'à préciser', muted: true },
      a.due ? formatMonthFr(a.due) : { text: 'à préciser', muted: true },
      { text: ACTION_STATUS_LABEL[a.status], bold: true },
    ]),
  );
}

function method(layout: Layout, results: PoleResults) {
  const k = results.minGroupSize;
  const { high, low } = results.thresholds;
  layout.section(SECTION_TITLES.method);
  layout.subheading('Échelles de réponse');
  layout.bullets([
    'Accord : échelle de 1 (pas du tout d’accord) à 5 (tout à fait d’accord), chaque niveau libellé, plus « Je ne sais pas », qui n’entre pas dans les scores.',
    'Maturité d’une pratique : échelle de 0 à 3 (rien ; faire avec : mutualiser des moyens ; faire ensemble : coopérer économiquement ; faire corps : coopérer stratégiquement).',
  ]);
  layout.subheading('Calcul des scores (0 à 100)');
  layout.bullets([
    'Score d’une question : (v − min) / (max − min) × 100, où v est la réponse et min, max les bornes de l’échelle ; pour une affirmation formulée comme une difficulté (polarité négative), le score est inversé (100 − score).',
    'Score d’un collège (ou du groupe « Autres collèges ») sur une question : moyenne de ses répondants ; sur un thème : moyenne de ses scores aux questions du thème.',
    'Score du pôle sur une question ou un thème : moyenne des scores des collèges présentés, chaque collège pesant autant quel que soit son nombre de répondants ; le score brut d’une question est la moyenne simple de ses répondants, celui d’un thème la moyenne des scores bruts de ses questions.',
    'Score d’une dimension : moyenne de ses thèmes. Score global : moyenne des dimensions internes (gouvernance, coopération) ; le contexte est présenté à part.',
    'Dissensus (« désaccord » dans le corps du rapport) : écart d’au moins 20 points entre le collège le plus haut et le plus bas sur un thème ou une question (collèges présentés seulement).',
  ]);
  layout.subheading('Matrice SWOT et options');
  layout.bullets([
    `Thème interne : force si son score est ≥ ${formatThreshold(high)}, faiblesse s’il est ≤ ${formatThreshold(low)}.`,
    `Thème de contexte : opportunité si son score est ≥ ${formatThreshold(high)}, menace s’il est ≤ ${formatThreshold(low)}.`,
    'Entre les deux seuils : point de vigilance.',
    `Options stratégiques : matrice TOWS (Weihrich, 1982), qui croise forces et faiblesses avec opportunités et menaces en quatre quadrants : ${(['SO', 'ST', 'WO', 'WT'] as const).map((q) => `${q}, ${QUADRANT[q].name.toLowerCase()}`).join(' ; ')}. ` +
      'Une option est proposée quand les thèmes qui la fondent sont dans les catégories attendues ; son intensité est l’écart moyen, en points, de ces thèmes au-delà de leurs seuils.',
  ]);
  layout.subheading('Fourchettes et « à confirmer »');
  layout.bullets(intervalMethod(k, results.thresholds));
  layout.subheading('Termes techniques');
  layout.bullets([
    'n : nombre de répondants ayant un score sur une question (pour un thème, le plus grand n de ses questions) ; « Réponses » dans le corps du rapport.',
    'Écart entre collèges : différence entre le collège le plus haut et le plus bas ; écart-type : dispersion des répondants, tous collèges confondus.',
    'Q1, médiane, Q3 (quartiles) : un quart, la moitié, trois quarts des pôles du réseau ont un score inférieur ; « la moitié des pôles entre Q1 et Q3 », « pôle du milieu » dans le corps du rapport. Quartiles interpolés comme QUARTILE.INC des tableurs.',
    `k : seuil d’anonymat, ici ${k} personnes.`,
  ]);
  layout.subheading('Chiffres détaillés par thème');
  layout.table(
    [
      { header: 'Thème', width: 170 },
      { header: 'Score', width: 45, align: 'right' },
      { header: 'Intervalle à 90 %', width: 60, align: 'right' },
      { header: 'Score brut', width: 50, align: 'right' },
      { header: 'n', width: 30, align: 'right' },
      { header: 'Écart entre collèges', width: 70, align: 'right' },
      { header: 'Écart-type', width: 50, align: 'right' },
    ],
    results.themes.map((th) => [th.label, formatScore(th.score), intervalText(th.interval) ?? '–', formatScore(th.rawScore), formatInteger(th.n), formatScore(th.spread), formatScore(th.sd)]),
    { size: 7.5 },
  );
  layout.subheading('Règles d’anonymat');
  layout.bullets([
    `Seuil k = ${k} : aucun résultat n’est présenté pour le pôle tant qu’il a reçu moins de ${k} réponses.`,
    `Les collèges de moins de ${k} répondants sont regroupés dans « Autres collèges », complété par les plus petits collèges jusqu’à ${k} répondants ; ce regroupement est fait une fois pour tout le rapport.`,
    `Sur un thème ou une question, un collège (ou le groupe « Autres collèges ») de moins de ${k} répondants n’est pas présenté (« trop peu de réponses ») et ses réponses ne comptent pas dans le score, le score brut ni n : sinon, une soustraction les retrouverait.`,
    `Réponses libres : présentées seulement pour une question ayant reçu au moins ${k} réponses, sans attribution et dans l’ordre alphabétique.`,
  ]);
}

function unavailable(layout: Layout, results: PoleResults, chart: Promise<ChartDrawing>) {
  const k = results.minGroupSize;
  const p = results.participation;
  layout.section(SECTION_TITLES.unavailable, { toc: false });
  layout.paragraph(
    `Le pôle a reçu ${formatInteger(p.submitted)} réponse${p.submitted > 1 ? 's' : ''} : moins que les ${k} réponses nécessaires pour présenter des résultats. ` +
      'Ce seuil protège l’anonymat des répondants : avec si peu de réponses, chacun pourrait être reconnu. Les scores, la matrice SWOT et les options stratégiques ' +
      'seront présentés dès que le seuil sera atteint.',
  );
  if (results.message) layout.paragraph(results.message, { muted: true });
  layout.subheading('Participation par collège');
  participationTable(layout, results);
  if (p.warnings.length) layout.note('Points d’attention', p.warnings);
  layout.chart(chart, CHART.participation.width, CHART.participation.height, 'Barres claires : personnes invitées ; barres foncées : réponses envoyées.');
}
