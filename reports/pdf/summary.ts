// The two-page summary of a pole's results (« Synthèse »): its own PDF (GET …/summary.pdf) and the first pages of the
// full report, the same pages in both. What a coordinator presents to the general assembly: the score, who answered,
// the strengths, the weaknesses with their remedies, what divides the collèges, what became of last year's plan.
// Every part is measured before anything is drawn, and the least important are shortened or left out until the
// whole holds on two pages: the limit holds by construction, whatever the results.
import type { PoleResults, StrategicOptionResult, ThemeResult } from '../types.ts';
import { ACTION_STATUS_LABEL } from '../contract/review.ts';
import { formatDateFr, formatDelta, formatInteger, formatPercent, formatScore } from '../format.ts';
import {
  actionTally, BENCHMARK_POSITION, DISAGREE, divergenceText, followUpTitle, formatThreshold, plural,
} from '../vocabulary.ts';
import {
  BOTTOM, COLOUR, FONT, LEFT, Layout, MARGIN, SIZE, WIDTH, drawBlock, footers, openDocument, resetTypography, t, type TextBlock, type TextStyle,
} from './layout.ts';
import { TO_CONFIRM, TO_CONFIRM_SHORT } from '../reliability.ts';

/** The summary never takes more pages than this. */
export const SUMMARY_MAX_PAGES = 2;

export const SUMMARY_TITLE = 'Synthèse';

/** The running title of every page of the pole's PDFs: a page printed alone must not pass for the final picture. */
export function runningTitle(results: PoleResults): string {
  const provisional = results.snapshot?.provisional ? ' – résultats provisoires' : '';
  return `${results.pole.name} – auto-évaluation PTCE ${results.campaign.year}${provisional}`;
}

/** Renders the summary alone, as a PDF of at most two A4 pages. */
export async function renderPoleSummary(results: PoleResults, options: { generatedAt: Date }): Promise<Buffer> {
  resetTypography();
  const { doc, bytes } = openDocument({
    Title: `Synthèse – auto-évaluation PTCE ${results.campaign.year} – ${results.pole.name}`,
    Author: results.pole.name,
    Subject: `Synthèse du rapport d’auto-évaluation du pôle, campagne ${results.campaign.year}`,
    CreationDate: options.generatedAt,
  });
  const layout = new Layout(doc);
  summarySection(layout, results, { generatedAt: options.generatedAt, newPage: false });
  // No cover: every page gets its footer.
  footers(layout, runningTitle(results), 0);
  doc.end();
  return bytes;
}

// ---------------------------------------------------------------------------------------------------------------
// Parts: blocks of known height, each kept on one page.

interface Part {
  height: number;
  draw: (y: number) => void;
}

interface Line {
  block: TextBlock;
  /** Space above the line, in points. */
  before?: number;
  indent?: number;
  /** A list marker drawn left of the indented block. */
  marker?: TextBlock;
}

const STYLE: Record<'body' | 'bold' | 'muted' | 'heading', TextStyle> = {
  body: { font: FONT.regular, size: SIZE.body, lineGap: 1.5, color: COLOUR.text },
  bold: { font: FONT.bold, size: SIZE.body, lineGap: 1.5, color: COLOUR.text },
  muted: { font: FONT.regular, size: SIZE.small, lineGap: 1, color: COLOUR.muted },
  heading: { font: FONT.bold, size: SIZE.h2, color: COLOUR.accent },
};

/** How much of each list the summary shows: lowered step by step until the parts fit on two pages. */
interface Plan {
  strengths: number;
  weaknesses: number;
  /** Remedies shown under each weakness. */
  remedies: number;
  /** Remedies, counted in reading order, shown with their description (the others by their title only). */
  details: number;
  dissensus: number;
  followUp: number;
  closing: boolean;
  /** Each collège's count of responses, or the total only. */
  perCollege: boolean;
}

