// Password hashing with scrypt (node:crypto) and the password policy. The parameters are stored in each hash, so
// they can be raised: a hash made with other parameters is redone at its owner's next successful login.
import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import { z } from '@hono/zod-openapi';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}

/** OWASP's current recommendation for scrypt (Password Storage Cheat Sheet): about 128 MiB and 0.3 s per hash. */
export const SCRYPT_PARAMS: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
const KEY_LENGTH = 32;
/** Bounds on parameters read back from a stored hash: a damaged row must not make the server allocate gigabytes. */
const MAX_N = 2 ** 20;
const MAX_R = 32;
const MAX_P = 16;

/** One policy for every password: account creation, password change and ADMIN_PASSWORD at start-up. */
const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 200;
export const NewPasswordSchema = z
  .string()
  .min(PASSWORD_MIN, `Le mot de passe doit faire au moins ${PASSWORD_MIN} caractères.`)
  .max(PASSWORD_MAX, `Le mot de passe doit faire au plus ${PASSWORD_MAX} caractères.`);

/** The policy's complaint about a password, or null when it is acceptable. */
export function passwordProblem(password: string): string | null {
  const checked = NewPasswordSchema.safeParse(password);
  return checked.success ? null : checked.error.issues[0].message;
}

function derive(password: string, salt: Buffer, { N, r, p }: ScryptParams): Promise<Buffer> {
  // OpenSSL needs 128·r·(N + p + 2) bytes; Node's default ceiling (32 MiB) is below what N = 2^17 takes.
  const maxmem = 128 * r * (N + p + 2);
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFC'), salt, KEY_LENGTH, { N, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, params: ScryptParams = SCRYPT_PARAMS): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, params);
  return ['scrypt', params.N, params.r, params.p, salt.toString('base64url'), key.toString('base64url')].join('$');
}

/** The parameters a stored hash was made with, or null if it is not a hash this module can check. */
function parse(stored: string): { params: ScryptParams; salt: Buffer; key: Buffer } | null {
  const [scheme, N, r, p, salt, key] = stored.split('$');
  const params = { N: Number(N), r: Number(r), p: Number(p) };
  if (scheme !== 'scrypt' || !salt || !key) return null;
  if (!Number.isInteger(params.N) || params.N < 2 || params.N > MAX_N || (params.N & (params.N - 1)) !== 0) return null;
  if (!Number.isInteger(params.r) || params.r < 1 || params.r > MAX_R || !Number.isInteger(params.p) || params.p < 1 || params.p > MAX_P) return null;
  return { params, salt: Buffer.from(salt, 'base64url'), key: Buffer.from(key, 'base64url') };
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parsed = parse(stored);
  if (!parsed) return false;
  const actual = await derive(password, parsed.salt, parsed.params);
  return actual.length === parsed.key.length && timingSafeEqual(actual, parsed.key);
}

/** Hashing as the app does it (deps.passwords): tests use a cheaper cost, and can count the checks. */
export interface PasswordHasher {
  hash(password: string): Promise<string>;
  /** Checks a password against its stored hash; without one (unknown e-mail) against a decoy, so that timing does not reveal which accounts exist. */
  verify(password: string, stored: string | undefined): Promise<boolean>;
  /** Whether a stored hash was made with other parameters than this hasher's, and should be redone. */
  needsRehash(stored: string): boolean;
}

export function createPasswordHasher(params: ScryptParams = SCRYPT_PARAMS): PasswordHasher {
  let decoy: Promise<string> | undefined;
  return {
    hash: (password) => hashPassword(password, params),
    async verify(password, stored) {
      if (stored !== undefined) return verifyPassword(password, stored);
      await verifyPassword(password, await (decoy ??= hashPassword(randomBytes(12).toString('hex'), params)));
      return false;
    },
    needsRehash(stored) {
      const parsed = parse(stored);
      return !parsed || parsed.params.N !== params.N || parsed.params.r !== params.r || parsed.params.p !== params.p;
    },
  };
}
