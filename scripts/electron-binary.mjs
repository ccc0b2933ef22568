// Finds the Electron executable the way the `electron` package does, but without its
// side effect: requiring `electron` from Node tries to download a missing binary, which
// machines without internet access cannot do.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** @returns {{ path: string } | { missing: string }} */
export function findElectronBinary() {
  const pkg = path.join(root, 'node_modules', 'electron');
  const pathFile = path.join(pkg, 'path.txt');
  if (!fs.existsSync(pathFile)) {
    return { missing: 'node_modules/electron has no binary (installed with ELECTRON_SKIP_BINARY_DOWNLOAD?)' };
  }
  const relative = fs.readFileSync(pathFile, 'utf8').trim();
  const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH || path.join(pkg, 'dist');
  const binary = path.join(dist, relative);
  return fs.existsSync(binary) ? { path: binary } : { missing: `${binary} does not exist` };
}
