// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * Layer rules (see README, "Architecture"): the core never touches Electron, React or
 * the DOM; the renderer reaches `electron/` only for types from `electron/shared`.
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
              message: 'The renderer may import from electron/ only types from electron/shared.',
            },
            {
              regex: '(^|/)electron/shared/',
              allowTypeImports: true,
              message: 'Import only types from electron/shared in the renderer (import type ...).',
            },
          ],
        },
      ],
    },
  },
);
