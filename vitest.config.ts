import { defineConfig } from 'vitest/config';

/**
 * Two projects: `unit` (core, main's pure parts, CLI, crash tests and the renderer's pure
 * functions; plain Node, real SQLite in temp dirs) and `e2e` (the built renderer in
 * Debian Chromium, bound to the real handler table).
 */
export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'tests/core/**/*.test.ts',
            'tests/main/**/*.test.ts',
            'tests/cli/**/*.test.ts',
            'tests/chaos/**/*.test.ts',
            'tests/renderer/**/*.test.ts',
          ],
          environment: 'node',
          testTimeout: 20_000,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
          hookTimeout: 60_000,
          // One browser at a time: these machines have 2 cores.
          fileParallelism: false,
        },
      },
    ],
  },
});
