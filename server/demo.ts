// `npm run demo`: rebuilds the demo network in its own data folder (./data-demo) and serves it.
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { readConfig } from './config.ts';
import { createDeps } from './bootstrap.ts';
import { ensureClientBuild } from './client-build.ts';
import { startServer } from './serve.ts';
import { generateDemoNetwork } from './demo/network.ts';

const config = { ...readConfig({ ...process.env, DATA_DIR: process.env.DEMO_DATA_DIR ?? './data-demo' }), adminEmail: undefined, adminPassword: undefined };
for (const f of ['ptce.sqlite', 'ptce.sqlite-wal', 'ptce.sqlite-shm']) rmSync(join(config.dataDir, f), { force: true });

console.log('Génération du réseau de démonstration…');
const seeding = createDeps(config);
const accounts = await generateDemoNetwork(seeding);
seeding.repos.close();

await ensureClientBuild();
const running = await startServer(config);
console.log(`\nDémonstration : ${running.url} (données : ${config.dataDir})`);
console.log(`Administration du Labo : ${accounts.admin.email} / ${accounts.admin.password}`);
for (const c of accounts.coordinators) console.log(`Coordination « ${c.pole} » : ${c.email} / ${c.password}`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
