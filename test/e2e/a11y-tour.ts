// A tour of every page of the service, each in the states that matter, for the accessibility and phone tests: the
// demo network (12 poles, 2025 and 2026 campaigns with results, 2025 reviews and plans) plus an open campaign for the
// respondent's links. `check` is called at each stop, once the page has finished loading.
import { expect } from 'vitest';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import { signIn } from './browser.ts';
import { newA11yContext } from './a11y.ts';
import { startE2eServer } from './server.ts';
import { generateDemoNetwork, type DemoAccounts } from '../../server/demo/network.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';

type Server = Awaited<ReturnType<typeof startE2eServer>>;

export interface TourServer {
  server: Server;
  accounts: DemoAccounts;
  /** A new individual link of pole-1 for the open campaign: a link belongs to the first browser that opens it. */
  newLink(): string;
}

/** Pole and campaigns of the demo that the staff stops show. */
const POLE = 'pole-1';
const CAMPAIGN = 'campagne-2026';
const REVIEWED = 'campagne-2025';
/** Open with no dates, so that the respondent's stops do not depend on today's date. */
const OPEN_CAMPAIGN = 'campagne-a11y';

export async function startTourServer(): Promise<TourServer> {
  const server = await startE2eServer();
  const accounts = await generateDemoNetwork(server.deps);
  const { repos, sealer } = server.deps;
  const now = new Date().toISOString();
  repos.campaigns.create({ id: OPEN_CAMPAIGN, year: 2027, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now });
  let n = 0;
  return {
    server,
    accounts,
    newLink() {
      const secret = newToken();
      const id = `a11y-${++n}`;
      repos.invitations.createMany([
        { id, poleId: POLE, campaignId: OPEN_CAMPAIGN, tokenHash: hashToken(secret), tokenSealed: sealer.seal(secret), shared: false, college: null, createdAt: now, maxResponses: null, ticketId: `ticket-${id}` },
      ]);
      return `${server.url}/r/${secret}`;
    },
  };
}

export type Check = (page: Page, stop: string) => Promise<void>;

interface StaffStop {
  name: string;
  path: string;
  /** What shows that the page has loaded (besides its h1 and no « Chargement… » left). */
  ready: (page: Page) => Promise<unknown>;
  /** Further states of the page, each reached from the previous one and checked in turn. */
  states?: { name: string; enter: (page: Page) => Promise<unknown> }[];
}

const poll = (what: () => Promise<number>, min = 1) => expect.poll(what, { timeout: 20_000 }).toBeGreaterThanOrEqual(min);
const campaignPath = (campaign: string) => `/poles/${POLE}/campagnes/${campaign}`;

const ANONYMOUS_STOPS: StaffStop[] = [
  {
    name: 'connexion',
    path: '/connexion',
    ready: (page) => poll(() => page.getByRole('button', { name: 'Se connecter' }).count()),
    states: [
      {
        name: 'connexion refusée',
        enter: async (page) => {
          await page.getByLabel('Adresse e-mail').fill('personne@exemple.org');
          await page.getByLabel('Mot de passe').fill('pas-le-bon-mot-de-passe');
          await page.getByRole('button', { name: 'Se connecter' }).click();
          await poll(() => page.getByRole('alert').count());
        },
      },
    ],
  },
  { name: 'page introuvable', path: '/nulle-part', ready: (page) => poll(() => page.getByRole('heading', { name: 'Page introuvable' }).count()) },
];

const COORDINATOR_STOPS: StaffStop[] = [
  { name: 'pôle', path: `/poles/${POLE}`, ready: (page) => poll(() => page.getByTestId('pole-campaigns').count()) },
  {
    name: 'campagne (coordination)',
    path: campaignPath(CAMPAIGN),
    ready: async (page) => {
      await poll(() => page.getByTestId('participation-totals').count());
      await poll(() => page.getByRole('button', { name: /^Retirer le lien n° / }).count());
      await poll(() => page.getByTestId('profile').locator('.sd-question').count());
    },
    states: [
      {
        name: 'confirmation avant de retirer un lien',
        enter: async (page) => {
          // With the keyboard, as a keyboard user would: the dialog's first button then shows its focus.
          await page.getByRole('button', { name: /^Retirer le lien n° / }).first().press('Enter');
          await poll(() => page.getByTestId('confirm-dialog').locator(':scope[open]').count());
        },
      },
    ],
  },
  { name: 'feuille de QR codes', path: `${campaignPath(CAMPAIGN)}/qr`, ready: (page) => poll(() => page.locator('img.qr-image').count()) },
  { name: 'aperçu du questionnaire', path: `${campaignPath(CAMPAIGN)}/apercu`, ready: (page) => poll(() => page.getByTestId('apercu-questionnaire').locator('.sd-question').count(), 20) },
  {
    name: 'tableau de bord du pôle',
    path: `${campaignPath(CAMPAIGN)}/resultats`,
    ready: async (page) => {
      await poll(() => page.getByTestId('overall-score').count());
      await poll(() => page.locator('canvas[role="img"]').count(), 4);
    },
  },
  {
    name: 'revue collective, étape 1',
    path: `${campaignPath(REVIEWED)}/revue`,
    ready: (page) => poll(() => page.getByTestId('review-step-1').count()),
    states: [2, 3, 4].map((n) => ({
      name: `revue collective, étape ${n}`,
      enter: async (page: Page) => {
        await page.getByRole('navigation', { name: 'Étapes de la revue' }).getByRole('button', { name: new RegExp(`^${n}\\. `) }).click();
        await poll(() => page.getByTestId(`review-step-${n}`).count());
      },
    })),
  },
  { name: 'mot de passe', path: '/compte/mot-de-passe', ready: (page) => poll(() => page.getByLabel('Mot de passe actuel').count()) },
];

