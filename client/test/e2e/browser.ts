import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startLocalCloud, type LocalCloud } from '../../../scripts/local-cloud';

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

export interface Preview {
  cloud: LocalCloud;
  browser: Browser;
  context: BrowserContext;
  page: Page;
}

let opened: Preview | undefined;

/**
 * A test file's preview: a local cloud (seeded unless asked otherwise) and a 375 px Chromium page, started
 * together. `closePreview` in afterAll stops both.
 */
export async function openPreview(opts: { seed?: boolean; stepTimeoutMs?: number } = {}): Promise<Preview> {
  const [cloud, browser] = await Promise.all([startLocalCloud({ seed: opts.seed ?? true, quiet: true }), launchChromium()]);
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, locale: 'zh-CN' });
  // Fail fast with a readable step instead of playwright's 30 s default, where a file asks for it.
  if (opts.stepTimeoutMs) context.setDefaultTimeout(opts.stepTimeoutMs);
  opened = { cloud, browser, context, page: await context.newPage() };
  return opened;
}

export async function closePreview(): Promise<void> {
  await opened?.browser.close();
  await opened?.cloud.stop();
  opened = undefined;
}
