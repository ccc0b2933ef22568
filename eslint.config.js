// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer rules (see README, "Architecture"): the core never touches Electron, React or
 * the DOM; the renderer reaches `electron/` only for types from `electron/shared`, and
 * for code from `electron/shared/plain`. The renderer is sandboxed and bundled on its own:
 * a value import from the rest of electron/shared would pull zod and the schemas into it.
 * Files in `electron/shared/plain` import nothing (not even from the rest of
 * electron/shared), so what the renderer, the CLI and the core import from there is the
 * same small, dependency-free code, with no way for a dependency to creep in behind it.
 */
const NO_ELECTRON_OR_REACT = {
  paths: [
    { name: 'electron', message: 'electron/core must run under plain Node: no electron imports.' },
    { name: 'react', message: 'electron/core is framework-free: no React.' },
    { name: 'react-dom', message: 'electron/core is framework-free: no React.' },
  ],
  patterns: [
    { group: ['react/*', 'react-dom/*', 'react-i18next', 'electron/*'], message: 'electron/core is framework-free.' },
    {
      group: ['**/main/*', '**/main', '**/preload/*', '**/renderer/*', '**/cli/*'],
      message: 'electron/core depends only on electron/shared.',
    },
  ],
};

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'test-results/**', 'coverage/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      'no-console': 'off',
      eqeqeq: ['error', 'always'],
    },
  },
  {
    files: ['electron/core/**/*.ts', 'electron/shared/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', NO_ELECTRON_OR_REACT] },
  },
  {
    files: ['electron/shared/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          ...NO_ELECTRON_OR_REACT,
          patterns: [
            ...NO_ELECTRON_OR_REACT.patterns,
            { group: ['**/core/*', '**/core'], message: 'electron/shared is the contract: it depends on zod only.' },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/shared/plain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              // Only siblings (`./numbers`, `./sub/x`): no packages, no `..`.
              regex: '^(?!\\./(?:[\\w-]+/)*[\\w-]+$)',
              message: 'electron/shared/plain imports nothing outside its own folder, so every layer can use it.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'electron', message: 'The renderer talks to main only through window.api.' }],
          patterns: [
            {
              regex: '(^|/)electron/(?!shared/)',
              message:
                'The renderer may import from electron/ only types from electron/shared and code from electron/shared/plain.',
            },
            {
              // electron/shared/plain/<file> is the one place for values; no `..` out of it.
              regex: '(^|/)electron/shared/(?!plain/[\\w-]+$)',
              allowTypeImports: true,
              message:
                'Import only types from electron/shared in the renderer (import type ...); values come from electron/shared/plain.',
            },
          ],
        },
      ],
    },
  },
);
