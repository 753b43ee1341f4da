// Picks the strategic options whose conditions the pole's SWOT meets, ranks them, flags those needing consensus first.
import type { StrategicOptionResult, SwotCategory, SwotThresholds, ThemeResult } from '../types.ts';
import type { StrategicOptionDefinition } from '../../surveys/strategic-options.ts';
import { distanceBeyond } from './swot.ts';

/**
 * The options whose every condition the pole's SWOT meets. The catalogue names theme roles: `roles` gives each
 * theme's (surveys/model.ts), so a version that renamed a theme still meets the same options.
 */
export function selectOptions(
  catalogue: readonly StrategicOptionDefinition[], themes: readonly ThemeResult[], roles: ReadonlyMap<string, string>, thresholds: SwotThresholds,
): StrategicOptionResult[] {
  const byRole = new Map(themes.map((t) => [roles.get(t.id) ?? t.id, t]));
  const chosen: StrategicOptionResult[] = [];
  for (const option of catalogue) {
    const triggers = option.when.map((c) => ({ condition: c, theme: byRole.get(c.role) }));
    if (!triggers.every(({ condition, theme }) => theme && theme.score !== null && theme.swot === (condition.is as SwotCategory))) continue;
    const distances = triggers.map(({ condition, theme }) => distanceBeyond(theme!.score!, condition.is, thresholds));
    chosen.push({
      id: option.id,
      quadrant: option.quadrant,
      title: option.title,
      description: option.description,
      themes: triggers.map(({ theme }) => theme!.id),
      seedRef: option.seedRef,
      strength: distances.reduce((a, b) => a + b, 0) / distances.length,
      needsConsensus: triggers.some(({ theme }) => theme!.dissensus),
    });
  }
  // Furthest beyond the thresholds first; the catalogue's order breaks ties, so the ranking is stable.
  return chosen.map((o, i) => ({ o, i })).sort((a, b) => b.o.strength - a.o.strength || a.i - b.i).map(({ o }) => o);
}
