// Reading a SurveyJS definition as plain JSON: no SurveyJS, no Node, so the staff pages and the server share it.
// This is where raw questionnaire JSON enters the code: everything past surveys/model.ts reads the typed model.

/** SurveyJS JSON as written (a file, a database row, an import): untyped until checked and compiled. */
export type RawJson = Record<string, any>;

const isObject = (v: unknown): v is RawJson => v !== null && typeof v === 'object' && !Array.isArray(v);

/** A SurveyJS text: a string, or localised strings ({ fr, default, … }). */
export function localized(text: unknown): string {
  if (typeof text === 'string') return text;
  if (isObject(text)) return String(text.fr ?? text.default ?? '');
  return '';
}

export interface ElementRef {
  /** The element as written; `{}` when the definition holds something that is not an object there. */
  element: RawJson;
  /** Where it is, e.g. `pages[1].elements[0].elements[2]`. */
  path: string;
  /** The `visibleIf` of its page, of the panels holding it and its own, outermost first. */
  conditions: readonly string[];
}

/**
 * The one walk over a definition's elements: pages, then their elements depth first (a panel before its content),
 * in display order. A survey without pages may hold its elements directly (SurveyJS makes one page of them).
 */
export function walkElements(definition: unknown): ElementRef[] {
  const out: ElementRef[] = [];
  if (!isObject(definition)) return out;
  const withCondition = (conditions: readonly string[], owner: RawJson) =>
    typeof owner.visibleIf === 'string' && owner.visibleIf.trim() !== '' ? [...conditions, owner.visibleIf] : conditions;
  const visit = (elements: unknown, path: string, conditions: readonly string[]): void => {
    if (!Array.isArray(elements)) return;
    elements.forEach((element, i) => {
      const p = `${path}[${i}]`;
      if (!isObject(element)) {
        out.push({ element: {}, path: p, conditions });
        return;
      }
      const own = withCondition(conditions, element);
      out.push({ element, path: p, conditions: own });
      if (element.type === 'panel') visit(element.elements, `${p}.elements`, own);
    });
  };
  if (Array.isArray(definition.pages)) {
    definition.pages.forEach((page: unknown, i: number) => {
      if (isObject(page)) visit(page.elements, `pages[${i}].elements`, withCondition([], page));
    });
  }
  visit(definition.elements, 'elements', []);
  return out;
}

/** The question of that name (never a panel). */
export function findQuestion(definition: RawJson | null | undefined, name: string): RawJson | undefined {
  return walkElements(definition).find((r) => r.element.name === name && r.element.type !== 'panel')?.element;
}

export interface CollegeChoice {
  id: string;
  label: string;
}

/** The collèges a questionnaire offers: the choices of its `college` question, in order. */
export function collegesOf(definition: RawJson | null | undefined): CollegeChoice[] {
  const q = findQuestion(definition, 'college');
  if (!Array.isArray(q?.choices)) return [];
  return q.choices.flatMap((c: unknown): CollegeChoice[] => {
    if (typeof c === 'string' || typeof c === 'number') return [{ id: String(c), label: String(c) }];
    if (isObject(c) && c.value !== undefined && c.value !== null) {
      const id = String(c.value);
      return [{ id, label: localized(c.text) || id }];
    }
    return [];
  });
}
