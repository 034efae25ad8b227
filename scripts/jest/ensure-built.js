// jest globalSetup of the projects that need built outputs. `npm test` builds everything once and sets
// YANZHEN_BUILT=1; a project run alone (npm run test:integration) builds the fast parts itself.
const { execFileSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

module.exports = async function ensureBuilt() {
  if (process.env.YANZHEN_BUILT === '1') return;
  const root = join(__dirname, '..', '..');
  for (const script of ['emulator/build.mjs', 'cloudfunctions/build.mjs']) {
    if (existsSync(join(root, script))) execFileSync(process.execPath, [join(root, script)], { cwd: root, stdio: 'inherit' });
  }
};
