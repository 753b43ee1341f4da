// The network's PDF report (A4, French) for the Labo: every pole of a campaign side by side, after the analyst's
// filters. Same building blocks as the pole report (reports/pdf/layout.ts): body laid out on buffered pages,
// then the table of contents (page 2) and the "Page N / M" footers; charts from reports/charts.ts drawn while
// the text is laid out. Poles are named: the document is for the Labo, never for the poles.
import type { ChartConfiguration } from 'chart.js';
import { networkDistributionConfig, networkMediansEvolutionConfig, type NetworkChartInput } from '../charts.ts';
import type { Distribution, NetworkResults, NetworkThemeResult } from '../analysis/network.ts';
import { recordChartHere, recordChartOffThread, type ChartDrawing } from './render-chart.ts';
import {
  BOTTOM, COLOUR, FONT, LEFT, Layout, SIZE, WIDTH, coverPage, drawBlock, footers, openDocument, resetTypography, t, tableOfContents,
  type Cell, type Column,
} from './layout.ts';
import { formatDateFr, formatDelta, formatInteger, formatPercent, formatScore } from '../format.ts';
import { bandOf, scoreBands, type ScoreBand } from '../vocabulary.ts';
import type { NetworkComparison, NetworkResultsView } from '../contract/network.ts';
import { describeFilters } from '../analysis/network-filters.ts';
import { networkKeyFiguresSection } from './network-key-figures.ts';
import { qualitySection } from './quality-section.ts';
import { networkActionsSection } from './network-actions.ts';
import { QUALITY_TITLE } from '../reliability.ts';

/**
 * The network results as the route serves them: filters, evolution of the medians and, when compared with an
 * earlier campaign, each pole's change.
 */
export type NetworkReportInput = Omit<NetworkResultsView, 'filterChoices' | 'keyFigures'> & { keyFigures?: NetworkResultsView['keyFigures'] };

export interface NetworkReportOptions {
  generatedAt: Date;
  /** Draw the charts on a worker thread while the text is laid out (default true). */
  chartsOffThread?: boolean;
  /** Dimension labels (the questionnaire's); known ids have a French fallback. */
  dimensions?: { id: string; label: string }[];
  /**
   * Poles shown in the heatmap and the per-pole participation table, first by name (default 200): beyond it the
   * tables would run to hundreds of pages; the rest is summed up and the full map is on the network dashboard.
   */
  maxPolesListed?: number;
  /** Groups of poles side by side, one section each (the comparisons the analyst chose). */
  comparisons?: NetworkComparison[];
}

/** Section headings, in the order of the report. */
export const NETWORK_SECTION_TITLES = {
  cover: 'Réseau des PTCE – synthèse de la campagne',
  toc: 'Sommaire',
  summary: 'Synthèse',
  participation: 'Participation',
  profile: 'Profil des pôles',
  distribution: 'Distribution par thème',
  heatmap: 'Carte de chaleur',
  evolution: 'Évolution des médianes',
  poleEvolution: 'Évolution par pôle',
  quality: QUALITY_TITLE,
  method: 'Annexe : méthode',
} as const;

export const MAX_POLES_LISTED = 200;

/** The heading of a comparison's section: « Comparaison par forme juridique ». */
export const comparisonTitle = (c: Pick<NetworkComparison, 'label'>) => `Comparaison par ${c.label.toLowerCase()}`;

const DIMENSION_LABELS: Record<string, string> = { gouvernance: 'Gouvernance', cooperation: 'Coopération', contexte: 'Contexte' };

// ---------------------------------------------------------------------------------------------------------------
// What the sections share: dimension labels and order, theme codes for the heatmap, poles sorted by name.

interface Context {
  results: NetworkReportInput;
  options: NetworkReportOptions;
  dimensions: { id: string; label: string; themes: { theme: NetworkThemeResult; index: number; code: string }[] }[];
  dimensionLabel: (id: string) => string;
  /** Poles sorted by name (French collation). */
  poles: NetworkResults['poles'];
  maxListed: number;
}

const byName = new Intl.Collator('fr', { sensitivity: 'base', numeric: true });

function context(results: NetworkReportInput, options: NetworkReportOptions): Context {
  const given = new Map((options.dimensions ?? []).map((d) => [d.id, d.label]));
  const dimensionLabel = (id: string) => given.get(id) ?? DIMENSION_LABELS[id] ?? id.charAt(0).toUpperCase() + id.slice(1);
  const order = [...new Set([...(options.dimensions ?? []).map((d) => d.id), ...results.themes.map((th) => th.dimension)])];
  const dimensions = order
    .map((id) => ({
      id,
      label: dimensionLabel(id),
      themes: results.themes.flatMap((theme, index) => (theme.dimension === id ? [{ theme, index, code: `T${index + 1}` }] : [])),
    }))
    .filter((d) => d.themes.length);
  return {
    results,
    options,
    dimensions,
    dimensionLabel,
    poles: [...results.poles].sort((a, b) => byName.compare(a.name, b.name)),
    maxListed: Math.max(1, options.maxPolesListed ?? MAX_POLES_LISTED),
  };
}

