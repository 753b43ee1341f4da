// Storage behind one door: SQL lives in server/db/ only, so that moving to another database is a change of one folder.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const sources = (dir: string): string[] =>
  readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.(ts|tsx|mjs)$/.test(name) ? [path] : [];
  });

describe('storage behind its door', () => {
  it('has no SQL and no raw database handle outside server/db/', () => {
    const offenders = ['server', 'reports', 'client', 'surveys']
      .flatMap(sources)
      .filter((file) => !file.startsWith(join('server', 'db')))
      .filter((file) => /\.prepare\(|\.pragma\(|\brepos\.db\b|\bSELECT\s+[\w*(]|\bUPDATE\s+\w+\s+SET\b|\bINSERT\s+INTO\b/.test(readFileSync(file, 'utf8')));
    expect(offenders).toEqual([]);
  });
});
