// The pole's PDF report (A4, French): pdfkit with DejaVu Sans embedded, charts from reports/charts.ts drawn
// by chart.js as PDF vectors (see chart-core.mjs). The body is laid out first with buffered pages, then the table of
// contents (page 2) and the "Page N / M" footers are filled in, so page numbers are always right.
import type { ChartConfiguration } from 'chart.js';
import { collegeBarsConfig, participationConfig, themeBarsConfig, themeRadarConfig } from '../charts.ts';
import type { PoleResults, Quadrant, ResultsSnapshot, StrategicOptionResult, ThemeResult } from '../types.ts';
import { recordChartHere, recordChartOffThread, type ChartDrawing } from './render-chart.ts';
import {
  COLOUR, FONT, LEFT, Layout, SIZE, WIDTH, coverPage, drawBlock, footers as writeFooters, useStyle, openDocument, resetTypography, t,
  tableOfContents as writeTableOfContents, type Cell, type Column, type Doc,
} from './layout.ts';
import { formatDateFr, formatDelta, formatInteger, formatPercent, formatScore } from '../format.ts';
import { BENCHMARK_MIN_POLES, BENCHMARK_POSITION_LABEL } from '../analysis/benchmark.ts';
import { MERGED_GROUP_ID } from '../analysis/groups.ts';
import { QUADRANT, SWOT_LABEL } from '../vocabulary.ts';

export interface PoleReportOptions {
  generatedAt: Date;
  /** Let chart.js draw the charts on a worker thread while the text is laid out (default true). */
  chartsOffThread?: boolean;
}

/** Section headings, in the order of the report (dimension sections use the dimension's label). */
export const SECTION_TITLES = {
  cover: 'Auto-évaluation PTCE',
  toc: 'Sommaire',
  summary: 'Synthèse',
  participation: 'Participation par collège',
  overview: 'Vue d’ensemble',
  consensus: 'Consensus et dissensus',
  swot: 'Matrice SWOT',
  options: 'Options stratégiques',
  evolution: 'Évolution',
  benchmark: 'Comparaison avec le réseau',
  verbatims: 'Verbatims',
  method: 'Annexe : méthode',
  unavailable: 'Résultats non disponibles',
} as const;

// ---------------------------------------------------------------------------------------------------------------
// Charts: all of them are started first, and recorded (off the main thread by default) while the text is laid out.

/** Chart sizes in points. */
export const CHART = {
  participation: { width: WIDTH, height: 210 },
  radar: { width: WIDTH, height: 440 },
  college: { width: WIDTH, height: 280 },
};
const themeBarsHeight = (count: number) => Math.min(36 + 24 * count, 340);

interface ChartDrawings {
  participation: Promise<ChartDrawing>;
  radar: Promise<ChartDrawing> | null;
  themeBars: Map<string, Promise<ChartDrawing>>;
  collegeBars: Map<string, Promise<ChartDrawing>>;
}

const asConfig = (c: ChartConfiguration<'bar'> | ChartConfiguration<'radar'>) => c as unknown as ChartConfiguration;

/** Collège groups (« Autres collèges » as one) with a score shown on at least one theme of the dimension. */
function visibleColleges(results: PoleResults, dimension: string) {
  const themes = results.themes.filter((th) => th.dimension === dimension);
  return results.groups.filter((g) => themes.some((th) => th.byCollege.some((b) => b.college === g.id && !b.suppressed && b.score !== null)));
}

