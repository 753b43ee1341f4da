// `npm start`: build the client if needed, apply migrations, create the first admin, serve on PORT.
import { readConfig } from './config.ts';
import { ensureClientBuild } from './client-build.ts';
import { startServer } from './serve.ts';

// A setting refused (weak ADMIN_PASSWORD, bad PORT…) is an operator's message, not a stack trace.
const config = (() => {
  try {
    return readConfig();
  } catch (error) {
    console.error(`Démarrage impossible : ${(error as Error).message}`);
    process.exit(1);
  }
})();
// `npm run dev` serves the client with Vite's dev server instead.
const apiOnly = process.env.PTCE_API_ONLY === '1';
if (!apiOnly) await ensureClientBuild();
const running = await startServer(config, apiOnly ? { clientDir: null } : {});
if (running.admin?.generatedPassword) {
  console.log(`\nCompte administrateur créé : ${running.admin.email}\nMot de passe (affiché une seule fois) : ${running.admin.generatedPassword}\n`);
} else if (running.admin) {
  console.log(`Compte administrateur créé : ${running.admin.email}`);
}
console.log(`Auto-évaluation PTCE : ${running.url.replace('127.0.0.1', 'localhost')} (données : ${config.dataDir})`);
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.on(signal, () => void running.close().then(() => process.exit(0)));
