// Which items two questionnaire versions share, for any change from one campaign to another (a pole's evolution,
// each pole's change in the network view): one matching rule, so both always compare the same items.
import type { QuestionnaireModel } from '../../surveys/model.ts';

/**
 * For each item of `model`, its index in `before` (undefined when the earlier version has no such item).
 * An item is matched under its own key, or under the earlier key `renamed` gives it (current key → earlier key;
 * a question name covers its matrix rows).
 */
export function previousItemIndexes(model: QuestionnaireModel, before: QuestionnaireModel, renamed: Readonly<Record<string, string>> = {}): (number | undefined)[] {
  const mapped = (key: string) => (Object.hasOwn(renamed, key) ? renamed[key] : undefined);
  return model.items.map((item) => {
    const own = mapped(item.key);
    if (own !== undefined) return before.itemIndex.get(own);
    const question = item.row !== undefined ? mapped(item.question) : undefined;
    return before.itemIndex.get(question !== undefined ? `${question}.${item.row}` : item.key);
  });
}
