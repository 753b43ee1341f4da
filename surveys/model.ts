// A questionnaire definition compiled once into a typed model: its questions (with the conditions that show them),
// scored items with their `ptce` metadata, themes, dimensions, collèges, free-text questions and respondent-profile
// questions; and a pole profile form compiled into its questions and the facts it holds, by role.
// Pure and browser-safe (no survey-core, no Node): validation, scoring, exports, reports and the staff pages read
// this, never the raw JSON. Loading from disk is registry.ts; checking the raw JSON is check.ts.
import { collegesOf, localized, walkElements, type CollegeChoice, type ElementRef, type RawJson } from './json.ts';
import {
  isRespondentMeta, themeRole, PROFILE_ROLES,
  type Factor, type Polarity, type ProfileFactKind, type ProfileRole, type PtceItemMeta, type PtceRespondentMeta, type PtceSurveyMeta,
} from './metadata.ts';

/** Value of the "don't know / not concerned" column of the agreement scale (left out of scores). */
export const NOT_APPLICABLE = 'nsp';
export const AGREEMENT_VALUES: readonly number[] = [1, 2, 3, 4, 5];
export const MATURITY_VALUES: readonly number[] = [0, 1, 2, 3];

/** The properties of a SurveyJS question the service reads; anything else is SurveyJS's business. */
export interface QuestionJson {
  type: string;
  name: string;
  title?: unknown;
  visible?: boolean;
  isRequired?: boolean;
  isAllRowRequired?: boolean;
  choices?: unknown[];
  rows?: unknown[];
  columns?: unknown[];
  items?: unknown[];
  inputType?: string;
  min?: unknown;
  max?: unknown;
  maxLength?: number;
  rateMin?: number;
  rateMax?: number;
  rateStep?: number;
  rateValues?: unknown[];
  valueTrue?: unknown;
  valueFalse?: unknown;
  showOtherItem?: boolean;
  hasOther?: boolean;
  showNoneItem?: boolean;
  hasNone?: boolean;
  showCommentArea?: boolean;
  hasComment?: boolean;
  ptce?: unknown;
}

export interface ModelQuestion {
  name: string;
  type: string;
  /** The title as respondents read it (French), else the name. */
  title: string;
  json: QuestionJson;
  /** `visibleIf` of its page, panels and its own, outermost first. */
  conditions: readonly string[];
}

/** A choice, matrix row or column, or multipletext item: its stored value (or name) and its label. */
export interface Part {
  value: unknown;
  label: string;
  json: RawJson | null;
}

export type ScaleKind = 'agreement' | 'maturity' | 'rating';

export interface ModelItem {
  /** Question name, or `${question}.${row}` for a matrix row. */
  key: string;
  question: string;
  row?: string;
  /** The statement as respondents read it (matrix row text, or question title). */
  label: string;
  theme: string;
  dimension: string;
  seedRef: string;
  polarity: Polarity;
  factor: Factor;
  scale: ScaleKind;
  /** Lowest and highest score of the item's scale ("nsp" is not a score). */
  min: number;
  max: number;
}

export interface ModelTheme {
  id: string;
  /** What the options catalogue calls it (its `role`, else its id). */
  role: string;
  /** The roles of the themes it took over (PtceThemeMeta.alsoRoles): their options reach it too. */
  alsoRoles?: readonly string[];
  label: string;
  dimension: string;
  factor: Factor;
  seedRefs: string[];
  /** Indexes into `items`. */
  items: number[];
}

export interface ModelDimension {
  id: string;
  label: string;
  factor: Factor;
}

/** A respondent-profile question: a quasi-identifier (exports generalise it, reports never show it alone). */
export interface QuasiIdentifierQuestion {
  name: string;
  question: ModelQuestion;
  /** Its `ptce` mark; absent for an unmarked question of PROFILE_QUASI_IDENTIFIERS. */
  meta?: PtceRespondentMeta;
}

