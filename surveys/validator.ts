// Server-side validation of answers, compiled once per questionnaire version from its SurveyJS JSON.
// survey-core's Model is far too slow to build per request and does not reject out-of-range values,
// so we compile each question into a plain check and reuse survey-core only for `visibleIf` conditions.
import { ConditionRunner } from 'survey-core';
import { hasCompanionComment, partsOf, storedChoiceValues, type ModelQuestion, type QuestionJson } from './model.ts';

export interface ValidationIssue {
  question: string;
  message: string;
}

export type ValidationMode = 'draft' | 'submit';

type ValueCheck = (value: unknown) => string | null;

interface CompiledQuestion {
  name: string;
  required: boolean;
  /** The question's own condition and those of the panels and page holding it. */
  conditions: ConditionRunner[];
  check: ValueCheck;
  /** Extra data keys SurveyJS stores beside the value (the "other" comment). */
  companionKeys: string[];
}

export interface AnswerValidator {
  questionNames: readonly string[];
  validate(data: unknown, mode: ValidationMode): ValidationIssue[];
  isVisible(name: string, data: Record<string, unknown>): boolean;
}

const MAX_TEXT = 1000;
const MAX_COMMENT = 5000;

const choiceValues = (q: QuestionJson): Set<unknown> => new Set(storedChoiceValues(q));
const partValues = (list: unknown): Set<unknown> => new Set(partsOf(list).map((p) => p.value));

const isEmpty = (v: unknown): boolean =>
  v === undefined || v === null || v === '' || (Array.isArray(v) && v.length === 0) ||
  (typeof v === 'object' && !Array.isArray(v) && Object.keys(v as object).length === 0);

function stringCheck(max: number): ValueCheck {
  return (v) => (typeof v !== 'string' ? 'Une réponse textuelle est attendue.' : v.length > max ? `Réponse trop longue (${max} caractères au plus).` : null);
}

function numberCheck(min: number | undefined, max: number | undefined): ValueCheck {
  return (v) => {
    const n = typeof v === 'string' && v.trim() !== '' ? Number(v) : v;
    if (typeof n !== 'number' || !Number.isFinite(n)) return 'Un nombre est attendu.';
    if (min !== undefined && n < min) return `La valeur doit être au moins ${min}.`;
    if (max !== undefined && n > max) return `La valeur doit être au plus ${max}.`;
    return null;
  };
}

const num = (v: unknown): number | undefined => (v === undefined || v === null || v === '' ? undefined : Number(v));

function textCheck(q: Pick<QuestionJson, 'inputType' | 'min' | 'max' | 'maxLength'>): ValueCheck {
  if (q.inputType === 'number' || q.inputType === 'range') return numberCheck(num(q.min), num(q.max));
  return stringCheck(q.maxLength && q.maxLength > 0 ? q.maxLength : MAX_TEXT);
}

