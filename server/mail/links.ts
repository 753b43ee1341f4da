// The two links a campaign mail carries, written in one place for the sender, the routes and the CSRF exemption.

export const respondentLink = (origin: string, token: string) => `${origin}/r/${token}`;

const OPT_OUT_PREFIX = '/api/mail/opt-out/';
export const optOutLink = (origin: string, token: string) => `${origin}${OPT_OUT_PREFIX}${token}`;

/** An opt-out URL's path: mail clients POST to it directly (RFC 8058), with no session nor CSRF header. */
export const isOptOutPath = (path: string) => path.startsWith(OPT_OUT_PREFIX) && !path.includes('/', OPT_OUT_PREFIX.length);
