// npm run bench:web — the respondent route (/r/<token>) against the smallest page showing the same questionnaire
// with React + survey-core + survey-react-ui alone (web-minimal/), both built from the current sources: bytes
// transferred, and time until the first question can be answered in headless Chromium with a 4× CPU slowdown, on
// loopback and on an emulated 4G link. Medians of BENCH_RUNS runs (7), each a cold load in a new browser context,
// the two pages alternating within a run (the machine is shared and noisy). Targets in targets.ts.
import { renderTable, formatNumber, mark, holds, reportFigures, type Figure } from './figures.ts';
import { TARGETS } from './targets.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { readConfig } from '../../server/config.ts';
import { ROOT } from '../../server/client-build.ts';
import { startServer, type RunningServer } from '../../server/serve.ts';
import { launchChromium } from '../helpers/chromium.ts';
import { buildMinimalPage, serveMinimalPage, type StaticServer } from './web-minimal/page.ts';
import { invitationLinks } from './web-links.ts';
import { firstQuestionName, LINK_4G, measureLoad, type LoadResult, type NetworkLink } from './web-measure.ts';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const CPU_SLOWDOWN = 4;
const QUESTIONNAIRE = 'ptce-2026';
const ADMIN = { email: 'admin@banc-web.test', password: 'mot-de-passe-du-banc-web' };
/** Past these, a load is broken rather than slow: it counts as infinitely slow (it still weighs on the median). */
const TIMEOUT_MS = { loopback: 30_000, link: 60_000 };

const CONDITIONS: { key: 'loopback' | '4g'; label: string; link: NetworkLink | null }[] = [
  { key: 'loopback', label: 'boucle locale', link: null },
  { key: '4g', label: LINK_4G.name, link: LINK_4G },
];
type PageKey = 'app' | 'minimal';
const PAGE_LABEL: Record<PageKey, string> = { app: 'application', minimal: 'page minimale' };

const median = (values: number[]) => {
  if (!values.length) return null;
  const s = [...values].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const kB = (bytes: number | null) => (bytes === null ? '—' : `${formatNumber(bytes / 1000, bytes < 10_000 ? 1 : 0)} ko`);
const ms = (value: number | null) => (value === null ? '—' : `${formatNumber(value)} ms`);
const seconds = (since: number) => `${formatNumber((performance.now() - since) / 1000, 1)} s`;

/** The app's build (vite.config.ts), into `outDir` rather than dist/: what is measured is the current sources. */
async function buildApp(outDir: string): Promise<void> {
  const { build } = await import('vite');
  // (Without the bundler's report of its slowest plugins: about the build's speed, not the page's.)
  await build({
    configFile: join(ROOT, 'vite.config.ts'),
    root: join(ROOT, 'client'),
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, rolldownOptions: { checks: { bundlerTimings: false } } },
  });
}

