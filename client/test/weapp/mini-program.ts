import { startLocalCloud, type LocalCloud } from '../../../scripts/local-cloud';
import fs from 'node:fs';
import path from 'node:path';
import { devLogin, postJson } from '../support/http';

/**
 * Runs the compiled mini-program (build/weapp) inside miniprogram-simulate, so the tests see what WeChat
 * would render from the very files we upload. The simulator knows custom components only, so `Page` is shimmed
 * onto `Component` and the app-level globals are defined before app.js runs (toolchain notes). `wx.cloud` does not
 * exist there: ours answers `callFunction` by calling the running local cloud over HTTP as a chosen user, so pages
 * show what the real function returns.
 */
export const WEAPP_DIR = path.resolve(__dirname, '../../../build/weapp');

// The simulator's typings describe components loosely; this is the slice the tests use.
export interface SimComponent {
  dom: HTMLElement;
  attach(parent: Element): void;
  detach(): void;
  querySelector(selector: string): SimComponent | undefined;
  dispatchEvent(name: string, detail?: object): void;
  instance: Record<string, unknown>;
}

interface Simulate {
  load(componentPath: string, tagName: string, options: { rootPath: string }): string;
  render(id: string, properties?: object): SimComponent;
}

type Fn = (...args: unknown[]) => unknown;
type Options = Record<string, unknown>;

export interface MiniProgram {
  /** Renders a page (e.g. 'pages/mine/index') and attaches it to the document; `query` is what onLoad receives. */
  openPage(pagePath: string, query?: Record<string, string>): SimComponent;
  /** Every `wx.cloud.callFunction` made so far: name and data. */
  calls: { name: string; data: unknown }[];
  /** Makes the next `count` calls fail as a dropped network would. */
  failNextCalls(count: number): void;
}

export async function bootMiniProgram(opts: { cloudUrl: string; openid: string }): Promise<MiniProgram> {
  if (!fs.existsSync(path.join(WEAPP_DIR, 'app.js'))) throw new Error(`${WEAPP_DIR}/app.js is missing: run npm run build:weapp`);
  const token = await devLogin(opts.cloudUrl, opts.openid);
  // Requiring the simulator defines `Component` and `wx` on the global object.
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- loaded here, when the globals it defines are wanted
  const simulate = require('miniprogram-simulate') as Simulate;
  const g = globalThis as unknown as Record<string, unknown>;
  const wx = g.wx as Record<string, unknown>;
  const appJson = JSON.parse(fs.readFileSync(path.join(WEAPP_DIR, 'app.json'), 'utf8')) as Options;
  const calls: MiniProgram['calls'] = [];
  let failuresLeft = 0;

  wx.cloud = {
    DYNAMIC_CURRENT_ENV: Symbol('DYNAMIC_CURRENT_ENV'),
    init() {},
    async callFunction({ name, data }: { name: string; data?: unknown }) {
      calls.push({ name, data });
      if (failuresLeft > 0) {
        failuresLeft -= 1;
        // eslint-disable-next-line @typescript-eslint/only-throw-error -- wx APIs reject with plain { errCode, errMsg } objects
        throw { errCode: -1, errMsg: 'cloud.callFunction:fail request:fail timeout' };
      }
      const { status, json } = await postJson(`${opts.cloudUrl}/api/functions/${name}`, data ?? {}, { Authorization: `Bearer ${token}` });
      const body = json as { result?: unknown; errCode?: number; errMsg?: string };
      // eslint-disable-next-line @typescript-eslint/only-throw-error -- as wx does
      if (status !== 200) throw { errCode: body.errCode ?? -1, errMsg: `cloud.callFunction:fail ${body.errMsg ?? status}` };
      return { result: body.result, errMsg: 'cloud.callFunction:ok', requestID: String(calls.length) };
    },
  };
  // Taro stops the pull-down spinner through these; the simulator lacks them.
  wx.stopPullDownRefresh ??= () => undefined;

  let app: Options = {};
  // The query of the page being opened: WeChat hands it to onLoad (e.g. `sid`, or `scene` from a mini-program code).
  let nextQuery: Record<string, string> = {};
  const pages: Options[] = [];
  g.App = (options: Options) => (app = options);
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.requirePlugin = () => ({});
  g.__wxConfig = { ...appJson, envVersion: 'develop', platform: 'devtools' };
  g.Page = (options: Options) => {
    const methods: Record<string, Fn> = {};
    for (const [key, value] of Object.entries(options)) if (typeof value === 'function') methods[key] = value as Fn;
    const component = g.Component as (o: Options) => void;
    component({
      data: options.data ?? {},
      methods,
      lifetimes: {
        attached(this: Options) {
          pages.push(this);
          (this.onLoad as Fn)(nextQuery);
          (this.onShow as Fn)();
        },
        ready(this: Options) {
          (this.onReady as Fn)();
        },
        detached(this: Options) {
          pages.splice(pages.indexOf(this), 1);
          (this.onUnload as Fn)();
        },
      },
    });
  };

  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the compiled mini-program, loaded as the simulator would
  require(path.join(WEAPP_DIR, 'app.js'));
  (app.onLaunch as Fn | undefined)?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 });
  (app.onShow as Fn | undefined)?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 });

  return {
    calls,
    failNextCalls(count) {
      failuresLeft = count;
    },
    openPage(pagePath, query = {}) {
      nextQuery = query;
      const id = simulate.load(path.join(WEAPP_DIR, pagePath), 'page', { rootPath: WEAPP_DIR });
      const page = simulate.render(id);
      page.attach(document.createElement('parent-wrapper'));
      return page;
    },
  };
}

/** Visible text, whitespace collapsed: what a reader would see, in order. */
export const textOf = (page: SimComponent): string => (page.dom.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Polls until `predicate` holds (rendering is asynchronous: a cloud round trip, then React, then setData). */
export async function waitFor(predicate: () => boolean, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!predicate()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/**
 * Taps the first element with `className`, as a finger would: Taro binds its handlers to the node's id
 * (`data-sid`), which the simulator reaches as `'#' + sid`.
 */
export function tap(page: SimComponent, className: string): void {
  const node = page.dom.querySelector(`[class~="page--${className}"]`);
  const sid = node?.getAttribute('data-sid');
  if (!sid) throw new Error(`nothing with class ${className} to tap`);
  const target = page.querySelector(`#${sid}`);
  if (!target) throw new Error(`the simulator cannot reach #${sid}`);
  target.dispatchEvent('tap');
}

let opened: { cloud: LocalCloud; mini: MiniProgram } | undefined;

/** A test file's mini-program: a local cloud (seeded unless asked otherwise) and the compiled app, as `openid`. */
export async function openMiniProgram(opts: { openid: string; seed?: boolean }): Promise<{ cloud: LocalCloud; mini: MiniProgram }> {
  const cloud = await startLocalCloud({ seed: opts.seed ?? true, quiet: true });
  opened = { cloud, mini: await bootMiniProgram({ cloudUrl: cloud.url, openid: opts.openid }) };
  return opened;
}

export async function closeMiniProgram(): Promise<void> {
  await opened?.cloud.stop();
  opened = undefined;
}
