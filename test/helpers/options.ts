// What the strategic options promise, checked on a pole's results: no option's quadrant contradicts the themes it
// rests on, every weakness gets a remedy (WO or WT), the remedies to the weakest themes come first. Shared by the
// unit, property and demo-network tests. Themes are found by id: in ptce-2026 a theme's role is its id.
import type { PoleResults } from '../../reports/types.ts';
import { STRATEGIC_OPTIONS } from '../../surveys/strategic-options.ts';

type Results = Pick<PoleResults, 'themes' | 'options' | 'thresholds' | 'swot'>;

const KINDS = {
  SO: ['strength', 'opportunity'],
  ST: ['strength', 'threat'],
  WO: ['weakness', 'opportunity'],
  WT: ['weakness', 'threat'],
} as const;

/** Every disagreement between an option's quadrant and the SWOT of the themes it rests on, in words. */
export function contradictions(results: Results): string[] {
  const byId = new Map(results.themes.map((t) => [t.id, t]));
  const middle = (results.thresholds.high + results.thresholds.low) / 2;
  const out: string[] = [];
  for (const o of results.options) {
    const [internalKind, contextKind] = KINDS[o.quadrant];
    const label = `${o.id} (${o.quadrant})`;
    const themes = o.themes.map((id) => byId.get(id)!);
    const internal = themes.filter((t) => t.factor === 'internal');
    if (!internal.length) out.push(`${label}: no internal theme`);
    for (const t of internal) if (t.swot !== internalKind) out.push(`${label}: ${t.id} is ${t.swot}`);
    for (const t of themes.filter((th) => th.factor === 'external')) {
      // A remedy paired in the vigilance zone: the context theme lies on its quadrant's side of the middle.
      const paired = internalKind === 'weakness' && t.swot === 'vigilance' && o.context?.theme === t.id && o.context.category === 'vigilance';
      const side = paired && (contextKind === 'opportunity' ? t.score! >= middle : t.score! < middle);
      if (t.swot !== contextKind && !side) out.push(`${label}: context ${t.id} is ${t.swot} (${t.score})`);
    }
    if (o.context) {
      const t = byId.get(o.context.theme);
      if (!t || !o.themes.includes(t.id) || t.score !== o.context.score) out.push(`${label}: context ${o.context.theme} not among its themes`);
      else if (o.context.category !== (t.swot === 'vigilance' ? 'vigilance' : contextKind)) out.push(`${label}: context ${t.id} given as ${o.context.category}`);
    } else {
      // Only a remedy none of whose context themes has a figure may go without one, as a defensive WT.
      const definition = STRATEGIC_OPTIONS.find((d) => d.id === o.id);
      const unscored = definition && 'pairWith' in definition && definition.pairWith.every((role) => (byId.get(role)?.score ?? null) === null);
      if (!unscored || o.quadrant !== 'WT') out.push(`${label}: no context theme`);
    }
  }
  return out;
}

/** The weaknesses no WO or WT option answers. */
export const unanswered = (results: Results): string[] =>
  results.swot.weaknesses.filter((id) => !results.options.some((o) => (o.quadrant === 'WO' || o.quadrant === 'WT') && o.themes.includes(id)));

/**
 * Where the order breaks « most urgent first »: an option built on strengths before one that answers a weakness, or
 * a remedy to a stronger theme before one to a weaker theme.
 */
export function outOfOrder(results: Results): string[] {
  const score = new Map(results.themes.map((t) => [t.id, t.score]));
  const weakest = (o: Results['options'][number]) => Math.min(...o.themes.filter((id) => results.swot.weaknesses.includes(id)).map((id) => score.get(id)!));
  const out: string[] = [];
  results.options.forEach((o, i) => {
    const next = results.options[i + 1];
    if (!next) return;
    const weak = (x: typeof o) => x.quadrant === 'WO' || x.quadrant === 'WT';
    if (!weak(o) && weak(next)) out.push(`${o.id} (${o.quadrant}) before ${next.id} (${next.quadrant})`);
    else if (weak(o) && weak(next) && weakest(o) > weakest(next)) out.push(`${o.id} (${weakest(o)}) before ${next.id} (${weakest(next)})`);
  });
  return out;
}
