// The `reponse` column of the exports: `<salt>-<code>`, where the salt is drawn afresh for each export and the code is
// HMAC(key derived from the server key, salt ‖ stored response id). Within one export a row names one response, so
// the Labo can have that row erased (DELETE /api/campaigns/{campaignId}/responses/{code}?salt={salt}); across two
// exports the codes are unrelated, so that nobody can join two exports on them, and without the server key nobody
// can tell which stored response a code stands for.
import { createHmac, randomBytes } from 'node:crypto';

// RFC 4648 base32 in lower case: no cell starts with a formula character, nor reads as a number or a date.
const ALPHABET = 'abcdefghijklmnopqrstuvwxyz234567';
/** 40 random bits: two exports never share a salt in practice. */
const SALT_LENGTH = 8;
/** 60 bits of the HMAC: no two responses of a campaign share a code in one export in practice. */
const CODE_LENGTH = 12;

export const SALT_PATTERN = new RegExp(`^[${ALPHABET}]{${SALT_LENGTH}}$`);
export const CODE_PATTERN = new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`);

function base32(bytes: Uint8Array, length: number): string {
  let out = '';
  let value = 0;
  let bits = 0;
  for (const byte of bytes) {
    value = ((value << 8) | byte) & 0xffff;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      bits -= 5;
      out += ALPHABET[(value >>> bits) & 31];
    }
    if (out.length === length) break;
  }
  return out;
}

export interface ResponseCodes {
  /** A new export: its salt, and the `reponse` cell of each stored response in it. */
  newExport(): (responseId: string) => string;
  /** The response whose code in the export salted with `salt` is `code`, among `responses`; undefined if none. */
  find<T extends { id: string }>(responses: readonly T[], salt: string, code: string): T | undefined;
}

export function createResponseCodes(serverKey: Buffer): ResponseCodes {
  // A key of its own, so that the sealing key is never used for anything but sealing.
  const key = createHmac('sha256', serverKey).update('ptce:code-reponse-export').digest();
  const codeOf = (salt: string, responseId: string) => base32(createHmac('sha256', key).update(`${salt}:${responseId}`).digest(), CODE_LENGTH);
  return {
    newExport() {
      const salt = base32(randomBytes(5), SALT_LENGTH);
      return (responseId) => `${salt}-${codeOf(salt, responseId)}`;
    },
    find: (responses, salt, code) => responses.find((r) => codeOf(salt, r.id) === code),
  };
}
