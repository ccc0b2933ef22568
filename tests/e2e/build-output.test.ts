import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

/**
 * Checks on what `electron-vite build` produced (npm run test:e2e builds first) that would
 * otherwise only show up in an installed app: a sandboxed preload can require nothing but
 * 'electron', and main may import only Node built-ins, 'electron' and the runtime
 * dependencies that electron-builder ships (devDependencies are left out of installers).
 */
const root = path.resolve(import.meta.dirname, '../..');
const out = (file: string) => fs.readFileSync(path.join(root, 'out', file), 'utf8');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as {
  dependencies: Record<string, string>;
};

describe('build output', () => {
  it('bundles the preload into one CommonJS file that requires only electron', () => {
    const preload = out('preload/index.cjs');
    const required = [...preload.matchAll(/require\(["']([^"']+)["']\)/g)].map((m) => m[1]);
    expect([...new Set(required)]).toEqual(['electron']);
    expect(preload).not.toMatch(/^\s*import\s/m);
  });

  it('lets main and the core worker import only Node built-ins, electron and shipped dependencies', () => {
    const shipped = new Set(Object.keys(pkg.dependencies));
    for (const entry of ['main/index.js', 'main/core-worker.js']) {
      const bare = importsOf(entry);
      expect(bare.size).toBeGreaterThan(0);
      for (const specifier of bare) {
        const name = specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]!;
        const allowed = specifier.startsWith('node:') || name === 'electron' || shipped.has(name);
        expect(allowed, `${entry} imports ${specifier}, which the installer would not contain`).toBe(true);
      }
    }
    // The core and its native modules load in the worker thread, never in main itself.
    expect([...importsOf('main/index.js')]).not.toContain('better-sqlite3');
    expect([...importsOf('main/core-worker.js')]).toContain('better-sqlite3');
  });

  it('ships the strict CSP in the page, with no inline or eval script', () => {
    const html = out('renderer/index.html');
    const csp = /http-equiv="Content-Security-Policy"\s+content="([^"]+)"/.exec(html)?.[1] ?? '';
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).not.toContain('unsafe-eval');
  });
});

/** The packages `entry` loads: its own imports and those of every chunk it imports, followed. */
function importsOf(entry: string): Set<string> {
  const seen = new Set<string>();
  const bare = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    expect(fs.existsSync(path.join(root, 'out', file)), `${file} is imported but was not built`).toBe(true);
    // Static imports, single- or multi-line, and bare side-effect imports.
    for (const match of out(file).matchAll(/^import\b(?:[^;'"]*?\bfrom)?\s*["']([^"']+)["']/gms)) {
      const specifier = match[1]!;
      if (specifier.startsWith('.')) visit(path.posix.join(path.posix.dirname(file), specifier));
      else bare.add(specifier);
    }
  };
  visit(entry);
  return bare;
}
