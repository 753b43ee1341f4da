// The background sender: drains the queue of outgoing mails (server/db/mailings.ts) a few at a time, in the server
// process. Each mail is written when it leaves, from the recipient's sealed tokens, so no link waits in the queue.
import type { AppDeps } from '../context.ts';
import type { OutgoingMailRecord } from '../db/mailings.ts';
import type { Mailer, OutgoingMail } from './mailer.ts';
import { optOutLink, respondentLink } from './links.ts';
import { invitationMessage, reminderMessage } from './messages.ts';
import { CONCURRENCY, MAX_ATTEMPTS, POLL_INTERVAL_MS, RETRY_DELAYS_MS, SENDING_LEASE_MS } from './policy.ts';

export interface MailSender {
  /** Sends in the background from now on: at once, then regularly for the retries that became due. */
  start(): void;
  /** Asks for a pass soon without waiting for it (a mailing was just queued). */
  wake(): void;
  /** Sends every mail due now; resolves once none is left (retries waiting for their time stay queued). */
  drain(): Promise<void>;
  /** No new mail is taken; resolves once the mails in flight have their answer. */
  stop(): Promise<void>;
}

/** What the coordinator sees of a refused mail: the SMTP server's answer when there is one. */
const failureMessage = (err: unknown) => {
  const e = err as { response?: string; message?: string };
  const detail = (e?.response ?? e?.message ?? '').toString().slice(0, 300);
  return detail ? `Envoi impossible : ${detail}` : 'Envoi impossible.';
};

/** A 5xx answer (unknown mailbox, refused sender…) will not change by trying again; 4xx and lost connections may. */
const permanent = (err: unknown) => {
  const code = (err as { responseCode?: number })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};

type SenderDeps = Pick<AppDeps, 'repos' | 'sealer' | 'now' | 'mailer'>;

export function createMailSender(deps: SenderDeps, options: { intervalMs?: number } = {}): MailSender {
  const { repos } = deps;
  const later = (ms: number) => new Date(deps.now().getTime() + ms).toISOString();
  const now = () => deps.now().toISOString();
  let stopped = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<void> | undefined;
  let again = false;

  const write = (mail: OutgoingMailRecord): OutgoingMail => {
    const input = {
      poleName: mail.poleName, year: mail.year, opensAt: mail.opensAt, closesAt: mail.closesAt, replyTo: mail.replyTo ?? undefined, now: deps.now(),
      link: respondentLink(mail.linkOrigin, deps.sealer.open(mail.tokenSealed)),
      optOutLink: optOutLink(mail.linkOrigin, deps.sealer.open(mail.optOutTokenSealed)),
    };
    const message = mail.kind === 'invitation'
      ? invitationMessage({ ...input, note: mail.note })
      : reminderMessage({ ...input, started: mail.ticketStatus === 'draft' });
    return { to: mail.email, ...message };
  };

  const deliver = async (mailer: Mailer, mail: OutgoingMailRecord) => {
    if (mail.revoked) {
      repos.mailings.markMailFailed(mail.id, 'Lien retiré par la coordination avant l’envoi : rien n’a été envoyé.', now());
      return;
    }
    try {
      await mailer.send(write(mail));
    } catch (err) {
      const message = failureMessage(err);
      if (permanent(err) || mail.attempts >= MAX_ATTEMPTS) repos.mailings.markMailFailed(mail.id, message, now());
      else repos.mailings.retryLater(mail.id, later(RETRY_DELAYS_MS[mail.attempts - 1]), message);
      return;
    }
    repos.mailings.markMailSent(mail.id, mail.recipientId, now());
  };

  /** CONCURRENCY workers, each taking the next due mail until none is left. */
  const pass = async (mailer: Mailer) => {
    const worker = async () => {
      while (!stopped) {
        const mail = repos.mailings.claim(now(), later(SENDING_LEASE_MS));
        if (!mail) return;
        await deliver(mailer, mail);
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  };

  // Passes never overlap: a drain asked for during a pass makes one more pass after it, which sees what was queued.
  const loop = async () => {
    while (again && !stopped && deps.mailer) {
      again = false;
      await pass(deps.mailer);
    }
  };
  const drain = () => {
    again = true;
    running ??= loop().finally(() => {
      running = undefined;
    });
    return running;
  };
  const wake = () => {
    drain().catch((err) => console.error('Envoi des courriels en file :', err));
  };

  return {
    start() {
      stopped = false;
      timer = setInterval(wake, options.intervalMs ?? POLL_INTERVAL_MS);
      timer.unref();
      wake();
    },
    wake,
    drain,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running?.catch(() => undefined);
    },
  };
}
