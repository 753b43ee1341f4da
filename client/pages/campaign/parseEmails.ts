// Addresses pasted by the coordinator: one per line, or separated by commas / semicolons.
// « Prénom Nom <adresse@exemple.fr> » is accepted too (as copied from a mail client).

export interface ParsedEmails {
  /** Valid addresses, in order, without duplicates (case-insensitive). */
  valid: string[];
  /** Entries that are not an e-mail address, as typed. */
  invalid: string[];
  /** How many valid entries were left out because they repeat an earlier one. */
  duplicates: number;
}

/** Same spirit as the server's check: something@domain.tld, no spaces, at most 254 characters. */
const EMAIL = /^[^\s@<>(),;:"]+@[^\s@<>(),;:"]+\.[^\s@<>(),;:".]{2,}$/;

export function parseEmails(text: string): ParsedEmails {
  const valid: string[] = [];
  const invalid: string[] = [];
  const seen = new Set<string>();
  let duplicates = 0;
  for (const raw of text.split(/[\n\r,;]+/)) {
    const entry = raw.trim();
    if (!entry) continue;
    const address = (/<([^<>]+)>\s*$/.exec(entry)?.[1] ?? entry).trim().replace(/^mailto:/i, '');
    if (address.length > 254 || !EMAIL.test(address)) {
      invalid.push(entry);
      continue;
    }
    const key = address.toLowerCase();
    if (seen.has(key)) {
      duplicates++;
      continue;
    }
    seen.add(key);
    valid.push(address);
  }
  return { valid, invalid, duplicates };
}
