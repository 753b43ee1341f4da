// Picks the strategic options whose conditions the pole's SWOT meets, ranks them, flags those needing consensus first.
import type { StrategicOptionResult, SwotCategory, SwotThresholds, ThemeResult } from '../types.ts';
import type { StrategicOptionDefinition } from './strategic-options.ts';
import { distanceBeyond } from './swot.ts';

export function selectOptions(catalogue: readonly StrategicOptionDefinition[], themes: readonly ThemeResult[], thresholds: SwotThresholds): StrategicOptionResult[] {
  const byId = new Map(themes.map((t) => [t.id, t]));
  const chosen: StrategicOptionResult[] = [];
  for (const option of catalogue) {
    const triggers = option.when.map((c) => ({ condition: c, theme: byId.get(c.theme) }));
    if (!triggers.every(({ condition, theme }) => theme && theme.score !== null && theme.swot === (condition.is as SwotCategory))) continue;
    const distances = triggers.map(({ condition, theme }) => distanceBeyond(theme!.score!, condition.is, thresholds));
    chosen.push({
      id: option.id,
      quadrant: option.quadrant,
      title: option.title,
      description: option.description,
      themes: option.when.map((c) => c.theme),
      seedRef: option.seedRef,
      strength: distances.reduce((a, b) => a + b, 0) / distances.length,
      needsConsensus: triggers.some(({ theme }) => theme!.dissensus),
    });
  }
  // Furthest beyond the thresholds first; the catalogue's order breaks ties, so the ranking is stable.
  return chosen.map((o, i) => ({ o, i })).sort((a, b) => b.o.strength - a.o.strength || a.i - b.i).map(({ o }) => o);
}
