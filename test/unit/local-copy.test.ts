// The respondent's answers kept on the device while the server cannot be reached (client/survey/localCopy.ts), and
// the pace of re-sending them (client/survey/retry.ts). The browser path is test/e2e/offline.test.ts.
import { describe, expect, it } from 'vitest';
import { linkDigest, localCopyKey, openLocalCopy, sameAsServer } from '../../client/survey/localCopy.ts';
import { RETRY_DELAYS_MS, isTransient, retryDelay } from '../../client/survey/retry.ts';
import { ApiError } from '../../client/api.ts';
import { newToken } from '../../server/security/tokens.ts';

/** localStorage as the browser gives it, in memory. */
function memoryStorage(): Storage & { entries: Map<string, string> } {
  const entries = new Map<string, string>();
  return {
    entries,
    get length() {
      return entries.size;
    },
    key: (i: number) => [...entries.keys()][i] ?? null,
    getItem: (key: string) => entries.get(key) ?? null,
    setItem: (key: string, value: string) => void entries.set(key, String(value)),
    removeItem: (key: string) => void entries.delete(key),
    clear: () => entries.clear(),
  };
}

const answers = (value: number) => ({ data: { college: 'esse', gouv_debat: { espaces_debat: value } }, pageNo: 2, submit: false });

describe('the copy kept on the device', () => {
  it('is stored under a digest of the link, never the link', () => {
    const token = newToken();
    const storage = memoryStorage();
    openLocalCopy(token, storage).write(answers(4), 1);
    const [key, value] = [...storage.entries][0];
    expect(key).toBe(localCopyKey(token));
    expect(key).toMatch(/^ptce-reponses-[0-9a-f]{16}$/);
    expect(key + value).not.toContain(token);
    expect(linkDigest(token)).toBe(linkDigest(token));
    const others = new Set(Array.from({ length: 500 }, () => linkDigest(newToken())));
    expect(others.size).toBe(500);
  });

  it('gives back what was written, for that link only', () => {
    const storage = memoryStorage();
    const token = newToken();
    openLocalCopy(token, storage).write({ ...answers(4), submit: true }, 3);
    expect(openLocalCopy(token, storage).read()).toEqual({ ...answers(4), submit: true });
    expect(openLocalCopy(newToken(), storage).read()).toBeNull();
  });

  it('is deleted by the acknowledgement of the change it holds, not of an older one nor another tab’s', () => {
    const storage = memoryStorage();
    const token = newToken();
    const tab = openLocalCopy(token, storage);
    const otherTab = openLocalCopy(token, storage);
    tab.write(answers(4), 5);
    // A save of change 4 comes back after change 5 was written: change 5 is not on the server yet.
    tab.clearIfUnchanged(4);
    expect(tab.read()).not.toBeNull();
    // Another tab on the same link wrote since: its copy stays.
    otherTab.write(answers(2), 1);
    tab.clearIfUnchanged(5);
    expect(tab.read()?.data).toEqual(answers(2).data);
    otherTab.clearIfUnchanged(1);
    expect(storage.entries.size).toBe(0);
  });

  it('is not kept past two months, nor read when damaged', () => {
    const storage = memoryStorage();
    const token = newToken();
    let clock = Date.parse('2026-03-01T10:00:00Z');
    openLocalCopy(token, storage, () => clock).write(answers(4), 1);
    clock += 59 * 86_400_000;
    expect(openLocalCopy(token, storage, () => clock).read()).not.toBeNull();
    clock += 2 * 86_400_000;
    expect(openLocalCopy(token, storage, () => clock).read()).toBeNull();
    expect(storage.entries.size).toBe(0);

    for (const damaged of ['{', '[]', '{"v":1,"data":[],"at":1}', '{"v":2,"data":{},"at":1}']) {
      storage.setItem(localCopyKey(token), damaged);
      expect(openLocalCopy(token, storage, () => 2).read()).toBeNull();
    }
  });

  it('is not newer than the server’s draft when it holds the same answers, whatever their order', () => {
    const local = { data: { college: 'esse', gouv_debat: { a: 1, b: 4 } }, pageNo: 2, submit: false };
    expect(sameAsServer(local, { data: { gouv_debat: { b: 4, a: 1 }, college: 'esse' }, pageNo: 2 })).toBe(true);
    expect(sameAsServer(local, { data: { gouv_debat: { b: 4, a: 2 }, college: 'esse' }, pageNo: 2 })).toBe(false);
    expect(sameAsServer(local, { data: { gouv_debat: { b: 4, a: 1 }, college: 'esse' }, pageNo: 1 })).toBe(false);
    expect(sameAsServer({ ...local, data: {}, pageNo: 0 }, {})).toBe(true);
    // A submission waiting is never dropped: the draft is not the submission.
    expect(sameAsServer({ ...local, submit: true }, { data: local.data, pageNo: 2 })).toBe(false);
  });

  it('writes nothing when the browser refuses storage, and the page knows it', () => {
    const copy = openLocalCopy(newToken(), null);
    expect(copy.available).toBe(false);
    copy.write(answers(4), 1);
    expect(copy.read()).toBeNull();

    // Quota reached: the write is dropped without breaking the page.
    const full = memoryStorage();
    full.setItem = () => {
      throw new DOMException('plein', 'QuotaExceededError');
    };
    expect(() => openLocalCopy(newToken(), full).write(answers(4), 1)).not.toThrow();
  });
});

describe('re-sending', () => {
  it('waits longer after each failure, up to a ceiling, with some spread', () => {
    expect(retryDelay(1, () => 0.5)).toBe(1_000);
    expect(retryDelay(2, () => 0.5)).toBe(2_000);
    expect(retryDelay(4, () => 0.5)).toBe(8_000);
    expect(retryDelay(50, () => 0.5)).toBe(RETRY_DELAYS_MS.at(-1));
    expect(retryDelay(1, () => 0)).toBe(800);
    expect(retryDelay(1, () => 0.999999)).toBe(1_200);
  });

  it('retries a network failure or a server error, not a refusal', () => {
    expect(isTransient(new ApiError(0, 'network', 'x'))).toBe(true);
    expect(isTransient(new ApiError(502, 'http_502', 'x'))).toBe(true);
    expect(isTransient(new ApiError(503, 'http_503', 'x'))).toBe(true);
    expect(isTransient(new ApiError(422, 'validation', 'x'))).toBe(false);
    expect(isTransient(new ApiError(409, 'campaign_closed', 'x'))).toBe(false);
    expect(isTransient(new ApiError(403, 'opened_elsewhere', 'x'))).toBe(false);
  });
});