/** What the summary can say, before it is cut to size. */
interface Content {
  strengths: ThemeResult[];
  /** Weakest first, each with the remedies that name it, in the order of the results (most urgent first). */
  weaknesses: { theme: ThemeResult; remedies: StrategicOptionResult[]; shownBefore: StrategicOptionResult | null }[];
  /** Without weaknesses, the first options of the results. */
  otherOptions: StrategicOptionResult[];
  dissensus: ThemeResult[];
}

function contentOf(results: PoleResults): Content {
  const byId = new Map(results.themes.map((th) => [th.id, th]));
  const scoredOf = (ids: string[]) => ids.map((id) => byId.get(id)).filter((th): th is ThemeResult => !!th && th.score !== null);
  const strengths = scoredOf(results.swot.strengths).sort((a, b) => b.score! - a.score!);
  const shown = new Set<string>();
  const weaknesses = scoredOf(results.swot.weaknesses)
    .sort((a, b) => a.score! - b.score!)
    .map((theme) => {
      const naming = results.options.filter((o) => o.themes.includes(theme.id));
      // An option answering two weaknesses is written out once, under the weaker; the other refers to it.
      const remedies = naming.filter((o) => !shown.has(o.id));
      for (const o of remedies) shown.add(o.id);
      return { theme, remedies, shownBefore: remedies.length ? null : (naming[0] ?? null) };
    });
  const dissensus = results.themes.filter((th) => th.dissensus).sort((a, b) => (b.spread ?? 0) - (a.spread ?? 0));
  return { strengths, weaknesses, otherOptions: weaknesses.length ? [] : results.options, dissensus };
}

/** Lighter and lighter plans, in the order things are given up: details first, the gist last. */
function* lighterPlans(plan: Plan): Generator<Plan> {
  let p = plan;
  const next = (change: Partial<Plan>) => (p = { ...p, ...change });
  if (p.closing) yield next({ closing: false });
  while (p.followUp > 0) yield next({ followUp: p.followUp - 1 });
  while (p.details > 0) yield next({ details: p.details - 1 });
  if (p.remedies > 1) yield next({ remedies: 1 });
  while (p.dissensus > 2) yield next({ dissensus: p.dissensus - 1 });
  while (p.weaknesses > 2) yield next({ weaknesses: p.weaknesses - 1 });
  while (p.strengths > 1) yield next({ strengths: p.strengths - 1 });
  while (p.dissensus > 0) yield next({ dissensus: p.dissensus - 1 });
  while (p.weaknesses > 0) yield next({ weaknesses: p.weaknesses - 1 });
  while (p.remedies > 0) yield next({ remedies: p.remedies - 1 });
  while (p.strengths > 0) yield next({ strengths: p.strengths - 1 });
  if (p.perCollege) yield next({ perCollege: false });
}

/** Pages the parts take from `startY`, each part kept whole on one page. */
function pagesTaken(parts: Part[], startY: number): number {
  let pages = 1;
  let y = startY;
  for (const part of parts) {
    if (y + part.height > BOTTOM && y > MARGIN.top) {
      pages++;
      y = MARGIN.top;
    }
    y += part.height;
  }
  return pages;
}

/**
 * The summary as a section of the document: starts a page (or, with `newPage: false`, uses the current one, empty),
 * lays out at most two pages.
 */
