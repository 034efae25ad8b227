import { chromium, type Browser } from 'playwright-core';

/**
 * The Debian Chromium (scripts/ensure-chromium.mjs installs it), never a downloaded browser. Playwright gives
 * each launch a fresh temporary profile; the flags keep it from reaching anything but 127.0.0.1.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

export function launchChromium(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}
