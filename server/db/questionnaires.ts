// Questionnaire versions imported through the API (SurveyJS JSON with `ptce` metadata). Immutable once stored:
import type { RawJson } from '../../surveys/json.ts';
// a campaign freezes its version, so there is no update nor delete here.
import type { Db } from './database.ts';

type Json = RawJson;

export interface StoredQuestionnaire {
  id: string;
  definition: Json;
  /** The pole profile form (SurveyJS JSON), as imported or copied from the previous newest version. */
  profile: Json;
  /** Renamed items: key in this version → key in the previous versions (question name or `question.row`). */
  renamed: Record<string, string>;
  createdAt: string;
  createdBy: string | null;
}

interface Row {
  id: string;
  definition: string;
  profile: string;
  renamed: string | null;
  createdAt: string;
  createdBy: string | null;
}

const fromRow = (r: Row): StoredQuestionnaire => ({
  id: r.id,
  definition: JSON.parse(r.definition),
  profile: JSON.parse(r.profile),
  renamed: r.renamed ? JSON.parse(r.renamed) : {},
  createdAt: r.createdAt,
  createdBy: r.createdBy,
});

export function questionnairesRepository(db: Db) {
  const SELECT = 'SELECT id, definition, profile, renamed, created_at AS createdAt, created_by AS createdBy FROM questionnaire_versions';
  const byId = db.prepare(`${SELECT} WHERE id = ?`);
  // In import order, so that the newest stored version comes last (as in the registry map).
  const all = db.prepare(`${SELECT} ORDER BY created_at, rowid`);
  const insert = db.prepare(
    'INSERT INTO questionnaire_versions (id, definition, profile, renamed, created_at, created_by) VALUES (@id, @definition, @profile, @renamed, @createdAt, @createdBy)',
  );
  return {
    get(id: string): StoredQuestionnaire | undefined {
      const row = byId.get(id) as Row | undefined;
      return row ? fromRow(row) : undefined;
    },
    list: (): StoredQuestionnaire[] => (all.all() as Row[]).map(fromRow),
    create(v: StoredQuestionnaire): StoredQuestionnaire {
      insert.run({
        id: v.id,
        definition: JSON.stringify(v.definition),
        profile: JSON.stringify(v.profile),
        renamed: Object.keys(v.renamed).length ? JSON.stringify(v.renamed) : null,
        createdAt: v.createdAt,
        createdBy: v.createdBy,
      });
      return v;
    },
  };
}
