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
  charter: CharterStep;
  /** Member structures per collège id. */
  members: Record<string, number>;
  /** Whether the local authorities sit in the pole's governance (besides funding and technical support, which all give). */
  authoritiesInGovernance: boolean;
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

/** Questions of the 2026 form that carry no role but describe the pole: the demo gives its own answer when a form has them. */
const BY_NAME: Record<string, Answer> = {
  region: (q, s) => choiceNear(q, s.pole.region),
  departement: (_q, s) => s.pole.departement,
  charteDesOrigines: (q, s) => yes(q, s.pole.charterFromStart),
  soutienCollectivites: (q, s) => {
    const support = (s.authoritiesInGovernance ? ['financier', 'technique', 'siege_gouvernance'] : ['financier', 'technique']).filter((v) => choiceValues(q).includes(v));
    return support.length ? support : undefined;
  },
};

/** Bounds of a number question as written (either may be absent). */
const bound = (v: unknown): number | undefined => (v === undefined || v === null || v === '' || !Number.isFinite(Number(v)) ? undefined : Number(v));

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
    const answer = role ? BY_ROLE[role] : Object.hasOwn(BY_NAME, question.name) ? BY_NAME[question.name] : undefined;
    const value = answer?.(question, state, rng) ?? plausible(question, rng);
    if (value !== undefined && value !== null) data[question.name] = value;
  }
  return data;
}
