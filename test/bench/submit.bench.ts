// npm run bench:submit — validated submissions per second through HTTP on loopback.
// The server runs in its own process (as in production); this process only sends requests.
import { formatNumber, reportFigures } from './figures.ts';
import { TARGETS } from './targets.ts';
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import http from 'node:http';
import { readConfig } from '../../server/config.ts';
import { createDeps } from '../../server/bootstrap.ts';
import { hashToken, newToken } from '../../server/security/tokens.ts';
import { sampleAnswers } from '../../server/demo/sample-answers.ts';
import { seededRandom } from '../../server/demo/random.ts';

const DURATION_MS = Math.min(Number(process.env.BENCH_SECONDS ?? 15), 60) * 1000;
const CONCURRENCY = Number(process.env.BENCH_CONCURRENCY ?? 32);
const TOKENS = Number(process.env.BENCH_TOKENS ?? 60_000);
// Links spread over poles of 30, as in the network (250 poles × 30 a year, sized for 100 times that): each submission
// also decides whether its pole's results move (a few rows per pole), which one giant pole would make quadratic.
const PER_POLE = 30;

const dataDir = mkdtempSync(join(tmpdir(), 'ptce-bench-'));
const config = readConfig({ DATA_DIR: dataDir });

// Prepare poles, an open campaign and as many individual links as the run can use.
const deps = createDeps(config);
const q = deps.questionnaires.get('ptce-2026')!;
const rng = seededRandom(1);
const colleges = q.colleges.map((c) => c.id);
const bodies = Array.from({ length: 50 }, (_, i) => JSON.stringify({ data: sampleAnswers(q, rng, { college: colleges[i % colleges.length] }) }));
const tokens: string[] = [];
deps.repos.db.transaction(() => {
  for (let p = 0; p < Math.ceil(TOKENS / PER_POLE); p++) {
    deps.repos.poles.create({ id: `bench-${p}`, name: `Pôle de mesure ${p}`, region: null, departement: null, createdAt: new Date().toISOString() });
  }
  deps.repos.campaigns.create({ id: 'bench-2026', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: null, createdAt: new Date().toISOString() });
  const rows = Array.from({ length: TOKENS }, (_, i) => {
    const token = newToken();
    tokens.push(token);
    return { id: `i${i}`, poleId: `bench-${Math.floor(i / PER_POLE)}`, campaignId: 'bench-2026', tokenHash: hashToken(token), tokenSealed: deps.sealer.seal(token), shared: false, college: null, createdAt: new Date().toISOString(), ticketId: `t${i}` };
  });
  deps.repos.invitations.createMany(rows);
})();
deps.repos.db.close();

const child = fork(new URL('./bench-server.ts', import.meta.url).pathname, [], {
  env: { ...process.env, DATA_DIR: dataDir },
  execArgv: ['--import', 'tsx', ...(process.env.BENCH_PROFILE ? ['--cpu-prof', '--cpu-prof-dir=.tmp/prof'] : [])],
  stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
});
const { url } = await new Promise<{ url: string }>((resolve) => child.once('message', (m) => resolve(m as { url: string })));
const target = new URL(url);
const agent = new http.Agent({ keepAlive: true, maxSockets: CONCURRENCY });

function submit(token: string, body: string): Promise<{ status: number; ms: number }> {
  const start = performance.now();
  return new Promise((resolve, reject) => {
    const req = http.request(
      { host: target.hostname, port: target.port, path: `/api/responses/${token}/submit`, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } },
      (res) => {
        res.resume();
        res.on('end', () => resolve({ status: res.statusCode ?? 0, ms: performance.now() - start }));
      },
    );
    req.on('error', reject);
    req.end(body);
  });
}

console.log(`Envoi de réponses validées pendant ${DURATION_MS / 1000} s au plus, ${CONCURRENCY} connexions, ${TOKENS} liens…`);
let next = 0;
let accepted = 0;
const failures = new Map<number, number>();
const latencies: number[] = [];
const started = performance.now();
const deadline = started + DURATION_MS;
await Promise.all(
  Array.from({ length: CONCURRENCY }, async () => {
    while (performance.now() < deadline && next < tokens.length) {
      const i = next++;
      const { status, ms } = await submit(tokens[i], bodies[i % bodies.length]);
      latencies.push(ms);
      if (status === 201) accepted++;
      else failures.set(status, (failures.get(status) ?? 0) + 1);
    }
  }),
);
const seconds = (performance.now() - started) / 1000;
child.send('stop');
await new Promise((resolve) => child.once('exit', resolve));
agent.destroy();

latencies.sort((a, b) => a - b);
const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
const stored = createDeps(config).repos.db.prepare('SELECT count(*) FROM responses').pluck().get() as number;
console.log(`Réponses acceptées (201) : ${accepted} en ${seconds.toFixed(1)} s`);
console.log(`Débit : ${Math.round(accepted / seconds)} réponses validées/s (objectif ≥ ${TARGETS.submitThroughput.limit}/s)`);
console.log(`Latence : médiane ${pct(0.5)} ms, p99 ${pct(0.99)} ms`);
console.log(`Enregistrées en base après arrêt : ${stored}${stored === accepted ? ' (toutes)' : ' — ÉCART !'}`);
if (failures.size) console.log('Autres statuts :', Object.fromEntries(failures));
rmSync(dataDir, { recursive: true, force: true });
const refused = [...failures.values()].reduce((a, b) => a + b, 0);
reportFigures('submit', [
  { name: 'Réponses validées par seconde (HTTP, boucle locale)', value: accepted / seconds, unit: 'réponses/s', target: TARGETS.submitThroughput, note: `latence médiane ${formatNumber(Number(pct(0.5)), 1)} ms` },
  { name: 'Réponses refusées ou absentes de la base', value: Math.abs(stored - accepted) + refused, unit: '', target: TARGETS.submitLost },
]);
if (stored !== accepted || failures.size) process.exitCode = 1;
