// A real SMTP server (smtp-server) on a free local port, keeping every message it accepts, for the mail tests.
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

export interface ReceivedMail {
  rcptTo: string[];
  raw: string;
}

export interface TestSmtp {
  /** SMTP_URL for the server under test. */
  url: string;
  received: ReceivedMail[];
  close(): Promise<void>;
}

/**
 * Starts the server; recipients starting with `refuse` are refused with 550, as an unknown mailbox would be, and
 * those starting with `busy` with 451, as a greylisting or overloaded server asks to try again later.
 */
export async function startTestSmtp(): Promise<TestSmtp> {
  const received: ReceivedMail[] = [];
  const smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onRcptTo(address, _session, callback) {
      if (address.address.startsWith('refuse')) {
        const err = Object.assign(new Error('Boîte aux lettres inconnue'), { responseCode: 550 });
        return callback(err);
      }
      if (address.address.startsWith('busy')) {
        return callback(Object.assign(new Error('Serveur occupé, réessayez plus tard'), { responseCode: 451 }));
      }
      callback();
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        received.push({ rcptTo: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('utf8') });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
  return {
    url: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}?ignoreTLS=true`,
    received,
    close: () => new Promise<void>((resolve) => smtp.close(() => resolve())),
  };
}