const work = mkdtempSync(join(tmpdir(), 'ptce-bench-web-'));
let browser: Browser | undefined;
let server: RunningServer | undefined;
let minimal: StaticServer | undefined;
try {
  // Chromium first: without it, nothing else is worth building.
  browser = await launchChromium();
  let t = performance.now();
  console.log('Construction de l’application (vite build)…');
  await buildApp(join(work, 'app'));
  console.log(`  faite en ${seconds(t)}`);

  server = await startServer({ ...readConfig({ DATA_DIR: join(work, 'data') }), port: 0, adminEmail: ADMIN.email, adminPassword: ADMIN.password }, { clientDir: join(work, 'app') });
  const definition = server.deps.questionnaires.get(QUESTIONNAIRE)?.definition;
  if (!definition) throw new Error(`Questionnaire ${QUESTIONNAIRE} introuvable.`);
  const questionName = firstQuestionName(definition);
  // A link opened once is bound to that browser: a new one for each load, plus one for the warm-up.
  const links = await invitationLinks(server, ADMIN, QUESTIONNAIRE, 1 + RUNS * CONDITIONS.length);

  t = performance.now();
  console.log('Construction de la page minimale (React + survey-core + survey-react-ui)…');
  // The same definition the server sends, and a new link's answers: none.
  await buildMinimalPage(join(work, 'minimal'), { questionnaire: definition, data: {} });
  console.log(`  faite en ${seconds(t)}`);
  minimal = await serveMinimalPage(join(work, 'minimal'));

  let next = 0;
  const url = (page: PageKey) => (page === 'app' ? `${server!.url}/r/${links[next++]}` : minimal!.url);
  const load = (page: PageKey, link: NetworkLink | null) =>
    measureLoad(browser!, url(page), { questionName, cpuSlowdown: CPU_SLOWDOWN, link, timeoutMs: link ? TIMEOUT_MS.link : TIMEOUT_MS.loopback });

  // Warm-up, not counted: Chromium's first contexts, the server's first answers.
  for (const page of ['app', 'minimal'] as const) await load(page, null);

  const results = new Map<string, (LoadResult | null)[]>();
  const key = (page: PageKey, condition: string) => `${page}:${condition}`;
  console.log(`Mesure : ${RUNS} chargements à froid de chaque page par condition, processeur ralenti ×${CPU_SLOWDOWN}, écran de téléphone (360 × 740)…`);
  for (let run = 0; run < RUNS; run++) {
    for (const condition of CONDITIONS) {
      const order: PageKey[] = run % 2 ? ['minimal', 'app'] : ['app', 'minimal'];
      for (const page of order) {
        let result: LoadResult | null = null;
        try {
          result = await load(page, condition.link);
          if (result.problems.length) console.log(`  ${PAGE_LABEL[page]}, ${condition.label} : ${result.problems.join(' ; ')}`);
        } catch (error) {
          console.log(`  ${PAGE_LABEL[page]}, ${condition.label}, essai ${run + 1} : ${(error as Error).message}`);
        }
        const list = results.get(key(page, condition.key)) ?? [];
        list.push(result);
        results.set(key(page, condition.key), list);
      }
    }
    const last = (page: PageKey, c: string) => results.get(key(page, c))!.at(-1);
    console.log(`  essai ${run + 1}/${RUNS} : ${CONDITIONS.map((c) => `${c.label} ${(['app', 'minimal'] as const).map((p) => `${PAGE_LABEL[p]} ${ms(last(p, c.key)?.ms ?? null)}`).join(', ')}`).join(' ; ')}`);
  }

  // A failed load counts as infinitely slow; bytes come from the loads that went through.
  const all = (page: PageKey) => CONDITIONS.flatMap((c) => results.get(key(page, c.key))!).filter((r): r is LoadResult => r !== null);
  const medianMs = (page: PageKey, condition: string) => median(results.get(key(page, condition))!.map((r) => r?.ms ?? Infinity));
  const bytes = { app: median(all('app').map((r) => r.bytes)), minimal: median(all('minimal').map((r) => r.bytes)) };
  if (bytes.app === null || bytes.minimal === null) throw new Error('Aucun chargement n’a abouti : voir les erreurs ci-dessus.');
  const bytesPercent = (100 * bytes.app) / bytes.minimal;

  const figures: Figure[] = [
    { name: 'Octets de la route répondant, en % de la page minimale', value: bytesPercent, unit: '%', target: TARGETS.webBytesPercent, note: `${kB(bytes.app)} contre ${kB(bytes.minimal)}` },
    ...CONDITIONS.map((c): Figure => ({
      name: `Première question répondable, ${c.label}, processeur ×${CPU_SLOWDOWN}`,
      value: medianMs('app', c.key),
      unit: 'ms',
      target: c.key === 'loopback' ? TARGETS.webLoopbackMs : TARGETS.web4gMs,
      note: `page minimale ${ms(medianMs('minimal', c.key))}`,
    })),
  ];

  const ratio = (a: number | null, b: number | null) => (a === null || b === null || !Number.isFinite(a) || !Number.isFinite(b) ? '—' : `${formatNumber((100 * a) / b)} %`);
  const rows = [
    ['Octets transférés (médiane)', kB(bytes.app), kB(bytes.minimal), ratio(bytes.app, bytes.minimal), `≤ ${TARGETS.webBytesPercent.limit} % du minimal`, mark(holds(figures[0]))],
    ...CONDITIONS.map((c, i) => [
      `Première question répondable, ${c.label}`,
      ms(medianMs('app', c.key)),
      ms(medianMs('minimal', c.key)),
      ratio(medianMs('app', c.key), medianMs('minimal', c.key)),
      `≤ ${formatNumber(figures[i + 1].target!.limit)} ms`,
      mark(holds(figures[i + 1])),
    ]),
  ];
  console.log(`\n${renderTable(['Mesure', 'Application', 'Page minimale', 'Rapport', 'Objectif', 'Tenu'], rows)}`);
  // Where the bytes go, from one load of each page.
  for (const page of ['app', 'minimal'] as const) {
    const sample = all(page)[0];
    const parts = Object.entries(sample.bytesByType).sort((a, b) => b[1] - a[1]).map(([type, n]) => `${type} ${kB(n)}`);
    console.log(`${PAGE_LABEL[page]} : ${sample.responses.length} requêtes — ${parts.join(', ')}`);
    // BENCH_VERBOSE=1: each response of that load.
    if (process.env.BENCH_VERBOSE) for (const r of sample.responses) console.log(`  ${kB(r.bytes).padStart(8)}  ${r.type.padEnd(10)} ${r.url}`);
  }
  console.log(`Médianes de ${RUNS} chargements à froid par page et par condition ; octets : corps compressés et en-têtes.`);
  // On a loaded machine the medians drift up together; the quickest loads show what each page can do.
  const quickest = (page: PageKey, c: string) => ms(Math.min(...results.get(key(page, c))!.map((r) => r?.ms ?? Infinity)));
  console.log(`Chargements les plus rapides : ${CONDITIONS.map((c) => `${c.label} application ${quickest('app', c.key)}, page minimale ${quickest('minimal', c.key)}`).join(' ; ')}.`);
  reportFigures('web', figures, { print: false });
} catch (error) {
  // What went wrong, in words (Chromium missing, a build or a load that failed); the stack only on request.
  console.error(`bench:web : ${process.env.BENCH_VERBOSE ? (error as Error).stack : (error as Error).message}`);
  process.exitCode = 1;
} finally {
  await browser?.close();
  await minimal?.close();
  await server?.close();
  rmSync(work, { recursive: true, force: true });
}
