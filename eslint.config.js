// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

/**
 * Import layering from ../shared/STYLE.md: each runtime folder may import only
 * downward. A wrong import fails `npm run lint`, and so CI.
 */
const nodeBuiltins = {
  group: ['node:*'],
  message: 'protocol/ and renderer/ must stay free of Node APIs.',
};
const electronOnly = {
  group: ['electron', 'electron/*'],
  message: "Only electron/main and electron/preload may import 'electron'.",
};
const fromServer = {
  group: ['**/server/**', '../server/*'],
  message: 'Reach the hub through protocol/, not server/ internals.',
};
const fromElectron = {
  group: ['**/electron/**'],
  message: 'This layer may not import electron/ code.',
};
const fromRenderer = {
  group: ['**/renderer/**'],
  message: 'renderer/ is a leaf: nothing imports it.',
};
const fromMain = {
  group: ['**/main/**', '../main/*'],
  message: 'preload must not import from main (the Fiddle mistake).',
};
const platformPackages = [
  'ws',
  'ioredis',
  'keytar',
  'pino',
  'prom-client',
  'commander',
  'react',
  'react-dom',
  'zustand',
].map((name) => ({
  name,
  message: 'protocol/ imports nothing platform-specific; inject it instead.',
}));

export default tseslint.config(
  {
    ignores: ['node_modules/**', 'out/**', 'dist/**', 'release/**', 'artifacts/**', 'coverage/**'],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
      'no-empty': ['error', { allowEmptyCatch: false }],
    },
  },
  {
    files: ['protocol/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: platformPackages,
          patterns: [nodeBuiltins, electronOnly, fromServer, fromElectron, fromRenderer],
        },
      ],
    },
  },
  {
    files: ['server/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, fromElectron, fromRenderer] }],
    },
  },
  {
    files: ['electron/core/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, fromRenderer] }],
    },
  },
  {
    files: ['electron/preload/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            fromMain,
            fromRenderer,
            {
              group: ['**/core/**'],
              message: 'preload stays a thin bridge; it must not pull in Node-side core.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['electron/main/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', { patterns: [fromRenderer] }],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: ['electron', 'ws', 'ioredis', 'keytar'].map((name) => ({
            name,
            message: 'renderer/ reaches the host only through the bridge.',
          })),
          patterns: [nodeBuiltins, electronOnly, fromServer, fromElectron],
        },
      ],
    },
  },
  {
    // Node-side files of renderer/: the build config and the e2e tests that drive Chromium.
    files: ['renderer/e2e/**/*.ts', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
    rules: {
      'no-restricted-imports': ['error', { patterns: [electronOnly, fromServer, fromElectron] }],
    },
  },
);