const plural = (n: number, one: string, many = `${one}s`) => `${formatInteger(n)} ${n > 1 ? many : one}`;
const outOf = (n: number, total: number) => `${formatInteger(n)} sur ${formatInteger(total)}`;

const hasFilters = (results: NetworkReportInput) => Object.values(results.filters ?? {}).some((v) => v !== undefined && v !== null && v !== '');

/** The filters of the request, as the dashboard and the exports say them (legal forms by their profile label). */
function filterText(results: NetworkReportInput): string {
  const labels = (role: string) => new Map((Object.values(results.profile).find((q) => q.role === role)?.counts ?? []).map((c) => [c.value, c.label]));
  const legalForms = labels('legalForm');
  return describeFilters(results.filters ?? {}, (value) => legalForms.get(value), (filter, value) => labels(filter).get(value));
}

// ---------------------------------------------------------------------------------------------------------------
// Charts: started first, recorded (off the main thread by default) while the text is laid out.

const distributionHeight = (count: number) => 70 + 19 * count;
const evolutionHeight = (count: number) => Math.min(70 + 15 * count, 600);

/** Tooltips are for the browser: their callbacks cannot be cloned to the chart worker, and print needs none. */
function forPrint(config: ChartConfiguration<any, any>): ChartConfiguration {
  const plugins = { ...(config.options?.plugins ?? {}) } as Record<string, unknown>;
  delete plugins.tooltip;
  return { ...config, options: { ...config.options, plugins } } as ChartConfiguration;
}

interface ChartDrawings {
  distribution: Map<string, Promise<ChartDrawing>>;
  evolution: Promise<ChartDrawing> | null;
}

function startCharts(ctx: Context, offThread: boolean): ChartDrawings {
  const render = offThread ? recordChartOffThread : recordChartHere;
  const print = { print: true };
  const charts: ChartDrawings = { distribution: new Map(), evolution: null };
  if (!ctx.results.polesWithResults) return charts;
  for (const d of ctx.dimensions) {
    const input: NetworkChartInput = { campaign: ctx.results.campaign, themes: d.themes.map((x) => x.theme) };
    charts.distribution.set(d.id, render(forPrint(networkDistributionConfig(input, print)), { width: WIDTH, height: distributionHeight(d.themes.length) }));
  }
  const evolution = networkMediansEvolutionConfig(ctx.results, print);
  if (evolution) charts.evolution = render(forPrint(evolution), { width: WIDTH, height: evolutionHeight(ctx.results.themes.length) });
  return charts;
}

// ---------------------------------------------------------------------------------------------------------------

/** Renders the network report as a PDF (A4, French). */
export async function renderNetworkReport(results: NetworkReportInput, options: NetworkReportOptions): Promise<Buffer> {
  resetTypography();
  const ctx = context(results, options);
  const charts = startCharts(ctx, options.chartsOffThread ?? process.env.PDF_CHARTS_OFF_THREAD !== '0');
  const allCharts = Promise.all([...charts.distribution.values(), charts.evolution]);
  allCharts.catch(() => undefined);

  const year = results.campaign.year;
  const { doc, bytes: done } = openDocument({
    Title: `${NETWORK_SECTION_TITLES.cover} ${year}`,
    Author: 'Le Labo de l’ESS',
    Subject: `Synthèse des auto-évaluations des pôles, campagne ${year}`,
    CreationDate: options.generatedAt,
  });

  const layout = new Layout(doc);
  cover(layout, ctx);
  layout.newPage(); // page 2: table of contents, filled in once the body is laid out.
  summary(layout, ctx);
  participation(layout, ctx);
  profile(layout, ctx);
  networkKeyFiguresSection(layout, results.keyFigures);
  distributionSection(layout, ctx, charts.distribution);
  for (const comparison of options.comparisons ?? []) comparisonSection(layout, ctx, comparison);
  heatmapSection(layout, ctx);
  evolution(layout, ctx, charts.evolution);
  poleEvolution(layout, ctx);
  networkActionsSection(layout, results.actions, results.campaign.year);
  qualitySection(layout, results);
  method(layout, ctx);
  tableOfContents(layout, 1, NETWORK_SECTION_TITLES.toc);
  await allCharts;
  await layout.placeCharts();
  footers(layout, `Réseau des PTCE – campagne ${year}`);
  doc.end();
  return done;
}

// ---------------------------------------------------------------------------------------------------------------
// Sections

