// A demo pole's profile for one campaign, written into that campaign's own profile form: every fact the service
// reads goes under the question that declares its role, whatever the question is called; the questions without a
// role that the demo knows (the 2026 form's region, département, charter from the start, support of local authorities)
// get the pole's own answer; any other question, such as one a new version adds, gets a plausible answer of its kind
// (a new role too, until BY_ROLE has its line). Only visible questions are answered, so the profile passes the form's
// validation as a coordinator's would.
import { localized } from '../../surveys/json.ts';
import { NOT_APPLICABLE, partsOf, storedChoiceValues, type ModelQuestion } from '../../surveys/model.ts';
import type { ProfileRole } from '../../surveys/metadata.ts';
import type { Questionnaire } from '../../surveys/registry.ts';
import { between, pick, type Rng } from './random.ts';
import type { CharterStep, DemoPole } from './poles.ts';

/** What the demo knows of a pole in a campaign, beyond its fixed traits. */
export interface DemoPoleState {
  pole: DemoPole;
  year: number;
  charter: CharterStep;
  /** Member structures per collège id. */
  members: Record<string, number>;
  /** Whether the local authorities sit in the pole's governance (besides funding and technical support, which all give). */
  authoritiesInGovernance: boolean;
  /** The pole's annual budget (euros) and the share of it that is not public funding (%). */
  budget: number;
  selfFinancing: number;
}

/** The pole's answer to a question, or undefined when the question does not offer it (it then gets a plausible one). */
type Answer = (q: ModelQuestion, state: DemoPoleState, rng: Rng) => unknown;

const choiceValues = (q: ModelQuestion) => storedChoiceValues(q.json).filter((v) => v !== 'other' && v !== 'none' && v !== NOT_APPLICABLE);

/** The wanted value if the question offers it; else the choice at the same rank of an ordered list (first, middle, last). */
function choiceNear(q: ModelQuestion, wanted: string, order: readonly string[] = []): unknown {
  const values = choiceValues(q);
  if (values.includes(wanted)) return wanted;
  if (!order.includes(wanted) || !values.length) return undefined;
  return values[Math.round((order.indexOf(wanted) / Math.max(1, order.length - 1)) * (values.length - 1))];
}

const yes = (q: ModelQuestion, value: boolean) => (value ? (q.json.valueTrue ?? true) : (q.json.valueFalse ?? false));

/** The facts the service reads (surveys/metadata.ts PROFILE_ROLES), by role; a role added later gets a plausible answer until it has its line here. */
const BY_ROLE: Partial<Record<ProfileRole, Answer>> = {
  legalForm: (q, s) => (choiceValues(q).includes(s.pole.legalForm) ? s.pole.legalForm : choiceNear(q, 'autre', ['association', 'autre'])),
  foundingYear: (_q, s) => s.pole.founded,
  membersPerCollege: (q, s, rng) => Object.fromEntries(partsOf(q.json.items).map((item) => [String(item.value), s.members[String(item.value)] ?? between(rng, 0, 3)])),
  charter: (q, s) => choiceNear(q, s.charter, ['aucune', 'en_cours', 'adoptee']),
  venue: (q, s) => yes(q, s.pole.venue),
};

/** Bounds of a number question as written (either may be absent). */
const bound = (v: unknown): number | undefined => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));
/** A number within the question's bounds, to a tenth when the question takes decimals, else whole. */
const within = (q: ModelQuestion, n: number) => {
  const x = Math.min(bound(q.json.max) ?? Infinity, Math.max(bound(q.json.min) ?? 0, n));
  return (bound((q.json as { step?: unknown }).step) ?? 1) < 1 ? Math.round(x * 10) / 10 : Math.round(x);
};
const age = (s: DemoPoleState) => s.year - s.pole.founded;

/** Shares of public funding by level, the region first as for most poles; a level the form names otherwise gets an equal share. */
const FUNDING_SHARES: Readonly<Record<string, number>> = { region: 0.4, intercommunalite_commune: 0.25, departement: 0.15, etat: 0.15, union_europeenne: 0.05 };

/**
 * The economic facts and tools of the 2027 profile form (issue 12), by the role ids it declares: they apply to the
 * versions whose PROFILE_ROLES have them, and stay unused otherwise. Consistent with the pole: a stage that follows its
 * age, pooled jobs where it has a venue, funding levels that add up to its budget less its self-financing.
 */
