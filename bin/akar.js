#!/usr/bin/env node
// The `akar` command: runs the TypeScript CLI through tsx, so there is no separate build step.
// better-sqlite3 may have been rebuilt for Electron by `npm start`; make sure the build in
// node_modules is Node's first (a no-op when it already is).
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { tsImport } from 'tsx/esm/api';

const check = spawnSync(
  process.execPath,
  [fileURLToPath(new URL('../scripts/native-abi.mjs', import.meta.url)), 'node'],
  {
    stdio: ['ignore', 'ignore', 'inherit'],
  },
);
if (check.status !== 0) process.exit(check.status ?? 1);

await tsImport('../electron/cli/index.ts', import.meta.url);