function cover(layout: Layout, ctx: Context) {
  const { results, options } = ctx;
  const p = results.participation;
  const title = `${NETWORK_SECTION_TITLES.cover} ${results.campaign.year}`;
  coverPage(layout, {
    kicker: 'Le Labo de l’ESS – pôles territoriaux de coopération économique',
    headings: [{ text: title, size: 28, bold: true, gap: 12 }],
    labelWidth: 170,
    facts: [
      ['Rapport généré le', formatDateFr(options.generatedAt)],
      ['Filtres appliqués', filterText(results)],
      ['Pôles', `${formatInteger(results.poles.length)}, dont ${formatInteger(results.polesWithResults)} avec résultats`],
      ['Réponses envoyées', `${formatInteger(p.submitted)} sur ${formatInteger(p.invited)} personnes invitées (${formatPercent(p.submitted, p.invited)})`],
      ['Questionnaire', results.campaign.questionnaireId],
      ['Seuil d’anonymat', `${results.minGroupSize} réponses par pôle (k)`],
    ],
    footnote:
      'Document interne du Labo de l’ESS : les pôles y sont nommés, il n’est pas destiné aux pôles. Un pôle n’a de résultats qu’à partir de ' +
      `${results.minGroupSize} réponses ; les réponses individuelles n’apparaissent jamais.`,
  });
  layout.doc.outline.addItem(t(title));
}

const distributionCells = (d: Distribution): Cell[] => [formatInteger(d.n), formatScore(d.min), formatScore(d.q1), { text: formatScore(d.median), bold: true }, formatScore(d.q3), formatScore(d.max)];

function summary(layout: Layout, ctx: Context) {
  const { results } = ctx;
  layout.section(NETWORK_SECTION_TITLES.summary);
  const o = results.overall;

  const explain = o.n
    ? `Score global d’un pôle : moyenne de ses dimensions internes, de 0 à 100. La moitié des pôles est entre ${formatScore(o.q1)} et ${formatScore(o.q3)} ; ` +
      `le plus bas est à ${formatScore(o.min)}, le plus haut à ${formatScore(o.max)}.`
    : `Aucun pôle n’a atteint ${results.minGroupSize} réponses : aucun score n’est présenté.`;
  // The network's median overall score.
  layout.scoreBox('Score global médian des pôles', o.median, explain);

  const p = results.participation;
  const n = results.polesWithResults;
  layout.paragraph(
    `${plural(results.poles.length, 'pôle')} dans le périmètre${hasFilters(results) ? ` (filtres : ${filterText(results)})` : ''}, dont ${formatInteger(n)} avec résultats ` +
      `(au moins ${results.minGroupSize} réponses). ${formatInteger(p.submitted)} réponses envoyées sur ${formatInteger(p.invited)} personnes invitées ` +
      `(${formatPercent(p.submitted, p.invited)}). Un thème est une faiblesse (ou une menace, pour le contexte) pour un pôle qui le note au plus ` +
      `${formatScore(results.thresholds.low)}.`,
  );

  layout.subheading('Distribution du score global');
  layout.table(
    [
      { header: 'Pôles avec résultats', width: 90, align: 'right' },
      { header: 'Minimum', width: 60, align: 'right' },
      { header: 'Q1', width: 60, align: 'right' },
      { header: 'Médiane', width: 60, align: 'right' },
      { header: 'Q3', width: 60, align: 'right' },
      { header: 'Maximum', width: 60, align: 'right' },
    ],
    [distributionCells(o)],
  );

  const themes = new Map(results.themes.map((th) => [th.id, th]));
  const top = (ids: string[]) => ids.map((id) => themes.get(id)).filter((th): th is NetworkThemeResult => !!th).slice(0, 3);
  const ranking = (title: string, ids: string[], count: (th: NetworkThemeResult) => number, countHeader: string, none: string) => {
    layout.subheading(title);
    const rows = top(ids);
    if (!rows.length) {
      layout.paragraph(none, { muted: true });
      return;
    }
    layout.table(
      [
        { header: 'Thème', width: 230 },
        { header: 'Dimension', width: 90 },
        { header: countHeader, width: 95, align: 'right' },
        { header: 'Médiane du réseau', width: 75, align: 'right' },
      ],
      rows.map((th) => [th.label, ctx.dimensionLabel(th.dimension), { text: outOf(count(th), n), bold: true }, formatScore(th.distribution.median)]),
    );
  };
  ranking('Faiblesses les plus fréquentes', results.frequentWeaknesses, (th) => th.weakPoles, 'Pôles en faiblesse', 'Aucun thème interne n’est une faiblesse pour un pôle.');
  ranking('Menaces les plus fréquentes', results.frequentThreats, (th) => th.weakPoles, 'Pôles menacés', 'Aucun thème de contexte n’est une menace pour un pôle.');
  ranking('Dissensus les plus fréquents', results.dissensus, (th) => th.dissensusPoles, 'Pôles en dissensus', 'Aucun thème ne divise les collèges d’un pôle.');

  layout.subheading(SUPPORT_TITLE);
  layout.paragraph(`Règle : ${results.support.rule}`);
  const byId = new Map(results.poles.map((p) => [p.id, p]));
  const chosen = results.support.poles.map((id) => byId.get(id)).filter((p): p is NetworkResults['poles'][number] => !!p);
  if (!chosen.length) {
    layout.paragraph('Aucun pôle ne répond à cette règle.', { muted: true });
    return;
  }
  const listed = chosen.slice(0, ctx.maxListed);
  layout.table(
    [
      { header: 'Pôle', width: 210 },
      { header: 'Score global', width: 70, align: 'right' },
      { header: 'Faiblesses', width: 65, align: 'right' },
      { header: 'Dissensus', width: 65, align: 'right' },
      { header: 'Participation', width: 85, align: 'right' },
    ],
    listed.map((p) => [
      p.name,
      { text: formatScore(p.overall), bold: (results.support.criteria.overallAtMost ?? -Infinity) >= (p.overall ?? Infinity) },
      { text: formatInteger(p.weaknesses), bold: p.weaknesses >= results.support.criteria.minWeaknesses },
      formatInteger(p.dissensusThemes),
      formatPercent(p.submitted, p.invited),
    ]),
  );
  if (chosen.length > listed.length) {
    layout.paragraph(`Et ${plural(chosen.length - listed.length, 'autre pôle', 'autres pôles')} : liste complète sur le tableau de bord du réseau.`, { size: SIZE.small, muted: true });
  }
  layout.paragraph('En gras, ce qui fait entrer le pôle dans la liste.', { size: SIZE.small, muted: true });
}

