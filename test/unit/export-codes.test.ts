// The exports' `reponse` codes: one export's row names one stored response; two exports cannot be joined on them.
import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { CODE_PATTERN, SALT_PATTERN, createResponseCodes } from '../../server/export-codes.ts';

const responses = Array.from({ length: 500 }, (_, i) => ({ id: `reponse-${i}` }));
const split = (cell: string) => {
  const [salt, code] = cell.split('-');
  return { salt, code };
};

describe('export codes', () => {
  it('gives every response of an export a distinct code under one salt, and finds it back from that row alone', () => {
    const codes = createResponseCodes(randomBytes(32));
    const cellOf = codes.newExport();
    const cells = responses.map((r) => cellOf(r.id));
    expect(new Set(cells).size).toBe(responses.length);
    const parts = cells.map(split);
    expect(new Set(parts.map((p) => p.salt)).size).toBe(1);
    for (const { salt, code } of parts) {
      expect(salt).toMatch(SALT_PATTERN);
      expect(code).toMatch(CODE_PATTERN);
    }
    expect(codes.find(responses, parts[123].salt, parts[123].code)).toBe(responses[123]);
    expect(codes.find(responses, parts[123].salt, 'aaaaaaaaaaaa')).toBeUndefined();
  });

  it('shares no code between two exports of the same responses, and depends on the server key', () => {
    const key = randomBytes(32);
    const codes = createResponseCodes(key);
    const [first, second] = [codes.newExport(), codes.newExport()];
    const a = responses.map((r) => split(first(r.id)));
    const b = responses.map((r) => split(second(r.id)));
    expect(a[0].salt).not.toBe(b[0].salt);
    const inA = new Set(a.map((p) => p.code));
    expect(b.filter((p) => inA.has(p.code))).toEqual([]);
    // A code means nothing under another export's salt, nor to a server with another key.
    expect(codes.find(responses, b[0].salt, a[0].code)).toBeUndefined();
    expect(createResponseCodes(randomBytes(32)).find(responses, a[7].salt, a[7].code)).toBeUndefined();
    expect(createResponseCodes(Buffer.from(key)).find(responses, a[7].salt, a[7].code)).toBe(responses[7]);
  });
});