export interface QuestionnaireModel {
  title: string;
  /** Every question (never a panel, page or valueless block), in display order. */
  questions: ModelQuestion[];
  items: ModelItem[];
  itemIndex: ReadonlyMap<string, number>;
  themes: ModelTheme[];
  dimensions: ModelDimension[];
  colleges: CollegeChoice[];
  /** Free-text questions (comments), whose answers become verbatims. */
  freeText: { name: string; label: string }[];
  quasiIdentifiers: QuasiIdentifierQuestion[];
}

const isObject = (v: unknown): v is RawJson => v !== null && typeof v === 'object' && !Array.isArray(v);

/** Choices, rows, columns or items as written (strings, numbers, or objects with value/name and text/title). */
export function partsOf(list: unknown): Part[] {
  if (!Array.isArray(list)) return [];
  return list.map((p): Part => {
    if (!isObject(p)) return { value: p, label: String(p), json: null };
    const value = 'value' in p ? p.value : p.name;
    return { value, label: localized(p.text ?? p.title) || String(value), json: p };
  });
}

/** Values a choice question may store: its choices, plus « other » / « none » when offered. */
export function storedChoiceValues(q: QuestionJson): unknown[] {
  const values = partsOf(q.choices).map((c) => c.value);
  if (q.showOtherItem || q.hasOther) values.push('other');
  if (q.showNoneItem || q.hasNone) values.push('none');
  return values;
}

/** Whether SurveyJS stores a companion text `${name}-Comment` (the "other" precision, or a comment area). */
export const hasCompanionComment = (q: QuestionJson): boolean => !!(q.showOtherItem || q.hasOther || q.showCommentArea || q.hasComment);

export interface Scale {
  kind: ScaleKind;
  min: number;
  max: number;
}

/**
 * The score scale of a list of choices or matrix columns: the agreement scale (1 to 5 plus "nsp")
 * or the maturity ladder (0 to 3). Returns an error message (French) otherwise.
 */
export function choicesScale(items: unknown): Scale | string {
  if (!Array.isArray(items) || items.length === 0) return 'aucune valeur de réponse définie';
  const values = partsOf(items).map((p) => p.value);
  const numbers = values.filter((v) => v !== NOT_APPLICABLE);
  const hasNsp = numbers.length < values.length;
  const same = (expected: readonly number[]) =>
    numbers.length === expected.length && expected.every((n) => numbers.some((v) => v === n));
  const shown = values.map((v) => JSON.stringify(v)).join(', ');
  if (same(AGREEMENT_VALUES)) {
    if (!hasNsp || values.length !== 6) {
      return `l’échelle d’accord doit avoir les valeurs 1 à 5 et « ${NOT_APPLICABLE} » (trouvé : ${shown})`;
    }
    return { kind: 'agreement', min: 1, max: 5 };
  }
  if (same(MATURITY_VALUES) && !hasNsp) return { kind: 'maturity', min: 0, max: 3 };
  return `échelle non reconnue (${shown}) : attendu l’échelle d’accord (1 à 5 et « ${NOT_APPLICABLE} ») ou l’échelle de maturité (0 à 3)`;
}

/** The scale of a scored rating question, or an error message (French). */
export function ratingScale(q: QuestionJson): Scale | string {
  if (q.rateValues !== undefined) return 'les questions « rating » notées doivent utiliser rateMin/rateMax, pas rateValues';
  const { rateMin, rateMax } = q;
  if (!Number.isInteger(rateMin) || !Number.isInteger(rateMax)) {
    return 'les questions « rating » notées doivent définir rateMin et rateMax (entiers)';
  }
  if (rateMin! >= rateMax!) return `rateMin (${rateMin}) doit être inférieur à rateMax (${rateMax})`;
  return { kind: 'rating', min: rateMin!, max: rateMax! };
}

/** Element types that hold no answer, and containers. */
const NOT_QUESTIONS = new Set(['panel', 'html', 'image', 'expression']);

