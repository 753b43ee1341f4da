// Configuration from the environment, with the defaults the README documents.
import { resolve } from 'node:path';
import { passwordProblem } from './security/passwords.ts';

export interface Config {
  port: number;
  /** Interface to listen on: 127.0.0.1 by default; 0.0.0.0 to reach it from phones on the local network. */
  host: string;
  dataDir: string;
  adminEmail?: string;
  adminPassword?: string;
  publicUrl?: string;
  secretKey?: string;
  /** Anonymity threshold k: no breakdown for fewer respondents. */
  minGroupSize: number;
  /** SWOT thresholds on theme scores (0..100). */
  swotHigh: number;
  swotLow: number;
  /** Outgoing mail (invitations, reminders): smtp://user:pass@host:587 or smtps://…; without it, links go out as CSV / QR sheet. */
  smtpUrl?: string;
  /** Sender of campaign mail, e.g. "Labo ESS <ptce@example.org>"; defaults to the SMTP user when it is an address. */
  mailFrom?: string;
  /** Behind a reverse proxy: believe its X-Forwarded-For (client address) and X-Forwarded-Proto (HTTPS). */
  trustProxy: boolean;
  /** RETENTION_YEARS: campaigns older than this many years are deleted with all their data; unset, all are kept. */
  retentionYears?: number;
  /** BACKUP_KEEP: backup sets `npm run backup` keeps in DATA_DIR/backups/. */
  backupKeep: number;
}

function numberFrom(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  if (value === undefined || value === '') return fallback;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max) throw new Error(`${name} invalide : ${value} (attendu entre ${min} et ${max})`);
  return n;
}

function integerFrom(value: string | undefined, fallback: number, name: string, min: number, max: number): number {
  const n = numberFrom(value, fallback, name, min, max);
  if (!Number.isInteger(n)) throw new Error(`${name} invalide : ${value} (attendu : un nombre entier)`);
  return n;
}

/** Checks SMTP_URL without ever echoing it back: it usually carries a password. */
function smtpUrlFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !/^smtps?:$/.test(url.protocol) || !url.hostname) {
    throw new Error('SMTP_URL invalide (attendu : smtp://utilisateur:motdepasse@hote:587 ou smtps://utilisateur:motdepasse@hote:465).');
  }
  return value;
}

function flagFrom(value: string | undefined, name: string): boolean {
  if (value === undefined || value === '' || value === '0' || value === 'false') return false;
  if (value === '1' || value === 'true') return true;
  throw new Error(`${name} invalide : ${value} (attendu : 1 ou 0)`);
}

/** The first admin's password is held to the same policy as any other. */
function adminPasswordFrom(value: string | undefined): string | undefined {
  if (!value) return undefined;
  const problem = passwordProblem(value);
  if (problem) throw new Error(`ADMIN_PASSWORD refusé : ${problem} Choisissez-en un plus long, ou retirez ADMIN_PASSWORD pour qu’un mot de passe soit généré.`);
  return value;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT invalide : ${env.PORT}`);
  const swotHigh = numberFrom(env.SWOT_HIGH, 65, 'SWOT_HIGH', 0, 100);
  const swotLow = numberFrom(env.SWOT_LOW, 45, 'SWOT_LOW', 0, 100);
  if (swotLow >= swotHigh) throw new Error(`SWOT_LOW (${swotLow}) doit être inférieur à SWOT_HIGH (${swotHigh}).`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: adminPasswordFrom(env.ADMIN_PASSWORD),
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : undefined,
    secretKey: env.SECRET_KEY || undefined,
    minGroupSize: numberFrom(env.MIN_GROUP_SIZE, 3, 'MIN_GROUP_SIZE', 1, 100),
    swotHigh,
    swotLow,
    smtpUrl: smtpUrlFrom(env.SMTP_URL),
    mailFrom: env.MAIL_FROM || undefined,
    trustProxy: flagFrom(env.TRUST_PROXY, 'TRUST_PROXY'),
    retentionYears: env.RETENTION_YEARS ? integerFrom(env.RETENTION_YEARS, 0, 'RETENTION_YEARS', 1, 100) : undefined,
    backupKeep: integerFrom(env.BACKUP_KEEP, 14, 'BACKUP_KEEP', 1, 10_000),
  };
}
