// Record ids go into exports, where a cell starting with « - » would be quoted as a would-be formula (reports/csv.ts).
import { describe, expect, it } from 'vitest';
import { newId } from '../../server/security/tokens.ts';

describe('newId', () => {
  it('gives 16 base64url characters that never start with a formula sign, all distinct', () => {
    // One id in 64 started with « - » before: among 10,000, some would.
    const ids = Array.from({ length: 10_000 }, newId);
    for (const id of ids) {
      expect(id).toMatch(/^[A-Za-z0-9_-]{16}$/);
      expect(id[0]).not.toBe('-');
    }
    expect(new Set(ids).size).toBe(ids.length);
  });
});