function compileCheck(q: QuestionJson): ValueCheck {
  switch (q.type) {
    case 'radiogroup':
    case 'dropdown': {
      const allowed = choiceValues(q);
      return (v) => (allowed.has(v) ? null : 'Cette réponse ne fait pas partie des choix proposés.');
    }
    case 'checkbox': {
      const allowed = choiceValues(q);
      return (v) => {
        if (!Array.isArray(v)) return 'Une liste de choix est attendue.';
        if (new Set(v).size !== v.length) return 'Un choix est répété.';
        return v.every((x) => allowed.has(x)) ? null : 'Un choix ne fait pas partie des choix proposés.';
      };
    }
    case 'boolean': {
      const allowed = new Set<unknown>([q.valueTrue ?? true, q.valueFalse ?? false]);
      return (v) => (allowed.has(v) ? null : 'Oui ou non est attendu.');
    }
    case 'rating': {
      const values = Array.isArray(q.rateValues) && q.rateValues.length ? partValues(q.rateValues) : null;
      const min = num(q.rateMin) ?? 1;
      const max = num(q.rateMax) ?? 5;
      const step = num(q.rateStep) ?? 1;
      return (v) => {
        if (values) return values.has(v) ? null : 'Cette note ne fait pas partie de l’échelle.';
        return typeof v === 'number' && v >= min && v <= max && Number.isInteger((v - min) / step)
          ? null
          : `Une note entre ${min} et ${max} est attendue.`;
      };
    }
    case 'text':
      return textCheck(q);
    case 'comment':
      return stringCheck(q.maxLength && q.maxLength > 0 ? q.maxLength : MAX_COMMENT);
    case 'matrix': {
      const rows = partValues(q.rows);
      const columns = partValues(q.columns);
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'Une réponse par ligne est attendue.';
        for (const [row, cell] of Object.entries(v)) {
          if (!rows.has(row)) return `Ligne inconnue : « ${row} ».`;
          if (!columns.has(cell)) return `Réponse hors de l’échelle pour la ligne « ${row} ».`;
        }
        if (q.isAllRowRequired && Object.keys(v).length < rows.size) return 'Merci de répondre à chaque ligne.';
        return null;
      };
    }
    case 'multipletext': {
      const items = new Map<string, ValueCheck>(partsOf(q.items).map((item) => [String(item.value), textCheck(item.json ?? {})]));
      return (v) => {
        if (v === null || typeof v !== 'object' || Array.isArray(v)) return 'Une réponse par champ est attendue.';
        for (const [key, cell] of Object.entries(v)) {
          const check = items.get(key);
          if (!check) return `Champ inconnu : « ${key} ».`;
          const problem = cell === null || cell === '' ? null : check(cell);
          if (problem) return `${key} : ${problem}`;
        }
        return null;
      };
    }
    default:
      throw new Error(`Type de question non pris en charge par la validation : ${q.type}`);
  }
}

function compileQuestions(questions: readonly ModelQuestion[]): CompiledQuestion[] {
  // Conditions repeat (a page's or a panel's for all its questions): each expression is parsed once.
  const runners = new Map<string, ConditionRunner>();
  const runner = (expression: string) => {
    let r = runners.get(expression);
    if (!r) runners.set(expression, (r = new ConditionRunner(expression)));
    return r;
  };
  return questions
    .filter((q) => q.json.visible !== false)
    .map((q) => ({
      name: q.name,
      required: q.json.isRequired === true,
      conditions: q.conditions.map(runner),
      check: compileCheck(q.json),
      companionKeys: hasCompanionComment(q.json) ? [`${q.name}-Comment`] : [],
    }));
}

export function compileValidator(model: readonly ModelQuestion[]): AnswerValidator {
  const questions = compileQuestions(model);
  const byName = new Map(questions.map((q) => [q.name, q]));
  const companions = new Map<string, CompiledQuestion>();
  for (const q of questions) for (const key of q.companionKeys) companions.set(key, q);

  const visible = (q: CompiledQuestion, data: Record<string, unknown>) => q.conditions.every((c) => c.runValues(data));

  return {
    questionNames: questions.map((q) => q.name),
    isVisible(name, data) {
      const q = byName.get(name);
      return q ? visible(q, data) : false;
    },
    validate(raw, mode) {
      if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) {
        return [{ question: '', message: 'Les réponses doivent être un objet.' }];
      }
      const data = raw as Record<string, unknown>;
      const issues: ValidationIssue[] = [];
      for (const [key, value] of Object.entries(data)) {
        const companion = companions.get(key);
        if (companion) {
          if (typeof value !== 'string' || value.length > MAX_TEXT) issues.push({ question: key, message: 'Précision trop longue ou invalide.' });
          continue;
        }
        const q = byName.get(key);
        if (!q) {
          issues.push({ question: key, message: 'Question inconnue dans ce questionnaire.' });
          continue;
        }
        if (isEmpty(value)) continue;
        const problem = q.check(value);
        if (problem) issues.push({ question: key, message: problem });
      }
      if (mode === 'submit') {
        for (const q of questions) {
          const shown = visible(q, data);
          const empty = isEmpty(data[q.name]);
          if (!shown && !empty) issues.push({ question: q.name, message: 'Cette question est masquée par vos réponses précédentes : elle ne doit pas avoir de réponse.' });
          else if (shown && empty && q.required) issues.push({ question: q.name, message: 'Réponse obligatoire.' });
        }
      }
      return issues;
    },
  };
}
