// Limits the API enforces and the forms announce: plain values, so that the client imports them without zod.

/** Addresses per e-mail sending. */
export const MAX_RECIPIENTS = 500;
