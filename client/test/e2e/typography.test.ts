import type { Page } from 'playwright-core';
import type { LocalCloud } from '../../../scripts/local-cloud';
import { closePreview, openPreview } from './browser';
import { open, switchIdentity, visible } from './h5';

// Type sizes and tap targets on the pages residents and secretaries use, in Chromium at 375 px: text at least
// 14 px (tags, badges) and body text at least 16 px; every tap target at least 44 × 44 px. Then the same pages
// with the root font size 1.5 × larger, as the large-font setting (关怀模式) does: text grows with it, nothing
// runs off the side, and targets stay large enough.
let cloud: LocalCloud;
let page: Page;

beforeAll(async () => {
  ({ cloud, page } = await openPreview({ stepTimeoutMs: 15_000 }));
});

afterAll(closePreview);

interface Screen {
  route: string;
  /** Shown once the page has its data. */
  ready: string;
  /** Body text: at least 16 px. */
  body: string[];
  /** Tags and badges: at least 14 px. */
  labels: string[];
  /** Things to tap: at least 44 × 44 px. */
  targets: string[];
}

const RESIDENT_SCREENS: Screen[] = [
  {
    route: '/pages/index/index',
    ready: '.home .yz-card',
    body: ['.home__intro-text', '.yz-card__excerpt', '.home__salon-line'],
    labels: ['.home__channel', '.yz-card__tag', '.yz-card__badge', '.home__contest-badge'],
    targets: ['.home__heading-more', '.home__contest-go', '.yz-card', '.weui-tabbar__item', '.yz-identity__bar'],
  },
  {
    route: '/pages/showcases/index',
    ready: '.feed .yz-card',
    body: ['.yz-card__excerpt', '.yz-card__place', '.feed__search-input input'],
    labels: ['.yz-card__tag', '.yz-card__badge'],
    targets: ['.feed__search-button', '.feed__chip', '.yz-card', '.weui-tabbar__item'],
  },
  {
    route: '/pages/showcase/index?sid=sec-02',
    ready: '.showcase__paragraph',
    body: ['.showcase__paragraph', '.showcase__achievement', '.contest-vote__rule'],
    labels: ['.showcase__tag', '.contest-vote__state'],
    targets: ['.contest-vote__link', '.contest-vote__button', '.showcase__poster-button', '#taro-navigation-bar .taro-navigation-bar-home'],
  },
  {
    route: '/pages/mine/index',
    ready: '.mine__entry',
    body: ['.mine .nut-cell-title', '.mine .nut-cell-description'],
    labels: ['.mine__role'],
    targets: ['.mine__entry', '.weui-tabbar__item'],
  },
  {
    route: '/secretary/bind/index',
    ready: '.bind__input',
    body: ['.sec-card__hint', '.sec-card__note', '.bind__input input'],
    labels: [],
    targets: ['.bind__input', '.bind__submit'],
  },
];

const EDITOR: Screen = {
  route: '/secretary/showcase-edit/index',
  ready: '.edit-form__story',
  body: ['.sec-card__hint', '.edit-status__explain', '.edit-form__story textarea', '.edit-form__achievement-input input'],
  labels: ['.edit-status__badge', '.edit-form__count'],
  targets: ['.edit-photo__choose', '.edit-form__remove', '.edit-form__add', '.edit-form__tag', '.edit__save', '.edit__submit'],
};

interface Measured {
  smallest: { size: number; text: string } | null;
  sizes: Record<string, number[]>;
  boxes: Record<string, { w: number; h: number; text: string }[]>;
  overflow: number;
}

/** Font sizes and boxes of what is on screen now (hidden pages of Taro's stack are skipped). */
function measure(screen: Screen): Promise<Measured> {
  return page.evaluate((s) => {
    const shown = (el: Element) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const all = (selector: string) => Array.from(document.querySelectorAll(selector)).filter(shown) as HTMLElement[];
    let smallest: { size: number; text: string } | null = null;
    for (const el of all('body *')) {
      const own = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent?.trim());
      if (!own) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (!smallest || size < smallest.size) smallest = { size, text: (el.textContent ?? '').trim().slice(0, 30) };
    }
    const sizes: Record<string, number[]> = {};
    for (const sel of [...s.body, ...s.labels]) sizes[sel] = all(sel).map((el) => parseFloat(getComputedStyle(el).fontSize));
    const boxes: Record<string, { w: number; h: number; text: string }[]> = {};
    for (const sel of s.targets) {
      boxes[sel] = all(sel).map((el) => {
        const r = el.getBoundingClientRect();
        return { w: Math.round(r.width), h: Math.round(r.height), text: (el.textContent ?? '').trim().slice(0, 20) };
      });
    }
    // How far the widest page runs past the screen's edge (0: nothing to scroll sideways).
    const pages = all('.taro_page');
    const overflow = Math.max(0, ...pages.map((p) => p.scrollWidth - p.clientWidth), document.documentElement.scrollWidth - window.innerWidth);
    return { smallest, sizes, boxes, overflow };
  }, screen);
}

async function show(screen: Screen): Promise<Measured> {
  await open(page, cloud.url, screen.route);
  await visible(page, screen.ready).first().waitFor();
  await page.waitForTimeout(300); // late layout (images, fonts)
  return measure(screen);
}

/** Every rule at a root font scale of `scale` (1 = the phone's normal size). */
function expectReadable(m: Measured, screen: Screen, scale: number): void {
  expect({ route: screen.route, smallest: m.smallest && m.smallest.size >= 14 * scale ? 'ok' : m.smallest }).toEqual({ route: screen.route, smallest: 'ok' });
  for (const sel of screen.body) {
    expect({ sel, found: m.sizes[sel].length > 0 }).toEqual({ sel, found: true });
    for (const size of m.sizes[sel]) expect({ sel, size: size >= 16 * scale }).toEqual({ sel, size: true });
  }
  for (const sel of screen.labels) for (const size of m.sizes[sel]) expect({ sel, size: size >= 14 * scale }).toEqual({ sel, size: true });
  for (const sel of screen.targets) {
    expect({ sel, found: m.boxes[sel].length > 0 }).toEqual({ sel, found: true });
    for (const box of m.boxes[sel]) expect({ sel, box, big: box.w >= 44 && box.h >= 44 }).toEqual({ sel, box, big: true });
  }
  expect({ route: screen.route, overflow: m.overflow }).toEqual({ route: screen.route, overflow: 0 });
}

test('resident pages: text at least 14 px (body 16 px) and tap targets at least 44 × 44 px', async () => {
  for (const screen of RESIDENT_SCREENS) expectReadable(await show(screen), screen, 1);
});

test('the secretary’s editor: the same sizes', async () => {
  await open(page, cloud.url, '/pages/mine/index');
  await switchIdentity(page, 'demo-secretary');
  expectReadable(await show(EDITOR), EDITOR, 1);
});

test('with the large-font setting (root font 1.5 ×) text grows with it and every page stays usable', async () => {
  // Taro sets the root font size from the screen width; the large-font setting scales it, as this rule does.
  await page.context().addInitScript(() => {
    const style = document.createElement('style');
    style.textContent = 'html { font-size: 30px !important; }';
    document.addEventListener('DOMContentLoaded', () => document.head.appendChild(style));
  });
  expectReadable(await show(EDITOR), EDITOR, 1.5);
  for (const screen of RESIDENT_SCREENS) {
    expectReadable(await show(screen), screen, 1.5);
  }
  // The navigation bar's title grows too.
  const title = await page.locator('#taro-navigation-bar .taro-navigation-bar-title').evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
  expect(title).toBeGreaterThanOrEqual(17 * 1.5);
});
