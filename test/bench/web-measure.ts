// One cold load of a questionnaire page in Chromium, as `npm run bench:web` measures it: a new browser context (empty
// cache, no cookie), a phone's screen, the CPU slowed down and, optionally, an emulated mobile link. It reports the
// time from navigation start until the first question's first answer control is visible and enabled, and the bytes
// the route transferred (bodies as sent, compressed, plus headers, as Chromium's network layer counts them).
import type { Browser, Page } from 'playwright-core';

/** An emulated link: one-way throughputs in bytes per second, `latency` the round trip added to each request. */
export interface NetworkLink {
  name: string;
  latencyMs: number;
  downloadBytesPerSecond: number;
  uploadBytesPerSecond: number;
}

/** Issue 13's 4G: 9 Mbit/s down, 170 ms round trip (Chromium adds `latency` once per request: the round trip). */
export const LINK_4G: NetworkLink = { name: '4G (9 Mbit/s, 170 ms)', latencyMs: 170, downloadBytesPerSecond: 9e6 / 8, uploadBytesPerSecond: 3e6 / 8 };

/** The phone of the respondent tests (test/e2e/respondent.test.ts). */
export const PHONE = { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, locale: 'fr-FR' };

interface SurveyElement {
  type?: string;
  name?: string;
  elements?: SurveyElement[];
  templateElements?: SurveyElement[];
}

/** Elements that show something but take no answer. */
const NOT_QUESTIONS = new Set(['html', 'image', 'expression']);

/** The name of the first question of the definition's first page (inside panels too). */
export function firstQuestionName(definition: object): string {
  const find = (elements: SurveyElement[] = []): string | undefined => {
    for (const e of elements) {
      if (e.type === 'panel') {
        const inner = find(e.elements);
        if (inner) return inner;
      } else if (e.name && !NOT_QUESTIONS.has(e.type ?? '')) return e.name;
    }
    return undefined;
  };
  const pages = (definition as { pages?: SurveyElement[]; elements?: SurveyElement[] }).pages;
  const name = find(pages?.length ? pages[0].elements : (definition as SurveyElement).elements);
  if (!name) throw new Error('Le questionnaire n’a pas de question sur sa première page.');
  return name;
}

const ANSWERABLE = '__firstQuestionAnswerableAt';

/**
 * Run in the page before its own scripts: each frame, until the question named `questionName` (SurveyJS marks its
 * element with data-name) has a first answer control that is enabled and visible, then resolves
 * window[ANSWERABLE] with performance.now(), milliseconds since navigation start. Checked in a frame callback:
 * style and layout are up to date there, and the frame is painted right after.
 * (A string, not a function: the TypeScript runners rename functions, which would not run in the page.)
 */
export function answerableScript(questionName: string): string {
  return `(() => {
  const CONTROLS = 'input:not([type=hidden]), select, textarea, [role=radio], [role=checkbox], [role=combobox], [role=spinbutton], [role=slider], [role=textbox]';
  const selector = '[data-name="' + CSS.escape(${JSON.stringify(questionName)}) + '"]';
  const enabled = (control) => !control.matches(':disabled') && !control.readOnly
    && !control.closest('[aria-disabled="true"], [aria-readonly="true"], [inert]');
  // A radio or checkbox is often drawn by its label, the input itself hidden: what shows is the label.
  const shown = (control) => {
    const box = control.closest('label') || control;
    const rect = box.getBoundingClientRect();
    return rect.width > 0 && rect.height > 0 && box.checkVisibility({ visibilityProperty: true, opacityProperty: true });
  };
  window.${ANSWERABLE} = new Promise((resolve) => {
    const check = () => {
      const question = document.querySelector(selector);
      const control = question && question.querySelector(CONTROLS);
      if (control && enabled(control) && shown(control)) resolve(performance.now());
      else requestAnimationFrame(check);
    };
    requestAnimationFrame(check);
  });
})();`;
}

export interface LoadOptions {
  questionName: string;
  /** Chromium's CPU slowdown factor (Emulation.setCPUThrottlingRate); 1: none. */
  cpuSlowdown: number;
  /** null: loopback, unthrottled. */
  link: NetworkLink | null;
  /** Until the question is answerable. */
  timeoutMs: number;
  /** Once answerable, the route's last requests may finish: until none has been pending for `quietMs`. */
  quietMs?: number;
}