/** The questions among walked elements: named, typed, not containers or valueless blocks. */
function questionsOf(refs: readonly ElementRef[]): ModelQuestion[] {
  return refs.flatMap(({ element, conditions }): ModelQuestion[] => {
    if (typeof element.type !== 'string' || NOT_QUESTIONS.has(element.type) || typeof element.name !== 'string' || !element.name) return [];
    const json = element as QuestionJson;
    return [{ name: json.name, type: json.type, title: localized(json.title) || json.name, json, conditions }];
  });
}

/** Respondent-profile questions that are quasi-identifiers even when the definition does not mark them. */
export const PROFILE_QUASI_IDENTIFIERS: readonly string[] = ['college', 'position', 'anciennete', 'siegeInstance'];

const asItemMeta = (meta: unknown): PtceItemMeta | null => (isObject(meta) && !isRespondentMeta(meta) ? (meta as PtceItemMeta) : null);

function scoredItems(questions: readonly ModelQuestion[], factorOf: ReadonlyMap<string, Factor>): ModelItem[] {
  const items: ModelItem[] = [];
  const push = (key: string, question: string, row: string | undefined, label: string, meta: PtceItemMeta, scale: Scale) =>
    items.push({
      key, question, row, label, theme: meta.theme, dimension: meta.dimension, seedRef: meta.seedRef, polarity: meta.polarity,
      factor: factorOf.get(meta.dimension) ?? meta.factor, scale: scale.kind, min: scale.min, max: scale.max,
    });
  for (const q of questions) {
    if (q.type === 'matrix') {
      const scale = choicesScale(q.json.columns);
      if (typeof scale === 'string') continue;
      for (const row of partsOf(q.json.rows)) {
        const meta = asItemMeta(row.json?.ptce);
        if (!meta) continue;
        const rowKey = String(row.value);
        push(`${q.name}.${rowKey}`, q.name, rowKey, row.label || rowKey, meta, scale);
      }
    } else if (q.type === 'radiogroup' || q.type === 'rating') {
      const meta = asItemMeta(q.json.ptce);
      if (!meta) continue;
      const scale = q.type === 'rating' ? ratingScale(q.json) : choicesScale(q.json.choices);
      if (typeof scale !== 'string') push(q.name, q.name, undefined, q.title, meta, scale);
    }
  }
  return items;
}

/** Compiles a definition (uncached: see questionnaireModel); anything but an object compiles to an empty model. */
export function compileModel(input: unknown): QuestionnaireModel {
  const definition: RawJson = isObject(input) ? input : {};
  const meta: Partial<PtceSurveyMeta> = isObject(definition.ptce) ? definition.ptce : {};
  const dimensions: ModelDimension[] = (meta.dimensions ?? []).map((d) => ({ id: d.id, label: d.label, factor: d.factor }));
  const factorOf = new Map(dimensions.map((d) => [d.id, d.factor]));
  const questions = questionsOf(walkElements(definition));
  const items = scoredItems(questions, factorOf);
  const themes: ModelTheme[] = (meta.themes ?? []).map((t) => ({
    id: t.id, role: themeRole(t), label: t.label, dimension: t.dimension, factor: factorOf.get(t.dimension) ?? 'internal', seedRefs: t.seedRefs,
    ...(t.alsoRoles?.length ? { alsoRoles: [...t.alsoRoles] } : {}),
    items: items.flatMap((item, i) => (item.theme === t.id ? [i] : [])),
  }));
  const quasiIdentifiers = questions.flatMap((q): QuasiIdentifierQuestion[] => {
    if (isRespondentMeta(q.json.ptce)) return [{ name: q.name, question: q, meta: q.json.ptce }];
    return PROFILE_QUASI_IDENTIFIERS.includes(q.name) ? [{ name: q.name, question: q }] : [];
  });
  return {
    title: localized(definition.title),
    questions,
    items,
    itemIndex: new Map(items.map((item, i) => [item.key, i])),
    themes,
    dimensions,
    colleges: collegesOf(definition),
    freeText: questions.filter((q) => q.type === 'comment').map((q) => ({ name: q.name, label: q.title })),
    quasiIdentifiers,
  };
}

const models = new WeakMap<object, QuestionnaireModel>();