function startCharts(results: PoleResults, offThread: boolean): ChartDrawings {
  const print = { print: true };
  const record = offThread ? recordChartOffThread : recordChartHere;
  const charts: ChartDrawings = {
    participation: record(asConfig(participationConfig(results, print)), CHART.participation),
    radar: null,
    themeBars: new Map(),
    collegeBars: new Map(),
  };
  if (!results.available) return charts;
  charts.radar = results.themes.length ? record(asConfig(themeRadarConfig(results, print)), CHART.radar) : null;
  for (const d of results.dimensions) {
    const count = results.themes.filter((th) => th.dimension === d.id).length;
    if (!count) continue;
    charts.themeBars.set(d.id, record(asConfig(themeBarsConfig(results, d.id, print)), { width: WIDTH, height: themeBarsHeight(count) }));
    if (visibleColleges(results, d.id).length) charts.collegeBars.set(d.id, record(asConfig(collegeBarsConfig(results, d.id, print)), CHART.college));
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
  const allCharts = Promise.all([charts.participation, charts.radar, ...charts.themeBars.values(), ...charts.collegeBars.values()]);
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
    summary(layout, results);
    participationSection(layout, results, charts.participation);
    overview(layout, results, charts.radar);
    for (const d of results.dimensions) dimensionSection(layout, results, d.id, charts.themeBars.get(d.id), charts.collegeBars.get(d.id));
    consensus(layout, results);
    swot(layout, results);
    strategicOptions(layout, results);
    evolution(layout, results);
    benchmark(layout, results);
    verbatims(layout, results);
    method(layout, results);
    tableOfContents(layout, 1);
  } else {
    unavailable(layout, results, charts.participation);
    method(layout, results);
  }
  await allCharts;
  await layout.placeCharts();
  footers(layout, results);
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
      ['Seuil d’anonymat', `${results.minGroupSize} répondants (k)`],
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

function footers(layout: Layout, results: PoleResults) {
  // Every page says it, not only the cover: a page printed alone must not pass for the final picture.
  const provisional = results.snapshot?.provisional ? ' – résultats provisoires' : '';
  writeFooters(layout, `${results.pole.name} – auto-évaluation PTCE ${results.campaign.year}${provisional}`);
}

const themeById = (results: PoleResults) => new Map(results.themes.map((th) => [th.id, th]));
const scored = (th: ThemeResult | undefined, fallback: string) => (th ? `${th.label} (${formatScore(th.score)})` : fallback);

function summary(layout: Layout, results: PoleResults) {
  layout.section(SECTION_TITLES.summary);
  const internal = results.dimensions.filter((d) => d.factor === 'internal');
  const external = results.dimensions.filter((d) => d.factor === 'external');

  const explain =
    `Moyenne des dimensions internes (${internal.map((d) => `${d.label} : ${formatScore(d.score)}`).join(' ; ')}), sur une échelle de 0 à 100.` +
    (external.length ? ` Le contexte du territoire est lu à part (${external.map((d) => `${d.label} : ${formatScore(d.score)}`).join(' ; ')}).` : '');
  layout.scoreBox('Score global du pôle', results.overall, explain);

  const p = results.participation;
  layout.paragraph(
    `${formatInteger(p.submitted)} réponses envoyées sur ${formatInteger(p.invited)} personnes invitées (${formatPercent(p.submitted, p.invited)}), ` +
      `réparties entre ${p.colleges.filter((c) => c.submitted > 0).length} collèges. Seuils de lecture : un thème est une force (ou une opportunité) à partir de ` +
      `${formatScore(results.thresholds.high)}, une faiblesse (ou une menace) jusqu’à ${formatScore(results.thresholds.low)}.`,
  );

  const byId = themeById(results);
  const ranked = (ids: string[], order: 1 | -1) =>
    ids
      .map((id) => byId.get(id))
      .filter((th): th is ThemeResult => !!th && th.score !== null)
      .sort((a, b) => order * (b.score! - a.score!))
      .slice(0, 3);
  const strengths = ranked(results.swot.strengths, 1);
  const weaknesses = ranked(results.swot.weaknesses, -1);

  const dimLabel = new Map(results.dimensions.map((d) => [d.id, d.label]));
  layout.subheading('Principales forces');
  if (strengths.length) layout.table([{ header: 'Thème', width: 300 }, { header: 'Dimension', width: 120 }, { header: 'Score', width: 70, align: 'right' }], strengths.map((th) => [th.label, dimLabel.get(th.dimension) ?? th.dimension, formatScore(th.score)]));
  else layout.paragraph(`Aucun thème interne n’atteint le seuil de force (${formatScore(results.thresholds.high)}).`, { muted: true });

  layout.subheading('Principales faiblesses');
  if (weaknesses.length) layout.table([{ header: 'Thème', width: 300 }, { header: 'Dimension', width: 120 }, { header: 'Score', width: 70, align: 'right' }], weaknesses.map((th) => [th.label, dimLabel.get(th.dimension) ?? th.dimension, formatScore(th.score)]));
  else layout.paragraph(`Aucun thème interne n’est sous le seuil de faiblesse (${formatScore(results.thresholds.low)}).`, { muted: true });

  layout.subheading('Trois options stratégiques à examiner');
  const top = [...results.options].sort((a, b) => b.strength - a.strength).slice(0, 3);
  if (top.length) {
    top.forEach((o, i) => {
      layout.paragraph(`${i + 1}. ${o.title}`, { bold: true, gap: 1 });
      layout.paragraph(`${QUADRANT[o.quadrant].name}${o.needsConsensus ? ' – à construire en consensus d’abord' : ''}. ${o.description}`, { indent: 14, gap: 6 });
    });
  } else layout.paragraph('Les résultats ne déclenchent aucune option du catalogue : aucun thème ne dépasse nettement les seuils.', { muted: true });

  const dissensus = results.themes.filter((th) => th.dissensus).length;
  if (dissensus) layout.paragraph(`${dissensus} thème${dissensus > 1 ? 's' : ''} divise${dissensus > 1 ? 'nt' : ''} les collèges (écart d’au moins 20 points) : voir « Consensus et dissensus ».`, { muted: true });
}

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
  layout.chart(chart, CHART.participation.width, CHART.participation.height, 'Barres claires : personnes invitées ; barres foncées : réponses envoyées.');
}

