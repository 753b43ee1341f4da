// Accessibility probes for browser tests: axe-core (WCAG 2.1 A and AA rules, which the RGAA 4 follows), sideways
// scrolling, touch target heights, text cut off and focus indicators. Each returns what it found, described for a
// failure message. Open the browser context with newA11yContext: the probes are then in every page.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';

const require = createRequire(import.meta.url);
const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
const PROBES_SOURCE = readFileSync(new URL('./a11y-probes.js', import.meta.url), 'utf8');

/** The WCAG 2.1 levels A and AA, which the RGAA 4 follows. */
export const WCAG_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];

/** Touch targets: WCAG 2.5.5 asks 44 × 44 CSS px; the issue asks every control to be at least 44 px tall. */
export const MIN_TARGET = 44;

export interface AxeFinding {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

interface Probes {
  smallTargets(min: number): { small: { control: string; height: number }[]; inlineLinks: string[] };
  overflow(): { scrollWidth: number; viewportWidth: number; offenders: string[]; scrollers: string[] };
  clippedText(): string[];
  focusStep(): { previous: { control: string; shown: boolean } | null; current: FocusedControl };
  focused(): FocusedControl;
  matrices(): MatrixLayout[];
}

interface Box {
  top: number;
  bottom: number;
  left: number;
  right: number;
}

export interface MatrixLayout {
  name: string | null;
  /** SurveyJS's narrow-screen form: each statement and its choices as a block. */
  mobile: boolean;
  headerShown: boolean;
  rows: { row: Box; statement: string; choices: Box[] }[];
}

type ProbeName = keyof Probes;

/**
 * A browser context whose every page holds the probes (added before the page's own scripts). The pages' CSP forbids
 * inline scripts, which axe-core is injected as: it is bypassed, in tests only.
 */
export async function newA11yContext(browser: Browser, options: BrowserContextOptions = {}): Promise<BrowserContext> {
  const context = await browser.newContext({ locale: 'fr-FR', ...options, bypassCSP: true });
  await context.addInitScript({ content: PROBES_SOURCE });
  return context;
}

function probe<K extends ProbeName>(page: Page, name: K, ...args: Parameters<Probes[K]>): Promise<ReturnType<Probes[K]>> {
  return page.evaluate(({ name, args }) => {
    const probes = (window as unknown as { ptceA11y?: Record<string, (...a: unknown[]) => unknown> }).ptceA11y;
    if (!probes) throw new Error('Sondes absentes : ouvrez le contexte avec newA11yContext.');
    return probes[name](...args);
  }, { name, args: args as unknown[] }) as Promise<ReturnType<Probes[K]>>;
}

/** Runs axe-core on the whole document and returns its serious and critical violations. */
export async function seriousAxeViolations(page: Page): Promise<AxeFinding[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async (tags) => {
    type Result = { violations: { id: string; impact: string | null; help: string; nodes: { target: unknown[] }[] }[] };
    const axe = (window as unknown as { axe: { run(context: Document, options: object): Promise<Result> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations'] });
    return result.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target.map(String).join(' ')) }));
  }, WCAG_TAGS);
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** One line per violation: id, impact, what it asks and the first targets. */
export function describeAxe(findings: AxeFinding[]): string {
  return findings
    .map((f) => `${f.impact} ${f.id} (${f.help}): ${f.targets.slice(0, 6).join(' | ')}${f.targets.length > 6 ? ` … (+${f.targets.length - 6})` : ''}`)
    .join('\n');
}

/**
 * The document's scroll width against the viewport's, what sticks out on the right, and the elements that scroll
 * sideways on their own (`scrollers`: a wide table in its frame).
 */
export const horizontalOverflow = (page: Page) => probe(page, 'overflow');

/**
 * Visible interactive controls under `min` px tall (a radio button or checkbox measured by its label, which is what
 * a tap hits). Exempt, as WCAG 2.5.5 allows: links laid out inline in a block that holds other text; they are
 * returned apart (`inlineLinks`) so that a test can show what it let through.
 */
export const smallTargets = (page: Page, min = MIN_TARGET) => probe(page, 'smallTargets', min);

/** Elements that hide part of their own text (clipped or ellipsed). */
export const clippedText = (page: Page) => probe(page, 'clippedText');

/**
 * To call after each key press: whether the element focused at the previous call showed a focus indicator (an
 * outline or box-shadow on it, its label or its frame, that it lost with the focus), and the control focused now.
 */
export const focusStep = (page: Page) => probe(page, 'focusStep');

/** The matrices of the page as laid out: narrow-screen form or not, and the boxes of each row and its choices. */
export const matrixLayouts = (page: Page) => probe(page, 'matrices');

export interface FocusedControl {
  kind: 'none' | 'radio' | 'checkbox' | 'textarea' | 'input' | 'button' | 'other';
  control: string;
  question?: string | null;
  text?: string;
  tag?: string;
  type?: string | null;
  role?: string | null;
  /** Radio buttons: the group's name, whether one of them is checked and which value. */
  group?: string;
  answered?: boolean;
  value?: string | null;
  matrix?: boolean;
  checked?: boolean;
}
