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
    expect(tables).toEqual(['audit_log', 'campaigns', 'invitations', 'mail_recipients', 'mailings', 'outgoing_mails', 'pole_profiles', 'pole_reviews', 'poles', 'questionnaire_versions', 'responses', 'schema_migrations', 'sessions', 'tickets', 'users']);
    expect(db.prepare('SELECT max(version) FROM schema_migrations').pluck().get()).toBe(migrations.at(-1)!.version);
    expect(() => db.prepare("INSERT INTO invitations (id, pole_id, campaign_id, token_hash, token_sealed, shared, college, created_at) VALUES ('i', 'no-pole', 'no-campaign', 'h', 's', 0, NULL, 'now')").run()).toThrow(/FOREIGN KEY/);
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

  it('moves the responses of an older file apart from their links, losing none (migration 5)', () => {
    const file = tempFile();
    const old = new Database(file);
    migrate(old, migrations.filter((m) => m.version < 5));
    old.exec(`
      INSERT INTO poles VALUES ('p', 'Pôle', NULL, NULL, 'now');
      INSERT INTO campaigns VALUES ('c', 2026, 'ptce-2026', NULL, NULL, 'now');
      INSERT INTO invitations VALUES ('i1', 'p', 'c', 'h1', 's1', 0, NULL, 'now'), ('i2', 'p', 'c', 'h2', 's2', 0, 'ess', 'now'), ('i3', 'p', 'c', 'h3', 's3', 1, NULL, 'now');
      INSERT INTO responses (id, invitation_id, pole_id, campaign_id, token_hash, status, college, data, page_no, created_at, updated_at, submitted_at) VALUES
        ('r1', 'i1', 'p', 'c', 'h1', 'submitted', 'recherche', '{"a":1}', 3, '2026-03-01T08:00:00Z', '2026-03-02T09:10:11Z', '2026-03-02T09:10:11Z'),
        ('r2', 'i2', 'p', 'c', 'h2', 'draft', 'ess', '{"b":2}', 1, '2026-03-01T08:00:00Z', '2026-03-03T10:00:00Z', NULL),
        ('r3', 'i3', 'p', 'c', 'hp', 'submitted', 'ess', '{"c":3}', 0, '2026-03-01T08:00:00Z', '2026-03-04T11:00:00Z', '2026-03-04T11:00:00Z');
    `);
    old.close();
    const db = openDatabase(file);
    const responses = db.prepare('SELECT * FROM responses ORDER BY data').all() as any[];
    expect(responses.map((r) => [r.college, r.data, r.submitted_on, r.batch])).toEqual([['recherche', '{"a":1}', '2026-03-02', 1], ['ess', '{"c":3}', '2026-03-04', 1]]);
    expect(responses.every((r) => !['r1', 'r3'].includes(r.id))).toBe(true);
    const tickets = db.prepare('SELECT id, invitation_id, token_hash, status, college, data, page_no, updated_at FROM tickets ORDER BY id').all();
    expect(tickets).toEqual([
      { id: 'r1', invitation_id: 'i1', token_hash: 'h1', status: 'submitted', college: null, data: '{}', page_no: 0, updated_at: null },
      { id: 'r2', invitation_id: 'i2', token_hash: 'h2', status: 'draft', college: 'ess', data: '{"b":2}', page_no: 1, updated_at: '2026-03-03T10:00:00Z' },
      { id: 'r3', invitation_id: 'i3', token_hash: 'hp', status: 'submitted', college: null, data: '{}', page_no: 0, updated_at: null },
    ]);
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
