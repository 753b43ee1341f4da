// The respondent's answers not yet acknowledged by the server, kept on this device (localStorage) so that a server
// down or a network cut loses nothing: written at each change, re-sent, and deleted as soon as the server has them
// (or refuses them for good). Only unsent answers are ever stored, and never past submission: on a device passed
// from hand to hand (a shared link in a meeting), nothing of one person's answers is left for the next.
//
// The key is a digest of the link, not the link itself: whoever reads the storage does not get a working link.
// The copy is not encrypted: any key would have to sit beside it on the same device (and WebCrypto is missing on a
// plain-HTTP local network, where meeting phones reach the service).

const PREFIX = 'ptce-reponses-';
/** A copy nobody came back for is not kept forever (campaigns last weeks, not months). */
const MAX_AGE_MS = 60 * 24 * 3_600_000;

export interface LocalAnswers {
  data: Record<string, unknown>;
  pageNo: number;
  /** The respondent pressed « Terminer »: reopening the page sends the submission. */
  submit: boolean;
}

interface StoredCopy extends LocalAnswers {
  v: 1;
  /** When written (ms), for the expiry above only. */
  at: number;
  /** Which page instance wrote it and at which change: a save acknowledged there clears only that very copy. */
  writer: string;
  rev: number;
}

export interface LocalCopy {
  /** false when the browser refuses storage (private mode, blocked site data): answers live only in the page. */
  readonly available: boolean;
  read(): LocalAnswers | null;
  write(answers: LocalAnswers, rev: number): void;
  /** Deletes the copy if it is still the one this page wrote at `rev` (another tab may have written since). */
  clearIfUnchanged(rev: number): void;
  clear(): void;
}

/**
 * 64 bits of two 32-bit multiplicative hashes (cyrb53's mixing): synchronous, so it works without WebCrypto. The
 * tokens carry 256 random bits, so the digest cannot be turned back into a link.
 */
export function linkDigest(token: string): string {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < token.length; i++) {
    const c = token.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return (h2 >>> 0).toString(16).padStart(8, '0') + (h1 >>> 0).toString(16).padStart(8, '0');
}

export const localCopyKey = (token: string) => PREFIX + linkDigest(token);

/** The browser's storage if it accepts a write, else null (Safari's private mode, site data blocked...). */
export function usableStorage(): Storage | null {
  try {
    const storage = window.localStorage;
    const probe = `${PREFIX}essai`;
    storage.setItem(probe, '1');
    storage.removeItem(probe);
    return storage;
  } catch {
    return null;
  }
}

function parse(raw: string | null, now: number): StoredCopy | null {
  if (!raw) return null;
  try {
    const copy = JSON.parse(raw) as Partial<StoredCopy>;
    if (copy.v !== 1 || typeof copy.data !== 'object' || copy.data === null || Array.isArray(copy.data)) return null;
    if (typeof copy.at !== 'number' || now - copy.at > MAX_AGE_MS) return null;
    return copy as StoredCopy;
  } catch {
    return null;
  }
}

let writers = 0;

export function openLocalCopy(token: string, storage: Storage | null = usableStorage(), now: () => number = Date.now): LocalCopy {
  const key = localCopyKey(token);
  const writer = `${now().toString(36)}-${(writers++).toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  const remove = () => {
    try {
      storage?.removeItem(key);
    } catch {
      // nothing to do: the copy could not have been written either
    }
  };
  return {
    available: storage !== null,
    read() {
      if (!storage) return null;
      let raw: string | null;
      try {
        raw = storage.getItem(key);
      } catch {
        return null;
      }
      const copy = parse(raw, now());
      if (!copy) {
        if (raw !== null) remove();
        return null;
      }
      return { data: copy.data, pageNo: Number.isInteger(copy.pageNo) && copy.pageNo >= 0 ? copy.pageNo : 0, submit: copy.submit === true };
    },
    write(answers, rev) {
      if (!storage) return;
      const copy: StoredCopy = { v: 1, data: answers.data, pageNo: answers.pageNo, submit: answers.submit, at: now(), writer, rev };
      try {
        storage.setItem(key, JSON.stringify(copy));
      } catch {
        // Quota reached: the page still holds the answers and keeps re-sending them.
      }
    },
    clearIfUnchanged(rev) {
      if (!storage) return;
      try {
        const copy = parse(storage.getItem(key), now());
        if (!copy || (copy.writer === writer && copy.rev === rev)) remove();
      } catch {
        // ignore
      }
    },
    clear: remove,
  };
}

/** JSON with keys in order: the same answers give the same text whatever order they were set in. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    return `{${entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** Whether the server's draft already holds these answers (the last save before the page closed did arrive). */
export function sameAsServer(local: LocalAnswers, server: { data?: Record<string, unknown>; pageNo?: number }): boolean {
  return !local.submit && local.pageNo === (server.pageNo ?? 0) && canonical(local.data) === canonical(server.data ?? {});
}

/** Whether answers are kept on this device for a link. */
export function hasLocalCopy(token: string): boolean {
  return openLocalCopy(token).read() !== null;
}

/** Deletes the answers kept on this device for a link (submitted, moved elsewhere, revoked, closed). */
export function forgetLocalCopy(token: string): void {
  try {
    window.localStorage.removeItem(localCopyKey(token));
  } catch {
    // storage refused: nothing was written
  }
}