export interface LoadResult {
  /** Navigation start → first answer control visible and enabled. */
  ms: number;
  /** Every response of the route: compressed body + headers. */
  bytes: number;
  /** Bytes by Chromium's resource type (Document, Script, Stylesheet, Font, Fetch…). */
  bytesByType: Record<string, number>;
  /** Each response: what the bytes are made of. */
  responses: { url: string; type: string; bytes: number }[];
  /** Answers of 400 or more, and requests that failed: a measure with any is suspect. */
  problems: string[];
}

/** One cold load of `url`; `inspect` may look at the page once measured, before its context closes. */
export async function measureLoad(browser: Browser, url: string, options: LoadOptions, inspect?: (page: Page) => Promise<void>): Promise<LoadResult> {
  const context = await browser.newContext(PHONE);
  try {
    const page = await context.newPage();
    await page.addInitScript(answerableScript(options.questionName));
    const cdp = await context.newCDPSession(page);
    const pending = new Map<string, { url: string; type: string }>();
    const responses: LoadResult['responses'] = [];
    const bytesByType: Record<string, number> = {};
    const problems: string[] = [];
    let bytes = 0;
    let lastActivity = performance.now();
    cdp.on('Network.requestWillBeSent', (e) => {
      // The browser's own request for the tab's icon, made when it pleases (often after the page has loaded):
      // neither page asks for it, and counting it would only add noise.
      if (new URL(e.request.url).pathname === '/favicon.ico') return;
      pending.set(e.requestId, { url: e.request.url, type: e.type ?? 'Other' });
      lastActivity = performance.now();
    });
    cdp.on('Network.responseReceived', (e) => {
      if (pending.has(e.requestId) && e.response.status >= 400) problems.push(`${e.response.status} ${e.response.url}`);
    });
    cdp.on('Network.loadingFinished', (e) => {
      const request = pending.get(e.requestId);
      if (!request) return;
      const { url, type } = request;
      pending.delete(e.requestId);
      responses.push({ url, type, bytes: e.encodedDataLength });
      bytes += e.encodedDataLength;
      bytesByType[type] = (bytesByType[type] ?? 0) + e.encodedDataLength;
      lastActivity = performance.now();
    });
    cdp.on('Network.loadingFailed', (e) => {
      if (!pending.delete(e.requestId)) return;
      if (!e.canceled) problems.push(`échec ${e.errorText}`);
      lastActivity = performance.now();
    });
    await cdp.send('Network.enable');
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: options.cpuSlowdown });
    if (options.link) {
      await cdp.send('Network.emulateNetworkConditions', {
        offline: false,
        latency: options.link.latencyMs,
        downloadThroughput: options.link.downloadBytesPerSecond,
        uploadThroughput: options.link.uploadBytesPerSecond,
      });
    }
    await page.goto(url, { waitUntil: 'commit', timeout: options.timeoutMs });
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(async () => {
        const shown = await page.evaluate(() => document.body?.innerText ?? '').catch(() => '');
        reject(new Error(`La première question (« ${options.questionName} ») n’est pas devenue répondable en ${options.timeoutMs / 1000} s sur ${url} ; la page montre : « ${shown.replace(/\s+/g, ' ').trim().slice(0, 200)} »`));
      }, options.timeoutMs);
    });
    let ms: number;
    try {
      ms = await Promise.race([page.evaluate<number>(`window.${ANSWERABLE}`), timeout]);
    } finally {
      clearTimeout(timer);
    }
    // What the route still loads (fonts asked for by the first layout, the rest of a response) counts too.
    const quietMs = options.quietMs ?? 500;
    const giveUpAt = performance.now() + options.timeoutMs;
    while ((pending.size > 0 || performance.now() - lastActivity < quietMs) && performance.now() < giveUpAt) {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
    if (pending.size) problems.push(`${pending.size} requête(s) encore en cours après ${options.timeoutMs / 1000} s`);
    if (inspect) await inspect(page);
    return { ms, bytes, bytesByType, responses, problems };
  } finally {
    await context.close();
  }
}
