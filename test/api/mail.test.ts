// Campaign mail against a real SMTP server started here (smtp-server), reading the messages it received.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { startTestSmtp, type ReceivedMail, type TestSmtp } from '../helpers/smtp.ts';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { completeAnswers, poleWithCampaign } from '../helpers/scenario.ts';
import { invitationMessage, reminderMessage } from '../../server/mail/messages.ts';
import { createMailSender, type MailSender } from '../../server/mail/sender.ts';

let smtp: TestSmtp;
let smtpUrl: string;
let received: ReceivedMail[];

beforeAll(async () => {
  // Recipients starting with « refuse » are refused: one failure must not stop the others.
  smtp = await startTestSmtp();
  ({ url: smtpUrl, received } = smtp);
});
afterAll(() => smtp.close());

let h: Harness;
// The server's background sender, driven by hand: each test says when the queue is drained.
let sender: MailSender;
beforeEach(async () => {
  received.length = 0;
  h = await createHarness({ smtpUrl });
  sender = createMailSender(h.deps);
});
afterEach(() => h.close());
const drain = () => sender.drain();

// --- A minimal reader for the messages nodemailer writes: headers, RFC 2047 words, multipart, quoted-printable. ---

const qpBytes = (s: string) => Buffer.from(s.replace(/=([0-9A-Fa-f]{2})/g, (_, hex) => String.fromCharCode(parseInt(hex, 16))), 'latin1').toString('utf8');
const decodeWords = (s: string) =>
  s.replace(/\?=\s+=\?/g, '?==?').replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_, _charset, enc: string, text: string) =>
    enc.toUpperCase() === 'B' ? Buffer.from(text, 'base64').toString('utf8') : qpBytes(text.replace(/_/g, ' ')));

interface Part {
  headers: Record<string, string>;
  body: string;
}
function parsePart(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at < 0 ? raw : raw.slice(0, at);
  const body = at < 0 ? '' : raw.slice(at).replace(/^\r?\n\r?\n/, '');
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, ' ').split(/\r?\n/)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}
const decodeBody = (part: Part) => {
  const cte = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
  if (cte === 'quoted-printable') return qpBytes(part.body.replace(/=\r?\n/g, ''));
  if (cte === 'base64') return Buffer.from(part.body.replace(/\s+/g, ''), 'base64').toString('utf8');
  return part.body;
};
function readMail(msg: ReceivedMail) {
  const top = parsePart(msg.raw);
  const boundary = /boundary="?([^";]+)"?/.exec(top.headers['content-type'] ?? '')?.[1];
  const parts = boundary ? top.body.split(`--${boundary}`).slice(1, -1).map((p) => parsePart(p.replace(/^\r?\n/, ''))) : [top];
  const partOf = (type: string) => parts.find((p) => (p.headers['content-type'] ?? '').startsWith(type));
  return {
    to: top.headers.to,
    subject: decodeWords(top.headers.subject ?? ''),
    headers: top.headers,
    text: decodeBody(partOf('text/plain')!).replace(/\r\n/g, '\n'),
    html: decodeBody(partOf('text/html')!),
  };
}
const mailTo = (email: string) => {
  const found = received.filter((m) => m.rcptTo.some((r) => r.toLowerCase() === email.toLowerCase()));
  expect(found, `messages to ${email}`).toHaveLength(1);
  return readMail(found[0]);
};
const linkToken = (text: string) => /http:\/\/localhost\/r\/([A-Za-z0-9_-]{43})/.exec(text)![1];
const optOutPath = (text: string) => /http:\/\/localhost(\/api\/mail\/opt-out\/[A-Za-z0-9_-]{43})/.exec(text)![1];

