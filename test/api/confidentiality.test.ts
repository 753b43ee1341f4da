// The curious coordinator's checklist (shared/design/privacy.md), tried through HTTP: links in hand, the database,
// subtraction, differencing, stuffing a shared link. k = MIN_GROUP_SIZE = 3 here.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Client, type Harness } from '../helpers/harness.ts';
import { completeAnswers, createLinks, poleWithCampaign } from '../helpers/scenario.ts';
import { SCRUB_INTERVAL_MS } from '../../server/db/group-commit.ts';

let h: Harness;
beforeEach(async () => (h = await createHarness()));
afterEach(() => h.close());

const db = () => h.deps.repos.db;

/** Each link answered by its own browser; returns those browsers. */
async function submitAll(links: { token: string }[], colleges: string[], seed = 1): Promise<Client[]> {
  const browsers: Client[] = [];
  for (const [i, college] of colleges.entries()) {
    const r = h.client();
    const res = await r.json('POST', `/api/responses/${links[i].token}/submit`, { data: completeAnswers(h, college, seed + i) });
    if (res.status !== 201) throw new Error(JSON.stringify(res.body));
    browsers.push(r);
  }
  return browsers;
}

describe('a link is a ticket, not a key', () => {
  it('binds the draft to the first browser: the coordinator holding the link reads and writes nothing', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    await createLinks(coordinator, base, { count: 1 });
    // The coordinator lists the links again: the token is there, but it is no longer a key.
    const [listed] = (await coordinator.json('GET', `${base}/invitations`)).body.invitations;
    const respondent = h.client();
    const opened = await respondent.json('GET', `/api/responses/${listed.token}`);
    expect(opened.status).toBe(200);
    expect(respondent.cookies.has('ptce_respondent')).toBe(true);
    const secret = { college: 'ess', position: 'membre', anciennete: 2, siegeInstance: false, gouv_debat: { espaces_debat: 1 } };
    expect((await respondent.json('PUT', `/api/responses/${listed.token}`, { data: secret, pageNo: 1 })).status).toBe(200);

    // The coordinator's own browser (session cookie, no respondent cookie), and a stranger's.
    for (const other of [coordinator, h.client()]) {
      for (const [method, path, body] of [
        ['GET', `/api/responses/${listed.token}`, undefined],
        ['PUT', `/api/responses/${listed.token}`, { data: { college: 'ess' } }],
        ['POST', `/api/responses/${listed.token}/submit`, { data: completeAnswers(h, 'ess') }],
      ] as const) {
        const res = await other.request(method, path, body);
        const text = await res.text();
        expect(res.status, `${method} ${path}`).toBe(403);
        expect(JSON.parse(text).error.code).toBe('opened_elsewhere');
        expect(JSON.parse(text).error.message).toMatch(/déjà été ouvert sur un autre appareil/);
        expect(text).not.toContain('espaces_debat');
        expect(text).not.toContain('membre');
      }
    }
    // A forged cookie is no better.
    const forged = await h.client().request('GET', `/api/responses/${listed.token}`, undefined, { cookie: `ptce_respondent=${'A'.repeat(43)}` });
    expect(forged.status).toBe(403);
    // The draft is intact for its owner.
    expect((await respondent.json('GET', `/api/responses/${listed.token}`)).body).toMatchObject({ status: 'draft', data: secret, pageNo: 1 });
  });

  it('sets the respondent cookie HttpOnly, SameSite=Strict, on /api/responses only, and marks answers no-store', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    const res = await h.client().request('GET', `/api/responses/${link.token}`);
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('ptce_respondent='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Strict/i);
    expect(cookie).toMatch(/Path=\/api\/responses(;|$)/);
    expect(res.headers.get('cache-control')).toBe('no-store');
  });

  it('never sets a cookie on a refusal: two first requests at once leave the browser its own draft', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    const browser = h.client();
    // Two tabs open the link at the same instant, neither holding a cookie yet: one binds it, the other is refused.
    const both = await Promise.all([browser.request('GET', `/api/responses/${link.token}`), browser.request('GET', `/api/responses/${link.token}`)]);
    expect(both.map((r) => r.status).sort()).toEqual([200, 403]);
    expect(both.find((r) => r.status === 403)!.headers.getSetCookie()).toEqual([]);
    // The browser kept the cookie of the one that bound: its draft is there.
    expect((await browser.json('GET', `/api/responses/${link.token}`)).status).toBe(200);
    // A stranger refused gets no cookie either.
    const stranger = await h.client().request('GET', `/api/responses/${link.token}`);
    expect(stranger.status).toBe(403);
    expect(stranger.headers.getSetCookie()).toEqual([]);
  });

  it('moves the draft to another device through the resume link, which only the bound browser is shown', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    const phone = h.client();
    const first = (await phone.json('GET', `/api/responses/${link.token}`)).body;
    expect(first.resumeUrl).toMatch(/^\/r\/[A-Za-z0-9_-]{43}$/);
    expect(first.resumeUrl).not.toContain(link.token);
    await phone.json('PUT', `/api/responses/${link.token}`, { data: { college: 'salaries' }, pageNo: 2 });
    // Nothing the coordination can read carries the resume secret.
    const listing = JSON.stringify((await coordinator.json('GET', `${base}/invitations`)).body);
    expect(listing).not.toContain(first.resumeUrl.slice(3));

    const laptop = h.client();
    const resumeToken = first.resumeUrl.slice(3);
    const moved = await laptop.json('GET', `/api/responses/${resumeToken}`);
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ status: 'draft', data: { college: 'salaries' }, pageNo: 2 });
    // The resume link works once: it was replaced as it was used, and the new one is shown to the laptop only.
    expect(moved.body.resumeUrl).toMatch(/^\/r\/[A-Za-z0-9_-]{43}$/);
    expect(moved.body.resumeUrl).not.toBe(first.resumeUrl);
    expect((await h.client().json('GET', `/api/responses/${resumeToken}`)).status).toBe(404);
    // The laptop now holds it; the phone, by link or by its old resume link, no longer does.
    expect((await phone.json('GET', `/api/responses/${link.token}`)).status).toBe(403);
    expect((await phone.json('GET', `/api/responses/${resumeToken}`)).status).toBe(404);
    expect((await laptop.json('PUT', `/api/responses/${link.token}`, { data: { college: 'salaries', position: 'membre' } })).status).toBe(200);
    // The new resume link, used by two browsers at the same instant: one takes the draft, the other finds nothing.
    const next = moved.body.resumeUrl.slice(3);
    const race = await Promise.all([h.client().json('GET', `/api/responses/${next}`), h.client().json('GET', `/api/responses/${next}`)]);
    expect(race.map((r) => r.status).sort()).toEqual([200, 404]);
    const winner = race.find((r) => r.status === 200)!.body.resumeUrl.slice(3);
    const holder = h.client();
    const held = await holder.json('GET', `/api/responses/${winner}`);
    expect(held.status).toBe(200);
    expect((await holder.json('POST', `/api/responses/${link.token}/submit`, { data: completeAnswers(h, 'salaries') })).status).toBe(201);
    // Once sent, the current resume link opens nothing either.
    expect((await h.client().json('GET', `/api/responses/${held.body.resumeUrl.slice(3)}`)).status).toBe(404);
  });

  it('after submission, tells any caller the status only: no answers, no questionnaire, no date', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    const respondent = h.client();
    const answers = { ...completeAnswers(h, 'ess'), verbatimObstacle: 'Le bureau décide seul.' };
    expect((await respondent.json('POST', `/api/responses/${link.token}/submit`, { data: answers })).status).toBe(201);
    for (const caller of [respondent, coordinator, h.client()]) {
      const res = await caller.json('GET', `/api/responses/${link.token}`);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ kind: 'individual', status: 'submitted' });
    }
  });

  it('reissues a link not yet sent: the old one stops working and its draft is deleted unread', async () => {
    const { coordinator, base, admin } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1, college: 'ess' });
    const someone = h.client();
    await someone.json('PUT', `/api/responses/${link.token}`, { data: { college: 'ess', position: 'fondateur' } });
    const reissued = await coordinator.json('POST', `${base}/invitations/${link.id}/reissue`);
    expect(reissued.status).toBe(201);
    expect(reissued.body.invitation).toMatchObject({ id: link.id, college: 'ess', status: 'new' });
    expect(reissued.body.invitation.token).not.toBe(link.token);
    expect(JSON.stringify(reissued.body)).not.toContain('fondateur');
    expect((await someone.json('GET', `/api/responses/${link.token}`)).status).toBe(404);
    expect(db().prepare("SELECT count(*) FROM tickets WHERE data LIKE '%fondateur%'").pluck().get()).toBe(0);
    // The new link starts afresh, for whoever opens it first.
    const fresh = await h.client().json('GET', `/api/responses/${reissued.body.invitation.token}`);
    expect(fresh.body).toMatchObject({ status: 'new', data: {}, presetCollege: 'ess' });
    // Once sent, there is nothing to replace; another pole's coordinator cannot touch it; an unknown id is 404.
    expect((await h.client().json('POST', `/api/responses/${link.token}/submit`, { data: completeAnswers(h, 'ess') })).status).toBe(404);
    const newToken = reissued.body.invitation.token;
    const owner = h.client();
    expect((await owner.json('POST', `/api/responses/${newToken}/submit`, { data: completeAnswers(h, 'ess') })).status).toBe(403);
    const other = (await admin.json('POST', '/api/poles', { name: 'Autre pôle' })).body;
    const intruder = await h.coordinator(other.id);
    expect((await intruder.json('POST', `${base}/invitations/${link.id}/reissue`)).status).toBe(403);
    expect((await intruder.json('DELETE', `${base}/invitations/${link.id}`)).status).toBe(403);
    expect((await coordinator.json('POST', `${base}/invitations/inconnue/reissue`)).status).toBe(404);
  });

  it('lets the coordination preview the questionnaire without any link', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const preview = await coordinator.json('GET', `${base}/questionnaire`);
    expect(preview.status).toBe(200);
    expect(preview.body.definition.pages[0].elements[0].name).toBe('college');
    expect((await h.client().json('GET', `${base}/questionnaire`)).status).toBe(401);
    expect(db().prepare('SELECT count(*) FROM tickets').pluck().get()).toBe(0);
  });
});

