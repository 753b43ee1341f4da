// A shared link gives each person a response of their own; the personal token is kept in
// localStorage under `ptce-shared-<sharedToken>` so reopening the shared link resumes it.

const PREFIX = 'ptce-shared-';

function storage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

export function personalTokenFor(sharedToken: string): string | null {
  try {
    return storage()?.getItem(PREFIX + sharedToken) ?? null;
  } catch {
    return null;
  }
}

export function rememberPersonalToken(sharedToken: string, personalToken: string): void {
  try {
    storage()?.setItem(PREFIX + sharedToken, personalToken);
  } catch {
    // private browsing without storage: the personal link shown on the page is the fallback
  }
}

/** The shared token whose stored personal token is `token`, if any. */
export function sharedTokenOf(token: string): string | null {
  const store = storage();
  if (!store) return null;
  try {
    for (let i = 0; i < store.length; i++) {
      const key = store.key(i);
      if (key?.startsWith(PREFIX) && store.getItem(key) === token) return key.slice(PREFIX.length);
    }
  } catch {
    return null;
  }
  return null;
}

export function forgetPersonalToken(sharedToken: string): void {
  try {
    storage()?.removeItem(PREFIX + sharedToken);
  } catch {
    // ignore
  }
}
