// Server side of the questionnaire markup policy (surveys/html.ts): DOMPurify on a jsdom window.
import { createRequire } from 'node:module';
import createDOMPurify from 'dompurify';
import type { RawJson } from './json.ts';
import { htmlSanitizer, sanitizeHtmlProperties } from './html.ts';

const require = createRequire(import.meta.url);
let sanitizer: ((html: string) => string) | undefined;

/**
 * Loading jsdom takes most of a second: it is loaded on the first markup met, not with this module (the shipped
 * definitions carry none, so neither a start-up nor a test pays for it without need).
 */
function cleanHtml(html: string): string {
  if (!sanitizer) {
    const { JSDOM } = require('jsdom') as typeof import('jsdom');
    sanitizer = htmlSanitizer(createDOMPurify(new JSDOM('').window as unknown as Window & typeof globalThis));
  }
  return sanitizer(html);
}

/** A copy of a questionnaire definition or profile form whose HTML properties hold formatting only. */
export function sanitizeDefinition(definition: RawJson): RawJson {
  return sanitizeHtmlProperties(definition, cleanHtml);
}
