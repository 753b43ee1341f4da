// Debian's Chromium, launched the way this machine needs (no sandbox, no GPU, nothing fetched in the background):
// shared by the browser tests and the benchmarks.
import { existsSync } from 'node:fs';
import { chromium, type Browser } from 'playwright-core';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const browserAvailable = existsSync(CHROMIUM);
export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
export const CHROMIUM_MISSING = `Chromium introuvable (${CHROMIUM}) : installez le paquet Debian « chromium » ou définissez CHROMIUM_PATH.`;

export function launchChromium(): Promise<Browser> {
  if (!browserAvailable) throw new Error(CHROMIUM_MISSING);
  return chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
}