describe('unlinkable storage', () => {
  it('keeps no reference between a submitted response and its invitation, nor any time finer than the day', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const links = await createLinks(coordinator, base, { count: 4 });
    h.clock.now = new Date('2026-03-02T09:13:27.123Z');
    await submitAll(links, ['ess', 'ess', 'salaries', 'recherche']);

    // The response table's columns, all of them.
    const columns = (db().prepare("SELECT name FROM pragma_table_info('responses')").pluck().all() as string[]).sort();
    expect(columns).toEqual(['batch', 'campaign_id', 'college', 'data', 'id', 'item_scores', 'pole_id', 'submitted_on']);
    // No rowid: rows carry no order of arrival.
    expect(() => db().prepare('SELECT rowid FROM responses').all()).toThrow();
    const rows = db().prepare('SELECT id, submitted_on FROM responses').all() as { id: string; submitted_on: string }[];
    expect(rows.every((r) => r.submitted_on === '2026-03-02')).toBe(true);

    // No other table mentions a response id, and the tickets keep their status only.
    const tables = db().prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'responses'").pluck().all() as string[];
    for (const table of tables) {
      const dump = JSON.stringify(db().prepare(`SELECT * FROM "${table}"`).all());
      for (const { id } of rows) expect(dump, table).not.toContain(id);
    }
    const tickets = db().prepare('SELECT status, data, college, browser_hash, resume_hash, resume_sealed, updated_at FROM tickets').all();
    expect(tickets).toEqual(Array(4).fill({ status: 'submitted', data: '{}', college: null, browser_hash: null, resume_hash: null, resume_sealed: null, updated_at: null }));
    // Nothing in the database (nor in the API) holds the hour of a submission.
    for (const table of [...tables, 'responses']) {
      expect(JSON.stringify(db().prepare(`SELECT * FROM "${table}"`).all()), table).not.toMatch(/2026-03-02T/);
    }
    // Statuses are still known, as promised: who has answered (signed in again: the clock moved a day).
    await coordinator.relogin();
    expect((await coordinator.json('GET', `${base}/invitations`)).body.invitations.map((i: any) => i.status)).toEqual(Array(4).fill('submitted'));
  });
});

