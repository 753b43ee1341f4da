// How campaign mail goes out: its pace and its retries. The limits the forms announce too (mails per pole and day,
// time between reminders) are in reports/contract/limits.ts.

/** Mails sent at the same time: enough to be quick, few enough for a small provider's limits. */
export const CONCURRENCY = 5;
/** Tries per mail before it is marked failed; a permanent refusal (SMTP 5xx: unknown mailbox…) fails at once. */
export const MAX_ATTEMPTS = 3;
/** Wait before the 2nd and the 3rd try: a greylisting server accepts a mail tried again a few minutes later. */
export const RETRY_DELAYS_MS = [60_000, 15 * 60_000];
/** How long a mail being sent is held: if the server stopped before the answer, it is tried again after that. */
export const SENDING_LEASE_MS = 10 * 60_000;
/** How often the background sender looks for retries that became due (a new mailing wakes it at once). */
export const POLL_INTERVAL_MS = 30_000;