const ECONOMY_BY_ROLE: Readonly<Record<string, Answer>> = {
  annualBudget: (q, s) => within(q, s.budget),
  selfFinancing: (q, s) => within(q, s.selfFinancing),
  publicFunding: (q, s) => {
    const levels = partsOf(q.json.items).map((item) => String(item.value));
    const known = levels.filter((l) => Object.hasOwn(FUNDING_SHARES, l));
    const share = (l: string) => (known.length === levels.length ? FUNDING_SHARES[l] / known.reduce((t, k) => t + FUNDING_SHARES[k], 0) : 1 / levels.length);
    const publicPart = s.budget * (1 - s.selfFinancing / 100);
    return Object.fromEntries(levels.map((l) => [l, Math.round((publicPart * share(l)) / 100) * 100]));
  },
  jobsCreated: (q, _s, rng) => within(q, between(rng, 0, 6)),
  jobsKept: (q, _s, rng) => within(q, between(rng, 0, 12)),
  pooledJobs: (q, s, rng) => within(q, s.pole.venue ? 2 + rng() * 10 : rng() * 3),
  facilitationStaff: (q, s, rng) => within(q, age(s) < 5 ? 0.5 + rng() * 0.5 : 1 + rng() * 2),
  jointProjects: (q, s, rng) => within(q, age(s) < 5 ? between(rng, 1, 3) : between(rng, 3, 12)),
  territoryType: (q, s) => choiceNear(q, s.pole.territory),
  stage: (q, s) => choiceNear(q, age(s) < 5 ? 'emergence' : age(s) < 12 ? 'developpement' : 'consolidation', ['emergence', 'developpement', 'consolidation']),
  stateCall: (q, s, rng) => choiceNear(q, s.pole.founded <= 2012 && rng() < 0.3 ? '2013' : s.pole.founded <= 2014 && rng() < 0.4 ? '2015' : 'aucun'),
  employersGroup: (q, s, rng) => yes(q, s.pole.venue && rng() < 0.6),
  cressMember: (q, _s, rng) => yes(q, rng() < 0.7),
  rtesMember: (q, s, rng) => yes(q, s.authoritiesInGovernance && rng() < 0.5),
  caeLink: (q, _s, rng) => yes(q, rng() < 0.3),
};

/** Questions of the 2026 form that carry no role but describe the pole: the demo gives its own answer when a form has them. */
const BY_NAME: Record<string, Answer> = {
  region: (q, s) => choiceNear(q, s.pole.region),
  departement: (_q, s) => s.pole.departement,
  charteDesOrigines: (q, s) => yes(q, s.pole.charterFromStart),
  // The 2026 form asks for three economic figures without a role (the 2027 form declares them).
  autofinancement: ECONOMY_BY_ROLE.selfFinancing,
  emploisMutualises: ECONOMY_BY_ROLE.pooledJobs,
  projetsCommuns: ECONOMY_BY_ROLE.jointProjects,
  soutienCollectivites: (q, s) => {
    const support = (s.authoritiesInGovernance ? ['financier', 'technique', 'siege_gouvernance'] : ['financier', 'technique']).filter((v) => choiceValues(q).includes(v));
    return support.length ? support : undefined;
  },
};

/**
 * A plausible number for a question the demo does not know: amounts in euros in the tens or hundreds of thousands,
 * percentages between 10 and 70, counts (jobs, projects…) under 12; always within the question's bounds.
 */
function plausibleNumber(q: ModelQuestion, rng: Rng): number {
  const min = bound(q.json.min) ?? 0;
  const max = bound(q.json.max);
  const text = `${q.title} ${localized((q.json as { description?: unknown }).description)}`;
  let [low, high] = /€|euro/i.test(text) ? [40, 800] : /%|pourcentage|part d/i.test(text) || max === 100 ? [10, 70] : [0, 12];
  if (/€|euro/i.test(text)) return Math.min(max ?? Infinity, Math.max(min, between(rng, low, high) * 1000));
  if (max !== undefined) high = Math.min(high, max);
  low = Math.max(low, min);
  return between(rng, low, Math.max(low, high));
}

/** Any other question: an answer of its kind (the first choices of a list are as likely as the last). */
function plausible(q: ModelQuestion, rng: Rng): unknown {
  switch (q.type) {
    case 'radiogroup':
    case 'dropdown':
      return pick(rng, choiceValues(q));
    case 'checkbox': {
      const values = choiceValues(q);
      const chosen = values.filter(() => rng() < 0.4);
      return chosen.length ? chosen : [pick(rng, values)];
    }
    case 'boolean':
      return yes(q, rng() < 0.5);
    case 'rating':
      return between(rng, q.json.rateMin ?? 1, q.json.rateMax ?? 5);
    case 'text':
      return q.json.inputType === 'number' ? plausibleNumber(q, rng) : q.json.isRequired ? 'Texte de démonstration' : undefined;
    case 'multipletext':
      return Object.fromEntries(partsOf(q.json.items).map((item) => [String(item.value), between(rng, 0, 5)]));
    default:
      return undefined;
  }
}

/** The pole's profile for the campaign, in the campaign's profile form. */
export function demoProfile(q: Questionnaire, state: DemoPoleState, rng: Rng): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  const roleOf = new Map(Object.entries(q.profileModel.fields).map(([role, question]) => [question.name, role as ProfileRole]));
  for (const question of q.profileModel.questions) {
    if (!q.profileValidator.isVisible(question.name, data)) continue;
    const role = roleOf.get(question.name);
    const answer = role ? (BY_ROLE[role] ?? (Object.hasOwn(ECONOMY_BY_ROLE, role) ? ECONOMY_BY_ROLE[role] : undefined)) : Object.hasOwn(BY_NAME, question.name) ? BY_NAME[question.name] : undefined;
    const value = answer?.(question, state, rng) ?? plausible(question, rng);
    if (value !== undefined && value !== null) data[question.name] = value;
  }
  return data;
}
