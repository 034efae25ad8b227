#!/usr/bin/env node
// Makes sure the Debian Chromium that the e2e tests drive exists at /usr/bin/chromium.
// We never download a browser at test time (playwright's own download is unreachable here); the
// distribution package is the one supported source. Exit 0 when Chromium is present afterwards.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH || '/usr/bin/chromium';

const HOW_TO_INSTALL = [
  `Chromium is missing at ${CHROMIUM_PATH}; the e2e tests need it.`,
  'Install it with your system package manager, for example on Debian/Ubuntu:',
  '  sudo apt-get update && sudo apt-get install -y chromium',
  'or point CHROMIUM_PATH at an existing Chromium/Chrome binary.',
].join('\n');

function hasAptGet() {
  return spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status === 0;
}

function run(cmd, args) {
  console.log(`[ensure-chromium] running: ${cmd} ${args.join(' ')}`);
  const result = spawnSync(cmd, args, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  });
  if (result.status !== 0) {
    console.error(`[ensure-chromium] "${cmd} ${args.join(' ')}" failed with exit code ${result.status}`);
    return false;
  }
  return true;
}

function main() {
  if (existsSync(CHROMIUM_PATH)) {
    console.log(`[ensure-chromium] found ${CHROMIUM_PATH}`);
    return 0;
  }
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (!isRoot || !hasAptGet()) {
    const why = !isRoot ? 'not running as root' : 'apt-get is not available';
    console.error(`[ensure-chromium] cannot install automatically (${why}).\n${HOW_TO_INSTALL}`);
    return 1;
  }
  console.log(`[ensure-chromium] ${CHROMIUM_PATH} is missing; installing the Debian package "chromium" with apt-get`);
  if (!run('apt-get', ['update']) || !run('apt-get', ['install', '-y', 'chromium'])) {
    console.error(HOW_TO_INSTALL);
    return 1;
  }
  if (!existsSync(CHROMIUM_PATH)) {
    console.error(`[ensure-chromium] apt-get finished but ${CHROMIUM_PATH} still does not exist.\n${HOW_TO_INSTALL}`);
    return 1;
  }
  console.log(`[ensure-chromium] installed ${CHROMIUM_PATH}`);
  return 0;
}

process.exitCode = main();
