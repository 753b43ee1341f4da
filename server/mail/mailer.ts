// Outgoing mail through SMTP (nodemailer). Optional: without SMTP_URL the app has no mailer and links go out as CSV / QR sheet.
import { createTransport, type SMTPTransportOptions } from 'nodemailer';

export interface OutgoingMail {
  to: string;
  subject: string;
  text: string;
  html: string;
  replyTo?: string;
  headers?: Record<string, string>;
}

export interface Mailer {
  /** Resolves once the SMTP server accepted the message; rejects otherwise (refused address, server down…). */
  send(mail: OutgoingMail): Promise<void>;
  close(): void;
}

/** Without MAIL_FROM: the SMTP user when it is an address (what most providers require), else no-reply@<smtp host>. */
export function defaultFrom(smtpUrl: string): string {
  const url = new URL(smtpUrl);
  const user = decodeURIComponent(url.username);
  return `"Auto-évaluation PTCE" <${user.includes('@') ? user : `no-reply@${url.hostname}`}>`;
}

/**
 * `smtpUrl` as nodemailer reads it (smtp://user:pass@host:587, smtps://…; query options such as ?ignoreTLS=true are honoured);
 * `options` adds or overrides transport settings (tests: a local server without TLS).
 */
export function createMailer(smtpUrl: string, from: string, options: SMTPTransportOptions = {}): Mailer {
  const transport = createTransport({
    // A stuck server must not hold a coordinator's request for minutes.
    connectionTimeout: 15_000,
    greetingTimeout: 15_000,
    socketTimeout: 30_000,
    ...options,
    url: smtpUrl,
  });
  return {
    async send(mail) {
      await transport.sendMail({ from, to: mail.to, replyTo: mail.replyTo, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers });
    },
    close: () => transport.close(),
  };
}
