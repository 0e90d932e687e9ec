import { resolve } from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'electron-vite';

const root = import.meta.dirname;

/**
 * Builds the desktop app into out/:
 * - out/main/index.js: the main process (ESM, as package.json is "type": "module").
 * - out/main/hub-process.js: the bundled hub, run in a utilityProcess; server/ is bundled in,
 *   its npm dependencies (ws, ioredis, pino…) stay external and ship in node_modules.
 * - out/preload/index.cjs: the preload. Sandboxed preloads cannot be ES modules and cannot
 *   require npm packages, so it is CommonJS with everything bundled in.
 * - out/renderer: the same renderer build as renderer/vite.config.ts (relative base, no
 *   inline scripts or assets, so the app:// CSP `script-src 'self'` holds).
 */
export default defineConfig({
  main: {
    build: {
      outDir: resolve(root, 'out/main'),
      rollupOptions: {
        input: {
          index: resolve(root, 'electron/main/index.ts'),
          'hub-process': resolve(root, 'electron/main/hub-process-entry.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      outDir: resolve(root, 'out/preload'),
      externalizeDeps: false,
      rollupOptions: {
        input: { index: resolve(root, 'electron/preload/index.ts') },
        external: ['electron'],
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(root, 'renderer'),
    base: './',
    plugins: [react()],
    worker: { format: 'es' },
    build: {
      outDir: resolve(root, 'out/renderer'),
      emptyOutDir: true,
      target: 'es2022',
      modulePreload: { polyfill: false },
      assetsInlineLimit: 0,
      sourcemap: true,
      rollupOptions: { input: { index: resolve(root, 'renderer/index.html') } },
    },
  },
});
