// Facts about the caller's connection that several routes need: its address (rate limits) and whether it is HTTPS.
// Behind a reverse proxy the socket is the proxy's: its X-Forwarded-* headers say who the client is, but only a
// proxy we trust (TRUST_PROXY) may be believed; without one, anybody could write them.
import { getConnInfo } from '@hono/node-server/conninfo';
import { isIP } from 'node:net';
import type { Context } from 'hono';

/** The last value of a comma-separated X-Forwarded-* header: the one our own proxy appended or set. */
function lastForwarded(c: Context, header: string): string | undefined {
  const value = c.req.header(header);
  return value?.split(',').at(-1)?.trim() || undefined;
}

export function clientAddress(c: Context, trustProxy: boolean): string {
  if (trustProxy) {
    const forwarded = lastForwarded(c, 'x-forwarded-for');
    if (forwarded && isIP(forwarded)) return forwarded;
  }
  try {
    return getConnInfo(c).remote.address ?? 'inconnue';
  } catch {
    return 'inconnue'; // in-process requests (tests) have no socket
  }
}

export const isHttps = (c: Context, trustProxy: boolean) =>
  new URL(c.req.url).protocol === 'https:' || (trustProxy && lastForwarded(c, 'x-forwarded-proto') === 'https');
