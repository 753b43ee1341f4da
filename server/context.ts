// What every route can reach: storage, compiled questionnaires, secrets and the clock (injected for tests).
import type { Campaign, Pole, Repositories } from './db/index.ts';
import type { Questionnaire } from '../surveys/registry.ts';
import type { Sealer } from './security/tokens.ts';
import type { ResponseCodes } from './export-codes.ts';
import type { RateLimiter } from './security/rate-limit.ts';
import type { LoginLimiter } from './security/login-limiter.ts';
import type { PasswordHasher } from './security/passwords.ts';
import type { SessionRecord } from './db/sessions.ts';
import type { Mailer } from './mail/mailer.ts';
import type { Context } from 'hono';

export interface AppDeps {
  repos: Repositories;
  questionnaires: Map<string, Questionnaire>;
  sealer: Sealer;
  /** The exports' `reponse` codes, keyed from the server key: one export's row can be erased, two exports not joined. */
  responseCodes: ResponseCodes;
  passwords: PasswordHasher;
  /** Failed logins per account, per (address, account) and per address, answered with growing delays. */
  loginLimiter: LoginLimiter;
  /** Shared-link claims per client address and hour. */
  claimLimiter: RateLimiter;
  now: () => Date;
  /** Absolute origin used in invitation links when set (e.g. https://ptce.example.org); else the request's origin. */
  publicUrl?: string;
  /** TRUST_PROXY: the client's address and scheme come from the reverse proxy's X-Forwarded-* headers. */
  trustProxy: boolean;
  analysis: { minGroupSize: number; thresholds: { high: number; low: number } };
  /** Outgoing mail, only when SMTP_URL is set; without it, links are shared as CSV / QR sheet. */
  mailer?: Mailer;
}

export type AppEnv = {
  Variables: {
    session: SessionRecord | undefined;
    /** The pole that `poleAccess` loaded and checked, for the handler after it. */
    pole?: Pole;
    /** Under /poles/{poleId}/campaigns/{campaignId}/: the campaign and its questionnaire, loaded by `poleAccess`. */
    campaign?: Campaign;
    questionnaire?: Questionnaire;
  };
};

/** The origin of links sent to respondents: PUBLIC_URL when set, else the request's own origin. */
export const publicOrigin = (c: Context, deps: AppDeps) => deps.publicUrl ?? new URL(c.req.url).origin;