const SUPPORT_TITLE = 'Pôles à accompagner';

function participation(layout: Layout, ctx: Context) {
  const { results } = ctx;
  const k = results.minGroupSize;
  layout.section(NETWORK_SECTION_TITLES.participation);
  const p = results.participation;
  layout.paragraph(
    `${formatInteger(p.submitted)} réponses envoyées sur ${formatInteger(p.invited)} personnes invitées (${formatPercent(p.submitted, p.invited)}). ` +
      `Un pôle de moins de ${k} réponses compte dans la participation mais n’a pas de résultats (« moins de ${k} »).`,
  );

  layout.subheading('Par pôle');
  const listed = ctx.poles.slice(0, ctx.maxListed);
  const rest = ctx.poles.slice(ctx.maxListed);
  const rows: Cell[][] = listed.map((pole) => [
    pole.name,
    formatInteger(pole.invited),
    formatInteger(pole.submitted),
    formatPercent(pole.submitted, pole.invited),
    pole.available ? 'oui' : { text: `moins de ${k}`, muted: true },
  ]);
  if (rest.length) {
    const invited = rest.reduce((s, x) => s + x.invited, 0);
    const submitted = rest.reduce((s, x) => s + x.submitted, 0);
    rows.push([{ text: plural(rest.length, 'autre pôle', 'autres pôles'), muted: true }, formatInteger(invited), formatInteger(submitted), formatPercent(submitted, invited), `${outOf(rest.filter((x) => x.available).length, rest.length)}`]);
  }
  rows.push(['Total', formatInteger(p.invited), formatInteger(p.submitted), formatPercent(p.submitted, p.invited), outOf(results.polesWithResults, results.poles.length)]);
  layout.table(
    [
      { header: 'Pôle', width: 230 },
      { header: 'Invités', width: 60, align: 'right' },
      { header: 'Réponses', width: 60, align: 'right' },
      { header: 'Taux', width: 55, align: 'right' },
      { header: 'Résultats', width: 80 },
    ],
    rows,
    { lastRowBold: true },
  );
  if (rest.length) {
    layout.paragraph(`Les ${formatInteger(ctx.maxListed)} premiers pôles par ordre alphabétique sont détaillés ; la liste complète est sur le tableau de bord du réseau.`, { size: SIZE.small, muted: true });
  }

  layout.subheading('Par collège');
  layout.table(
    [
      { header: 'Collège', width: 260 },
      { header: 'Invités', width: 70, align: 'right' },
      { header: 'Réponses', width: 70, align: 'right' },
      { header: 'Taux', width: 70, align: 'right' },
    ],
    [
      ...p.colleges.map((c): Cell[] => [c.label, formatInteger(c.invited), formatInteger(c.submitted), formatPercent(c.submitted, c.invited)]),
      ['Total', formatInteger(p.invited), formatInteger(p.submitted), formatPercent(p.submitted, p.invited)],
    ],
    { lastRowBold: true },
  );
}

function profile(layout: Layout, ctx: Context) {
  const { results } = ctx;
  layout.section(NETWORK_SECTION_TITLES.profile);
  const entries = Object.values(results.profile);
  layout.paragraph(
    'Réponses des pôles au formulaire de profil de la campagne, comptées comme dans le tableau de l’analyse croisée des pôles : pour chaque question, ' +
      'le nombre de pôles ayant donné chaque réponse, sur le nombre de pôles ayant répondu à la question.',
  );
  if (!entries.length) {
    layout.paragraph('Aucun pôle n’a rempli son profil pour cette campagne.', { muted: true });
    return;
  }
  for (const q of entries) {
    const sum = q.counts.reduce((s, c) => s + c.count, 0);
    const totals = q.kind === 'sum';
    const multiple = q.kind === 'multiple';
    layout.minorHeading(q.label, 40);
    if (totals) {
      layout.table(
        [{ header: 'Champ', width: 330 }, { header: 'Total déclaré', width: 120, align: 'right' }],
        [...q.counts.map((c): Cell[] => [c.label, formatInteger(c.count)]), ['Total', formatInteger(sum)]],
        { lastRowBold: true },
      );
      layout.paragraph(`Somme des valeurs déclarées par ${plural(q.answered, 'pôle')}.`, { size: SIZE.small, muted: true });
    } else {
      layout.table(
        [{ header: 'Réponse', width: 330 }, { header: 'Pôles', width: 120, align: 'right' }],
        q.counts.map((c): Cell[] => [c.label, c.count ? { text: outOf(c.count, q.answered), bold: true } : { text: outOf(0, q.answered), muted: true }]),
      );
      if (multiple) layout.paragraph('Plusieurs réponses possibles par pôle.', { size: SIZE.small, muted: true });
    }
  }
}

