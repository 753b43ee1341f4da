// The mail workflows as commands, called without HTTP, and the sender that drains their queue, with a mailer
// that records what it is given and answers as told: what they store, what they send, what they refuse.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createHarness, type Harness } from '../helpers/harness.ts';
import { findOptOut, optOut, sendMailing, sendReminders, type MailingScope } from '../../server/commands/mailing.ts';
import { createMailSender, type MailSender } from '../../server/mail/sender.ts';
import type { Mailer, OutgoingMail } from '../../server/mail/mailer.ts';
import { CONCURRENCY } from '../../server/mail/policy.ts';
import { hashToken } from '../../server/security/tokens.ts';

/** Refusals by address, used in turn; an address without any is accepted. */
type Refusal = { responseCode?: number; response: string };

function recordingMailer() {
  const sent: OutgoingMail[] = [];
  const refusals = new Map<string, Refusal[]>();
  let inFlight = 0;
  let maxInFlight = 0;
  const mailer: Mailer = {
    async send(mail) {
      inFlight++;
      maxInFlight = Math.max(maxInFlight, inFlight);
      // An SMTP exchange takes a moment: the other workers start theirs meanwhile.
      await new Promise((resolve) => setTimeout(resolve, 1));
      inFlight--;
      const refusal = refusals.get(mail.to)?.shift();
      if (refusal) throw Object.assign(new Error(refusal.response), refusal);
      sent.push(mail);
    },
    close() {},
  };
  return { mailer, sent, refusals, maxInFlight: () => maxInFlight };
}

let h: Harness;
let scope: MailingScope;
let outbox: ReturnType<typeof recordingMailer>;
let sender: MailSender;
beforeEach(async () => {
  h = await createHarness();
  outbox = recordingMailer();
  h.deps.mailer = outbox.mailer;
  sender = createMailSender(h.deps);
  const { repos, questionnaires } = h.deps;
  const now = h.clock.now.toISOString();
  repos.poles.create({ id: 'p1', name: 'Pôle des Coteaux', region: null, departement: null, createdAt: now });
  repos.campaigns.create({ id: 'c1', year: 2026, questionnaireId: 'ptce-2026', opensAt: null, closesAt: '2026-06-30T23:59:59.999Z', createdAt: now });
  scope = {
    user: repos.users.list().find((u) => u.role === 'admin')!, origin: 'https://ptce.exemple.org',
    pole: repos.poles.get('p1')!, campaign: repos.campaigns.get('c1')!, questionnaire: questionnaires.get('ptce-2026')!,
  };
});
afterEach(() => h.close());

const stored = (table: string) => JSON.stringify(h.deps.repos.db.prepare(`SELECT * FROM ${table}`).all());
const tokensOf = (mail: OutgoingMail) => [...mail.text.matchAll(/https:\/\/ptce\.exemple\.org\/(?:r|api\/mail\/opt-out)\/([A-Za-z0-9_-]{43})/g)].map((m) => m[1]);
const at = (iso: string) => {
  h.clock.now = new Date(iso);
};
const invite = (...emails: string[]) => sendMailing(h.deps, scope, { recipients: emails.map((email) => ({ email })) });

