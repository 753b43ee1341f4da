// Reads questionnaire versions from disk once, checks them, and compiles their validators once:
// every request then reuses the same compiled questionnaire.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { checkProfileForm, checkQuestionnaire, localized } from './check.ts';
import { compileValidator, type AnswerValidator } from './validator.ts';

type Json = Record<string, any>;

export interface CollegeChoice {
  id: string;
  label: string;
}

export interface Questionnaire {
  id: string;
  title: string;
  definition: Json;
  profileDefinition: Json;
  colleges: CollegeChoice[];
  validator: AnswerValidator;
  profileValidator: AnswerValidator;
}

export const DEFINITIONS_DIR = new URL('./definitions/', import.meta.url).pathname;


function findQuestion(json: Json, name: string): Json | undefined {
  const stack: Json[] = [...(json.pages ?? []), ...(json.elements ?? [])];
  while (stack.length) {
    const el = stack.pop()!;
    if (el.name === name && el.type && el.type !== 'panel') return el;
    if (el.elements) stack.push(...el.elements);
  }
  return undefined;
}

export function collegesOf(definition: Json): CollegeChoice[] {
  const q = findQuestion(definition, 'college');
  return (q?.choices ?? []).map((c: any) => (typeof c === 'object' ? { id: String(c.value), label: localized(c.text) || String(c.value) } : { id: String(c), label: String(c) }));
}

/** The profile form counts member structures per collège: its items (empty in the JSON) come from the questionnaire's collèges. */
function withCollegeItems(profile: Json, colleges: CollegeChoice[]): Json {
  const copy = structuredClone(profile);
  const q = findQuestion(copy, 'membresParCollege');
  if (q) q.items = colleges.map((c) => ({ name: c.id, title: c.label, inputType: 'number', min: 0, max: 10000 }));
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

export function compileQuestionnaire(id: string, definition: Json, profile: Json): Questionnaire {
  const problems = [...checkQuestionnaire(definition), ...checkProfileForm(profile).map((p) => ({ ...p, path: `profil.${p.path}` }))];
  if (problems.length) throw new QuestionnaireError(id, problems);
  const colleges = collegesOf(definition);
  const profileDefinition = withCollegeItems(profile, colleges);
  return {
    id,
    title: localized(definition.title) || id,
    definition,
    profileDefinition,
    colleges,
    validator: compileValidator(definition),
    profileValidator: compileValidator(profileDefinition),
  };
}

export function loadQuestionnaires(dir: string = DEFINITIONS_DIR): Map<string, Questionnaire> {
  const registry = new Map<string, Questionnaire>();
  for (const file of readdirSync(dir).sort()) {
    if (!file.endsWith('.json') || file.endsWith('.profile.json')) continue;
    const id = file.slice(0, -'.json'.length);
    const read = (f: string) => JSON.parse(readFileSync(join(dir, f), 'utf8'));
    registry.set(id, compileQuestionnaire(id, read(file), read(`${id}.profile.json`)));
  }
  return registry;
}