describe('the files on disk', () => {
  it('keep, once a response is sent, one copy of its answers: in `responses`, none beside its ticket (WAL included)', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const links = await createLinks(coordinator, base, { count: 2, college: 'ess' });
    const marks = ['Marque-ALPHA-unique', 'Marque-BRAVO-unique'];
    for (const [i, link] of links.entries()) {
      const browser = h.client();
      const data = { ...completeAnswers(h, 'ess', 80 + i), verbatimObstacle: marks[i] };
      // The usual journey: drafts saved on the way, then sent.
      expect((await browser.json('PUT', `/api/responses/${link.token}`, { data: { college: 'ess', verbatimObstacle: marks[i] } })).status).toBe(200);
      expect((await browser.json('PUT', `/api/responses/${link.token}`, { data })).status).toBe(200);
      expect((await browser.json('POST', `/api/responses/${link.token}/submit`, { data })).status).toBe(201);
    }
    // The WAL is truncated at once after a submission, then at most once a second: wait for the second one.
    await new Promise((resolve) => setTimeout(resolve, SCRUB_INTERVAL_MS + 100));
    const bytes = readdirSync(h.dataDir).filter((f) => f.startsWith('ptce.sqlite')).map((f) => readFileSync(join(h.dataDir, f)).toString('latin1')).join('');
    for (const mark of marks) expect(bytes.split(mark).length - 1, mark).toBe(1);
  });
});

