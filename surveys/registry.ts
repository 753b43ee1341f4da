// Reads questionnaire versions from disk (and, through the server, those imported by the API) once, checks them,
// and compiles their validators once: every request then reuses the same compiled questionnaire.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProfileForm, checkQuestionnaire, type CheckIssue } from './check.ts';
import type { CollegeChoice, RawJson } from './json.ts';
import { profileModel, questionnaireModel, type ProfileModel, type QuestionnaireModel } from './model.ts';
import { compileValidator, type AnswerValidator } from './validator.ts';
import { sanitizeDefinition } from './sanitize.ts';

type Json = RawJson;

export interface Questionnaire {
  id: string;
  title: string;
  definition: Json;
  /** The pole profile form as written (its collège items come from `colleges` in `profileDefinition`). */
  profile: Json;
  profileDefinition: Json;
  /**
   * Items renamed since the previous versions: key in this version (question name, or `question.row`) → key
   * in the previous ones. Used by the year-over-year evolution; empty for most versions.
   */
  renamed: Record<string, string>;
  colleges: CollegeChoice[];
  /** The definition compiled: items, themes, collèges, questions (surveys/model.ts). */
  model: QuestionnaireModel;
  /** The profile form (with its collège items) compiled: its questions and the pole facts by role. */
  profileModel: ProfileModel;
  validator: AnswerValidator;
  profileValidator: AnswerValidator;
}

export const DEFINITIONS_DIR = new URL('./definitions/', import.meta.url).pathname;


/**
 * The profile form counts member structures per collège: the items of its `membersPerCollege` question (empty in the
 * JSON) come from the questionnaire's collèges.
 */
function withCollegeItems(profile: Json, colleges: CollegeChoice[]): Json {
  const copy = structuredClone(profile);
  const q = profileModel(copy).fields.membersPerCollege;
  if (q) q.json.items = colleges.map((c) => ({ name: c.id, title: c.label, inputType: 'number', min: 0, max: 10000 }));
  return copy;
}

export class QuestionnaireError extends Error {
  constructor(
    public readonly id: string,
    public readonly problems: { path: string; message: string }[],
  ) {
    super(`Questionnaire ${id} invalide : ${problems.map((p) => `${p.path} ${p.message}`).join(' ; ')}`);
  }
}

/**
 * Checks a renamed-items mapping against the new definition: each key must be a scored item of it (a question
 * name, or `question.row` for a matrix row) or the name of a question holding scored items; values are old keys.
 */
export function checkRenamed(definition: Json, renamed: unknown): CheckIssue[] {
  if (renamed === undefined || renamed === null) return [];
  if (typeof renamed !== 'object' || Array.isArray(renamed)) return [{ path: 'renamed', message: 'La correspondance des questions renommées doit être un objet { nouvelle clé: ancienne clé }.' }];
  const { items } = questionnaireModel(definition);
  const known = new Set([...items.map((i) => i.key), ...items.map((i) => i.question)]);
  const issues: CheckIssue[] = [];
  for (const [key, old] of Object.entries(renamed)) {
    const path = `renamed[${JSON.stringify(key)}]`;
    if (!known.has(key)) {
      issues.push({ path, message: `La clé « ${key} » n’est ni une question notée ni une ligne de matrice notée de ce questionnaire (attendu : nom de question, ou « question.ligne »).` });
    }
    if (typeof old !== 'string' || old.trim() === '') issues.push({ path, message: `Ancienne clé manquante pour « ${key} ».` });
  }
  return issues;
}

/**
 * Checks and compiles a version. Its markup is sanitized first, whatever its source (file, database, import): SurveyJS
 * renders it raw on the respondents' and the staff's pages, and only the sanitized copy is kept.
 */
export function compileQuestionnaire(id: string, rawDefinition: Json, rawProfile: Json, renamed: Record<string, string> = {}): Questionnaire {
  const definition = sanitizeDefinition(rawDefinition);
  const profile = sanitizeDefinition(rawProfile);
  const problems = [
    ...checkQuestionnaire(definition),
    ...checkProfileForm(profile).map((p) => ({ ...p, path: `profil.${p.path}` })),
  ];
  // The mapping names items of the definition: only meaningful once the definition itself is sound.
  if (!problems.length) problems.push(...checkRenamed(definition, renamed));
  if (problems.length) throw new QuestionnaireError(id, problems);
  const model = questionnaireModel(definition);
  const profileDefinition = withCollegeItems(profile, model.colleges);
  const profileForm = profileModel(profileDefinition);
  return {
    id,
    title: model.title || id,
    definition,
    profile,
    profileDefinition,
    renamed: { ...renamed },
    colleges: model.colleges,
    model,
    profileModel: profileForm,
    validator: compileValidator(model.questions),
    profileValidator: compileValidator(profileForm.questions),
  };
}

/**
 * Adds the versions imported through the API (after the file ones, in import order). An id taken by both a file
 * and a stored version is refused: versions are immutable and campaigns refer to them by id.
 */
export function addStoredQuestionnaires(
  registry: Map<string, Questionnaire>,
  stored: readonly { id: string; definition: Json; profile: Json; renamed: Record<string, string> }[],
): Map<string, Questionnaire> {
  for (const v of stored) {
    if (registry.has(v.id)) {
      throw new Error(`Questionnaire ${v.id} : une version importée porte le même identifiant qu’un fichier de surveys/definitions ; retirez le fichier (les versions sont immuables).`);
    }
    registry.set(v.id, compileQuestionnaire(v.id, v.definition, v.profile, v.renamed));
  }
  return registry;
}

/** Files beside a definition `<id>.json`: its profile form (required) and its renamed-items mapping (optional). */
const COMPANION_SUFFIXES = ['.profile.json', '.renamed.json'];

/**
 * Reads every version of a folder: `<id>.json`, its profile form `<id>.profile.json` and, when the version renamed
 * items of an earlier one, `<id>.renamed.json` ({ key in this version: key in the earlier ones }), checked by
 * checkRenamed like an imported version's mapping.
 */
export function loadQuestionnaires(dir: string = DEFINITIONS_DIR): Map<string, Questionnaire> {
  const registry = new Map<string, Questionnaire>();
  const files = readdirSync(dir).sort();
  for (const file of files) {
    if (!file.endsWith('.json') || COMPANION_SUFFIXES.some((suffix) => file.endsWith(suffix))) continue;
    const id = file.slice(0, -'.json'.length);
    const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
    const renamedFile = `${id}.renamed.json`;
    const renamed = files.includes(renamedFile) ? read(renamedFile) : {};
    registry.set(id, compileQuestionnaire(id, read(file), read(`${id}.profile.json`), renamed));
  }
  return registry;
}
