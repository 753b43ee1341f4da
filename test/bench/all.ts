// npm run bench — every benchmark of the project, one after the other, then ONE table: each figure, its target
// (targets.ts) and whether it holds. Each bench runs in its own process with `--json` (figures.ts): what it prints
// shows as it goes, on stderr; its figures come back on stdout. `npm run bench -- web submit`: only those.
// Exit code 1 when a target does not hold or a bench fails.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { allHold, FIGURES_HEADER, figureRows, parseBenchOutput, renderTable, summary, type BenchResult } from './figures.ts';

const BENCHES = [
  { bench: 'submit', script: 'submit.bench.ts' },
  { bench: 'report', script: 'report.bench.ts' },
  { bench: 'network', script: 'network.bench.ts' },
  { bench: 'web', script: 'web.bench.ts' },
];

function runBench(bench: string, script: string): Promise<BenchResult> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL(script, import.meta.url)), '--json'], { stdio: ['ignore', 'pipe', 'inherit'] });
    let stdout = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => (stdout += chunk));
    child.on('error', (error) => resolve({ bench, figures: [], error: error.message }));
    child.on('close', (code, signal) => {
      const result = parseBenchOutput(bench, stdout);
      // Lines that were not the figures (a child process printing to stdout): shown rather than lost.
      const other = stdout.split('\n').filter((l) => l.trim() && !l.startsWith('{"bench"'));
      if (other.length) console.error(other.join('\n'));
      const failure = signal ? `arrêté (${signal})` : code ? `code de sortie ${code}` : result ? undefined : 'aucune mesure rendue';
      resolve({ bench, figures: result?.figures ?? [], ...(failure ? { error: failure } : {}) });
    });
  });
}

const chosen = process.argv.slice(2).filter((a) => !a.startsWith('-'));
const unknown = chosen.filter((name) => !BENCHES.some((b) => b.bench === name));
if (unknown.length) {
  console.error(`Banc inconnu : ${unknown.join(', ')} (bancs : ${BENCHES.map((b) => b.bench).join(', ')}).`);
  process.exit(2);
}
const results: BenchResult[] = [];
for (const { bench, script } of BENCHES.filter((b) => !chosen.length || chosen.includes(b.bench))) {
  console.error(`\n── npm run bench:${bench} ──`);
  results.push(await runBench(bench, script));
}
console.log(`\n${renderTable(FIGURES_HEADER, figureRows(results))}\n\n${summary(results)}`);
if (!allHold(results)) process.exitCode = 1;
