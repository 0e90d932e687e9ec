// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import globals from 'globals';

import layerImports from './eslint-rules/layer-imports.js';

/**
 * Import layering (docs/architecture.md, ../shared/STYLE.md "Layout"), as an
 * allow-list in the style of VS Code: each layer names what it may import and
 * everything else fails `npm run lint`, and so CI. `mayImport` holds project
 * path prefixes, `packages` npm packages. The longest matching `paths` entry
 * decides a file's layer. eslint-rules/layer-imports.test.ts proves each rule.
 */
const NODE_SERVICE_PACKAGES = ['ws', 'ioredis', 'jose', 'pino', 'prom-client', 'commander', 'zod'];
const CORE_PACKAGES = [
  'keytar',
  'ws',
  'js-yaml',
  'pino',
  'commander',
  'zod',
  'builder-util-runtime',
];
const RENDERER_PACKAGES = ['react', 'react-dom', 'zustand', 'zod', '@tanstack/react-virtual'];

/** @type {import('./eslint-rules/layer-imports.js').Layer[]} */
const layers = [
  {
    name: 'protocol',
    paths: ['protocol'],
    mayImport: ['protocol'],
    packages: ['zod'],
    nodeBuiltins: false,
    hint: 'protocol/ runs everywhere (hub, Electron, browser): it imports nothing platform-specific; inject it instead.',
  },
  {
    name: 'node-shared',
    paths: ['node-shared'],
    mayImport: ['protocol', 'node-shared'],
    packages: ['pino', 'zod'],
    nodeBuiltins: true,
    hint: 'node-shared/ is the Node layer under both server/ and electron/core/: it knows neither of them.',
  },
  {
    name: 'server',
    paths: ['server'],
    mayImport: ['protocol', 'node-shared', 'server'],
    packages: NODE_SERVICE_PACKAGES,
    nodeBuiltins: true,
    hint: 'The hub meets clients only through protocol/; Node helpers shared with electron/core go in node-shared/.',
  },
  {
    name: 'server/demo/generator',
    paths: ['server/demo/generator'],
    mayImport: ['protocol', 'server/demo/generator'],
    packages: [],
    nodeBuiltins: false,
    hint: 'The demo generator is pure and runs in the browser too: give it data and a clock, do I/O in server/demo/.',
  },
  {
    name: 'electron/core',
    paths: ['electron/core'],
    mayImport: ['protocol', 'node-shared', 'electron/core'],
    packages: CORE_PACKAGES,
    nodeBuiltins: true,
    // Core tests may check what core writes against the hub code that reads it.
    testsMayImport: ['server'],
    hint: 'electron/core runs without Electron: code that needs electron, windows or IPC goes in electron/main, which passes what core needs in.',
  },
  {
    name: 'electron/ipc',
    paths: ['electron/ipc'],
    mayImport: ['protocol', 'electron/ipc'],
    packages: ['zod'],
    nodeBuiltins: false,
    // Contract tests: what core emits must pass the channel schema.
    testsMayImport: ['electron/core'],
    hint: 'electron/ipc is the channel map shared by main and preload: it wraps the protocol/bridge/ schemas and nothing else.',
  },
  {
    name: 'electron/main',
    paths: ['electron/main'],
    mayImport: [
      'protocol',
      'node-shared',
      'electron/core',
      'electron/ipc',
      'electron/main',
      'server/runtime',
    ],
    packages: [...CORE_PACKAGES, 'electron', 'electron-updater'],
    nodeBuiltins: true,
    hint: 'electron/main reaches the hub only through server/runtime/ (the one hub-runtime entry).',
  },
  {
    name: 'electron/preload',
    paths: ['electron/preload'],
    mayImport: ['protocol', 'electron/ipc', 'electron/preload'],
    packages: ['electron'],
    nodeBuiltins: false,
    hint: 'The preload is a thin bridge: channels from electron/ipc, types from protocol/; logic belongs in electron/main (the Fiddle mistake).',
  },
  {
    name: 'electron/packaging',
    paths: ['electron/packaging'],
    mayImport: ['electron/packaging'],
    packages: ['app-builder-lib', 'builder-util', '@doyensec/electronegativity', 'js-yaml', 'zod'],
    nodeBuiltins: true,
    hint: 'Packaging checks read the build config and sources as files; they do not import product code.',
  },
  {
    name: 'renderer/src',
    paths: ['renderer/src'],
    mayImport: ['protocol', 'renderer/src'],
    packages: RENDERER_PACKAGES,
    nodeBuiltins: false,
    hint: 'The renderer has no Node or Electron: it reaches the host only through the bridge (protocol/bridge/).',
  },
  {
    name: 'renderer/src/fixtures',
    paths: ['renderer/src/fixtures'],
    mayImport: ['protocol', 'renderer/src', 'server/demo/generator'],
    packages: RENDERER_PACKAGES,
    nodeBuiltins: false,
    hint: 'The fixture host uses the pure demo generator (server/demo/generator/) and nothing else of the hub.',
  },
  {
    // Render helpers for renderer/src tests; they run in happy-dom, so they stay in renderer/src.
    name: 'renderer/src/testing',
    paths: ['renderer/src/testing'],
    mayImport: ['protocol', 'renderer/src'],
    packages: RENDERER_PACKAGES,
    nodeBuiltins: false,
    testOnly: true,
    hint: 'Test helpers use what renderer/src tests use.',
  },
  {
    name: 'bin',
    paths: ['bin'],
    mayImport: ['bin', 'node-shared', 'server/cli', 'electron/core/cli'],
    packages: ['tsx', 'esbuild', 'electron'],
    nodeBuiltins: true,
    hint: 'Launchers only start the CLI entries (server/cli/, electron/core/cli/); the work happens there.',
  },
  {
    name: 'test-support',
    paths: ['test-support'],
    mayImport: ['*'],
    packages: ['*'],
    nodeBuiltins: true,
    testOnly: true,
    hint: '',
  },
  {
    name: 'bench',
    paths: ['bench'],
    mayImport: ['*'],
    packages: ['*'],
    nodeBuiltins: true,
    testOnly: true,
    hint: '',
  },
  {
    // Scenario tests of electron/core against real hubs; their helpers (cli-process.ts) are test support.
    name: 'electron/core/scenarios',
    paths: ['electron/core/scenarios'],
    mayImport: ['protocol', 'node-shared', 'electron/core', 'server'],
    packages: CORE_PACKAGES,
    nodeBuiltins: true,
    testOnly: true,
    hint: 'Scenario tests drive electron/core against a real hub; shared harnesses belong in test-support/.',
  },
  {
    name: 'renderer/e2e',
    paths: ['renderer/e2e'],
    mayImport: ['*'],
    packages: ['*'],
    nodeBuiltins: true,
    testOnly: true,
    hint: '',
  },
  {
    name: 'tooling',
    paths: [
      'eslint.config.js',
      'eslint-rules',
      'vitest.config.ts',
      'electron.vite.config.ts',
      'renderer/vite.config.ts',
      'resources',
    ],
    mayImport: ['eslint-rules'],
    packages: ['*'],
    nodeBuiltins: true,
    hint: 'Build and lint configuration uses dev tools, not product code.',
  },
];

/**
 * Single files allowed one crossing their layer forbids, each with the reason.
 * Empty: every layer keeps to its table.
 * @type {import('./eslint-rules/layer-imports.js').Exception[]}
 */
const exceptions = [];

const layerRule = {
  root: import.meta.dirname,
  layers,
  exceptions,
  testFilePattern: '\\.test\\.tsx?$',
  testPackages: [
    'vitest',
    'fast-check',
    '@testing-library/react',
    '@testing-library/dom',
    '@testing-library/user-event',
  ],
};

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
    files: ['**/*.{js,mjs,cjs,ts,tsx,mts,cts}'],
    plugins: { layers: { rules: { 'layer-imports': layerImports } } },
    rules: { 'layers/layer-imports': ['error', layerRule] },
  },
  {
    files: ['renderer/src/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
  },
  {
    // Node-side files of renderer/: the build config and the e2e tests that drive Chromium.
    files: ['renderer/e2e/**/*.ts', 'renderer/vite.config.ts'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