describe('campaign mail', () => {
  it('sends one personal invitation per address, with a working link, the note and an opt-out link', async () => {
    const { coordinator, base, pole } = await poleWithCampaign(h);
    const res = await coordinator.json('POST', `${base}/mailings`, {
      recipients: [{ email: 'alice@asso.test', college: 'ess' }, { email: 'Bob@Mairie.test' }, { email: 'ALICE@asso.test' }, { email: 'refuse@nulle-part.test' }],
      message: 'Merci de répondre avant l’AG <du 12 mai> & bonne journée.',
    });
    // Queued, not sent: the answer comes before any mail leaves.
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ mailingId: expect.any(String), queued: 3, sent: 0, failed: [], alreadyInvited: [] });
    expect(received).toHaveLength(0);
    expect((await coordinator.json('GET', `${base}/mailings`)).body.mailings).toEqual([
      { id: res.body.mailingId, kind: 'invitation', createdAt: '2026-03-01T10:00:00.000Z', queued: 3, sent: 0, failed: 0 },
    ]);
    await drain();
    expect(received).toHaveLength(2);
    // An unknown mailbox (550) is not tried again: the SMTP server's answer is kept for the coordinator.
    const progress = (await coordinator.json('GET', `${base}/mailings`)).body;
    expect(progress.mailings).toEqual([expect.objectContaining({ id: res.body.mailingId, queued: 0, sent: 2, failed: 1 })]);
    expect(progress.failures).toEqual([
      { email: 'refuse@nulle-part.test', kind: 'invitation', message: expect.stringMatching(/^Envoi impossible : 550 .*Boîte aux lettres inconnue/), attempts: 1, failedAt: '2026-03-01T10:00:00.000Z' },
    ]);

    const alice = mailTo('alice@asso.test');
    expect(alice.to).toBe('alice@asso.test');
    expect(alice.subject).toBe(`Auto-évaluation PTCE 2026 : votre lien personnel pour ${pole.name}`);
    expect(alice.text).toContain('Merci de répondre avant l’AG <du 12 mai> & bonne journée.');
    expect(alice.text).toContain('jusqu’au 30 juin 2026 inclus');
    expect(alice.html).toContain('Merci de répondre avant l’AG &lt;du 12 mai&gt; &amp; bonne journée.');
    expect(alice.headers['reply-to']).toBe(`coord-${pole.id}@pole.test`);
    const token = linkToken(alice.text);
    expect(alice.html).toContain(`href="http://localhost/r/${token}"`);
    const optOut = optOutPath(alice.text);
    expect(alice.headers['list-unsubscribe']).toBe(`<http://localhost${optOut}>`);

    // The personal link opens the questionnaire, for the collège it was made for.
    const respondent = h.client();
    const opened = await respondent.json('GET', `/api/responses/${token}`);
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({ kind: 'individual', status: 'new', presetCollege: 'ess' });
    const bob = mailTo('bob@mairie.test');
    expect(bob.to.toLowerCase()).toBe('bob@mairie.test');
    expect((await respondent.json('GET', `/api/responses/${linkToken(bob.text)}`)).body.presetCollege).toBeNull();
    expect(linkToken(bob.text)).not.toBe(token);

    // Three individual invitations (the refused address's link stays usable), counted as invited.
    const links = (await coordinator.json('GET', `${base}/invitations`)).body.invitations;
    expect(links).toHaveLength(3);
    expect(links.map((l: any) => l.token)).toContain(token);
    expect((await coordinator.json('GET', `${base}/participation`)).body.totals.invited).toBe(3);
    const listed = (await coordinator.json('GET', `${base}/mailings`)).body.recipients;
    expect(listed).toEqual([
      expect.objectContaining({ email: 'alice@asso.test', college: 'ess', status: 'new', optedOut: false, sentCount: 1, lastSentAt: '2026-03-01T10:00:00.000Z' }),
      expect.objectContaining({ email: 'Bob@Mairie.test', college: null, status: 'new', optedOut: false, sentCount: 1 }),
      expect.objectContaining({ email: 'refuse@nulle-part.test', status: 'new', sentCount: 0, lastSentAt: null }),
    ]);

    // Addresses are stored once per pole and campaign: inviting again creates nothing.
    received.length = 0;
    const again = await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'BOB@mairie.test' }, { email: 'chloe@scop.test' }] });
    expect(again.status).toBe(202);
    expect(again.body).toEqual({ mailingId: expect.any(String), queued: 1, sent: 0, failed: [], alreadyInvited: ['BOB@mairie.test'] });
    await drain();
    expect(received.map((m) => m.rcptTo)).toEqual([['chloe@scop.test']]);
    const nobodyNew = await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'chloe@scop.test' }] });
    expect(nobodyNew.body).toEqual({ mailingId: null, queued: 0, sent: 0, failed: [], alreadyInvited: ['chloe@scop.test'] });
    expect((await coordinator.json('GET', `${base}/mailings`)).body.mailings).toHaveLength(2);

    // The stored opt-out token is hashed; the queue keeps no link: mails are written when they leave.
    const row = h.deps.repos.db.prepare('SELECT opt_out_token_hash, opt_out_token_sealed FROM mail_recipients WHERE email = ?').get('alice@asso.test') as any;
    const optOutToken = optOut.split('/').pop()!;
    expect(row.opt_out_token_hash).not.toBe(optOutToken);
    expect(row.opt_out_token_sealed).not.toContain(optOutToken);
    const queue = JSON.stringify(h.deps.repos.db.prepare('SELECT * FROM outgoing_mails o JOIN mailings g ON g.id = o.mailing_id').all());
    for (const secret of [token, optOutToken]) expect(queue).not.toContain(secret);
  });

  it('opts out only on the POST of the link’s page (a mail scanner opening it changes nothing), idempotently; unknown links get a 404 page', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'dan@asso.test' }] });
    await drain();
    const optOut = optOutPath(mailTo('dan@asso.test').text);
    const visitor = h.client();
    // Opening the link, however often, only asks: a form posting to the same address, without any script.
    for (let i = 0; i < 2; i++) {
      const res = await visitor.request('GET', optOut);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(res.headers.get('cache-control')).toBe('no-store');
      const page = await res.text();
      expect(page).toContain('Vous ne souhaitez plus recevoir de relance par courriel pour cette campagne ?');
      expect(page).toMatch(/<form method="post">\s*<button type="submit"[^>]*>Ne plus recevoir de relance<\/button>/);
      expect(page).not.toMatch(/<script|\son[a-z]+=|javascript:/i);
    }
    expect((await coordinator.json('GET', `${base}/mailings`)).body.recipients[0]).toMatchObject({ email: 'dan@asso.test', optedOut: false });

    // The button's POST opts out, without session nor CSRF header; twice is the same.
    for (let i = 0; i < 2; i++) {
      const res = await visitor.request('POST', optOut);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/text\/html/);
      expect(await res.text()).toContain('Vous ne recevrez plus de relance pour cette campagne.');
    }
    expect((await coordinator.json('GET', `${base}/mailings`)).body.recipients[0]).toMatchObject({ email: 'dan@asso.test', optedOut: true });
    const page = await (await visitor.request('GET', optOut)).text();
    expect(page).toContain('Vous êtes déjà désinscrit·e');
    expect(page).not.toContain('<form');

    const unknown = await visitor.request('GET', `/api/mail/opt-out/${'x'.repeat(43)}`);
    expect(unknown.status).toBe(404);
    expect(unknown.headers.get('content-type')).toMatch(/text\/html/);
    expect(await unknown.text()).toContain('Ce lien de désinscription est inconnu');
    expect((await visitor.request('GET', '/api/mail/opt-out/court')).status).toBe(404);
    expect((await visitor.request('POST', `/api/mail/opt-out/${'x'.repeat(43)}`)).status).toBe(404);
  });

  it('accepts the one-click POST of a mail client (RFC 8058) even from a browser with a staff session; the CSRF check stays everywhere else', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'eve@asso.test' }, { email: 'fred@asso.test' }] });
    h.deps.publicUrl = 'https://ptce.exemple.org';
    await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'gina@asso.test' }] });
    await drain();
    // An https link is announced for one-click unsubscribing; the RFC allows no other scheme.
    const eve = mailTo('eve@asso.test');
    expect(eve.headers['list-unsubscribe']).toBe(`<http://localhost${optOutPath(eve.text)}>`);
    expect(eve.headers['list-unsubscribe-post']).toBeUndefined();
    const gina = mailTo('gina@asso.test');
    const https = /<(https:\/\/ptce\.exemple\.org\/api\/mail\/opt-out\/[A-Za-z0-9_-]{43})>/.exec(gina.headers['list-unsubscribe'])![1];
    expect(gina.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');

    // What a mail client sends: a form body, no cookie, no CSRF header.
    const oneClick = await h.app.request(https.replace('https://ptce.exemple.org', 'http://localhost'), {
      method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: 'List-Unsubscribe=One-Click',
    });
    expect(oneClick.status).toBe(200);
    expect(await oneClick.text()).toContain('Vous ne recevrez plus de relance pour cette campagne.');
    // The coordinator testing the link in their own browser: session cookie, the form's POST has no CSRF header.
    const byForm = await coordinator.request('POST', optOutPath(eve.text), undefined, { 'x-csrf-token': '' });
    expect(byForm.status).toBe(200);
    const listed = Object.fromEntries((await coordinator.json('GET', `${base}/mailings`)).body.recipients.map((r: any) => [r.email, r.optedOut]));
    expect(listed).toEqual({ 'eve@asso.test': true, 'fred@asso.test': false, 'gina@asso.test': true });
    const withoutCsrf = await coordinator.request('POST', `${base}/reminders`, undefined, { 'x-csrf-token': '' });
    expect(withoutCsrf.status).toBe(403);
    expect((await withoutCsrf.json()).error.code).toBe('csrf');
  });

  it('reminds only those who have not submitted and have not opted out, with their same personal link', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const emails = ['submitted@asso.test', 'optedout@asso.test', 'draft@asso.test', 'silent@asso.test'];
    const sent = await coordinator.json('POST', `${base}/mailings`, { recipients: emails.map((email) => ({ email, college: 'ess' })) });
    expect(sent.body.queued).toBe(4);
    await drain();
    const links = Object.fromEntries(emails.map((e) => [e, mailTo(e).text]));
    const respondent = h.client();
    const submitted = await respondent.json('POST', `/api/responses/${linkToken(links['submitted@asso.test'])}/submit`, { data: completeAnswers(h, 'ess') });
    expect(submitted.status).toBe(201);
    expect((await respondent.request('POST', optOutPath(links['optedout@asso.test']))).status).toBe(200);
    expect((await respondent.json('PUT', `/api/responses/${linkToken(links['draft@asso.test'])}`, { data: { college: 'ess' }, pageNo: 1 })).status).toBe(200);

    received.length = 0;
    h.clock.now = new Date('2026-03-08T09:00:00Z');
    // A week later: the coordinator signs in again (a session lapses after 2 idle hours).
    await coordinator.relogin();
    const res = await coordinator.json('POST', `${base}/reminders`);
    expect(res.status).toBe(202);
    expect(res.body).toEqual({ mailingId: expect.any(String), queued: 2, sent: 0, skippedOptedOut: 1, skippedSubmitted: 1, failed: [] });
    await drain();
    expect(received.flatMap((m) => m.rcptTo).sort()).toEqual(['draft@asso.test', 'silent@asso.test']);

    const draft = mailTo('draft@asso.test');
    expect(draft.subject).toMatch(/^Rappel – Auto-évaluation PTCE 2026 : votre lien personnel pour /);
    expect(draft.text).toContain('Vous avez commencé à répondre');
    expect(linkToken(draft.text)).toBe(linkToken(links['draft@asso.test']));
    expect(optOutPath(draft.text)).toBe(optOutPath(links['draft@asso.test']));
    const silent = mailTo('silent@asso.test');
    expect(silent.text).toContain('Nous n’avons pas encore reçu vos réponses');
    expect(silent.headers['list-unsubscribe']).toBe(`<http://localhost${optOutPath(links['silent@asso.test'])}>`);

    const listed = Object.fromEntries((await coordinator.json('GET', `${base}/mailings`)).body.recipients.map((r: any) => [r.email, r]));
    expect(listed['submitted@asso.test']).toMatchObject({ status: 'submitted', sentCount: 1 });
    expect(listed['optedout@asso.test']).toMatchObject({ status: 'new', optedOut: true, sentCount: 1 });
    expect(listed['draft@asso.test']).toMatchObject({ status: 'draft', sentCount: 2, lastSentAt: '2026-03-08T09:00:00.000Z' });
    expect(listed['silent@asso.test']).toMatchObject({ status: 'new', sentCount: 2 });
  });

  it('tries again a mail the server asks to send later, with growing waits, then gives up with the server’s answer', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const res = await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'busy@asso.test' }, { email: 'ok@asso.test' }] });
    await drain();
    expect(received.flatMap((m) => m.rcptTo)).toEqual(['ok@asso.test']);
    const progress = async () => (await coordinator.json('GET', `${base}/mailings`)).body;
    expect((await progress()).mailings[0]).toMatchObject({ id: res.body.mailingId, queued: 1, sent: 1, failed: 0 });
    const attempts = () => h.deps.repos.db.prepare('SELECT attempts FROM outgoing_mails WHERE status = ?').pluck().all('pending');
    expect(attempts()).toEqual([1]);

    // Not before its time: a minute after the first try, then fifteen after the second.
    await drain();
    expect(attempts()).toEqual([1]);
    h.clock.now = new Date('2026-03-01T10:01:00Z');
    await drain();
    expect(attempts()).toEqual([2]);
    h.clock.now = new Date('2026-03-01T10:15:00Z');
    await drain();
    expect(attempts()).toEqual([2]);
    h.clock.now = new Date('2026-03-01T10:16:00Z');
    await drain();
    expect(attempts()).toEqual([]);
    const after = await progress();
    expect(after.mailings[0]).toMatchObject({ queued: 0, sent: 1, failed: 1 });
    expect(after.failures).toEqual([
      { email: 'busy@asso.test', kind: 'invitation', message: expect.stringMatching(/^Envoi impossible : 451 .*réessayez plus tard/), attempts: 3, failedAt: '2026-03-01T10:16:00.000Z' },
    ]);
    expect(received.flatMap((m) => m.rcptTo)).toEqual(['ok@asso.test']);
    // The link exists all the same, for the CSV, the QR sheet or a reminder.
    expect(after.recipients.map((r: any) => [r.email, r.sentCount])).toEqual([['busy@asso.test', 0], ['ok@asso.test', 1]]);
  });

  it('refuses a second reminder within 72 hours with a 409 saying when the next one is possible', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'slow@asso.test' }] });
    h.clock.now = new Date('2026-03-08T09:00:00Z');
    await coordinator.relogin();
    expect((await coordinator.json('POST', `${base}/reminders`)).status).toBe(202);
    h.clock.now = new Date('2026-03-11T08:59:00Z');
    await coordinator.relogin();
    const again = await coordinator.json('POST', `${base}/reminders`);
    expect(again.status).toBe(409);
    expect(again.body.error).toEqual({
      code: 'reminder_cooldown',
      message: 'Une relance est déjà partie le 8 mars 2026 à 10\u00a0h\u00a000 ; la suivante sera possible à partir du 11 mars 2026 à 10\u00a0h\u00a000 (heure de Paris), 72 heures au moins entre deux relances.',
      details: { lastReminderAt: '2026-03-08T09:00:00.000Z', retryAt: '2026-03-11T09:00:00.000Z' },
    });
    h.clock.now = new Date('2026-03-11T09:00:00Z');
    expect((await coordinator.json('POST', `${base}/reminders`)).body.queued).toBe(1);
    await drain();
    expect(received.flatMap((m) => m.rcptTo)).toEqual(['slow@asso.test', 'slow@asso.test', 'slow@asso.test']);
  });

  it('refuses to queue more than 1,000 mails per pole in 24 hours with a 429 saying when it will fit', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const addresses = (prefix: string, n: number) => Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@asso.test` }));
    expect((await coordinator.json('POST', `${base}/mailings`, { recipients: addresses('a', 500) })).status).toBe(202);
    h.clock.now = new Date('2026-03-01T14:00:00Z');
    await coordinator.relogin();
    expect((await coordinator.json('POST', `${base}/mailings`, { recipients: addresses('b', 500) })).status).toBe(202);
    h.clock.now = new Date('2026-03-01T16:00:00Z');
    await coordinator.relogin();
    const over = await coordinator.json('POST', `${base}/mailings`, { recipients: addresses('c', 1) });
    expect(over.status).toBe(429);
    expect(over.body.error).toEqual({
      code: 'mail_quota',
      message: 'Limite de 1\u202f000 courriels par période de 24 heures atteinte pour ce pôle : 1\u202f000 déjà mis en file, 1 demandé. Cet envoi sera possible à partir du 2 mars 2026 à 11\u00a0h\u00a000 (heure de Paris).',
      details: { quota: 1000, used: 1000, requested: 1, retryAt: '2026-03-02T10:00:00.000Z' },
    });
    // Nothing was created for the refused address.
    expect((await coordinator.json('GET', `${base}/mailings`)).body.recipients).toHaveLength(1000);
    // Once the first 500 are 24 hours old, there is room again; reminding all 1,001 at once never fits.
    h.clock.now = new Date('2026-03-02T10:00:00Z');
    await coordinator.relogin();
    expect((await coordinator.json('POST', `${base}/mailings`, { recipients: addresses('c', 1) })).status).toBe(202);
    const reminders = await coordinator.json('POST', `${base}/reminders`);
    expect(reminders.status).toBe(429);
    expect(reminders.body.error.message).toBe('Cet envoi compte 1\u202f001 courriels : un pôle peut en envoyer au plus 1\u202f000 courriels par période de 24 heures.');
  });

  it('refuses to send once the campaign is closed', async () => {
    const { coordinator, base } = await poleWithCampaign(h, { year: 2026, questionnaireId: 'ptce-2026', opensAt: '2026-02-01', closesAt: '2026-03-10' });
    await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'late@asso.test' }] });
    await drain();
    received.length = 0;
    h.clock.now = new Date('2026-03-11T08:00:00Z');
    await coordinator.relogin();
    const mailing = await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'later@asso.test' }] });
    expect(mailing.status).toBe(409);
    expect(mailing.body.error.code).toBe('campaign_closed');
    expect((await coordinator.json('POST', `${base}/reminders`)).status).toBe(409);
    await drain();
    expect(received).toHaveLength(0);
  });

  it('validates the request: addresses, list size, note length, collège', async () => {
    const { coordinator, base } = await poleWithCampaign(h);
    const bad = await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'alice@asso.test' }, { email: 'pas-une-adresse' }, { email: 'x@y.test\r\nBcc: z@w.test' }] });
    expect(bad.status).toBe(422);
    expect(bad.body.error.details.map((d: any) => d.question)).toEqual(['recipients.1.email', 'recipients.2.email']);
    expect(bad.body.error.details[0].message).toBe('Adresse e-mail invalide.');
    expect((await coordinator.json('POST', `${base}/mailings`, { recipients: [] })).status).toBe(422);
    const many = Array.from({ length: 501 }, (_, i) => ({ email: `p${i}@asso.test` }));
    expect((await coordinator.json('POST', `${base}/mailings`, { recipients: many })).status).toBe(422);
    expect((await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'a@asso.test' }], message: 'x'.repeat(2001) })).status).toBe(422);
    const college = await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'a@asso.test' }, { email: 'b@asso.test', college: 'martiens' }] });
    expect(college.status).toBe(422);
    expect(college.body.error.details).toEqual([{ question: 'recipients.1.college', message: 'Collège inconnu : « martiens ».' }]);
    await drain();
    expect(received).toHaveLength(0);
    expect((await coordinator.json('GET', `${base}/mailings`)).body.recipients).toEqual([]);
    expect((await coordinator.json('GET', `${base}/invitations`)).body.invitations).toEqual([]);
  });

  it('keeps mailings of a pole away from other coordinators and strangers', async () => {
    const { admin, base, campaign } = await poleWithCampaign(h);
    await admin.json('POST', `${base}/mailings`, { recipients: [{ email: 'secret@asso.test' }] });
    const other = (await admin.json('POST', '/api/poles', { name: 'Autre pôle' })).body;
    const intruder = await h.coordinator(other.id);
    for (const [method, suffix, body] of [
      ['POST', '/mailings', { recipients: [{ email: 'x@asso.test' }] }], ['GET', '/mailings', undefined], ['POST', '/reminders', undefined],
    ] as const) {
      expect((await intruder.json(method, `${base}${suffix}`, body)).status, `${method} ${suffix}`).toBe(403);
      expect((await h.client().json(method, `${base}${suffix}`, body)).status, `anonymous ${method} ${suffix}`).toBe(401);
    }
    // Their own pole lists nobody; the admin may act for any pole.
    expect((await intruder.json('GET', `/api/poles/${other.id}/campaigns/${campaign.id}/mailings`)).body).toEqual({ recipients: [], mailings: [], failures: [] });
    expect((await admin.json('GET', `${base}/mailings`)).body.recipients.map((r: any) => r.email)).toEqual(['secret@asso.test']);
    await drain();
    expect(received.flatMap((m) => m.rcptTo)).toEqual(['secret@asso.test']);
  });

  it('documents the mail routes in the OpenAPI description', async () => {
    const doc = (await h.client().json('GET', '/api/openapi.json')).body;
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining([
      '/api/poles/{poleId}/campaigns/{campaignId}/mailings', '/api/poles/{poleId}/campaigns/{campaignId}/reminders', '/api/mail/opt-out/{token}',
    ]));
    const mailings = doc.paths['/api/poles/{poleId}/campaigns/{campaignId}/mailings'];
    expect(Object.keys(mailings.post.responses)).toEqual(expect.arrayContaining(['202', '409', '429']));
    expect(Object.keys(doc.paths['/api/poles/{poleId}/campaigns/{campaignId}/reminders'].post.responses)).toEqual(expect.arrayContaining(['202', '409', '429']));
    expect(Object.keys(doc.paths['/api/mail/opt-out/{token}'])).toEqual(['get', 'post']);
  });
});

describe('campaign mail without SMTP', () => {
  it('answers 409 mail_not_configured; links stay available as CSV', async () => {
    const bare = await createHarness();
    try {
      expect(bare.deps.mailer).toBeUndefined();
      const { coordinator, base } = await poleWithCampaign(bare);
      const res = await coordinator.json('POST', `${base}/mailings`, { recipients: [{ email: 'alice@asso.test' }] });
      expect(res.status).toBe(409);
      expect(res.body.error.code).toBe('mail_not_configured');
      expect(res.body.error.message).toMatch(/n’est pas configuré/);
      expect((await coordinator.json('POST', `${base}/reminders`)).body.error.code).toBe('mail_not_configured');
      expect((await coordinator.json('GET', `${base}/mailings`)).body).toEqual({ recipients: [], mailings: [], failures: [] });
      expect((await coordinator.request('GET', `${base}/invitations.csv`)).status).toBe(200);
    } finally {
      bare.close();
    }
  });
});

describe('mail messages', () => {
  const input = {
    poleName: 'Pôle <Coteaux>\r\nBcc: x@y', year: 2026, link: 'https://ptce.example.org/r/abc', optOutLink: 'https://ptce.example.org/api/mail/opt-out/def',
    opensAt: '2026-04-01T00:00:00.000Z', closesAt: '2026-06-30T23:59:59.999Z', note: null, now: new Date('2026-03-01T00:00:00Z'),
  };
  it('builds the invitation: one-line subject, escaped HTML, dates, opt-out header', () => {
    const m = invitationMessage(input);
    expect(m.subject).toBe('Auto-évaluation PTCE 2026 : votre lien personnel pour Pôle <Coteaux> Bcc: x@y');
    expect(m.text).toContain('https://ptce.example.org/r/abc');
    expect(m.text).toContain('Le questionnaire ouvrira le 1er avril 2026. Vous pouvez répondre jusqu’au 30 juin 2026 inclus.');
    expect(m.text).not.toContain('Message de la coordination');
    expect(m.html).toContain('Pôle &lt;Coteaux&gt;');
    expect(m.html).not.toContain('<Coteaux>');
    expect(m.headers).toEqual({ 'List-Unsubscribe': '<https://ptce.example.org/api/mail/opt-out/def>', 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
  });
  it('builds reminders for started and not-started answers', () => {
    const open = { ...input, now: new Date('2026-05-01T00:00:00Z'), closesAt: null };
    expect(reminderMessage({ ...open, started: true }).text).toContain('Vous avez commencé à répondre');
    const fresh = reminderMessage({ ...open, started: false });
    expect(fresh.text).toContain('Nous n’avons pas encore reçu vos réponses');
    expect(fresh.text).not.toMatch(/ouvrira|jusqu’au/);
  });
});