describe('sendMailing', () => {
  it('queues one invitation per new address, and the sender writes each mail from sealed tokens only when it leaves', async () => {
    const first = sendMailing(h.deps, scope, { recipients: [{ email: 'alice@asso.test', college: 'ess' }, { email: 'ALICE@asso.test' }, { email: 'bob@mairie.test' }], message: '  Avant l’AG.  ' });
    expect(first).toEqual({ mailingId: expect.any(String), queued: 2, alreadyInvited: [] });
    expect(sendMailing(h.deps, scope, { recipients: [{ email: 'Bob@Mairie.test' }] })).toEqual({ mailingId: null, queued: 0, alreadyInvited: ['Bob@Mairie.test'] });
    expect(outbox.sent).toEqual([]);
    expect(h.deps.repos.mailings.summaries('p1', 'c1')).toEqual([{ id: first.mailingId, kind: 'invitation', createdAt: '2026-03-01T10:00:00.000Z', queued: 2, sent: 0, failed: 0 }]);

    await sender.drain();
    expect(outbox.sent.map((m) => m.to)).toEqual(['alice@asso.test', 'bob@mairie.test']);
    const [alice] = outbox.sent;
    expect(alice.text).toContain('Avant l’AG.');
    expect(alice.replyTo).toBe(scope.user.email);
    expect(alice.headers).toMatchObject({ 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' });
    const tokens = outbox.sent.flatMap(tokensOf);
    expect(tokens).toHaveLength(4);
    for (const table of ['invitations', 'tickets', 'mail_recipients', 'mailings', 'outgoing_mails']) {
      for (const token of tokens) expect(stored(table), table).not.toContain(token);
    }
    expect(h.deps.repos.mailings.list('p1', 'c1').map((r) => [r.email, r.college, r.sentCount])).toEqual([['alice@asso.test', 'ess', 1], ['bob@mairie.test', null, 1]]);
    expect(h.deps.repos.mailings.summaries('p1', 'c1')[0]).toMatchObject({ queued: 0, sent: 2, failed: 0 });
  });

  it('refuses an unknown collège (422), a server without SMTP or a closed campaign (409), creating nothing', () => {
    expect(() => sendMailing(h.deps, scope, { recipients: [{ email: 'a@asso.test' }, { email: 'b@asso.test', college: 'martiens' }] }))
      .toThrow(expect.objectContaining({ status: 422, code: 'validation', details: [{ question: 'recipients.1.college', message: 'Collège inconnu : « martiens ».' }] }));
    at('2026-07-01T08:00:00Z');
    expect(() => invite('a@asso.test')).toThrow(expect.objectContaining({ status: 409, code: 'campaign_closed' }));
    expect(() => sendReminders(h.deps, scope)).toThrow(expect.objectContaining({ status: 409, code: 'campaign_closed' }));
    h.deps.mailer = undefined;
    expect(() => invite('a@asso.test')).toThrow(expect.objectContaining({ status: 409, code: 'mail_not_configured' }));
    expect(stored('invitations')).toBe('[]');
    expect(stored('mailings')).toBe('[]');
  });

  it('counts every mail of the pole over 24 hours, and says when enough of the oldest leave the window', () => {
    const batch = (prefix: string, n: number) => sendMailing(h.deps, scope, { recipients: Array.from({ length: n }, (_, i) => ({ email: `${prefix}${i}@asso.test` })) });
    batch('a', 300);
    at('2026-03-01T12:00:00Z');
    batch('b', 300);
    at('2026-03-01T14:00:00.500Z');
    batch('c', 300);
    at('2026-03-01T18:00:00Z');
    // 900 queued, 500 asked: the first mailing leaving frees 300, not enough; the second one frees the rest.
    expect(() => batch('d', 500)).toThrow(expect.objectContaining({ status: 429, code: 'mail_quota', details: { quota: 1000, used: 900, requested: 500, retryAt: '2026-03-02T12:00:00.000Z' } }));
    // 200 fit once the first leaves; a moment announced to the minute is never before the time it stands for.
    expect(() => batch('d', 200)).toThrow(expect.objectContaining({ details: expect.objectContaining({ retryAt: '2026-03-02T10:00:00.000Z' }) }));
    expect(batch('d', 100).queued).toBe(100);
    at('2026-03-02T13:00:00Z');
    expect(() => batch('e', 650)).toThrow(expect.objectContaining({ details: expect.objectContaining({ used: 400, retryAt: '2026-03-02T14:01:00.000Z' }) }));
  });
});

describe('sendReminders', () => {
  it('queues a reminder for those who have neither submitted nor opted out, then none before 72 hours', async () => {
    invite('draft@asso.test', 'optedout@asso.test', 'silent@asso.test');
    await sender.drain();
    const [draft, optedOut] = outbox.sent.map(tokensOf);
    h.deps.repos.tickets.saveDraft(h.deps.repos.tickets.findByTokenHash(hashToken(draft[0]))!.id, '{"college":"ess"}', 1, h.clock.now.toISOString());
    expect(optOut(h.deps, optedOut[1])).toMatchObject({ poleName: 'Pôle des Coteaux', year: 2026 });
    outbox.sent.length = 0;

    at('2026-03-05T09:00:00Z');
    expect(sendReminders(h.deps, scope)).toEqual({ mailingId: expect.any(String), queued: 2, skippedOptedOut: 1, skippedSubmitted: 0 });
    await sender.drain();
    expect(outbox.sent.map((m) => [m.to, m.subject.startsWith('Rappel'), m.text.includes('Vous avez commencé à répondre')])).toEqual([
      ['draft@asso.test', true, true], ['silent@asso.test', true, false],
    ]);
    expect(tokensOf(outbox.sent[0])).toEqual(draft);

    at('2026-03-08T08:59:59Z');
    expect(() => sendReminders(h.deps, scope)).toThrow(expect.objectContaining({
      status: 409, code: 'reminder_cooldown', details: { lastReminderAt: '2026-03-05T09:00:00.000Z', retryAt: '2026-03-08T09:00:00.000Z' },
    }));
    at('2026-03-08T09:00:00Z');
    expect(sendReminders(h.deps, scope).queued).toBe(2);
  });

  it('queues nothing, and starts no waiting time, when nobody is to be reminded', () => {
    expect(sendReminders(h.deps, scope)).toEqual({ mailingId: null, queued: 0, skippedOptedOut: 0, skippedSubmitted: 0 });
    invite('late@asso.test');
    expect(sendReminders(h.deps, scope).queued).toBe(1);
  });
});

describe('opting out', () => {
  it('reads the link without changing anything; opting out is idempotent; unknown links find nothing', async () => {
    invite('dan@asso.test');
    await sender.drain();
    const token = tokensOf(outbox.sent[0])[1];
    expect(findOptOut(h.deps, token)).toEqual({ poleName: 'Pôle des Coteaux', year: 2026, optedOutAt: null });
    expect(findOptOut(h.deps, token)).toMatchObject({ optedOutAt: null });
    expect(optOut(h.deps, token)).toEqual({ poleName: 'Pôle des Coteaux', year: 2026, optedOutAt: '2026-03-01T10:00:00.000Z' });
    at('2026-03-02T10:00:00Z');
    expect(optOut(h.deps, token)).toMatchObject({ optedOutAt: '2026-03-01T10:00:00.000Z' });
    expect(findOptOut(h.deps, 'x'.repeat(43))).toBeUndefined();
    expect(optOut(h.deps, 'court')).toBeUndefined();
  });
});

describe('the mail sender', () => {
  it('sends a few at a time', async () => {
    invite(...Array.from({ length: 23 }, (_, i) => `p${i}@asso.test`));
    await sender.drain();
    expect(outbox.sent).toHaveLength(23);
    expect(outbox.maxInFlight()).toBe(CONCURRENCY);
  });

  it('tries a temporary refusal again after a wait, gives up on a permanent one at once, and never sends a revoked link', async () => {
    outbox.refusals.set('later@asso.test', [{ responseCode: 421, response: '421 Trop de connexions' }]);
    outbox.refusals.set('unknown@asso.test', [{ responseCode: 550, response: '550 Boîte inconnue' }]);
    outbox.refusals.set('down@asso.test', [{ response: 'connect ECONNREFUSED' }, { response: 'connect ECONNREFUSED' }, { response: 'connect ECONNREFUSED' }]);
    invite('later@asso.test', 'unknown@asso.test', 'down@asso.test', 'revoked@asso.test');
    const revoked = h.deps.repos.mailings.list('p1', 'c1').find((r) => r.email === 'revoked@asso.test')!;
    h.deps.repos.invitations.revoke(revoked.invitationId, h.clock.now.toISOString());

    await sender.drain();
    expect(outbox.sent).toEqual([]);
    at('2026-03-01T10:01:00Z');
    await sender.drain();
    expect(outbox.sent.map((m) => m.to)).toEqual(['later@asso.test']);
    at('2026-03-01T10:16:00Z');
    await sender.drain();
    expect(h.deps.repos.mailings.failures('p1', 'c1')).toEqual([
      { email: 'down@asso.test', kind: 'invitation', message: 'Envoi impossible : connect ECONNREFUSED', attempts: 3, failedAt: '2026-03-01T10:16:00.000Z' },
      { email: 'revoked@asso.test', kind: 'invitation', message: 'Lien retiré par la coordination avant l’envoi : rien n’a été envoyé.', attempts: 1, failedAt: '2026-03-01T10:00:00.000Z' },
      { email: 'unknown@asso.test', kind: 'invitation', message: 'Envoi impossible : 550 Boîte inconnue', attempts: 1, failedAt: '2026-03-01T10:00:00.000Z' },
    ]);
    expect(h.deps.repos.mailings.summaries('p1', 'c1')[0]).toMatchObject({ queued: 0, sent: 1, failed: 3 });
  });

  it('started, sends at once what is queued; stopped, lets the mails in flight finish and takes no other', async () => {
    invite('a@asso.test', 'b@asso.test');
    sender.start();
    await sender.stop();
    expect(outbox.sent.map((m) => m.to)).toEqual(['a@asso.test', 'b@asso.test']);
    invite('c@asso.test');
    sender.wake();
    await sender.stop();
    expect(outbox.sent).toHaveLength(2);
    expect(h.deps.repos.mailings.summaries('p1', 'c1')[0]).toMatchObject({ queued: 1 });
  });
});