function distributionSection(layout: Layout, ctx: Context, charts: Map<string, Promise<ChartDrawing>>) {
  const { results } = ctx;
  layout.section(NETWORK_SECTION_TITLES.distribution);
  layout.paragraph(
    `Pour chaque thème, la distribution des scores des ${plural(results.polesWithResults, 'pôle')} avec résultats : minimum, premier quartile (Q1), ` +
      'médiane, troisième quartile (Q3) et maximum ; la moitié des pôles est entre Q1 et Q3. Sur le graphique, la barre va de Q1 à Q3, le trait vertical ' +
      'marque la médiane, le rond le pôle le plus bas et le carré le plus haut. Les deux dernières colonnes comptent les pôles pour lesquels le thème ' +
      `est une faiblesse ou une menace (score ≤ ${formatScore(results.thresholds.low)}) et ceux dont les collèges divergent d’au moins 20 points.`,
  );
  for (const d of ctx.dimensions) {
    const chart = charts.get(d.id);
    const height = distributionHeight(d.themes.length);
    layout.subheading(d.label, chart ? height : 60);
    if (chart) layout.chart(chart, WIDTH, height);
    const columns: Column[] = [
      { header: 'Thème', width: 142 },
      { header: 'n', width: 24, align: 'right' },
      { header: 'Min', width: 34, align: 'right' },
      { header: 'Q1', width: 34, align: 'right' },
      { header: 'Médiane', width: 50, align: 'right' },
      { header: 'Q3', width: 34, align: 'right' },
      { header: 'Max', width: 34, align: 'right' },
      { header: d.themes[0].theme.factor === 'external' ? 'Pôles menacés' : 'Pôles en faiblesse', width: 58, align: 'right' },
      { header: 'Pôles en dissensus', width: 58, align: 'right' },
    ];
    layout.table(
      columns,
      d.themes.map(({ theme }) => [
        theme.label,
        ...distributionCells(theme.distribution),
        formatInteger(theme.weakPoles),
        formatInteger(theme.dissensusPoles),
      ]),
      { size: 8 },
    );
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Heatmap: poles × themes, one table per dimension, scores printed in every cell. The cell's shade darkens as the
// score falls (one hue, lightness only: the order survives grayscale printing) and weaknesses/threats are in bold.

const HEAT_LIGHT = [255, 255, 255];
const HEAT_DARK = [150, 168, 192];

/** One shade per score band (reports/vocabulary.ts), the darkest for the lowest: the dashboard's bands. */
const heatFill = (band: ScoreBand) => heatShade(Number(band.id.slice(1)));

/** Shade 1 (darkest) to 5 (white). */
function heatShade(level: number): string {
  const x = (5 - level) / 4;
  const channel = (i: number) => Math.round(HEAT_LIGHT[i] + (HEAT_DARK[i] - HEAT_LIGHT[i]) * x).toString(16).padStart(2, '0');
  return `#${channel(0)}${channel(1)}${channel(2)}`;
}

function heatmapSection(layout: Layout, ctx: Context) {
  const { results } = ctx;
  const k = results.minGroupSize;
  layout.section(NETWORK_SECTION_TITLES.heatmap);
  const shown = ctx.poles.filter((p) => p.available);
  const listed = shown.slice(0, ctx.maxListed);
  const without = ctx.poles.filter((p) => !p.available);
  layout.paragraph(
    'Score de chaque pôle (lignes, par ordre alphabétique) sur chaque thème (colonnes), de 0 à 100, un tableau par dimension. Plus la case est foncée, ' +
      `plus le score est bas, par tranches comme sur le tableau de bord : ${scoreBands(results.thresholds).map((b) => b.label).join(' ; ')}. ` +
      `En gras, les scores d’au plus ${formatScore(results.thresholds.low)} (faiblesse, ou menace pour le contexte). ` +
      'Les codes des thèmes sont repris sous le titre de chaque dimension.',
  );
  if (shown.length > listed.length) {
    layout.note('Carte partielle', [
      `${formatInteger(shown.length)} pôles ont des résultats : seuls les ${formatInteger(listed.length)} premiers par ordre alphabétique sont présentés ici (carte complète sur le tableau de bord du réseau).`,
    ]);
  }
  if (without.length) {
    layout.paragraph(
      `Sans résultats (moins de ${k} réponses), donc absents de la carte : ${without.length > 30 ? plural(without.length, 'pôle') : without.map((p) => p.name).join(', ')}.`,
      { size: SIZE.small, muted: true },
    );
  }
  if (!listed.length) {
    layout.paragraph(`Aucun pôle n’a atteint ${k} réponses : la carte est vide.`, { muted: true });
    return;
  }
  for (const d of ctx.dimensions) {
    layout.subheading(d.label, 90);
    layout.paragraph(d.themes.map((x) => `${x.code} : ${x.theme.label}`).join(' ; '), { size: SIZE.small, muted: true, gap: 4 });
    const low = results.thresholds.low;
    const bands = scoreBands(results.thresholds);
    heatmapTable(
      layout,
      d.themes.map((x) => ({
        code: x.code,
        cell: (pole) => {
          const score = pole.scores[x.index];
          if (score === null) return { text: formatScore(score), fill: null, bold: false, muted: true };
          return { text: formatScore(score), fill: heatFill(bandOf(bands, score)), bold: score <= low, muted: false };
        },
      })),
      listed,
    );
  }
}

/** A column of a pole × theme table: its header code, and each pole's cell (printed text, shade, bold). */
interface HeatColumn {
  code: string;
  cell: (pole: NetworkResults['poles'][number]) => { text: string; fill: string | null; bold: boolean; muted: boolean };
}

function heatmapTable(layout: Layout, themes: HeatColumn[], poles: NetworkResults['poles']) {
  const doc = layout.doc;
  const size = 7.5;
  const pad = 3;
  const nameWidth = Math.min(170, WIDTH - themes.length * 30);
  const cellWidth = (WIDTH - nameWidth) / themes.length;
  const lineHeight = doc.font(FONT.regular).fontSize(size).currentLineHeight(true);
  const rowHeight = lineHeight + 2 * pad;

  const header = () => {
    const y = doc.y;
    doc.rect(LEFT, y, WIDTH, rowHeight).fill(COLOUR.header);
    doc.font(FONT.bold).fontSize(size).fillColor(COLOUR.text);
    doc.text('Pôle', LEFT + pad, y + pad, { lineBreak: false });
    themes.forEach((x, i) => {
      const w = doc.widthOfString(x.code);
      doc.text(x.code, LEFT + nameWidth + (i + 1) * cellWidth - pad - w, y + pad, { lineBreak: false });
    });
    doc.moveTo(LEFT, y + rowHeight).lineTo(LEFT + WIDTH, y + rowHeight).lineWidth(0.9).strokeColor(COLOUR.rule).stroke();
    doc.y = y + rowHeight;
  };

  layout.ensure(rowHeight * 3);
  header();
  for (const pole of poles) {
    const name = layout.block(t(pole.name), nameWidth - 2 * pad, { font: FONT.regular, size, color: COLOUR.text });
    const height = Math.max(rowHeight, name.height + 2 * pad);
    if (doc.y + height > BOTTOM) {
      layout.newPage();
      header();
    }
    const y = doc.y;
    drawBlock(doc, name, LEFT + pad, y + pad);
    themes.forEach((x, i) => {
      const { text, fill, bold, muted } = x.cell(pole);
      const cx = LEFT + nameWidth + i * cellWidth;
      if (fill) doc.rect(cx + 0.5, y + 0.5, cellWidth - 1, height - 1).fill(fill);
      doc.font(bold ? FONT.bold : FONT.regular).fontSize(size).fillColor(muted ? COLOUR.muted : COLOUR.text);
      doc.text(text, cx + cellWidth - pad - doc.widthOfString(text), y + pad, { lineBreak: false });
    });
    doc.moveTo(LEFT, y + height).lineTo(LEFT + WIDTH, y + height).lineWidth(0.4).strokeColor(COLOUR.light).stroke();
    doc.y = y + height;
  }
  doc.x = LEFT;
  doc.y += 10;
}

function evolution(layout: Layout, ctx: Context, chart: Promise<ChartDrawing> | null) {
  const { results } = ctx;
  layout.section(NETWORK_SECTION_TITLES.evolution);
  const campaigns = [...(results.evolution?.campaigns ?? [])].sort((a, b) => a.year - b.year).slice(-4);
  if (campaigns.length < 2) {
    layout.paragraph('Aucune campagne antérieure à comparer : l’évolution des médianes sera présentée à partir de la prochaine campagne.');
    return;
  }
  const [previous, current] = campaigns.slice(-2);
  layout.paragraph(
    `Médiane du réseau sur chaque thème, campagne par campagne, avec les mêmes filtres (pôles avec résultats de chaque campagne : ` +
      `${campaigns.map((c) => `${c.year} : ${formatInteger(c.polesWithResults)}`).join(' ; ')}). Les thèmes sont rapprochés par leur identifiant ; ` +
      `« – » : thème absent du questionnaire de l’année ou sans pôle avec résultats. Évolution : de ${previous.year} à ${current.year}, en points.`,
  );
  if (chart) layout.chart(chart, WIDTH, evolutionHeight(results.themes.length), 'Un symbole par campagne : rond plein pour la plus récente.');
  const yearWidth = Math.max(40, 200 / campaigns.length);
  layout.table(
    [
      { header: 'Thème', width: 210 },
      ...campaigns.map((c): Column => ({ header: String(c.year), width: yearWidth, align: 'right' })),
      { header: 'Évolution', width: 60, align: 'right' },
    ],
    results.themes.map((th) => {
      const values = campaigns.map((c) => c.medians[th.id] ?? null);
      const a = previous.medians[th.id];
      const b = current.medians[th.id];
      const delta = a === null || a === undefined || b === null || b === undefined ? null : b - a;
      return [th.label, ...values.map((v) => formatScore(v)), { text: formatDelta(delta), bold: true }];
    }),
    { size: 8 },
  );
}

// ---------------------------------------------------------------------------------------------------------------
// Groups of poles side by side: one section per comparison the analyst chose.

/** Groups per table: a theme column and four groups fit the page's width at 8 points. */
const GROUPS_PER_TABLE = 4;

const spreadText = (d: Distribution | undefined | null) =>
  !d || d.median === null ? '–' : `${formatScore(d.median)} (${formatScore(d.q1)}–${formatScore(d.q3)})`;

function comparisonSection(layout: Layout, ctx: Context, comparison: NetworkComparison) {
  const { results } = ctx;
  const min = comparison.minPoles;
  layout.section(comparisonTitle(comparison));
  const bands = comparison.bands ? ` Tranches d’âge (âge du pôle l’année de la campagne) : ${comparison.bands.map((b) => b.label).join(' ; ')}.` : '';
  layout.paragraph(
    `Les ${plural(comparison.polesWithResults, 'pôle')} avec résultats${hasFilters(results) ? ` (filtres : ${filterText(results)})` : ''}, ` +
      `regroupés par ${comparison.label.toLowerCase()}. Un groupe n’est présenté seul qu’à partir de ${formatInteger(min)} pôles ; les plus petits sont ` +
      `réunis dans « autres », qui n’a lui-même de chiffres qu’à partir de ${formatInteger(min)} pôles.${bands} Chaque case donne la médiane des scores ` +
      'des pôles du groupe et, entre parenthèses, la moitié centrale de ces pôles (du premier au troisième quartile).',
  );
  const groupLabel = (g: NetworkComparison['groups'][number]) => (g.merged ? `${g.label} (${g.values.map((v) => `${v.label} : ${formatInteger(v.poles)}`).join(', ')})` : g.label);
  layout.table(
    [
      { header: 'Groupe', width: 270 },
      { header: 'Pôles', width: 55, align: 'right' },
      { header: 'Score global : médiane (Q1–Q3)', width: 150, align: 'right' },
    ],
    comparison.groups.map((g): Cell[] => [groupLabel(g), formatInteger(g.poles), g.overall ? { text: spreadText(g.overall), bold: true } : { text: `moins de ${min} pôles`, muted: true }]),
  );
  const shown = comparison.groups.filter((g) => g.themes !== null);
  if (!shown.length) {
    layout.paragraph(`Aucun groupe n’atteint ${formatInteger(min)} pôles avec résultats : pas de comparaison par thème.`, { muted: true });
    return;
  }
  const chunks: (typeof shown)[] = [];
  for (let i = 0; i < shown.length; i += GROUPS_PER_TABLE) chunks.push(shown.slice(i, i + GROUPS_PER_TABLE));
  for (const d of ctx.dimensions) {
    chunks.forEach((groups, c) => {
      layout.subheading(chunks.length > 1 ? `${d.label} (${c + 1}/${chunks.length})` : d.label, 80);
      layout.table(
        [{ header: 'Thème', width: 150 }, ...groups.map((g): Column => ({ header: `${g.label} (${formatInteger(g.poles)})`, width: 86, align: 'right' }))],
        d.themes.map(({ theme }) => [theme.label, ...groups.map((g) => spreadText(g.themes?.[theme.id]))]),
        { size: 8 },
      );
    });
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Each pole's change since the compared campaign, on the items both questionnaires share.

/** Declines shade the cell (darker for larger ones); the sign is printed, so grayscale loses nothing. */
function changeFill(delta: number): string | null {
  if (delta <= -10) return heatShade(1);
  if (delta <= -5) return heatShade(3);
  return null;
}

function poleEvolution(layout: Layout, ctx: Context) {
  const { results } = ctx;
  layout.section(NETWORK_SECTION_TITLES.poleEvolution);
  const compared = results.comparedTo;
  if (!compared) {
    layout.paragraph('Aucune campagne antérieure à comparer : l’évolution de chaque pôle sera présentée à partir de la prochaine campagne.');
    return;
  }
  const hasChange = (p: NetworkResults['poles'][number]) => !!p.change && (p.change.overall !== null || Object.values(p.change.themes).some((v) => v !== null));
  const changed = ctx.poles.filter(hasChange);
  const listed = changed.slice(0, ctx.maxListed);
  const without = ctx.poles.filter((p) => p.available && !hasChange(p));
  layout.paragraph(
    `Écart de score de chaque pôle entre ${compared.year} et ${results.campaign.year}, en points (une hausse est une amélioration), sur les items ` +
      `que les deux questionnaires partagent (${formatInteger(compared.sharedItems)} sur ${formatInteger(compared.items)}, questions renommées comprises) : ` +
      'chaque campagne est calculée sur ses propres réponses et groupes de collèges. Seuls les pôles avec résultats dans les deux campagnes figurent. ' +
      'Case grisée : baisse d’au moins 5 points, plus foncée à partir de 10 ; en gras, les écarts d’au moins 10 points.',
  );
  if (changed.length > listed.length) {
    layout.note('Liste partielle', [`${formatInteger(changed.length)} pôles ont une évolution : seuls les ${formatInteger(listed.length)} premiers par ordre alphabétique sont présentés ici.`]);
  }
  if (without.length) {
    layout.paragraph(
      `Sans résultats en ${compared.year}, donc sans évolution : ${without.length > 30 ? plural(without.length, 'pôle') : without.map((p) => p.name).join(', ')}.`,
      { size: SIZE.small, muted: true },
    );
  }
  if (!listed.length) {
    layout.paragraph('Aucun pôle n’a de résultats dans les deux campagnes.', { muted: true });
    return;
  }
  const deltaCell = (delta: number | null | undefined) =>
    delta === null || delta === undefined
      ? { text: formatDelta(null), fill: null, bold: false, muted: true }
      : { text: formatDelta(delta), fill: changeFill(delta), bold: Math.abs(delta) >= 10, muted: false };
  ctx.dimensions.forEach((d, i) => {
    layout.subheading(d.label, 90);
    layout.paragraph(d.themes.map((x) => `${x.code} : ${x.theme.label}`).join(' ; '), { size: SIZE.small, muted: true, gap: 4 });
    const columns: HeatColumn[] = d.themes.map((x) => ({ code: x.code, cell: (pole) => deltaCell(pole.change?.themes[x.theme.id]) }));
    // The overall score's change leads the first table.
    if (i === 0) columns.unshift({ code: 'Global', cell: (pole) => deltaCell(pole.change?.overall) });
    heatmapTable(layout, columns, listed);
  });
}

function method(layout: Layout, ctx: Context) {
  const { results } = ctx;
  const k = results.minGroupSize;
  const { high, low } = results.thresholds;
  layout.section(NETWORK_SECTION_TITLES.method);
  layout.subheading('Scores des pôles');
  layout.bullets([
    'Chaque pôle est noté comme dans son propre rapport : score d’une question de 0 à 100, moyenne par répondant sur le thème, puis moyenne des collèges, chaque collège pesant autant.',
    'Score global d’un pôle : moyenne de ses dimensions internes (gouvernance, coopération) ; le contexte est lu à part.',
    'La carte de chaleur présente ces scores tels quels, arrondis à une décimale.',
  ]);
  layout.subheading('Distribution sur le réseau');
  layout.bullets([
    'Quartiles calculés comme QUARTILE.INC des tableurs : les n scores triés, le quantile p est pris au rang h = (n − 1) × p (compté à partir de 0), par interpolation linéaire entre les deux scores qui l’encadrent.',
    'Q1 : p = 0,25 ; médiane : p = 0,5 ; Q3 : p = 0,75 ; minimum et maximum : plus bas et plus haut des pôles.',
    'Seuls les pôles avec résultats entrent dans les distributions ; un pôle sans score sur un thème n’entre pas dans la distribution de ce thème (n).',
  ]);
  layout.subheading('Seuils');
  layout.bullets([
    `Thème interne : faiblesse pour un pôle qui le note au plus ${formatScore(low)}, force à partir de ${formatScore(high)}.`,
    `Thème de contexte : menace au plus ${formatScore(low)}, opportunité à partir de ${formatScore(high)}.`,
    'Dissensus : dans un pôle, écart d’au moins 20 points entre le collège qui note le thème le plus haut et celui qui le note le plus bas (collèges présentés seulement).',
    'Faiblesses, menaces et dissensus fréquents : thèmes classés par nombre de pôles concernés.',
  ]);
  layout.subheading('Règle d’anonymat (k)');
  layout.bullets([
    `Seuil k = ${k} : un pôle n’a de résultats qu’à partir de ${k} réponses envoyées ; en dessous, il compte dans la participation seulement.`,
    `Dans un pôle, un collège de moins de ${k} répondants n’est pas comparé aux autres ; ses réponses comptent dans les scores du pôle.`,
    'Aucune réponse individuelle ni réponse libre ne figure dans ce rapport.',
  ]);
  layout.subheading('Filtres et évolution');
  layout.bullets([
    `Filtres appliqués : ${filterText(results)}. L’âge d’un pôle est l’année de la campagne moins son année de création déclarée dans le profil.`,
    'L’évolution des médianes applique les mêmes filtres à chaque campagne ; les thèmes sont rapprochés par leur identifiant.',
    'L’évolution par pôle compare chaque pôle retenu par les filtres à lui-même dans la campagne choisie, sur les items communs aux deux questionnaires.',
  ]);
  layout.subheading(SUPPORT_TITLE);
  layout.bullets([results.support.rule, 'Le premier quartile est celui des pôles présentés, après les filtres.']);
}