describe('drafts at rest', () => {
  it('keeps a draft in progress unreadable in the database, its backups or with the server’s key: only its browser opens it', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    const phone = h.client();
    const draft = { college: 'ess', verbatimObstacle: 'Marque-DRAFT-unique' };
    expect((await phone.json('PUT', `/api/responses/${link.token}`, { data: draft })).status).toBe(200);
    await new Promise((resolve) => setTimeout(resolve, SCRUB_INTERVAL_MS + 100));
    // A copy of the files, as a backup would take them: the draft is not in it.
    const files = () => readdirSync(h.dataDir).filter((f) => f.startsWith('ptce.sqlite')).map((f) => readFileSync(join(h.dataDir, f)).toString('latin1')).join('');
    expect(files()).not.toContain('Marque-DRAFT-unique');
    // The server's own sealing key opens tokens, not drafts.
    const stored = db().prepare('SELECT data, resume_sealed FROM tickets').get() as { data: string; resume_sealed: string };
    expect(() => h.deps.sealer.open(stored.data)).toThrow();
    expect(() => h.deps.sealer.open(stored.resume_sealed)).toThrow();
    // Its browser reads it; moved elsewhere through the resume link, it is sealed anew and still readable there only.
    const view = (await phone.json('GET', `/api/responses/${link.token}`)).body;
    expect(view.data).toEqual(draft);
    const laptop = h.client();
    expect((await laptop.json('GET', `/api/responses/${view.resumeUrl.slice(3)}`)).body.data).toEqual(draft);
    expect(files()).not.toContain('Marque-DRAFT-unique');
  });

  it('seals a draft saved before drafts were sealed at its first opening', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    db().prepare("UPDATE tickets SET status = 'draft', data = ?").run(JSON.stringify({ college: 'salaries' }));
    const browser = h.client();
    expect((await browser.json('GET', `/api/responses/${link.token}`)).body).toMatchObject({ status: 'draft', data: { college: 'salaries' } });
    expect(db().prepare('SELECT data FROM tickets').pluck().get()).not.toContain('salaries');
    expect((await browser.json('GET', `/api/responses/${link.token}`)).body.data).toEqual({ college: 'salaries' });
  });
});

