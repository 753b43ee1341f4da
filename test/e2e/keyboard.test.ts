// The whole questionnaire with the keyboard alone (issue 13, RGAA / WCAG 2.1.1 and 2.4.7): Tab, Shift+Tab, the arrows,
// Space, Enter and typed text, never a click nor a fill; the response is then stored and counted. Every control the
// walk reaches must show that it has the focus, and lose that mark with it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import type { Browser, Page } from 'playwright-core';
import { launchBrowser, runBrowserTests } from './browser.ts';
import { startE2eServer } from './server.ts';
import { focusStep, newA11yContext, type FocusedControl } from './a11y.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;
let server: Server;
let browser: Browser;
let link: string;

const COMMENTS = ['Des rencontres régulières et conviviales.', 'Le manque de temps des bénévoles.', 'Tourner l’animation entre les membres.'];

/** Stored responses of the campaign, read from the database file. */
function storedResponses(): { college: string | null; data: Record<string, unknown> }[] {
  const db = new Database(join(server.dataDir, 'ptce.sqlite'), { readonly: true, fileMustExist: true });
  try {
    const rows = db.prepare("SELECT college, data FROM responses WHERE pole_id = 'p1' AND campaign_id = 'c-clavier'").all() as { college: string | null; data: string }[];
    return rows.map((r) => ({ college: r.college, data: JSON.parse(r.data) as Record<string, unknown> }));
  } finally {
    db.close();
  }
}

const pageTitle = (page: Page) => page.evaluate(() => document.querySelector('.sd-page__title')?.textContent?.trim() ?? null);