const ADMIN_STOPS: StaffStop[] = [
  {
    name: 'administration',
    path: '/admin',
    ready: async (page) => {
      await poll(() => page.getByTestId('poles-section').locator('tbody tr').count(), 12);
      await poll(() => page.getByTestId('audit-table').locator('tbody tr').count());
      await poll(() => page.getByTestId('questionnaires-table').locator('tbody tr').count());
    },
  },
  {
    name: 'tableau de bord du réseau',
    path: `/reseau/campagnes/${CAMPAIGN}`,
    ready: async (page) => {
      await poll(() => page.getByTestId('heatmap').locator('tbody tr').count(), 12);
      await poll(() => page.locator('canvas[role="img"]').count(), 2);
    },
  },
];

/** Waits for the page's own marks, then for no « Chargement… » message. */
async function settle(page: Page, ready: () => Promise<unknown>) {
  await ready();
  await expect.poll(() => page.locator('.loading').count(), { timeout: 20_000 }).toBe(0);
}

async function visit(page: Page, baseUrl: string, stops: StaffStop[], check: Check) {
  for (const stop of stops) {
    await page.goto(baseUrl + stop.path);
    await settle(page, () => stop.ready(page));
    await check(page, stop.name);
    for (const state of stop.states ?? []) {
      await state.enter(page);
      await settle(page, async () => undefined);
      await check(page, state.name);
    }
  }
}

/** Every staff page (and the login and « not found » pages), as the coordinator of pole-1 and as the Labo's admin. */
export async function tourStaffPages(browser: Browser, tour: TourServer, options: BrowserContextOptions, check: Check): Promise<void> {
  const contexts: BrowserContext[] = [];
  const open = async () => {
    const context = await newA11yContext(browser, options);
    contexts.push(context);
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    return page;
  };
  try {
    const url = tour.server.url;
    await visit(await open(), url, ANONYMOUS_STOPS, check);
    const coordinator = await open();
    await signIn(coordinator, url, tour.accounts.coordinators[0]);
    coordinator.setDefaultTimeout(20_000);
    await visit(coordinator, url, COORDINATOR_STOPS, check);
    const admin = await open();
    await signIn(admin, url, tour.accounts.admin);
    admin.setDefaultTimeout(20_000);
    await visit(admin, url, ADMIN_STOPS, check);
  } finally {
    for (const context of contexts) await context.close();
  }
}

/**
 * The respondent's page on a new link: the first page, a page of matrices, the last page (comments), the thanks;
 * and an unknown link. The first page's required answers are given with clicks: this tour is about what is shown.
 */
export async function tourRespondentPages(browser: Browser, tour: TourServer, options: BrowserContextOptions, check: Check): Promise<void> {
  const context = await newA11yContext(browser, options);
  try {
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(tour.newLink());
    await poll(() => page.getByText('Entreprises hors ESS').count());
    await check(page, 'questionnaire, première page');

    await page.getByText('Collectivités territoriales et organismes publics').click();
    await page.getByText('Membre fondateur', { exact: false }).first().click();
    await page.getByRole('spinbutton').fill('6');
    await page.locator('.sd-boolean').first().click();
    await page.getByRole('button', { name: 'Suivant' }).click();
    await poll(() => page.locator('.sd-matrix').count());
    await check(page, 'questionnaire, page de matrices');

    while ((await page.getByRole('button', { name: 'Terminer' }).count()) === 0) {
      const title = await page.locator('.sd-page__title').textContent();
      await page.getByRole('button', { name: 'Suivant' }).click();
      await expect.poll(() => page.locator('.sd-page__title').textContent()).not.toBe(title);
    }
    await poll(() => page.locator('textarea').count(), 3);
    await check(page, 'questionnaire, dernière page');

    await page.getByRole('button', { name: 'Terminer' }).click();
    await poll(() => page.getByTestId('merci').count());
    await check(page, 'remerciements');

    await page.goto(`${tour.server.url}/r/${'Z'.repeat(43)}`);
    await poll(() => page.getByTestId('lien-inconnu').count());
    await check(page, 'lien inconnu');
  } finally {
    await context.close();
  }
}

/** Opens every <details> of the page (what they hide is checked too); returns how many were closed. */
export function openAllDetails(page: Page): Promise<number> {
  return page.evaluate(() => {
    const closed = [...document.querySelectorAll('details:not([open])')];
    for (const d of closed) d.setAttribute('open', '');
    return closed.length;
  });
}