describe('participation', () => {
  it('never shows the collège a respondent chose: not from a draft, a sent response, nor a whole batch', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const links = await createLinks(coordinator, base, { count: 3 }); // three named people, no collège preset
    const r = h.client();
    await r.json('PUT', `/api/responses/${links[1].token}`, { data: { college: 'recherche' } });
    const during = (await coordinator.json('GET', `${base}/participation`)).body;
    expect(during.colleges.find((c: any) => c.id === 'recherche')).toMatchObject({ invited: 0, started: 0, submitted: 0 });
    expect((await r.json('POST', `/api/responses/${links[1].token}/submit`, { data: completeAnswers(h, 'recherche', 3) })).status).toBe(201);
    const sent = (await coordinator.json('GET', `${base}/participation`)).body;
    expect(sent.colleges.find((c: any) => c.id === 'recherche').submitted).toBe(0);
    expect(sent.totals).toMatchObject({ submitted: 1, pending: 1 });
    const results = (await coordinator.json('GET', `${base}/results`)).body;
    expect(results.participation.colleges.find((c: any) => c.college === 'recherche').submitted).toBe(0);
    expect(results.participation.submitted).toBe(1);
    // The two others answer as Recherche too: a batch of exactly k, all in one collège. Still nothing per collège.
    for (const i of [0, 2]) expect((await h.client().json('POST', `/api/responses/${links[i].token}/submit`, { data: completeAnswers(h, 'recherche', 10 + i) })).status).toBe(201);
    const batch = (await coordinator.json('GET', `${base}/participation`)).body;
    expect(batch.colleges.find((c: any) => c.id === 'recherche').submitted).toBe(0);
    expect(batch.colleges.find((c: any) => c.id === null)).toMatchObject({ invited: 3, submitted: 3 });
  });

  it('keeps every API answer out of caches', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    for (const path of [`${base}/invitations`, `${base}/participation`, `${base}/results`, `${base}/invitations.csv`]) {
      expect((await coordinator.request('GET', path)).headers.get('cache-control'), path).toBe('no-store');
    }
  });
});

describe('results by snapshot', () => {
  it('does not move with one more submission, and moves once k more are in', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const links = await createLinks(coordinator, base, { count: 9 });
    await submitAll(links.slice(0, 3), ['ess', 'ess', 'ess']);
    const three = (await coordinator.json('GET', `${base}/results`)).body;
    expect(three.available).toBe(true);
    expect(three.snapshot).toEqual({ responses: 3, pending: 0, nextUpdateAt: 6, provisional: true });

    // The coordinator sees the 4th link turn « envoyé »: the results, the PDF and the export do not change.
    await submitAll(links.slice(3, 4), ['collectivites'], 50);
    expect((await coordinator.json('GET', `${base}/invitations`)).body.invitations[3].status).toBe('submitted');
    const four = (await coordinator.json('GET', `${base}/results`)).body;
    expect(four.snapshot).toEqual({ responses: 3, pending: 1, nextUpdateAt: 6, provisional: true });
    const { snapshot: _a, participation: _p3, ...figuresAt3 } = three;
    const { snapshot: _b, participation: p4, ...figuresAt4 } = four;
    expect(figuresAt4).toEqual(figuresAt3);
    expect(four.themes).toEqual(three.themes);
    expect(four.items).toEqual(three.items);
    expect(four.verbatims).toEqual(three.verbatims);
    // Participation stays live: knowing who answered is fine.
    expect(p4.submitted).toBe(4);
    const exportAt3 = await (await coordinator.request('GET', `${base}/export.csv?format=wide`)).text();

    await submitAll(links.slice(4, 5), ['collectivites'], 60);
    expect((await coordinator.json('GET', `${base}/results`)).body.themes).toEqual(three.themes);
    const exportAt5 = await (await coordinator.request('GET', `${base}/export.csv?format=wide`)).text();
    expect(exportAt5.split('\n').length).toBe(exportAt3.split('\n').length);

    await submitAll(links.slice(5, 6), ['collectivites'], 70);
    const six = (await coordinator.json('GET', `${base}/results`)).body;
    expect(six.snapshot).toEqual({ responses: 6, pending: 0, nextUpdateAt: 9, provisional: true });
    expect(six.themes).not.toEqual(three.themes);
  });

  it('says the results are final once the campaign is closed', async () => {
    const { coordinator, base, pole } = await poleWithCampaign(h);
    const links = await createLinks(coordinator, base, { count: 4 });
    await submitAll(links, ['ess', 'ess', 'ess', 'ess']);
    h.clock.now = new Date('2026-07-01T10:00:00Z');
    const later = await h.coordinator(pole.id); // the first session has expired since
    const closed = (await later.json('GET', `${base}/results`)).body;
    // The fourth response stays out: alone, it would be read as the difference before and after the closing.
    expect(closed.snapshot).toEqual({ responses: 3, pending: 1, nextUpdateAt: 6, provisional: false });
  });

  it('lets at least k responses held back for a collège enter the results once the campaign is closed', async () => {
    const { coordinator, base, pole } = await poleWithCampaign(h);
    const ess = await createLinks(coordinator, base, { count: 4, college: 'ess' });
    const coll = await createLinks(coordinator, base, { count: 5, college: 'collectivites' });
    await submitAll(ess.slice(0, 3), ['ess', 'ess', 'ess'], 10);
    await submitAll(coll.slice(0, 3), ['collectivites', 'collectivites', 'collectivites'], 20);
    await submitAll([ess[3], coll[3], coll[4]], ['ess', 'collectivites', 'collectivites'], 30);
    expect((await coordinator.json('GET', `${base}/results`)).body.snapshot).toMatchObject({ responses: 6, pending: 3 });
    h.clock.now = new Date('2026-07-01T10:00:00Z');
    const closed = (await (await h.coordinator(pole.id)).json('GET', `${base}/results`)).body;
    // No more responses will come: the three enter as a last batch, ESS and Collectivités merged to keep it whole.
    expect(closed.snapshot).toEqual({ responses: 9, pending: 0, nextUpdateAt: 12, provisional: false });
    expect(closed.groups.map((g: any) => [g.id, g.n])).toEqual([['autres', 9]]);
  });
});

