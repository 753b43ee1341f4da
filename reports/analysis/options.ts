// Picks a pole's strategic options: the paired options whose conditions its SWOT meets and the remedies to its
// weaknesses, each remedy paired with the context theme that bears most on it; leaves out what the pole's profile
// shows to be in place; says for each the item behind it; puts the remedies to the weakest themes first.
import type { ItemResult, StrategicOptionResult, SwotThresholds, ThemeResult } from '../types.ts';
import type { PoleFacts } from '../../surveys/model.ts';
import type { ProfileCondition, Quadrant, StrategicOptionDefinition } from '../../surveys/strategic-options.ts';
import { formatScore } from '../format.ts';
import { distanceBeyond } from './swot.ts';

export interface OptionsInput {
  catalogue: readonly StrategicOptionDefinition[];
  themes: readonly ThemeResult[];
  items: readonly ItemResult[];
  /**
   * Each theme's role (surveys/model.ts), or its roles when it took over merged themes (its own first): the catalogue
   * names roles, so a version that renamed or merged themes meets the same options.
   */
  roles: ReadonlyMap<string, string | readonly string[]>;
  thresholds: SwotThresholds;
  /** What the pole's profile says; null when it is not filled in. */
  facts: PoleFacts | null;
}

type Scored = ThemeResult & { score: number };
type Context = NonNullable<StrategicOptionResult['context']>;

const isScored = (t: ThemeResult | undefined): t is Scored => t !== undefined && t.score !== null;

/** Whether the profile shows the fact as the condition says; a fact it does not give shows nothing. */
function shows(c: ProfileCondition, facts: PoleFacts | null): boolean {
  if (!facts) return false;
  if ('is' in c) return facts[c.fact] === c.is;
  const value = facts[c.fact];
  return value !== null && c.in.includes(value);
}

const fitsProfile = (o: StrategicOptionDefinition, facts: PoleFacts | null) =>
  (o.requires ?? []).every((c) => shows(c, facts)) && !(o.unless ?? []).some((c) => shows(c, facts));

/** The middle of the vigilance zone: a context theme above it leans towards an opportunity, below it towards a threat. */
const middleOf = (t: SwotThresholds) => (t.high + t.low) / 2;

/**
 * The context theme paired with a remedy: of its scored `pairWith` themes, the one furthest from the middle of the
 * vigilance zone. That is the one furthest into the opportunity or threat zone when one of them is there (a far
 * threat outweighs a near opportunity), else the nearest to a zone. Ties go to the first listed.
 */
function pairedContext(pairWith: readonly string[], byRole: ReadonlyMap<string, ThemeResult>, t: SwotThresholds): Scored | null {
  const middle = middleOf(t);
  let best: Scored | null = null;
  for (const role of pairWith) {
    const theme = byRole.get(role);
    if (isScored(theme) && (!best || Math.abs(theme.score - middle) > Math.abs(best.score - middle))) best = theme;
  }
  return best;
}

const contextOf = (theme: Scored): Context => ({
  theme: theme.id,
  score: theme.score,
  // A context theme is an opportunity, a threat or in the vigilance zone (swot.ts): never a strength or weakness.
  category: theme.swot === 'opportunity' || theme.swot === 'threat' ? theme.swot : 'vigilance',
});

/** The theme's row that put it in its zone: its lowest-scoring item for a weakness, its highest for a strength. */
function itemBehind(theme: Scored, items: readonly ItemResult[], lowest: boolean): StrategicOptionResult['because'] {
  const rows = items.filter((i): i is ItemResult & { score: number } => i.theme === theme.id && i.score !== null);
  // The first of equal rows, in the questionnaire's order.
  const found = rows.reduce<(typeof rows)[number] | null>(
    (best, i) => (!best || (lowest ? i.score < best.score : i.score > best.score) ? i : best),
    null,
  );
  return found && { theme: theme.id, item: found.name, label: found.label, polarity: found.polarity, score: found.score };
}

// The sentences written for the pole: the item behind the option, and the context theme it leans on.
const quoted = (label: string) => `«\u00a0${label.replace(/\.$/, '')}\u00a0»`;
const outOf100 = (score: number) => `${formatScore(score)} sur 100`;

function becauseSentence(because: NonNullable<StrategicOptionResult['because']>, weak: boolean): string {
  const { label, polarity, score } = because;
  // A negative statement scores low when respondents agree with it: say so, or its low score would read as rejection.
  if (weak) {
    return polarity === 'negative'
      ? `Point le plus faible\u00a0: ${quoted(label)}, un constat partagé (${outOf100(score)}).`
      : `Point le plus faible\u00a0: ${quoted(label)} (${outOf100(score)}).`;
  }
  return polarity === 'negative'
    ? `Point le plus fort\u00a0: le constat ${quoted(label)} est écarté (${outOf100(score)}).`
    : `Point le plus fort\u00a0: ${quoted(label)} (${outOf100(score)}).`;
}

