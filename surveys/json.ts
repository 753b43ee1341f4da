// Reading a SurveyJS definition as plain JSON: no SurveyJS, no Node, so the staff pages and the server share it.
type Json = Record<string, any>;

/** A SurveyJS text: a string, or localised strings ({ fr, default, … }). */
export function localized(text: unknown): string {
  if (typeof text === 'string') return text;
  if (text && typeof text === 'object') return String((text as Json).fr ?? (text as Json).default ?? '');
  return '';
}

/** The question of that name, in pages, panels and dynamic panels' templates; a panel never matches. */
export function findQuestion(definition: Json | null | undefined, name: string): Json | undefined {
  if (!definition) return undefined;
  const stack: Json[] = [...(definition.pages ?? []), ...(definition.elements ?? [])];
  while (stack.length) {
    const el = stack.pop()!;
    if (!el || typeof el !== 'object') continue;
    if (el.name === name && el.type && el.type !== 'panel' && el.type !== 'page') return el;
    for (const nested of [el.elements, el.templateElements]) if (Array.isArray(nested)) stack.push(...nested);
  }
  return undefined;
}

export interface CollegeChoice {
  id: string;
  label: string;
}

/** The collèges a questionnaire offers: the choices of its `college` question, in order. */
export function collegesOf(definition: Json | null | undefined): CollegeChoice[] {
  const q = findQuestion(definition, 'college');
  if (!Array.isArray(q?.choices)) return [];
  return q.choices.flatMap((c: unknown): CollegeChoice[] => {
    if (typeof c === 'string' || typeof c === 'number') return [{ id: String(c), label: String(c) }];
    if (c && typeof c === 'object' && (c as Json).value !== undefined && (c as Json).value !== null) {
      const id = String((c as Json).value);
      return [{ id, label: localized((c as Json).text) || id }];
    }
    return [];
  });
}
