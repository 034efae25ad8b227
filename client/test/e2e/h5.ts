import type { Locator, Page } from 'playwright-core';

/**
 * Steps shared by the H5 browser tests. Taro's H5 router keeps earlier pages in the document (hidden), so
 * anything that exists on several pages is looked up among the visible ones.
 */
export const visible = (page: Page, selector: string, options?: { hasText?: string | RegExp }): Locator => page.locator(`${selector}:visible`, options);

/** Switches identity the way a person uses the preview: the bar at the top logs in and reloads the page. */
export async function switchIdentity(page: Page, openid: string): Promise<void> {
  // Any visible bar will do (the choice reloads the whole preview); right after a tab switch two may be.
  const bar = visible(page, '#yz-identity-switcher').first();
  await bar.getByText('切换身份').click();
  await Promise.all([page.waitForEvent('load'), bar.locator(`.yz-identity-option[data-openid="${openid}"]`).click()]);
}

/** Opens a route of the H5 preview, e.g. `/pages/mine/index`, and waits for the app to boot. */
export async function open(page: Page, baseUrl: string, route: string): Promise<void> {
  await page.goto(`${baseUrl}${route}`);
  await visible(page, '#yz-identity-switcher').waitFor();
}

/** Reads `read` until `ok` holds (or the time is up) and answers the last value, for the test to assert on. */
export async function eventually<T>(read: () => T | Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 100));
    value = await read();
  }
  return value;
}
