import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';

/**
 * Dev server only: React Fast Refresh injects an inline module script, which the strict
 * CSP in index.html blocks. Builds keep the strict policy untouched (and main also sends
 * it as a header), so 'unsafe-inline' never ships.
 */
function devOnlyInlineScripts(): Plugin {
  return {
    name: 'akar-dev-csp',
    apply: 'serve',
    transformIndexHtml: (html) => html.replace("script-src 'self'", "script-src 'self' 'unsafe-inline'"),
  };
}

/**
 * Akar keeps electron-vite's three builds but not its default `src/` layout:
 * main and preload live under `electron/`, the renderer under `renderer/`.
 */
const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  main: {
    build: {
      // Native modules (better-sqlite3, sharp) must stay outside the bundle; they are
      // unpacked from asar at packaging time (see electron-builder.yml).
      externalizeDeps: true,
      // The core runs in its own worker thread (electron/core/worker), built beside main.
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'core-worker': resolve(root, 'electron/core/worker/core-worker.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload cannot `require` from node_modules: bundle everything into one
      // CommonJS file.
      externalizeDeps: false,
      isolatedEntries: true,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    plugins: [react(), devOnlyInlineScripts()],
    build: {
      // Smaller bundle, faster start on eMMC/HDD laptops.
      minify: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