/** The model of a definition, compiled on first use and then shared (definitions are immutable once loaded). */
export function questionnaireModel(definition: RawJson): QuestionnaireModel {
  let model = models.get(definition);
  if (!model) {
    model = compileModel(definition);
    models.set(definition, model);
  }
  return model;
}

// ───────────── The pole profile form ─────────────

export interface ProfileModel {
  questions: ModelQuestion[];
  /** The question holding each fact the service reads, by role (`"ptce": { "role": … }`). */
  fields: Partial<Record<ProfileRole, ModelQuestion>>;
}

type FactValue<K extends ProfileFactKind> = K extends 'choice'
  ? string | null
  : K extends 'choices'
    ? string[] | null
    : K extends 'yesNo'
      ? boolean | null
      : K extends 'year' | 'number'
        ? number | null
        : Record<string, number>;

/**
 * What the service knows of a pole from its profile answers, one entry per role of PROFILE_ROLES: null (an empty
 * record for amounts) when the form has no question for it or the pole left it blank. E.g. `legalForm`, `charter`
 * (the 2026 form: `aucune`, `en_cours`, `adoptee`), `venue`, `membersPerCollege` (structures per collège id),
 * `publicFunding` (euros per level), `annualBudget`…
 */
export type PoleFacts = { -readonly [R in ProfileRole]: FactValue<(typeof PROFILE_ROLES)[R]['kind']> };

const roleOf = (q: ModelQuestion): ProfileRole | null => {
  const role = isObject(q.json.ptce) ? q.json.ptce.role : undefined;
  return typeof role === 'string' && Object.hasOwn(PROFILE_ROLES, role) ? (role as ProfileRole) : null;
};

const profiles = new WeakMap<object, ProfileModel>();

export function profileModel(profile: RawJson): ProfileModel {
  let model = profiles.get(profile);
  if (!model) {
    const questions = questionsOf(walkElements(profile));
    const fields: ProfileModel['fields'] = {};
    for (const q of questions) {
      const role = roleOf(q);
      if (role && !fields[role]) fields[role] = q;
    }
    model = { questions, fields };
    profiles.set(profile, model);
  }
  return model;
}

/** A number as SurveyJS stores it (a number, or the text of a number input). */
const numberOf = (value: unknown): number | null => {
  const n = typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' ? Number(value) : NaN;
  return Number.isFinite(n) ? n : null;
};

export function poleFacts(model: ProfileModel, data: Readonly<Record<string, unknown>> | null | undefined): PoleFacts {
  const facts: Record<string, unknown> = {};
  for (const role of Object.keys(PROFILE_ROLES) as ProfileRole[]) {
    const q = model.fields[role];
    const value = q && data ? data[q.name] : undefined;
    facts[role] = readFact(PROFILE_ROLES[role].kind, value, q?.json);
  }
  return facts as PoleFacts;
}

/** A pole whose profile gives no fact (nothing filled in): the base of a pole's facts written by hand. */
export const NO_POLE_FACTS: Readonly<PoleFacts> = Object.freeze(poleFacts({ questions: [], fields: {} }, null));

function readFact(kind: ProfileFactKind, value: unknown, question: QuestionJson | undefined): unknown {
  switch (kind) {
    case 'choice':
      return typeof value === 'string' ? value : null;
    case 'choices':
      return Array.isArray(value) ? value.filter((v): v is string => typeof v === 'string') : null;
    // A boolean question stores its valueTrue / valueFalse when the form sets them, true / false otherwise.
    case 'yesNo':
      return value === (question?.valueTrue ?? true) ? true : value === (question?.valueFalse ?? false) ? false : null;
    case 'year': {
      const year = numberOf(value);
      return year !== null && Number.isInteger(year) ? year : null;
    }
    case 'number':
      return numberOf(value);
    case 'amounts':
      return isObject(value)
        ? Object.fromEntries(Object.entries(value).flatMap(([key, v]) => {
            const n = numberOf(v);
            return n === null ? [] : [[key, n]];
          }))
        : {};
  }
}