export function summarySection(layout: Layout, results: PoleResults, options: { generatedAt: Date; newPage?: boolean }) {
  layout.section(SUMMARY_TITLE, { newPage: options.newPage });
  const startY = layout.doc.y;
  const content = contentOf(results);
  let plan: Plan = {
    strengths: Math.min(3, content.strengths.length),
    weaknesses: Math.min(4, content.weaknesses.length),
    remedies: 2,
    details: 8,
    dissensus: Math.min(4, content.dissensus.length),
    followUp: Math.min(4, results.followUp?.actions.length ?? 0),
    closing: true,
    perCollege: true,
  };
  // Each lighter plan lays out mostly the same texts again: break each into lines once.
  const blocks = new Map<string, TextBlock>();
  const block: BlockOf = (text, style, indent = 0) => {
    const key = `${style.font} ${style.size} ${style.color} ${indent} ${text}`;
    let laidOut = blocks.get(key);
    if (!laidOut) blocks.set(key, (laidOut = layout.block(t(text), WIDTH - indent, style)));
    return laidOut;
  };
  let parts = summaryParts(layout, results, content, plan, block, options.generatedAt);
  for (const lighter of lighterPlans(plan)) {
    if (pagesTaken(parts, startY) <= SUMMARY_MAX_PAGES) break;
    plan = lighter;
    parts = summaryParts(layout, results, content, plan, block, options.generatedAt);
  }
  const doc = layout.doc;
  for (const part of parts) {
    if (doc.y + part.height > BOTTOM && doc.y > MARGIN.top) layout.newPage();
    const y = doc.y;
    part.draw(y);
    doc.x = LEFT;
    doc.y = y + part.height;
  }
}

/** A text broken into lines in a style, over the page's width less `indent`. */
type BlockOf = (text: string, style: TextStyle, indent?: number) => TextBlock;