function contextSentence(context: Scored, quadrant: Quadrant): string {
  const theme = `${quoted(context.label)} (${outOf100(context.score)})`;
  const { category } = contextOf(context);
  if (category === 'opportunity') return `Opportunité sur laquelle s’appuyer\u00a0: ${theme}.`;
  if (category === 'threat') return `Menace à prendre en compte\u00a0: ${theme}.`;
  return quadrant === 'WO'
    ? `Appui possible, sans être encore une opportunité\u00a0: ${theme}.`
    : `À surveiller, sans être encore une menace\u00a0: ${theme}.`;
}

interface Ranked {
  option: StrategicOptionResult;
  /** The weakest internal theme of a W option (its score and its place in the questionnaire); null for an S option. */
  weakest: { score: number; order: number } | null;
  index: number;
}

/**
 * The options for a pole, in the order to show them (dashboard and PDF alike): first those that answer weaknesses
 * (WO, WT), the weakest theme first; then those that build on strengths (SO, ST). Within the same theme, or among
 * the options built on strengths, the furthest beyond the thresholds first; the catalogue's order breaks ties.
 */
export function selectOptions(input: OptionsInput): StrategicOptionResult[] {
  const { themes, items, roles, thresholds, facts } = input;
  const byRole = new Map(themes.flatMap((t) => [roles.get(t.id) ?? t.id].flat().map((role) => [role, t] as const)));
  const order = new Map(themes.map((t, i) => [t.id, i]));
  // How far a theme lies into its zone (0 in the vigilance zone).
  const beyond = (t: Scored) => distanceBeyond(t.score, t.swot!, thresholds);
  const ranked: Ranked[] = [];
  input.catalogue.forEach((definition, index) => {
    if (!fitsProfile(definition, facts)) return;
    const met: Scored[] = [];
    for (const c of definition.when) {
      const theme = byRole.get(c.role);
      if (!isScored(theme) || theme.swot !== c.is) return;
      // Two conditions may name roles of one merged theme: it counts once.
      if (!met.includes(theme)) met.push(theme);
    }
    const internal = met.filter((t) => t.factor === 'internal');
    let quadrant: Quadrant;
    let context: Scored | null;
    let used: Scored[];
    if ('pairWith' in definition) {
      context = pairedContext(definition.pairWith, byRole, thresholds);
      // Without any figure on its context, a remedy can only limit the weakness: defensive (WT).
      quadrant = context && context.score >= middleOf(thresholds) ? 'WO' : 'WT';
      used = context ? [...met, context] : met;
    } else {
      quadrant = definition.quadrant;
      // Its context condition; of several, the one furthest into its zone.
      context = met
        .filter((t) => t.factor === 'external')
        .reduce<Scored | null>((best, t) => (!best || beyond(t) > beyond(best) ? t : best), null);
      used = met;
    }
    const weak = quadrant === 'WO' || quadrant === 'WT';
    // The theme the option answers: the weakest of its weaknesses, or the strongest of its strengths.
    const main = internal.reduce((a, b) => (weak ? (b.score < a.score ? b : a) : b.score > a.score ? b : a));
    const because = itemBehind(main, items, weak);
    const reason = [because && becauseSentence(because, weak), context && contextSentence(context, quadrant)]
      .filter((sentence): sentence is string => !!sentence)
      .join(' ');
    ranked.push({
      option: {
        id: definition.id,
        quadrant,
        title: definition.title,
        description: definition.description,
        themes: used.map((t) => t.id),
        seedRef: definition.seedRef,
        strength: used.reduce((sum, t) => sum + beyond(t), 0) / used.length,
        needsConsensus: used.some((t) => t.dissensus),
        because,
        context: context && contextOf(context),
        reason,
      },
      weakest: weak ? { score: main.score, order: order.get(main.id)! } : null,
      index,
    });
  });
  return ranked.sort(byUrgency).map((r) => r.option);
}

function byUrgency(a: Ranked, b: Ranked): number {
  if (!a.weakest !== !b.weakest) return a.weakest ? -1 : 1;
  const theme = a.weakest && b.weakest ? a.weakest.score - b.weakest.score || a.weakest.order - b.weakest.order : 0;
  return theme || b.option.strength - a.option.strength || a.index - b.index;
}
