// Configuration from the environment, with the defaults the README documents.
import { resolve } from 'node:path';

export interface Config {
  port: number;
  /** Interface to listen on: 127.0.0.1 by default; 0.0.0.0 to reach it from phones on the local network. */
  host: string;
  dataDir: string;
  adminEmail?: string;
  adminPassword?: string;
  publicUrl?: string;
  secretKey?: string;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT invalide : ${env.PORT}`);
  return {
    port,
    host: env.HOST || '127.0.0.1',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    adminEmail: env.ADMIN_EMAIL || undefined,
    adminPassword: env.ADMIN_PASSWORD || undefined,
    publicUrl: env.PUBLIC_URL ? env.PUBLIC_URL.replace(/\/+$/, '') : undefined,
    secretKey: env.SECRET_KEY || undefined,
  };
}
