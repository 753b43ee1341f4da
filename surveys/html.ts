// The markup a questionnaire may carry. SurveyJS renders some properties as raw HTML (the `html` question, the
// survey's `completedHtml`, `completedBeforeHtml`, `loadingHtml`, `completedHtmlOnCondition[].html`); a definition
// comes from outside (a SurveyJS Creator export), so that markup is sanitized with DOMPurify, on the server as a
// definition enters and in the browser as SurveyJS fills answers into it. Browser-safe: the DOM is handed in.
import type { Config, DOMPurify } from 'dompurify';
import type { RawJson } from './json.ts';

/**
 * Formatting only: no script, no event handler, no javascript: URL (DOMPurify's defaults), and no HTML beyond the
 * usual formatting tags (no SVG or MathML). Also refused: a <style> element, which would restyle the whole page
 * (hiding the confidentiality promise, say), and form controls, which would collect text outside the answers.
 */
const POLICY: Config = {
  USE_PROFILES: { html: true },
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select', 'option', 'optgroup'],
  ADD_ATTR: ['target'],
};

/** A sanitizer of questionnaire markup following the policy, on a DOMPurify instance of its own (it adds a hook). */
export function htmlSanitizer(purify: DOMPurify): (html: string) => string {
  // A link may open in a new tab (kept: leaving the questionnaire loses nothing, but is a surprise), never a
  // named window, and the page it opens gets no handle on this one.
  purify.addHook('afterSanitizeAttributes', (node) => {
    if (!node.hasAttribute('target')) return;
    if (node.tagName !== 'A' || node.getAttribute('target') !== '_blank') node.removeAttribute('target');
    else node.setAttribute('rel', 'noopener noreferrer');
  });
  return (html) => purify.sanitize(html, POLICY);
}

/**
 * Where SurveyJS takes a property as HTML: its name ends with "Html" (`completedHtml`…) or is `html`. Any depth, so
 * that conditions (`completedHtmlOnCondition[i].html`), panels and any property SurveyJS may add are covered; in
 * any case (SurveyJS matches names exactly, so a differently cased key is inert, and cleaning it costs nothing).
 */
const isHtmlProperty = (key: string) => /html$/i.test(key);

/** Every string under an HTML property: the text itself, or each language of a localized text ({ fr, default }). */
function cleanAll(value: unknown, clean: (html: string) => string): unknown {
  if (typeof value === 'string') return clean(value);
  if (Array.isArray(value)) return value.map((v) => cleanAll(v, clean));
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, cleanAll(v, clean)]));
  return value;
}

function walk(value: unknown, clean: (html: string) => string): unknown {
  if (Array.isArray(value)) return value.map((v) => walk(v, clean));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(Object.entries(value).map(([key, v]) => [key, isHtmlProperty(key) ? cleanAll(v, clean) : walk(v, clean)]));
}

/** A copy of a SurveyJS definition with the markup of each of its HTML properties sanitized. */
export function sanitizeHtmlProperties(definition: RawJson, clean: (html: string) => string): RawJson {
  return walk(definition, clean) as RawJson;
}