function summaryParts(layout: Layout, results: PoleResults, content: Content, plan: Plan, block: BlockOf, generatedAt: Date): Part[] {
  const doc = layout.doc;
  const stack = (lines: Line[]): Part => ({
    height: lines.reduce((sum, l) => sum + (l.before ?? 0) + l.block.height, 0),
    draw: (y) => {
      for (const l of lines) {
        y += l.before ?? 0;
        if (l.marker) drawBlock(doc, l.marker, LEFT + 2, y);
        y = drawBlock(doc, l.block, LEFT + (l.indent ?? 0), y);
      }
    },
  });
  const heading = (text: string): Line => ({ block: block(text, STYLE.heading), before: 12 });
  const bullet = (text: string, style = STYLE.body, before = 3): Line => ({ block: block(text, style, 14), indent: 14, marker: block('•', style), before });
  /** A heading and its first part stay together. */
  const group = (title: string, items: Line[][]): Part[] => {
    const [first = [], ...rest] = items;
    return [stack([heading(title), ...first.map((l, i) => (i === 0 ? { ...l, before: 4 } : l))]), ...rest.map(stack)];
  };

  const { high, low } = results.thresholds;
  const position = new Map(results.benchmark?.themes.map((b) => [b.id, b.position]) ?? []);
  const parts: Part[] = [];

  const intro: Line[] = [{
    block: block(
      `${results.pole.name} – auto-évaluation PTCE ${results.campaign.year}, document du ${formatDateFr(generatedAt)}. ` +
        'Les scores vont de 0 (défavorable) à 100 (favorable).',
      STYLE.muted,
    ),
  }];
  if (results.snapshot?.provisional) {
    intro.push({ block: block(`Résultats provisoires : la campagne est en cours ; ils reposent sur ${plural(results.snapshot.responses, 'réponse')}.`, STYLE.bold), before: 4 });
  }
  parts.push(stack(intro));

  if (results.available) {
    const internal = results.dimensions.filter((d) => d.factor === 'internal');
    const external = results.dimensions.filter((d) => d.factor === 'external');
    const explain =
      `Moyenne des dimensions ${internal.map((d) => `${d.label} (${formatScore(d.score)})`).join(' et ')}.` +
      (external.length === 1 ? ` Le contexte du territoire (${formatScore(external[0].score)}) est lu à part.` : '') +
      (external.length > 1 ? ` Le contexte du territoire est lu à part (${external.map((d) => `${d.label} ${formatScore(d.score)}`).join(', ')}).` : '') +
      ` Un thème est un point fort à partir de ${formatThreshold(high)}, un point faible à ${formatThreshold(low)} ou moins.`;
    parts.push({
      height: 8 + 86,
      draw: (y) => {
        doc.y = y + 8;
        layout.scoreBox('Score global du pôle', results.overall, explain);
      },
    });
  }

  // Who answered: the figures rest on them.
  const p = results.participation;
  const perCollege = plan.perCollege ? p.colleges.filter((c) => c.invited > 0 || c.submitted > 0).map((c) => `${c.label} : ${formatInteger(c.submitted)} sur ${formatInteger(c.invited)}`) : [];
  const missing = p.missingColleges.map((m) => `« ${m.label} »`);
  parts.push(...group('Qui a répondu', [[
    { block: block(`${formatInteger(p.submitted)} réponses sur ${formatInteger(p.invited)} personnes invitées (${formatPercent(p.submitted, p.invited)}).${perCollege.length ? ` Par collège : ${perCollege.join(' ; ')}.` : ''}`, STYLE.body) },
    ...(missing.length ? [{ block: block(`Aucune réponse ${missing.length > 1 ? 'des collèges' : 'du collège'} ${missing.join(', ')} : ${missing.length > 1 ? 'leur' : 'son'} point de vue manque.`, STYLE.body), before: 3 }] : []),
  ]]));

  if (!results.available) {
    parts.push(stack([{ block: block(results.message ?? 'Les résultats apparaîtront quand assez de réponses auront été envoyées.', STYLE.body), before: 10 }]));
  } else {
    const unsure = new Set(results.swot.uncertain);
    const scoreLine = (th: ThemeResult) => `${th.label} : ${formatScore(th.score)} sur 100${unsure.has(th.id) ? ` (${TO_CONFIRM})` : ''}`;

    // Strengths.
    const strengths = content.strengths.slice(0, plan.strengths);
    const strengthLines = strengths.map((th) => [bullet(scoreLine(th) + (position.get(th.id) === 'top' ? `, ${BENCHMARK_POSITION.top}` : ''))]);
    if (!content.strengths.length) {
      const best = results.themes.filter((th) => th.factor === 'internal' && th.score !== null).sort((a, b) => b.score! - a.score!).slice(0, 2);
      strengthLines.push([{ block: block(`Aucun thème n’atteint ${formatThreshold(high)} cette année.${best.length ? ` Les mieux notés : ${best.map((th) => `${th.label} (${formatScore(th.score)})`).join(' ; ')}.` : ''}`, STYLE.body) }]);
    } else if (strengths.length < content.strengths.length) {
      strengthLines.push([bullet(`Et aussi : ${content.strengths.slice(strengths.length).map((th) => th.label).join(' ; ')}.`, STYLE.muted)]);
    }
    parts.push(...group('Points forts', strengthLines));

    // Weaknesses, each with its remedies (options in the order of the results: most urgent first).
    let slot = 0;
    const remedyLines = (remedies: StrategicOptionResult[]): Line[] =>
      remedies.slice(0, plan.remedies).flatMap((o) => {
        const lines: Line[] = [{ block: block(`Piste : ${o.title}${o.needsConsensus ? ' (à construire d’abord en accord entre collèges)' : ''}`, STYLE.bold, 14), indent: 14, before: 3 }];
        if (slot++ < plan.details) lines.push({ block: block(o.description, STYLE.muted, 14), indent: 14, before: 1 });
        return lines;
      });
    const weaknessLines: Line[][] = content.weaknesses.slice(0, plan.weaknesses).map((w, i) => {
      const notes = [position.get(w.theme.id) === 'bottom' ? BENCHMARK_POSITION.bottom : null, w.theme.dissensus ? DISAGREE : null].filter((x): x is string => !!x);
      const lines: Line[] = [{ block: block(scoreLine(w.theme), STYLE.bold), before: i === 0 ? 0 : 8 }];
      if (notes.length) lines.push({ block: block(`${notes.join(' ; ')}.`, STYLE.muted), before: 1 });
      if (w.remedies.length && plan.remedies > 0) lines.push(...remedyLines(w.remedies));
      else if (w.shownBefore && plan.remedies > 0) lines.push({ block: block(`Même piste que plus haut : ${w.shownBefore.title}`, STYLE.body, 14), indent: 14, before: 3 });
      else if (plan.remedies > 0) lines.push({ block: block('Aucune piste du catalogue pour ce thème : à discuter en réunion.', STYLE.muted, 14), indent: 14, before: 3 });
      return lines;
    });
    if (!content.weaknesses.length) {
      weaknessLines.push([{ block: block(`Aucun thème n’est à ${formatThreshold(low)} ou moins : pas de point faible net cette année.`, STYLE.body) }]);
      if (content.otherOptions.length && plan.remedies > 0) weaknessLines.push([{ block: block('Pistes proposées, de la plus urgente à la moins urgente :', STYLE.body), before: 6 }, ...remedyLines(content.otherOptions)]);
    } else if (plan.weaknesses < content.weaknesses.length) {
      const rest = content.weaknesses.slice(plan.weaknesses).map((w) => `${w.theme.label} (${formatScore(w.theme.score)})`);
      weaknessLines.push([{ block: block(`Autres points faibles : ${rest.join(' ; ')}. Leurs pistes sont dans le rapport complet.`, STYLE.muted), before: 6 }]);
    }
    const shownUnsure = [...strengths, ...content.weaknesses.slice(0, plan.weaknesses).map((w) => w.theme)].some((th) => unsure.has(th.id));
    if (shownUnsure) weaknessLines.push([{ block: block(TO_CONFIRM_SHORT, STYLE.muted), before: 6 }]);
    parts.push(...group('Points faibles et pistes pour y remédier', weaknessLines));

    // What divides the collèges.
    const dissensusLines: Line[][] = content.dissensus.slice(0, plan.dissensus).map((th) => [bullet(`${th.label} : ${divergenceText(th) ?? DISAGREE}.`)]);
    if (!content.dissensus.length) {
      dissensusLines.push([{ block: block('Aucun : sur chaque thème, moins de 20 points séparent les collèges.', STYLE.body) }]);
    } else {
      if (plan.dissensus < content.dissensus.length) dissensusLines.push([bullet(`Et aussi : ${content.dissensus.slice(plan.dissensus).map((th) => th.label).join(' ; ')}.`, STYLE.muted)]);
      dissensusLines.push([{ block: block('Sur ces thèmes, les collèges ne voient pas le pôle de la même façon : à mettre en discussion avant de décider.', STYLE.muted), before: 4 }]);
    }
    parts.push(...group('Sujets qui divisent les collèges', dissensusLines));
  }

  // Last year's plan.
  const followUp = results.followUp;
  if (followUp?.actions.length) {
    const actionLines = followUp.actions.slice(0, plan.followUp).map((a) => {
      const moves = a.themes.filter((th) => th.before !== null && th.after !== null).map((th) => `${th.label} ${formatScore(th.before)} → ${formatScore(th.after)} (${formatDelta(th.delta)})`);
      return [bullet(`${a.title} : ${ACTION_STATUS_LABEL[a.status].toLowerCase()}${moves.length ? ` ; ${moves.join(' ; ')}` : ''}.`)];
    });
    parts.push(...group(followUpTitle(followUp.year), [[{ block: block(`Après la campagne ${followUp.year}, le pôle a adopté ${actionTally(followUp.actions.map((a) => a.status))}.`, STYLE.body) }], ...actionLines]));
  }

  if (plan.closing) {
    parts.push(stack([{
      block: block('Le rapport complet détaille chaque thème, l’avis de chaque collège, toutes les pistes d’action et les paroles des répondants.', STYLE.muted),
      before: 14,
    }]));
  }
  return parts;
}
