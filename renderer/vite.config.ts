import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

/** A directory next to this file, as a path (no `node:url`: renderer/ stays free of Node imports, even here). */
const here = (relative: string) => decodeURIComponent(new URL(relative, import.meta.url).pathname);

/**
 * Builds the renderer (`renderer/index.html`) into `out/renderer`.
 *
 * - `base: './'`: every asset URL is relative, so one bundle works at the hub's
 *   `/console/` and from Electron's file:// or app protocol.
 * - The SharedWorker (`src/browser-host/link-worker.ts`) is picked up from its
 *   `new SharedWorker(new URL(...), { type: 'module' })` call and emitted as its
 *   own ES module file: never inlined as a blob or data URL, so a CSP of
 *   `script-src 'self'; worker-src 'self'` holds.
 * - The service worker (`src/browser-host/shell-service-worker.ts`) is a second
 *   entry emitted as `console-sw.js` beside index.html, with `shell-assets.json`
 *   listing the files it pre-caches for offline reloads.
 * - No inline scripts: the module-preload polyfill is off, and assets are never
 *   inlined (`assetsInlineLimit: 0`), so `img-src`/`font-src 'self'` suffice.
 */
/** Name of the service worker entry; emitted unhashed at the bundle root so its scope is the console's folder. */
const SHELL_WORKER = 'console-sw';

/** Writes `shell-assets.json`: every emitted file under assets/, for the service worker to pre-cache. */
function shellAssetList(): Plugin {
  return {
    name: 'ops-console-shell-assets',
    apply: 'build',
    generateBundle(_options, bundle) {
      const assets = Object.keys(bundle)
        .filter((file) => file.startsWith('assets/') && !file.endsWith('.map'))
        .sort();
      this.emitFile({
        type: 'asset',
        fileName: 'shell-assets.json',
        source: JSON.stringify(assets),
      });
    },
  };
}

export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react(), shellAssetList()],
  worker: { format: 'es' },
  build: {
    outDir: here('../out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
    rollupOptions: {
      input: {
        index: here('index.html'),
        [SHELL_WORKER]: here('src/browser-host/shell-service-worker.ts'),
      },
      output: {
        entryFileNames: (chunk) =>
          chunk.name === SHELL_WORKER ? `${SHELL_WORKER}.js` : 'assets/[name]-[hash].js',
      },
    },
  },
});
