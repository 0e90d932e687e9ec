import { defineConfig } from 'vite';
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
 * - No inline scripts: the module-preload polyfill is off, and assets are never
 *   inlined (`assetsInlineLimit: 0`), so `img-src`/`font-src 'self'` suffice.
 */
export default defineConfig({
  root: here('.'),
  base: './',
  plugins: [react()],
  worker: { format: 'es' },
  build: {
    outDir: here('../out/renderer'),
    emptyOutDir: true,
    target: 'es2022',
    modulePreload: { polyfill: false },
    assetsInlineLimit: 0,
    sourcemap: true,
  },
});