function participationTable(layout: Layout, results: PoleResults) {
  const p = results.participation;
  const withMembers = p.colleges.some((c) => c.members !== null);
  const columns: Column[] = [
    { header: 'Collège', width: 190 },
    { header: 'Invités', width: 60, align: 'right' },
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

function overview(layout: Layout, results: PoleResults, radar: Promise<ChartDrawing> | null) {
  layout.section(SECTION_TITLES.overview);
  const ev = results.evolution;
  layout.paragraph(
    `Chaque branche du radar est un thème, noté de 0 (centre) à 100 (bord). ` +
      (ev
        ? `Trait plein et surface : campagne ${results.campaign.year} ; tirets gris : campagne ${ev.previousCampaign.year}.`
        : `Trait plein et surface : campagne ${results.campaign.year} (pas de campagne antérieure à comparer).`),
  );
  if (radar) layout.chart(radar, CHART.radar.width, CHART.radar.height);
  layout.subheading('Scores par dimension');
  layout.table(
    [{ header: 'Dimension', width: 200 }, { header: 'Nature', width: 200 }, { header: 'Score', width: 90, align: 'right' }],
    results.dimensions.map((d) => [d.label, d.factor === 'internal' ? 'interne (forces et faiblesses)' : 'contexte (opportunités et menaces)', formatScore(d.score)]),
  );
}

function dimensionSection(layout: Layout, results: PoleResults, dimensionId: string, bars: Promise<ChartDrawing> | undefined, collegeChart: Promise<ChartDrawing> | undefined) {
  const dimension = results.dimensions.find((d) => d.id === dimensionId)!;
  const themes = results.themes.filter((th) => th.dimension === dimensionId);
  const k = results.minGroupSize;
  layout.section(dimension.label);
  layout.paragraph(
    `Score de la dimension : ${formatScore(dimension.score)} / 100 (moyenne de ses ${themes.length} thèmes). ` +
      (dimension.factor === 'internal'
        ? 'Dimension interne : ses thèmes sont des forces ou des faiblesses du pôle.'
        : 'Dimension de contexte : ses thèmes sont des opportunités ou des menaces pour le pôle.'),
  );
  if (!themes.length) return;

  layout.subheading('Scores par thème', themeBarsHeight(themes.length));
  if (bars) {
    layout.chart(
      bars,
      WIDTH,
      themeBarsHeight(themes.length),
      'Couleur des barres : vert pour une force ou une opportunité, rouge pour une faiblesse ou une menace, jaune pour un point de vigilance ; la catégorie est écrite dans le tableau.',
    );
  }
  layout.table(
    [
      { header: 'Thème', width: 180 },
      { header: 'Score', width: 48, align: 'right' },
      { header: 'Score brut', width: 52, align: 'right' },
      { header: 'n', width: 32, align: 'right' },
      { header: 'Écart entre collèges', width: 70, align: 'right' },
      { header: 'Catégorie', width: 80 },
    ],
    themes.map((th) => [
      th.label,
      { text: formatScore(th.score), bold: true },
      formatScore(th.rawScore),
      formatInteger(th.n),
      th.spread === null ? '–' : `${formatScore(th.spread)}${th.dissensus ? ' *' : ''}`,
      th.swot ? SWOT_LABEL[th.swot] : '–',
    ]),
  );
  layout.paragraph(
    'Score : moyenne des collèges présentés (« Autres collèges » compté comme un), chacun pesant autant. Score brut : moyenne de leurs répondants. n : répondants ayant un score sur le thème. ' +
      `Écart : différence entre le collège le plus haut et le plus bas (collèges d’au moins ${k} répondants) ; * dissensus, écart d’au moins 20 points.`,
    { size: SIZE.small, muted: true },
  );

  // Collège comparison.
  const visible = visibleColleges(results, dimensionId);
  const hidden = results.groups.filter((g) => !visible.includes(g) && themes.some((th) => th.byCollege.some((b) => b.college === g.id && b.n > 0)));
  layout.subheading('Comparaison des collèges', collegeChart ? CHART.college.height : 60);
  if (collegeChart) layout.chart(collegeChart, CHART.college.width, CHART.college.height, 'Une barre par collège, dans l’ordre de la légende ; les valeurs sont reprises dans le tableau.');
  if (visible.length) {
    const columns: Column[] = [{ header: 'Thème', width: 150 }, ...visible.map((c) => ({ header: c.label, width: Math.max(60, 345 / visible.length), align: 'right' as const }))];
    const rows: Cell[][] = themes.map((th) => [
      th.label,
      ...visible.map((c) => {
        const b = th.byCollege.find((x) => x.college === c.id);
        if (!b || b.n === 0) return { text: 'aucune réponse', muted: true };
        if (b.suppressed || b.score === null) return { text: 'effectif insuffisant', muted: true };
        return formatScore(b.score);
      }),
    ]);
    layout.table(columns, rows, { size: visible.length > 4 ? 7.5 : SIZE.table });
  } else {
    layout.paragraph(`Aucun collège ne compte ${k} répondants ou plus sur cette dimension : la comparaison entre collèges n’est pas présentée.`);
  }
  for (const c of hidden) {
    layout.paragraph(`${c.label} : effectif insuffisant (moins de ${k} répondants), scores non présentés ni comptés dans ceux du pôle, pour préserver l’anonymat.`, { size: SIZE.small, muted: true, gap: 2 });
  }
}

function consensus(layout: Layout, results: PoleResults) {
  layout.section(SECTION_TITLES.consensus);
  const k = results.minGroupSize;
  layout.paragraph(
    `L’écart d’un thème est la différence, en points, entre le collège qui le note le plus haut et celui qui le note le plus bas, parmi les collèges d’au moins ${k} répondants. ` +
      'Un écart d’au moins 20 points signale un dissensus : les collèges ne voient pas le pôle de la même façon, et les actions sur ce thème gagnent à être discutées ensemble. ' +
      'L’écart-type mesure la dispersion des répondants, tous collèges confondus.',
  );
  const dimLabel = new Map(results.dimensions.map((d) => [d.id, d.label]));
  const themes = results.themes.filter((th) => th.dissensus).sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0));
  layout.subheading('Thèmes en dissensus');
  if (themes.length) {
    layout.table(
      [
        { header: 'Thème', width: 165 },
        { header: 'Dimension', width: 75 },
        { header: 'Écart', width: 45, align: 'right' },
        { header: 'Écart-type', width: 50, align: 'right' },
        { header: 'Collèges aux extrêmes', width: 160 },
      ],
      themes.map((th) => {
        const shown = th.byCollege.filter((b) => !b.suppressed && b.score !== null).sort((a, b) => b.score! - a.score!);
        const extremes = shown.length >= 2 ? `plus haut : ${shown[0].label} (${formatScore(shown[0].score)}) ; plus bas : ${shown.at(-1)!.label} (${formatScore(shown.at(-1)!.score)})` : '–';
        return [th.label, dimLabel.get(th.dimension) ?? th.dimension, { text: formatScore(th.spread), bold: true }, formatScore(th.sd), extremes];
      }),
    );
  } else {
    layout.paragraph('Aucun thème ne présente d’écart d’au moins 20 points entre collèges.', { muted: true });
  }

  const themeLabel = new Map(results.themes.map((th) => [th.id, th.label]));
  const items = results.items.filter((i) => i.dissensus).sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0));
  layout.subheading('Questions en dissensus');
  if (items.length) {
    layout.table(
      [
        { header: 'Question', width: 240 },
        { header: 'Thème', width: 140 },
        { header: 'Écart', width: 50, align: 'right' },
        { header: 'Écart-type', width: 60, align: 'right' },
      ],
      items.map((i) => [i.label, themeLabel.get(i.theme) ?? i.theme, { text: formatScore(i.spread), bold: true }, formatScore(i.sd)]),
    );
  } else {
    layout.paragraph('Aucune question ne présente d’écart d’au moins 20 points entre collèges.', { muted: true });
  }

  const agreed = results.themes.filter((th) => th.spread !== null && th.spread < 10).sort((a, b) => a.spread! - b.spread!);
  layout.subheading('Thèmes consensuels');
  if (agreed.length) {
    layout.paragraph('Thèmes sur lesquels les collèges comparables sont à moins de 10 points les uns des autres :');
    layout.bullets(agreed.map((th) => `${th.label} : écart ${formatScore(th.spread)}, score ${formatScore(th.score)}`));
  } else {
    layout.paragraph('Aucun thème ne réunit les collèges à moins de 10 points d’écart, ou trop peu de collèges sont comparables.', { muted: true });
  }
}

