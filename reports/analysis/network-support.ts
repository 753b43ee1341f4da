// « Pôles à accompagner »: the poles the Labo should look at first, by a rule stated with the list so that the
// analyst can say why a pole is on it (and why another is not).
import type { Distribution, NetworkPoleResult, NetworkSupport } from '../contract/network.ts';
import type { SwotThresholds } from '../types.ts';
import { formatInteger, formatScore } from '../format.ts';

/**
 * Weaknesses that put a pole on the list whatever its overall score: half its internal themes. A fixed count
 * would mean a different thing for each questionnaire version, and on the demo network (6 to 12 weaknesses of 21)
 * five would name every pole.
 */
export const supportMinWeaknesses = (internalThemes: number) => Math.max(1, Math.ceil(internalThemes / 2));

/**
 * The rule: a pole with results whose overall score is at most the first quartile of the poles shown (the
 * network's bottom quarter, after the filters), or with weaknesses on at least half its internal themes.
 * Listed from the lowest overall score.
 */
export function polesToSupport(poles: readonly NetworkPoleResult[], overall: Distribution, thresholds: SwotThresholds, internalThemes: number): NetworkSupport {
  const q1 = overall.q1;
  const minWeaknesses = supportMinWeaknesses(internalThemes);
  const chosen = poles.filter((p) => p.available && ((q1 !== null && p.overall !== null && p.overall <= q1) || p.weaknesses >= minWeaknesses));
  chosen.sort((a, b) => (a.overall ?? Infinity) - (b.overall ?? Infinity) || a.name.localeCompare(b.name, 'fr'));
  const quarter =
    q1 === null
      ? 'dont le score global est dans le quart le plus bas des pôles avec résultats (aucun ici)'
      : `dont le score global est dans le quart le plus bas des ${formatInteger(overall.n)} pôles avec résultats (au plus ${formatScore(q1)}, premier quartile)`;
  return {
    rule:
      `Pôles ${quarter}, ou qui comptent au moins ${formatInteger(minWeaknesses)} faiblesses, soit la moitié de leurs ` +
      `${formatInteger(internalThemes)} thèmes internes (notés au plus ${formatScore(thresholds.low)}).`,
    poles: chosen.map((p) => p.id),
    criteria: { overallAtMost: q1, minWeaknesses },
  };
}
