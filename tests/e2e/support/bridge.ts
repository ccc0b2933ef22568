import path from 'node:path';
import { build } from 'esbuild';

let bundled: Promise<string> | null = null;

/** The browser bundle of bridge-entry.ts (built once per test file). */
export function bridgeScript(): Promise<string> {
  bundled ??= build({
    entryPoints: [path.join(import.meta.dirname, 'bridge-entry.ts')],
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    logLevel: 'silent',
  }).then((result) => {
    const file = result.outputFiles[0];
    if (!file) throw new Error('esbuild produced no bridge bundle');
    return file.text;
  });
  return bundled;
}
