// Importing a questionnaire version, as a function (deps, input) → result: the route validates the body's shape,
// checks the admin, calls it and presents the summary; the import is in the audit trail. Tests:
// test/unit/commands-questionnaires.test.ts.
import type { AppDeps } from '../context.ts';
import type { User } from '../db/index.ts';
import { ApiError } from '../errors.ts';
import type { RawJson } from '../../surveys/json.ts';
import { compileQuestionnaire, QuestionnaireError, type Questionnaire } from '../../surveys/registry.ts';

export interface ImportQuestionnaireInput {
  id: string;
  definition: RawJson;
  /** The pole profile form; by default, the newest version's. */
  profile?: RawJson;
  renamed?: Record<string, string>;
}

const refused = (details: { path: string; message: string }[]) =>
  new ApiError(422, 'invalid_questionnaire', `Questionnaire invalide (${details.length} problème${details.length > 1 ? 's' : ''}).`, details);

/**
 * Checks the definition as at start-up (structure, `ptce` metadata, options catalogue coverage by theme role,
 * renamed items), stores it and makes it available at once. Versions are immutable: a taken id is refused (409).
 */
export function importQuestionnaire(deps: AppDeps, user: User, input: ImportQuestionnaireInput): Questionnaire {
  if (deps.questionnaires.has(input.id)) {
    throw new ApiError(409, 'questionnaire_exists', `Le questionnaire ${input.id} existe déjà : une version ne se modifie pas (une campagne la fige), importez-la sous un nouvel identifiant.`);
  }
  // Without a profile form, the newest version's one (the last added to the registry) is reused.
  const newest = [...deps.questionnaires.values()].at(-1);
  if (!input.profile && !newest) throw refused([{ path: 'profile', message: 'Aucune version existante dont reprendre le formulaire de profil : fournissez « profile ».' }]);
  const profile = input.profile ?? structuredClone(newest!.profile);
  const renamed = input.renamed ?? {};
  let questionnaire: Questionnaire;
  try {
    questionnaire = compileQuestionnaire(input.id, input.definition, profile, renamed);
  } catch (err) {
    if (err instanceof QuestionnaireError) throw refused(err.problems);
    throw err;
  }
  deps.repos.transaction(() => {
    // The compiled copy, markup sanitized: the database never holds what SurveyJS must not render.
    deps.repos.questionnaires.create({ id: input.id, definition: questionnaire.definition, profile: questionnaire.profile, renamed, createdAt: deps.now().toISOString(), createdBy: user.id });
    deps.repos.audit.record({ at: deps.now(), actor: user, action: 'questionnaire.imported', target: { type: 'questionnaire', id: input.id }, detail: questionnaire.title });
  });
  deps.questionnaires.set(questionnaire.id, questionnaire);
  return questionnaire;
}
