// The demo's respondents: how the members of a pole answer each scored item in a campaign. Around a high level (self-
// assessments run high), each pole has its own ups and downs per practice of the seed, moved by its profile facts
// (rules.ts), by what it did of its last action plan, and, for one collège or another, by that collège's own view;
// each respondent is a little more or less positive than the others, and says « je ne sais pas » where they would
// not know. Everything is read from the items' metadata (seed reference, theme role, polarity): any version works.
import type { PtceItemMeta } from '../../surveys/metadata.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import type { Respondent } from './sample-answers.ts';
import { pick, type Rng } from './random.ts';
import {
  ACQUIESCENCE, COLLEGE_VIEW_CHANCE, COLLEGE_VIEWS, DONT_KNOW, DONT_KNOW_BASE, NETWORK_TENDENCIES, POLE_LEVEL_SPREAD,
  PROFILE_RULES, ROLE_OF_SEED_REF, SEED_REFS, SELF_ASSESSMENT_LEVEL, type DemoFacts,
} from './rules.ts';

/** A change to the answers about some practice: the items of its seed references, and of the themes of its roles. */
export interface Move {
  seedRefs: readonly string[];
  roles: readonly string[];
  shift: number;
}

/** A move on one practice of the seed: its items, and the theme whose role measures it. */
export const moveOn = (seedRef: string, shift: number): Move => ({ seedRefs: [seedRef], roles: [ROLE_OF_SEED_REF[seedRef]].filter(Boolean), shift });

/**
 * What a pole is, whatever the year: its members' overall level, its own ups and downs per practice of the seed, and
 * the collèges that see things their own way: some of the seed's usual divides, and one collège on one practice
 * chosen at random (the dissensus a pole cannot foresee).
 */
export interface PoleTraits {
  level: number;
  offsets: ReadonlyMap<string, number>;
  collegeMoves: ReadonlyMap<string, readonly Move[]>;
}

export function drawPoleTraits(rng: Rng, colleges: readonly string[]): PoleTraits {
  const level = SELF_ASSESSMENT_LEVEL + (rng() - 0.5) * 2 * POLE_LEVEL_SPREAD;
  const offsets = new Map(SEED_REFS.map((ref) => [ref, (rng() - 0.5) * 0.24]));
  const collegeMoves = new Map<string, Move[]>();
  const addFor = (college: string, move: Move) => collegeMoves.set(college, [...(collegeMoves.get(college) ?? []), move]);
  for (const view of COLLEGE_VIEWS) {
    if (rng() < COLLEGE_VIEW_CHANCE && colleges.includes(view.college)) addFor(view.college, moveOn(view.seedRef, view.shift * (0.7 + rng() * 0.6)));
  }
  addFor(pick(rng, colleges), moveOn(pick(rng, SEED_REFS), rng() < 0.5 ? -0.35 : 0.35));
  return { level, offsets, collegeMoves };
}

/** The moves a pole's profile facts make, rule by rule. */
export const profileMoves = (facts: DemoFacts): Move[] => PROFILE_RULES.filter((r) => r.holds(facts)).map((r) => moveOn(r.seedRef, r.shift));

/** How a pole answers in one campaign, per collège: built once per pole and campaign, asked for every respondent. */
export interface PoleCampaign {
  respondent(college: string, rng: Rng): Respondent;
}

const clamp = (x: number) => Math.min(0.97, Math.max(0.03, x));

/**
 * Answers bunch just above the leaning (« plutôt d’accord » for most) with a tail towards disagreement: the shape of
 * self-assessment answers, where few people disagree but those who do may disagree strongly.
 */
const answerNoise = (rng: Rng) => (rng() < 0.8 ? 0.09 + (rng() - 0.5) * 0.2 : -rng() * 0.35);

export function poleCampaign(
  q: Questionnaire,
  rng: Rng,
  { traits, moves }: { traits: PoleTraits; moves: readonly Move[] },
): PoleCampaign {
  const roleOf = new Map(q.model.themes.map((t) => [t.id, t.role]));
  // A little drift on every practice from one year to the next.
  const drift = new Map(SEED_REFS.map((ref) => [ref, (rng() - 0.5) * 0.1]));

  const concerns = (move: Move, seedRef: string, role: string | undefined) => move.seedRefs.includes(seedRef) || (role !== undefined && move.roles.includes(role));
  const cache = new Map<string, number>();
  /** The collège's leaning on the item, before its respondents' own bias. */
  const collegeLeaning = (college: string, item: PtceItemMeta): number => {
    const key = `${college}|${item.theme}|${item.seedRef}|${item.polarity}`;
    let x = cache.get(key);
    if (x === undefined) {
      const role = roleOf.get(item.theme);
      x = traits.level + (traits.offsets.get(item.seedRef) ?? 0) + (drift.get(item.seedRef) ?? 0) + (NETWORK_TENDENCIES[item.seedRef]?.shift ?? 0);
      for (const move of [...moves, ...(traits.collegeMoves.get(college) ?? [])]) if (concerns(move, item.seedRef, role)) x += move.shift;
      if (item.polarity === 'negative') x -= ACQUIESCENCE;
      cache.set(key, x);
    }
    return x;
  };
  const dontKnowFor = (college: string) => {
    const rules = DONT_KNOW.filter((d) => d.colleges.includes(college));
    return (item: PtceItemMeta) => {
      const role = roleOf.get(item.theme);
      const far = rules.find((d) => d.seedRefs.some((ref) => ref === item.seedRef || ROLE_OF_SEED_REF[ref] === role));
      return far?.chance ?? DONT_KNOW_BASE;
    };
  };

  return {
    respondent(college, r) {
      // Some respondents are keener than others, some more critical.
      const bias = (r() - 0.5) * 0.1;
      return { leaning: (item) => clamp(collegeLeaning(college, item) + bias), dontKnow: dontKnowFor(college), noise: answerNoise };
    },
  };
}
