// Limits the API enforces and the forms announce: plain values, so that the client imports them without zod.

/** Addresses per e-mail sending. */
export const MAX_RECIPIENTS = 500;
/** Mails (invitations and reminders together) a pole may queue in any 24 hours: more would get its mail refused. */
export const MAIL_DAILY_QUOTA_PER_POLE = 1_000;
/** Hours between two reminders of a pole's campaign. */
export const REMINDER_COOLDOWN_HOURS = 72;
