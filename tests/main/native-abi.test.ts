import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../scripts/electron-binary.mjs';

/**
 * scripts/native-abi.mjs decides which build of better-sqlite3 is in node_modules. The
 * rebuilds themselves take minutes (and, for Electron, its headers from outside npm), so
 * these check the decisions a contributor meets first.
 */
const root = path.resolve(import.meta.dirname, '../..');
const script = path.join(root, 'scripts/native-abi.mjs');
const run = (...args: string[]) => spawnSync(process.execPath, [script, ...args], { cwd: root, encoding: 'utf8' });

describe('native-abi switch', () => {
  it('leaves a working Node build alone', () => {
    const result = run('node');
    expect(result.status).toBe(0);
    expect(result.stderr).not.toContain('rebuilding');
  });

  it.skipIf('path' in findElectronBinary())('explains what to do when the Electron binary is missing', () => {
    const result = run('electron');
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('The Electron binary is not installed');
    expect(result.stderr).toContain('node node_modules/electron/install.js');
  });

  it('refuses an unknown target with its usage', () => {
    const result = run('python');
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('usage: node scripts/native-abi.mjs node|electron');
  });
});
