// Drafts are stored sealed, with a key the server never keeps: it is derived from the resume secret, itself stored
// only sealed under a key derived from the bound browser's cookie. Reading a draft needs that browser (or the resume
// link); the database, a backup of it or the server's own secret key hold no answer in progress.
import { createHmac } from 'node:crypto';
import { createSealer } from './tokens.ts';

const keyFrom = (secret: string, purpose: string) => createHmac('sha256', secret).update(purpose).digest();

/** Seals and opens the resume secret for the browser holding the draft. */
export const browserSealer = (browserSecret: string) => createSealer(keyFrom(browserSecret, 'ptce:navigateur'));

/** Seals and opens one ticket's draft, from its resume secret. */
const draftSealer = (resumeSecret: string, ticketId: string) => createSealer(keyFrom(resumeSecret, `ptce:brouillon:${ticketId}`));

export function sealDraft(data: Record<string, unknown>, resumeSecret: string, ticketId: string): string {
  return draftSealer(resumeSecret, ticketId).seal(JSON.stringify(data));
}

/** A draft saved before drafts were sealed is plain JSON: it reads as is, and is sealed at its next write. */
export function openDraft(stored: string, resumeSecret: string, ticketId: string): Record<string, unknown> {
  if (stored.startsWith('{')) return JSON.parse(stored) as Record<string, unknown>;
  return JSON.parse(draftSealer(resumeSecret, ticketId).open(stored)) as Record<string, unknown>;
}