describe('comparing snapshots gives no one away', () => {
  /** Every figure moved by 0 or by at least k scorers, overall and in every group still shown. */
  const movedByWholeCells = (before: any, after: any, k = 3) => {
    const figures = (r: any) => new Map<string, any>([...r.themes, ...r.items].map((f: any) => [f.id ?? f.name, f]));
    const old = figures(before);
    for (const [key, f] of figures(after)) {
      const o = old.get(key);
      const moved = f.n - (o?.n ?? 0);
      expect(moved === 0 || moved >= k, `${key}: n ${o?.n} → ${f.n}`).toBe(true);
      for (const g of f.byCollege.filter((x: any) => !x.suppressed)) {
        const og = o?.byCollege.find((x: any) => x.college === g.college && !x.suppressed);
        if (og) expect(g.n - og.n === 0 || g.n - og.n >= k, `${key} / ${g.college}: n ${og.n} → ${g.n}`).toBe(true);
      }
    }
  };

  it('holds a batch back rather than let a collège grow by one known person, then merges it', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    // Links per collège: the coordinator knows who holds which.
    const ess = await createLinks(coordinator, base, { count: 4, college: 'ess' });
    const coll = await createLinks(coordinator, base, { count: 11, college: 'collectivites' });
    await submitAll(ess.slice(0, 3), ['ess', 'ess', 'ess'], 10);
    await submitAll(coll.slice(0, 3), ['collectivites', 'collectivites', 'collectivites'], 20);
    const before = (await coordinator.json('GET', `${base}/results`)).body;
    expect(before.groups.map((g: any) => [g.id, g.n])).toEqual([['ess', 3], ['collectivites', 3]]);

    // The target (ESS link #4) answers, with two Collectivités: a batch of three would give ESS one known new member.
    await submitAll([ess[3]], ['ess'], 999);
    await submitAll(coll.slice(3, 5), ['collectivites', 'collectivites'], 30);
    const held = (await coordinator.json('GET', `${base}/results`)).body;
    expect(held.snapshot).toMatchObject({ responses: 6, pending: 3 });
    expect(held.themes).toEqual(before.themes);
    // Still held with six waiting; at nine, results move, ESS merged: no figure moved by fewer than three people.
    await submitAll(coll.slice(5, 8), ['collectivites', 'collectivites', 'collectivites'], 40);
    expect((await coordinator.json('GET', `${base}/results`)).body.snapshot).toMatchObject({ responses: 6, pending: 6 });
    await submitAll(coll.slice(8, 11), ['collectivites', 'collectivites', 'collectivites'], 50);
    const after = (await coordinator.json('GET', `${base}/results`)).body;
    expect(after.snapshot).toMatchObject({ responses: 15, pending: 0 });
    expect(after.groups.map((g: any) => g.id)).not.toContain('ess');
    movedByWholeCells(before, after);
  });

  it('leaves out of an item the batch in which fewer than k people answered it (the others said « je ne sais pas »)', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const links = await createLinks(coordinator, base, { count: 6 });
    await submitAll(links.slice(0, 3), ['ess', 'ess', 'ess'], 60);
    const before = (await coordinator.json('GET', `${base}/results`)).body;
    for (const [i, dontKnow] of [true, true, false].entries()) {
      const data = completeAnswers(h, 'ess', 70 + i);
      if (dontKnow) data.gouv_debat = { ...data.gouv_debat, espaces_debat: 'nsp' };
      await h.client().json('POST', `/api/responses/${links[3 + i].token}/submit`, { data });
    }
    const after = (await coordinator.json('GET', `${base}/results`)).body;
    expect(after.snapshot.responses).toBe(6);
    const item = (r: any) => r.items.find((x: any) => x.name === 'gouv_debat.espaces_debat');
    // One new scorer only: the item keeps its three, its score unchanged; every other figure moved by whole cells.
    expect(item(after).n).toBe(3);
    expect(item(after).score).toBe(item(before).score);
    movedByWholeCells(before, after);
  });
});

