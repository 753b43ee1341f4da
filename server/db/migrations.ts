// Forward-only schema migrations. Append a new entry to change the schema; never edit a shipped one.
export interface Migration {
  version: number;
  name: string;
  sql: string;
}

export const migrations: Migration[] = [
  {
    version: 1,
    name: 'initial schema',
    sql: `
      CREATE TABLE poles (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        region TEXT,
        departement TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE users (
        id TEXT PRIMARY KEY,
        email TEXT NOT NULL UNIQUE COLLATE NOCASE,
        password_hash TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('admin', 'coordinator')),
        pole_id TEXT REFERENCES poles(id),
        created_at TEXT NOT NULL,
        CHECK ((role = 'admin') = (pole_id IS NULL))
      );
      CREATE TABLE sessions (
        token_hash TEXT PRIMARY KEY,
        user_id TEXT NOT NULL REFERENCES users(id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_user ON sessions(user_id);
      CREATE TABLE campaigns (
        id TEXT PRIMARY KEY,
        year INTEGER NOT NULL UNIQUE,
        questionnaire_id TEXT NOT NULL,
        opens_at TEXT,
        closes_at TEXT,
        created_at TEXT NOT NULL
      );
      CREATE TABLE invitations (
        id TEXT PRIMARY KEY,
        pole_id TEXT NOT NULL REFERENCES poles(id),
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        token_hash TEXT NOT NULL UNIQUE,
        token_sealed TEXT NOT NULL,
        shared INTEGER NOT NULL CHECK (shared IN (0, 1)),
        college TEXT,
        created_at TEXT NOT NULL
      );
      CREATE INDEX invitations_pole_campaign ON invitations(pole_id, campaign_id);
      CREATE TABLE responses (
        id TEXT PRIMARY KEY,
        invitation_id TEXT NOT NULL REFERENCES invitations(id),
        pole_id TEXT NOT NULL REFERENCES poles(id),
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        token_hash TEXT NOT NULL UNIQUE,
        status TEXT NOT NULL CHECK (status IN ('new', 'draft', 'submitted')),
        college TEXT,
        data TEXT NOT NULL DEFAULT '{}',
        page_no INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT,
        submitted_at TEXT
      );
      CREATE INDEX responses_pole_campaign ON responses(pole_id, campaign_id, status);
      CREATE TABLE pole_profiles (
        pole_id TEXT NOT NULL REFERENCES poles(id),
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT REFERENCES users(id),
        PRIMARY KEY (pole_id, campaign_id)
      );
    `,
  },
  {
    version: 2,
    name: 'mail recipients',
    // One row per invitation sent by e-mail. The opt-out token is stored hashed (lookup) and sealed (to write it
    // again in reminders), like invitation tokens. One address per pole and campaign.
    sql: `
      CREATE TABLE mail_recipients (
        id TEXT PRIMARY KEY,
        invitation_id TEXT NOT NULL UNIQUE REFERENCES invitations(id),
        pole_id TEXT NOT NULL REFERENCES poles(id),
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        email TEXT NOT NULL COLLATE NOCASE,
        opt_out_token_hash TEXT NOT NULL UNIQUE,
        opt_out_token_sealed TEXT NOT NULL,
        opted_out_at TEXT,
        last_sent_at TEXT,
        sent_count INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL
      );
      CREATE UNIQUE INDEX mail_recipients_pole_campaign ON mail_recipients(pole_id, campaign_id, email);
    `,
  },
  {
    version: 3,
    name: 'theme scores stored with each submitted response',
    // Scored once at submission, as raw float64 (NaN where the respondent answered no item of the theme), in the
    // theme order of the campaign's frozen questionnaire: the network view then reads no answers JSON at all.
    sql: `
      ALTER TABLE responses ADD COLUMN theme_scores BLOB;
      CREATE INDEX responses_unscored ON responses(campaign_id) WHERE status = 'submitted' AND theme_scores IS NULL;
    `,
  },
  {
    version: 4,
    name: 'questionnaire versions imported through the API',
    // SurveyJS JSON (with its `ptce` metadata) and the pole profile form, stored as imported; immutable, since a
    // campaign freezes its version. `renamed`: JSON object { key in this version: key in the previous ones } or NULL.
    sql: `
      CREATE TABLE questionnaire_versions (
        id TEXT PRIMARY KEY,
        definition TEXT NOT NULL,
        profile TEXT NOT NULL,
        renamed TEXT,
        created_at TEXT NOT NULL,
        created_by TEXT REFERENCES users(id)
      );
    `,
  },
  {
    version: 5,
    name: 'tickets apart from submitted responses, with no link between them',
    // A link is a ticket (`tickets`): its draft, the browser it is bound to and the resume secret live there while
    // the respondent answers. On submission the ticket keeps only its status and the answers move to `responses`,
    // which holds no invitation id, token, resume secret nor time finer than the day; its random primary key and
    // WITHOUT ROWID leave no insertion order either. `batch` is the results snapshot a response entered (0: not yet).
    sql: `
      ALTER TABLE invitations ADD COLUMN max_responses INTEGER;
      ALTER TABLE invitations ADD COLUMN revoked_at TEXT;
      CREATE TABLE tickets (
        id TEXT PRIMARY KEY,
        invitation_id TEXT NOT NULL REFERENCES invitations(id),
        pole_id TEXT NOT NULL REFERENCES poles(id),
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        token_hash TEXT NOT NULL UNIQUE,
        browser_hash TEXT,
        resume_hash TEXT UNIQUE,
        resume_sealed TEXT,
        status TEXT NOT NULL CHECK (status IN ('new', 'draft', 'submitted')),
        college TEXT,
        data TEXT NOT NULL DEFAULT '{}',
        page_no INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT
      );
      INSERT INTO tickets (id, invitation_id, pole_id, campaign_id, token_hash, status, college, data, page_no, created_at, updated_at)
        SELECT id, invitation_id, pole_id, campaign_id, token_hash, status,
               CASE WHEN status = 'submitted' THEN NULL ELSE college END,
               CASE WHEN status = 'submitted' THEN '{}' ELSE data END,
               CASE WHEN status = 'submitted' THEN 0 ELSE page_no END,
               created_at,
               CASE WHEN status = 'submitted' THEN NULL ELSE updated_at END
        FROM responses;
      CREATE INDEX tickets_invitation ON tickets(invitation_id, status);
      CREATE INDEX tickets_pole_campaign ON tickets(pole_id, campaign_id, status);
      CREATE TABLE submitted_responses (
        id TEXT PRIMARY KEY,
        pole_id TEXT NOT NULL REFERENCES poles(id),
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        college TEXT,
        data TEXT NOT NULL,
        item_scores BLOB,
        submitted_on TEXT NOT NULL,
        batch INTEGER NOT NULL DEFAULT 0
      ) WITHOUT ROWID;
      INSERT INTO submitted_responses (id, pole_id, campaign_id, college, data, submitted_on, batch)
        SELECT lower(hex(randomblob(12))), pole_id, campaign_id, college, data,
               substr(coalesce(submitted_at, updated_at, created_at), 1, 10), 1
        FROM responses WHERE status = 'submitted';
      DROP TABLE responses;
      ALTER TABLE submitted_responses RENAME TO responses;
      CREATE INDEX responses_pole_campaign ON responses(pole_id, campaign_id, batch, college);
      -- The network view reads every pole's item scores from this index alone: rows are stored in random id order,
      -- so reaching them through the table would be one random lookup each (past the answers JSON).
      CREATE INDEX responses_network ON responses(campaign_id, batch, pole_id, college, item_scores);
      CREATE INDEX responses_unscored ON responses(campaign_id) WHERE item_scores IS NULL;
    `,
  },
  {
    version: 6,
    name: 'mail queue: mailings and their outgoing mails',
    // A mailing is one coordinator's request (invitations or reminders): the note, the origin links are written
    // with and who sends (reply address) are kept once there. Each outgoing mail waits in the queue until the
    // background sender gets it accepted by the SMTP server, retried with backoff, or marked failed with the
    // server's answer. The mail itself is written at sending time from the recipient's sealed tokens, so the queue
    // holds no link. Counting a pole's mails of the last 24 hours (quota) goes through mailings_pole.
    sql: `
      CREATE TABLE mailings (
        id TEXT PRIMARY KEY,
        pole_id TEXT NOT NULL REFERENCES poles(id),
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        kind TEXT NOT NULL CHECK (kind IN ('invitation', 'reminder')),
        note TEXT,
        link_origin TEXT NOT NULL,
        created_by TEXT REFERENCES users(id),
        created_at TEXT NOT NULL
      );
      CREATE INDEX mailings_pole ON mailings(pole_id, created_at);
      CREATE INDEX mailings_pole_campaign ON mailings(pole_id, campaign_id, kind, created_at);
      CREATE TABLE outgoing_mails (
        id TEXT PRIMARY KEY,
        mailing_id TEXT NOT NULL REFERENCES mailings(id),
        recipient_id TEXT NOT NULL REFERENCES mail_recipients(id),
        status TEXT NOT NULL CHECK (status IN ('pending', 'sent', 'failed')),
        attempts INTEGER NOT NULL DEFAULT 0,
        next_attempt_at TEXT,
        last_error TEXT,
        finished_at TEXT
      );
      CREATE INDEX outgoing_mails_due ON outgoing_mails(next_attempt_at) WHERE status = 'pending';
      CREATE INDEX outgoing_mails_mailing ON outgoing_mails(mailing_id, status);
    `,
  },
  {
    version: 7,
    name: 'accounts that can be disabled, idle sessions, audit trail',
    // A disabled user keeps their row (the audit names them) but cannot sign in; their sessions are deleted when
    // disabled. last_seen_at lets a session lapse after a period of inactivity besides its fixed expiry.
    // The audit trail records who did what and when (exports, deletions, user and link changes, logins): never an
    // answer nor a token. actor_id has no foreign key: the record outlives the account.
    sql: `
      ALTER TABLE users ADD COLUMN disabled_at TEXT;
      ALTER TABLE sessions ADD COLUMN last_seen_at TEXT;
      CREATE TABLE audit_log (
        id INTEGER PRIMARY KEY,
        at TEXT NOT NULL,
        actor_id TEXT,
        actor_email TEXT,
        action TEXT NOT NULL,
        target_type TEXT,
        target_id TEXT,
        pole_id TEXT,
        detail TEXT
      );
      CREATE INDEX audit_log_at ON audit_log(at DESC, id DESC);
    `,
  },
  {
    version: 8,
    name: 'collective review and action plan per pole and campaign',
    // The pole's meeting after its campaign: notes per theme, the adopted options and own actions with their owner,
    // due month and status (reports/contract/review.ts), as one JSON document, updated through the year. Never an
    // answer: what the group decided together.
    sql: `
      CREATE TABLE pole_reviews (
        pole_id TEXT NOT NULL REFERENCES poles(id),
        campaign_id TEXT NOT NULL REFERENCES campaigns(id),
        data TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT,
        PRIMARY KEY (pole_id, campaign_id)
      );
    `,
  },
  {
    version: 9,
    name: 'stored item values tell « nsp » and hidden rows apart',
    // Item values stored with each response (item-scores.ts) now keep « je ne sais pas » (−1) and a row whose
    // question was hidden to the respondent (−2) apart from an unanswered one (NaN): the network's « nsp » rate per
    // row needs them. Values stored before are cleared, and scored again from the answers at the next network read.
    sql: `
      UPDATE responses SET item_scores = NULL WHERE item_scores IS NOT NULL;
    `,
  },
];
