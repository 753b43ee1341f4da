import { afterEach, describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { migrate, openDatabase } from '../../server/db/index.ts';
import { migrations } from '../../server/db/migrations.ts';

const dirs: string[] = [];
const tempFile = () => {
  const dir = mkdtempSync(join(tmpdir(), 'ptce-db-'));
  dirs.push(dir);
  return join(dir, 'ptce.sqlite');
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('database', () => {
  it('creates the whole schema from an empty file, in WAL mode with foreign keys on', () => {
    const db = openDatabase(tempFile());
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").pluck().all();
    expect(tables).toEqual(['campaigns', 'invitations', 'mail_recipients', 'pole_profiles', 'poles', 'questionnaire_versions', 'responses', 'schema_migrations', 'sessions', 'users']);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(migrations.at(-1)!.version);
    expect(() => db.prepare("INSERT INTO invitations VALUES ('i', 'no-pole', 'no-campaign', 'h', 's', 0, NULL, 'now')").run()).toThrow(/FOREIGN KEY/);
    db.close();
  });

  it('applies each migration once, in order, and only the new ones on a later start', () => {
    const file = tempFile();
    openDatabase(file).close();
    const db = new Database(file);
    expect(migrate(db)).toBe(0);
    const extra = { version: migrations.at(-1)!.version + 1, name: 'test', sql: 'CREATE TABLE extra (x INTEGER)' };
    expect(migrate(db, [...migrations, extra])).toBe(1);
    expect(migrate(db, [...migrations, extra])).toBe(0);
    db.close();
  });

  it('rolls back a failing migration entirely', () => {
    const db = new Database(tempFile());
    const broken = { version: 99, name: 'broken', sql: 'CREATE TABLE a (x INTEGER); CREATE TABLE a (y INTEGER);' };
    expect(() => migrate(db, [...migrations, broken])).toThrow();
    expect(db.prepare("SELECT count(*) FROM sqlite_master WHERE name = 'a'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM schema_migrations WHERE version = 99').pluck().get()).toBe(0);
    db.close();
  });
});
