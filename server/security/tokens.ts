// Bearer tokens (sessions, invitation links): 256 random bits, stored as SHA-256 hashes.
// Invitation tokens are also sealed (AES-256-GCM, key outside the database) so a coordinator can list them again.
import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

export const newToken = (): string => randomBytes(32).toString('base64url');
/**
 * Record ids: 96 random bits in base64url, never starting with « - », which spreadsheets read as a formula: exports
 * would have to quote such an id (reports/csv.ts) and it would no longer match the id the API gives.
 */
export const newId = (): string => {
  const id = randomBytes(12).toString('base64url');
  return id.startsWith('-') ? `_${id.slice(1)}` : id;
};
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('base64url');

/** Invitation tokens are 43 base64url characters; anything else is rejected before touching the database. */
export const looksLikeToken = (token: string): boolean => /^[A-Za-z0-9_-]{43}$/.test(token);

export interface Sealer {
  seal(plain: string): string;
  open(sealed: string): string;
}

export function createSealer(key: Buffer): Sealer {
  if (key.length !== 32) throw new Error('La clé de chiffrement doit faire 32 octets.');
  return {
    seal(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, iv);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return [iv, cipher.getAuthTag(), body].map((b) => b.toString('base64url')).join('.');
    },
    open(sealed) {
      const [iv, tag, body] = sealed.split('.').map((s) => Buffer.from(s, 'base64url'));
      const decipher = createDecipheriv('aes-256-gcm', key, iv);
      decipher.setAuthTag(tag);
      return Buffer.concat([decipher.update(body), decipher.final()]).toString('utf8');
    },
  };
}

/** A link token as issued: the token (to hand out once), its hash (to find it) and its sealed copy (to list it again). */
export function issueToken(sealer: Sealer): { token: string; tokenHash: string; tokenSealed: string } {
  const token = newToken();
  return { token, tokenHash: hashToken(token), tokenSealed: sealer.seal(token) };
}