function swot(layout: Layout, results: PoleResults) {
  const doc = layout.doc;
  layout.section(SECTION_TITLES.swot);
  const { high, low } = results.thresholds;
  layout.paragraph(
    `Les thèmes internes (gouvernance, coopération) notés au moins ${formatScore(high)} sont des forces, ceux notés au plus ${formatScore(low)} des faiblesses. ` +
      `Les thèmes de contexte suivent les mêmes seuils : opportunités et menaces. Entre les deux seuils, un thème est un point de vigilance.`,
  );
  const byId = themeById(results);
  const list = (ids: string[]) => ids.map((id) => byId.get(id)).filter((th): th is ThemeResult => !!th).map((th) => `${th.label} (${formatScore(th.score)})`);
  const boxes = [
    { title: 'Forces', subtitle: `internes, score ≥ ${formatScore(high)}`, items: list(results.swot.strengths), fill: '#eef5f0', mark: '+' },
    { title: 'Faiblesses', subtitle: `internes, score ≤ ${formatScore(low)}`, items: list(results.swot.weaknesses), fill: '#f8eeed', mark: '−' },
    { title: 'Opportunités', subtitle: `contexte, score ≥ ${formatScore(high)}`, items: list(results.swot.opportunities), fill: '#eef5f0', mark: '+' },
    { title: 'Menaces', subtitle: `contexte, score ≤ ${formatScore(low)}`, items: list(results.swot.threats), fill: '#f8eeed', mark: '−' },
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

  layout.subheading('Points de vigilance');
  const vigilance = list(results.swot.vigilance);
  if (vigilance.length) {
    layout.paragraph(`Thèmes entre les deux seuils (${formatScore(low)} < score < ${formatScore(high)}) : ni acquis ni en difficulté, à suivre d’une campagne à l’autre.`);
    layout.bullets(vigilance);
  } else layout.paragraph('Aucun thème entre les deux seuils.', { muted: true });
}

function strategicOptions(layout: Layout, results: PoleResults) {
  const doc = layout.doc;
  layout.section(SECTION_TITLES.options);
  layout.paragraph(
    'Les options sont tirées de la matrice TOWS (Weihrich, 1982), qui croise les facteurs internes (forces, faiblesses) et de contexte (opportunités, menaces) ' +
      'du pôle. Elles sont classées par quadrant puis de la plus marquée à la moins marquée (distance moyenne des thèmes concernés au-delà des seuils). ' +
      'Une option dont un thème divise les collèges est signalée « à construire en consensus d’abord ».',
  );
  const byId = themeById(results);
  const quadrants: Quadrant[] = ['SO', 'ST', 'WO', 'WT'];
  if (!results.options.length) {
    layout.paragraph('Aucune option du catalogue ne correspond aux résultats de cette campagne.', { muted: true });
    return;
  }
  for (const q of quadrants) {
    const options = results.options.filter((o) => o.quadrant === q).sort((a, b) => b.strength - a.strength);
    // Keep the quadrant's heading with its first option.
    layout.subheading(`${QUADRANT[q].name}`, options.length ? 150 : 40);
    layout.paragraph(`Objectif : ${QUADRANT[q].aim}.`, { muted: true, size: SIZE.small });
    if (!options.length) {
      layout.paragraph('Aucune option dans ce quadrant pour cette campagne.', { muted: true });
      continue;
    }
    for (const o of options) optionBlock(layout, doc, o, byId);
  }
}

function optionBlock(layout: Layout, doc: Doc, o: StrategicOptionResult, byId: Map<string, ThemeResult>) {
  const inner = WIDTH - 16;
  const themes = `Thèmes : ${o.themes.map((id) => scored(byId.get(id), id)).join(' ; ')}. Intensité : ${formatScore(o.strength)} points au-delà des seuils.`;
  const parts = [
    { block: layout.block(t(o.title), inner, { font: FONT.bold, size: 10, color: COLOUR.text }), gap: 0 },
    { block: layout.block(t(o.description), inner, { font: FONT.regular, size: SIZE.body, lineGap: 1.5, color: COLOUR.text }), gap: 4 },
    { block: layout.block(t(themes), inner, { font: FONT.regular, size: SIZE.small, color: COLOUR.muted }), gap: 4 },
  ];
  if (o.needsConsensus) {
    const flag = '⚑ À construire en consensus d’abord : les collèges divergent sur au moins un de ces thèmes.';
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

/** The pole against the network's quartiles; absent when the results were computed without the network. */
function benchmark(layout: Layout, results: PoleResults) {
  const b = results.benchmark;
  if (b === undefined) return;
  layout.section(SECTION_TITLES.benchmark);
  if (b === null) {
    layout.paragraph(`La comparaison apparaît quand au moins ${BENCHMARK_MIN_POLES} pôles ont des résultats.`);
    return;
  }
  layout.paragraph(
    `Le pôle est comparé à ${formatInteger(b.poles)} pôles ; aucun pôle n’est nommé. Pour chaque thème : Q1, un quart des pôles ont un score inférieur ; ` +
      'médiane, la moitié ; Q3, les trois quarts.',
  );
  const byId = themeById(results);
  layout.table(
    [
      { header: 'Thème', width: 180 },
      { header: 'Score du pôle', width: 55, align: 'right' },
      { header: 'Q1', width: 42, align: 'right' },
      { header: 'Médiane', width: 48, align: 'right' },
      { header: 'Q3', width: 42, align: 'right' },
      { header: 'Position', width: 128 },
    ],
    b.themes.map((row) => {
      const th = byId.get(row.id);
      return [th?.label ?? row.id, { text: formatScore(th?.score), bold: true }, formatScore(row.q1), formatScore(row.median), formatScore(row.q3), row.position ? BENCHMARK_POSITION_LABEL[row.position] : '–'];
    }),
  );
}

function verbatims(layout: Layout, results: PoleResults) {
  const doc = layout.doc;
  layout.section(SECTION_TITLES.verbatims);
  layout.paragraph(
    `Réponses libres, reproduites sans attribution et dans l’ordre alphabétique, pour les seules questions ayant reçu au moins ${results.minGroupSize} réponses. ` +
      'Une réponse donnée par plusieurs personnes figure une fois, suivie de leur nombre (×2, ×3…).',
    { muted: true },
  );
  if (!results.verbatims.length) {
    layout.paragraph('Aucune question ouverte n’a reçu assez de réponses pour être présentée.', { muted: true });
    return;
  }
  for (const v of results.verbatims) {
    layout.subheading(v.label, 30);
    for (const answer of v.answers) {
      const block = layout.block(t(`« ${answer.text} »${answer.count > 1 ? ` (×${answer.count})` : ''}`), WIDTH - 16, { font: FONT.regular, size: SIZE.body, lineGap: 1.5, color: COLOUR.text });
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
    'Dissensus : écart d’au moins 20 points entre le collège le plus haut et le plus bas sur un thème ou une question (collèges présentés seulement).',
  ]);
  layout.subheading('Matrice SWOT et options');
  layout.bullets([
    `Thème interne : force si son score est ≥ ${formatScore(high)}, faiblesse s’il est ≤ ${formatScore(low)}.`,
    `Thème de contexte : opportunité si son score est ≥ ${formatScore(high)}, menace s’il est ≤ ${formatScore(low)}.`,
    'Entre les deux seuils : point de vigilance.',
    'Options stratégiques : matrice TOWS (SO, ST, WO, WT) ; une option est proposée quand les thèmes qui la fondent sont dans les catégories attendues.',
  ]);
  layout.subheading('Règles d’anonymat');
  layout.bullets([
    `Seuil k = ${k} : aucun résultat n’est présenté pour le pôle tant qu’il a reçu moins de ${k} réponses.`,
    `Les collèges de moins de ${k} répondants sont regroupés dans « Autres collèges », complété par les plus petits collèges jusqu’à ${k} répondants ; ce regroupement est fait une fois pour tout le rapport.`,
    `Sur un thème ou une question, un collège (ou le groupe « Autres collèges ») de moins de ${k} répondants n’est pas présenté (« effectif insuffisant ») et ses réponses ne comptent pas dans le score, le score brut ni n : sinon, une soustraction les retrouverait.`,
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
