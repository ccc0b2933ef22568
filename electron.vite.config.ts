import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

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
      rollupOptions: { input: { index: resolve(root, 'electron/main/index.ts') } },
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
    plugins: [react()],
    build: {
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