describe('small collèges merged, so nothing can be subtracted', () => {
  it('merges Recherche (1) with ESS (5) into « Autres collèges »: no figure isolates the researcher', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    // Batches of three as they come: {Recherche, ESS, ESS} under k each → « Autres collèges »; {Collectivités ×3};
    // {ESS ×3}, and ESS, once merged, stays merged.
    const colleges = ['recherche', 'ess', 'ess', 'collectivites', 'collectivites', 'collectivites', 'ess', 'ess', 'ess'];
    const links = await createLinks(coordinator, base, { count: colleges.length });
    await submitAll(links, colleges, 300);
    const results = (await coordinator.json('GET', `${base}/results`)).body;
    expect(results.snapshot.responses).toBe(9);
    expect(results.groups).toEqual([
      { id: 'collectivites', label: expect.any(String), colleges: ['collectivites'], n: 3 },
      { id: 'autres', label: 'Autres collèges', colleges: ['ess', 'recherche'], n: 6 },
    ]);
    for (const figure of [...results.themes, ...results.items]) {
      const groups = figure.byCollege as { college: string; n: number; score: number | null; suppressed: boolean }[];
      expect(groups.map((g) => g.college).every((c) => c === 'collectivites' || c === 'autres')).toBe(true);
      const shown = groups.filter((g) => !g.suppressed);
      for (const g of shown) expect(g.n).toBeGreaterThanOrEqual(3);
      if (figure.score === null) continue;
      // The balanced score is the mean of the shown groups; an item's raw score is made of them and nothing else.
      expect(figure.score).toBeCloseTo(shown.reduce((s, g) => s + g.score!, 0) / shown.length, 9);
      if ('name' in figure) expect(figure.rawScore * figure.n - shown.reduce((s, g) => s + g.score! * g.n, 0)).toBeCloseTo(0, 6);
    }
    // A theme is the mean of its items' figures, nothing else: no respondent's own theme mean enters it.
    for (const theme of results.themes) {
      const items = results.items.filter((i: any) => i.theme === theme.id && i.rawScore !== null);
      if (items.length) expect(theme.rawScore).toBeCloseTo(items.reduce((s: number, i: any) => s + i.rawScore, 0) / items.length, 9);
    }
    // The PDF prints the same groups, never the lone researcher's collège with a figure.
    const pdf = await coordinator.request('GET', `${base}/report.pdf`);
    expect(pdf.status).toBe(200);
  });
});

