// npm run bench:network — network results for 250 poles × 30 responses, then 10 times that.
// Targets (targets.ts): results within 300 ms at 250 poles and 1.5 s at 2,500 poles, cost growing no faster than responses.
import { formatNumber, reportFigures, type Figure } from './figures.ts';
import { TARGETS } from './targets.ts';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readConfig } from '../../server/config.ts';
import { createDeps } from '../../server/bootstrap.ts';
import { networkEvolution, networkResults } from '../../server/network-results.ts';
import { renderNetworkReport } from '../../reports/pdf/network-report.ts';
import { closeChartWorker } from '../../reports/pdf/render-chart.ts';
import { hashToken, newId, newToken } from '../../server/security/tokens.ts';
import { poleLeanings, sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';
import { itemValues } from '../../reports/analysis/quality.ts';

const RESPONSES_PER_POLE = 30;
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
/** The network PDF is slower: fewer runs, and fewer still at 2,500 poles. */
const pdfRuns = (poles: number) => Number(process.env.BENCH_PDF_RUNS ?? (poles >= 2500 ? 3 : 5));

async function measure(poles: number) {
  const dir = mkdtempSync(join(tmpdir(), 'ptce-network-'));
  const deps = createDeps(readConfig({ DATA_DIR: dir }));
  const q = deps.questionnaires.get('ptce-2026')!;
  const colleges = q.colleges.map((c) => c.id);
  const model = q.model;
  const rng = seededRandom(poles);
  const now = new Date().toISOString();
  let t = performance.now();
  deps.repos.db.transaction(() => {
    deps.repos.users.create({ id: 'bench', email: 'bench@labo.test', role: 'admin', poleId: null }, 'x', now);
    deps.repos.campaigns.create({ id: 'c2026', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: now });
    // A few distinct answer sets per pole keep generation quick; every response is still stored and scored.
    for (let p = 0; p < poles; p++) {
      const poleId = `p${p}`;
      deps.repos.poles.create({ id: poleId, name: `Pôle ${p}`, region: p % 3 ? 'Bretagne' : 'Occitanie', departement: null, createdAt: now });
      deps.repos.profiles.save(poleId, 'c2026', { formeJuridique: p % 12 < 8 ? 'association' : p % 12 < 11 ? 'aucune' : 'ues', lieuVitrine: p % 12 < 7, anneeCreation: 2005 + (p % 15) }, now, 'bench');
      const leanings = poleLeanings(q, rng);
      const answers = colleges.map((college) => sampleAnswers(q, rng, { college, leanings }));
      const rows = Array.from({ length: RESPONSES_PER_POLE }, (_, i) => {
        const token = newToken();
        return { id: `i${p}-${i}`, poleId, campaignId: 'c2026', tokenHash: hashToken(token), tokenSealed: 'x', shared: false, college: null, createdAt: now, ticketId: `t${p}-${i}` };
      });
      deps.repos.invitations.createMany(rows);
      const scores = answers.map((a) => itemValues(model, a, q.validator.isVisible));
      rows.forEach((row, i) =>
        deps.repos.tickets.submit(
          { id: row.ticketId, poleId, campaignId: 'c2026' },
          { responseId: newId(), data: answers[i % colleges.length], college: colleges[i % colleges.length], day: now.slice(0, 10), itemScores: scores[i % colleges.length], minBatch: rows.length, readyForNextBatch: () => true },
        ),
      );
    }
  })();
  const seeded = performance.now() - t;
  const campaign = deps.repos.campaigns.get('c2026')!;
  networkResults(deps, campaign); // warm-up
  const times: number[] = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    t = performance.now();
    result = networkResults(deps, campaign);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  // The network PDF on these results (same input as the route: results, filters, evolution), after a warm-up.
  const input = { ...result!, filters: {}, evolution: networkEvolution(deps, campaign, {}, result!) };
  const generatedAt = new Date();
  let pdf = await renderNetworkReport(input, { generatedAt });
  const pdfTimes: number[] = [];
  for (let i = 0; i < pdfRuns(poles); i++) {
    t = performance.now();
    pdf = await renderNetworkReport(input, { generatedAt });
    pdfTimes.push(performance.now() - t);
  }
  pdfTimes.sort((a, b) => a - b);
  const pdfPages = pdf.toString('latin1').match(/\/Type \/Page\b(?!s)/g)?.length ?? 0;
  deps.repos.db.close();
  rmSync(dir, { recursive: true, force: true });
  return { poles, responses: poles * RESPONSES_PER_POLE, seededMs: seeded, medianMs: times[Math.floor(times.length / 2)], withResults: result!.polesWithResults,
    pdf: { medianMs: pdfTimes[Math.floor(pdfTimes.length / 2)], runs: pdfTimes.length, pages: pdfPages, bytes: pdf.length } };
}

const pdfText = (m: Awaited<ReturnType<typeof measure>>) =>
  `rapport PDF en ${m.pdf.medianMs.toFixed(0)} ms (médiane de ${m.pdf.runs} ; ${m.pdf.pages} pages, ${(m.pdf.bytes / 1e6).toFixed(1).replace('.', ',')} Mo)`;
const small = process.env.BENCH_LARGE_ONLY ? await measure(2500) : await measure(250);
console.log(`${small.poles} pôles × ${RESPONSES_PER_POLE} réponses (${small.responses}) : résultats réseau en ${small.medianMs.toFixed(0)} ms (médiane de ${RUNS}) — objectif ≤ ${TARGETS.networkSmallMs.limit} ms ; ${small.withResults} pôles avec résultats ; données générées en ${(small.seededMs / 1000).toFixed(1)} s`);
console.log(`${small.poles} pôles : ${pdfText(small)}`);
const large = process.env.BENCH_SMALL_ONLY ? small : await measure(2500);
console.log(`${large.poles} pôles × ${RESPONSES_PER_POLE} réponses (${large.responses}) : résultats réseau en ${large.medianMs.toFixed(0)} ms (médiane de ${RUNS}) — objectif ≤ ${TARGETS.networkLargeMs.limit} ms ; données générées en ${(large.seededMs / 1000).toFixed(1)} s`);
console.log(`${large.poles} pôles : ${pdfText(large)}`);
const ratio = large.medianMs / small.medianMs;
console.log(`Coût ×${ratio.toFixed(1)} pour ×10 réponses (croissance ${ratio <= TARGETS.networkGrowth.limit ? 'au plus linéaire' : 'PLUS QUE LINÉAIRE'})`);
await closeChartWorker();
const measured = small === large ? [small] : [small, large];
const figures: Figure[] = measured.flatMap((m) => [
  { name: `Résultats réseau, ${formatNumber(m.poles)} pôles × ${RESPONSES_PER_POLE} réponses`, value: m.medianMs, unit: 'ms', target: m.poles >= 2500 ? TARGETS.networkLargeMs : TARGETS.networkSmallMs },
  { name: `Rapport PDF réseau, ${formatNumber(m.poles)} pôles`, value: m.pdf.medianMs, unit: 'ms', note: `${m.pdf.pages} pages` },
]);
if (measured.length === 2) figures.push({ name: 'Coût pour 10 fois plus de réponses', value: ratio, unit: '×', digits: 1, target: TARGETS.networkGrowth });
reportFigures('network', figures);
