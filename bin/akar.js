#!/usr/bin/env node
// The `akar` command: runs the TypeScript CLI through tsx, so there is no separate build step.
import { tsImport } from 'tsx/esm/api';

await tsImport('../electron/cli/index.ts', import.meta.url);