describe.runIf(runBrowserTests)('a respondent who uses only the keyboard', () => {
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startE2eServer();
    const { repos, sealer } = server.deps;
    const now = new Date().toISOString();
    repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: null, departement: null, createdAt: now });
    repos.campaigns.create({ id: 'c-clavier', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now });
    const secret = newToken();
    repos.invitations.createMany([
      { id: 'i1', poleId: 'p1', campaignId: 'c-clavier', tokenHash: hashToken(secret), tokenSealed: sealer.seal(secret), shared: false, college: null, createdAt: now, maxResponses: null, ticketId: 'ticket-i1' },
    ]);
    link = `${server.url}/r/${secret}`;
  });
  afterAll(async () => {
    await browser?.close();
    await server?.dispose();
  });

  it('completes every page (choices, matrices, number, yes/no, comments), submits, and the response is counted', async () => {
    const context = await newA11yContext(browser, { viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    await page.goto(link);
    await expect.poll(() => page.getByText('Entreprises hors ESS').count(), { timeout: 15_000 }).toBeGreaterThan(0);

    /** The answer chosen in each radio group (by its name), with its question. */
    const chosen = new Map<string, { question: string; value: string; matrix: boolean }>();
    const typed = new Map<string, string>();
    const noFocusMark: string[] = [];
    const pagesSeen: string[] = [(await pageTitle(page))!];
    let groups = 0;

    /** A key press, then the focus check of the control it left; returns the control focused now. */
    const press = async (key: string) => {
      await page.keyboard.press(key);
      const step = await focusStep(page);
      if (step.previous && !step.previous.shown) noFocusMark.push(`${pagesSeen.at(-1)} : ${step.previous.control}`);
      return step.current;
    };

    /** Answers the radio group that just got the focus: Space checks the first choice, each arrow moves to the next. */
    async function answerGroup(f: FocusedControl) {
      const wanted: Record<string, number> = { college: 2, position: 1 }; // collectivités, fondateur·rice: both open questions asked only to them
      const moves = wanted[f.question ?? ''] ?? groups % 6;
      groups++;
      let after = await press('Space');
      for (let i = 0; i < moves; i++) after = await press('ArrowRight');
      expect(after.answered, after.control).toBe(true);
      chosen.set(after.group!, { question: after.question!, value: after.value!, matrix: after.matrix! });
    }

    let finished = false;
    for (let presses = 0; presses < 1500 && !finished; presses++) {
      const f = await press('Tab');
      if (f.kind === 'radio' && !f.answered) await answerGroup(f);
      else if (f.kind === 'input' && f.type === 'number' && !f.value) {
        await page.keyboard.type('6');
        typed.set(f.question!, '6');
      } else if (f.kind === 'checkbox' && f.question === 'siegeInstance' && !f.checked) {
        // Yes: opens the questions for members of a body of the pole.
        expect((await press('Space')).checked).toBe(true);
      } else if (f.kind === 'textarea' && !f.value) {
        const text = COMMENTS[[...typed.keys()].filter((q) => q.startsWith('verbatim')).length % COMMENTS.length];
        await page.keyboard.type(text);
        typed.set(f.question!, text);
      } else if (f.kind === 'button' && f.text === 'Suivant') {
        const before = await pageTitle(page);
        await press('Enter');
        await expect.poll(() => pageTitle(page)).not.toBe(before);
        pagesSeen.push((await pageTitle(page))!);
        // The focus goes to the new page's title: the next Tab reaches its first question, not the end of the page.
        await expect.poll(() => page.evaluate(() => document.activeElement?.classList.contains('sd-page__title'))).toBe(true);
        await focusStep(page);
      } else if (f.kind === 'button' && f.text === 'Terminer') {
        // Shift+Tab goes back over « Précédent » to the last comment, with its text; Tab comes back to « Terminer ».
        expect((await press('Shift+Tab')).text).toBe('Précédent');
        expect((await press('Shift+Tab')).value).toBe(COMMENTS[2]);
        await press('Tab');
        expect((await press('Tab')).text).toBe('Terminer');
        await page.keyboard.press('Enter');
        finished = true;
      }
    }
    expect(finished, `« Terminer » jamais atteint ; pages vues : ${pagesSeen.join(' → ')}`).toBe(true);
    await expect.poll(() => page.getByTestId('merci').count(), { timeout: 15_000 }).toBe(1);
    // The thanks are announced: their heading has the focus.
    expect(await page.evaluate(() => document.activeElement?.tagName)).toBe('H1');

    expect(pagesSeen).toHaveLength(7);
    expect(noFocusMark, `contrôles sans marque de focus visible :\n${noFocusMark.join('\n')}`).toEqual([]);

    // Counted: one response, holding what the keys chose on every page.
    const responses = storedResponses();
    expect(responses).toHaveLength(1);
    const [{ college, data }] = responses;
    expect(college).toBe('collectivites');
    expect(data.position).toBe('fondateur');
    expect(data.anciennete).toBe(6);
    expect(data.siegeInstance).toBe(true);
    for (const [question, text] of typed) if (question.startsWith('verbatim')) expect(data[question]).toBe(text);
    expect([...typed.keys()].filter((q) => q.startsWith('verbatim'))).toHaveLength(3);
    // Every matrix row answered, with the value chosen; the questions asked only to collectivités, founders and
    // members of a body were reached too.
    const matrixAnswers = [...chosen.values()].filter((c) => c.matrix);
    const storedMatrixAnswers = Object.entries(data)
      .filter(([, v]) => v !== null && typeof v === 'object' && !Array.isArray(v))
      .flatMap(([q, rows]) => Object.values(rows as Record<string, unknown>).map((v) => `${q}=${String(v)}`));
    expect(storedMatrixAnswers.sort()).toEqual(matrixAnswers.map((c) => `${c.question}=${c.value}`).sort());
    for (const q of ['gouv_vue_collectivites', 'gouv_transmission', 'gouv_instances']) expect(Object.keys(data)).toContain(q);
    for (const c of [...chosen.values()].filter((c) => !c.matrix)) expect(String(data[c.question])).toBe(c.value);
    expect(server.deps.repos.tickets.findByTokenHash(hashToken(link.split('/r/')[1]))?.status).toBe('submitted');
    await context.close();
  }, 180_000);
});