describe('shared links', () => {
  it('caps claims at maxResponses (409), counts only claims that saved something, and can be revoked (410)', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    expect((await coordinator.json('POST', `${base}/invitations`, { count: 1, maxResponses: 3 })).status).toBe(422);
    const [shared] = await createLinks(coordinator, base, { shared: true, maxResponses: 2 });
    expect(shared).toMatchObject({ shared: true, maxResponses: 2 });
    const a = h.client();
    const b = h.client();
    const claimA = await a.json('POST', `/api/responses/${shared.token}/claim`);
    const claimB = await b.json('POST', `/api/responses/${shared.token}/claim`);
    expect([claimA.status, claimB.status]).toEqual([201, 201]);
    const third = await h.client().json('POST', `/api/responses/${shared.token}/claim`);
    expect(third.status).toBe(409);
    expect(third.body.error).toMatchObject({ code: 'link_full' });
    expect(third.body.error.message).toMatch(/nombre de réponses prévu \(2\)/);

    // B never saved anything: not invited. A saved a draft: invited, started.
    await a.json('PUT', `/api/responses/${claimA.body.token}`, { data: { college: 'ess' } });
    const participation = (await coordinator.json('GET', `${base}/participation`)).body;
    expect(participation.totals).toEqual({ invited: 1, started: 1, submitted: 0, pending: 0 });
    // An hour on, B's empty claim gives its place back: empty claims cannot use the link up.
    h.clock.now = new Date(h.clock.now.getTime() + 61 * 60_000);
    expect((await h.client().json('POST', `/api/responses/${shared.token}/claim`)).status).toBe(201);
    expect((await h.client().json('POST', `/api/responses/${shared.token}/claim`)).status).toBe(409);

    expect((await coordinator.request('DELETE', `${base}/invitations/${shared.id}`)).status).toBe(204);
    for (const [client, path, method] of [
      [h.client(), `/api/responses/${shared.token}`, 'GET'],
      [h.client(), `/api/responses/${shared.token}/claim`, 'POST'],
    ] as const) {
      const res = await client.json(method, path);
      expect(res.status).toBe(410);
      expect(res.body.error.code).toBe('link_revoked');
    }
    // Its unsent drafts are gone, unread; the link leaves the list.
    expect((await a.json('GET', `/api/responses/${claimA.body.token}`)).status).toBe(404);
    expect((await coordinator.json('GET', `${base}/invitations`)).body.invitations).toEqual([]);
    expect((await coordinator.request('DELETE', `${base}/invitations/${shared.id}`)).status).toBe(404);
  });

  it('revokes an individual link: it answers 410 from then on', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [link] = await createLinks(coordinator, base, { count: 1 });
    expect((await coordinator.request('DELETE', `${base}/invitations/${link.id}`)).status).toBe(204);
    const res = await h.client().json('GET', `/api/responses/${link.token}`);
    expect(res.status).toBe(410);
    expect(res.body.error.message).toMatch(/retiré/);
    expect((await h.client().json('POST', `/api/responses/${link.token}/submit`, { data: completeAnswers(h, 'ess') })).status).toBe(410);
  });

  it('limits claims to 100 an hour per client address (429), then lets them in again', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const [shared] = await createLinks(coordinator, base, { shared: true });
    const meeting = h.client();
    for (let i = 0; i < 100; i++) expect((await meeting.json('POST', `/api/responses/${shared.token}/claim`)).status).toBe(201);
    const refused = await meeting.json('POST', `/api/responses/${shared.token}/claim`);
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/Réessayez plus tard/);
    h.clock.now = new Date(h.clock.now.getTime() + 61 * 60_000);
    expect((await meeting.json('POST', `/api/responses/${shared.token}/claim`)).status).toBe(201);
  });
});
