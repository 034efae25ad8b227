/**
 * @jest-environment node
 */
import { join } from 'node:path';
import { PROJECT_ROOT } from '../../../scripts/local-cloud';
import { budgetProblems, formatSizes, MAIN_PACKAGE_BUDGET, measurePackages, readAppJson, SUBPACKAGE_BUDGET } from '../../../scripts/deploy/miniprogram';

// The package budget of the built mini-program (the weapp project's global setup builds it): WeChat refuses a
// package over 2 MB; the main package, which every first open downloads, is held to 1.5 MB.
const WEAPP = join(PROJECT_ROOT, 'build', 'weapp');

describe('mini-program package budget', () => {
  it('keeps the main package under 1.5 MB and each subpackage under 2 MB', () => {
    const sizes = measurePackages(WEAPP);
    console.log(`Package budget (build/weapp):\n${formatSizes(sizes)}`);
    // The areas only staff open load on demand: residents' first download carries none of them.
    expect(sizes.subpackages.map((p) => p.root)).toEqual(expect.arrayContaining(['admin', 'judge', 'secretary']));
    expect(sizes.main).toBeGreaterThan(0);
    expect(budgetProblems(sizes)).toEqual([]);
  });

  it('refuses a package over its budget', () => {
    const over = { main: MAIN_PACKAGE_BUDGET + 1, subpackages: [{ root: 'admin', bytes: SUBPACKAGE_BUDGET + 1 }, { root: 'secretary', bytes: 10 }], total: 0 };
    expect(budgetProblems(over)).toEqual([expect.stringMatching(/main package is 1536\.0 KiB, over the 1536\.0 KiB budget/), expect.stringMatching(/subpackage admin is 2048\.0 KiB/)]);
  });

  it('keeps the tabBar pages in the main package', () => {
    const app = readAppJson(WEAPP);
    const tabs = (app.tabBar?.list ?? []).map((t) => t.pagePath);
    expect(tabs.length).toBeGreaterThan(0);
    expect(tabs.filter((p) => !(app.pages ?? []).includes(p))).toEqual([]);
  });
});
