// Builds the application's dependencies from a data folder: database, secret key, questionnaires, first admin.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { AppDeps } from './context.ts';
import { createRepositories, openDatabase, type Repositories } from './db/index.ts';
import { createSealer } from './security/tokens.ts';
import { createRateLimiter } from './security/rate-limit.ts';
import { hashPassword } from './security/passwords.ts';
import { newId } from './security/tokens.ts';
import { addStoredQuestionnaires, loadQuestionnaires } from '../surveys/registry.ts';
import { createMailer, defaultFrom } from './mail/mailer.ts';

/** The key that seals invitation tokens lives beside the database but not in it (or comes from SECRET_KEY). */
function secretKey(config: Config): Buffer {
  if (config.secretKey) return createHash('sha256').update(config.secretKey).digest();
  const file = join(config.dataDir, 'secret.key');
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

export function createDeps(config: Config, now: () => Date = () => new Date()): AppDeps {
  mkdirSync(config.dataDir, { recursive: true });
  const repos = createRepositories(openDatabase(join(config.dataDir, 'ptce.sqlite')));
  return {
    repos,
    // File versions first, then those imported through the API (POST /api/questionnaires), in import order.
    questionnaires: addStoredQuestionnaires(loadQuestionnaires(), repos.questionnaires.list()),
    sealer: createSealer(secretKey(config)),
    loginLimiter: createRateLimiter(10, 15 * 60_000),
    // 100 claims an hour: a meeting of 50 behind one router still gets in, a script filling a collège does not.
    claimLimiter: createRateLimiter(100, 60 * 60_000),
    now,
    publicUrl: config.publicUrl,
    analysis: { minGroupSize: config.minGroupSize, thresholds: { high: config.swotHigh, low: config.swotLow } },
    mailer: config.smtpUrl ? createMailer(config.smtpUrl, config.mailFrom ?? defaultFrom(config.smtpUrl)) : undefined,
  };
}

/**
 * First start: with no admin yet, create one from ADMIN_EMAIL / ADMIN_PASSWORD, or generate a password.
 * Returns the generated password (to print once), or null.
 */
export async function ensureAdmin(repos: Repositories, config: Pick<Config, 'adminEmail' | 'adminPassword'>, now = new Date()): Promise<{ email: string; generatedPassword: string | null } | null> {
  if (repos.users.adminCount() > 0) return null;
  const email = (config.adminEmail ?? 'admin@labo-ess.local').toLowerCase();
  const password = config.adminPassword ?? randomBytes(12).toString('base64url');
  repos.users.create({ id: newId(), email, role: 'admin', poleId: null }, await hashPassword(password), now.toISOString());
  return { email, generatedPassword: config.adminPassword ? null : password };
}
