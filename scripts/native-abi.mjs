#!/usr/bin/env node
// better-sqlite3 12.x is a native addon built for one ABI at a time: plain Node (tests,
// CLI) or Electron (the desktop app). `node scripts/native-abi.mjs node|electron` makes
// sure the build in node_modules matches what is about to run, rebuilding when it does
// not, so nobody meets "NODE_MODULE_VERSION mismatch". The package scripts call it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { findElectronBinary } from './electron-binary.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const marker = path.join(root, 'node_modules', '.akar-native-abi');
const target = process.argv[2];
const quiet = process.argv.includes('--quiet');
const say = (text) => {
  if (!quiet) console.error(`[native-abi] ${text}`);
};

function run(command, args) {
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: quiet ? 'ignore' : 'inherit',
    shell: process.platform === 'win32',
  });
  return result.status === 0;
}

/** Loads better-sqlite3 in a fresh Node process: the only reliable test of its ABI. */
function loadsUnderNode() {
  const probe = spawnSync(process.execPath, ['-e', "new (require('better-sqlite3'))(':memory:').close()"], {
    cwd: root,
    encoding: 'utf8',
  });
  return probe.status === 0;
}

if (target === 'node') {
  if (loadsUnderNode()) {
    // Whatever the marker said, the build in place is Node's now.
    if (fs.existsSync(marker)) fs.writeFileSync(marker, 'node\n');
    process.exit(0);
  }
  say('better-sqlite3 is built for Electron; rebuilding it for Node (about a minute)...');
  if (!run('npm', ['rebuild', 'better-sqlite3']) || !loadsUnderNode()) {
    console.error('[native-abi] Could not rebuild better-sqlite3 for Node. Try: npm rebuild better-sqlite3');
    process.exit(1);
  }
  fs.writeFileSync(marker, 'node\n');
} else if (target === 'electron') {
  const binary = findElectronBinary();
  if ('missing' in binary) {
    console.error(
      `[native-abi] The Electron binary is not installed: ${binary.missing}.\n` +
        '             Install it with: node node_modules/electron/install.js   (needs internet access)',
    );
    process.exit(1);
  }
  // The marker names the exact Electron it was built for: after an Electron upgrade (or a
  // rebuild by hand) it no longer matches, and the modules are rebuilt.
  const electronVersion = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules/electron/package.json'), 'utf8'),
  ).version;
  const wanted = `electron@${electronVersion}`;
  if (fs.existsSync(marker) && fs.readFileSync(marker, 'utf8').trim() === wanted) process.exit(0);
  say(`rebuilding better-sqlite3 for Electron ${electronVersion}...`);
  if (!run('npx', ['electron-builder', 'install-app-deps'])) {
    console.error(
      '[native-abi] Could not rebuild native modules for Electron (electron-builder install-app-deps failed).',
    );
    process.exit(1);
  }
  fs.writeFileSync(marker, `${wanted}\n`);
} else {
  console.error('usage: node scripts/native-abi.mjs node|electron [--quiet]');
  process.exit(2);
}
