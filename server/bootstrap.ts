// Builds the application's dependencies from a data folder: database, secret key, questionnaires, first admin.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createHash, randomBytes } from 'node:crypto';
import { join } from 'node:path';
import type { Config } from './config.ts';
import type { AppDeps } from './context.ts';
import { createRepositories, openDatabase } from './db/index.ts';
import { createSealer } from './security/tokens.ts';
import { createResponseCodes } from './export-codes.ts';
import { createRateLimiter } from './security/rate-limit.ts';
import { createLoginLimiter } from './security/login-limiter.ts';
import { createPasswordHasher, type PasswordHasher } from './security/passwords.ts';
import { DATABASE_FILE, KEY_FILE, secureDataDir } from './security/data-files.ts';
import { newId } from './security/tokens.ts';
import { addStoredQuestionnaires, loadQuestionnaires } from '../surveys/registry.ts';
import { createMailer, defaultFrom } from './mail/mailer.ts';

/** The key that seals invitation tokens lives beside the database but not in it (or comes from SECRET_KEY). */
function secretKey(config: Config): Buffer {
  if (config.secretKey) return createHash('sha256').update(config.secretKey).digest();
  const file = join(config.dataDir, KEY_FILE);
  if (!existsSync(file)) writeFileSync(file, randomBytes(32).toString('base64'), { mode: 0o600 });
  return Buffer.from(readFileSync(file, 'utf8').trim(), 'base64');
}

export interface DepsOptions {
  /** Password hashing; by default at the cost production uses (tests choose a cheaper one). */
  passwords?: PasswordHasher;
}

export function createDeps(config: Config, now: () => Date = () => new Date(), options: DepsOptions = {}): AppDeps {
  secureDataDir(config.dataDir);
  const repos = createRepositories(openDatabase(join(config.dataDir, DATABASE_FILE)));
  const key = secretKey(config);
  return {
    repos,
    // File versions first, then those imported through the API (POST /api/questionnaires), in import order.
    questionnaires: addStoredQuestionnaires(loadQuestionnaires(), repos.questionnaires.list()),
    sealer: createSealer(key),
    responseCodes: createResponseCodes(key),
    passwords: options.passwords ?? createPasswordHasher(),
    loginLimiter: createLoginLimiter(() => now().getTime()),
    // 100 claims an hour: a meeting of 50 behind one router still gets in, a script filling a collège does not.
    claimLimiter: createRateLimiter(100, 60 * 60_000),
    now,
    publicUrl: config.publicUrl,
    trustProxy: config.trustProxy,
    analysis: { minGroupSize: config.minGroupSize, thresholds: { high: config.swotHigh, low: config.swotLow } },
    mailer: config.smtpUrl ? createMailer(config.smtpUrl, config.mailFrom ?? defaultFrom(config.smtpUrl)) : undefined,
  };
}

/**
 * First start: with no admin yet, create one from ADMIN_EMAIL / ADMIN_PASSWORD, or generate a password.
 * Returns the generated password (to print once), or null.
 */
export async function ensureAdmin(
  { repos, passwords }: Pick<AppDeps, 'repos' | 'passwords'>,
  config: Pick<Config, 'adminEmail' | 'adminPassword'>,
  now = new Date(),
): Promise<{ email: string; generatedPassword: string | null } | null> {
  if (repos.users.adminCount() > 0) return null;
  const email = (config.adminEmail ?? 'admin@labo-ess.local').toLowerCase();
  const password = config.adminPassword ?? randomBytes(12).toString('base64url');
  repos.users.create({ id: newId(), email, role: 'admin', poleId: null }, await passwords.hash(password), now.toISOString());
  return { email, generatedPassword: config.adminPassword ? null : password };
}
