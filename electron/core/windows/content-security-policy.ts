/**
 * The Content-Security-Policy for console windows. In Electron the renderer
 * talks only to the preload (IPC), never to the network, so the policy can
 * forbid every remote origin. Set on every response of our `app://` protocol.
 */

const PRODUCTION: Record<string, string> = {
  'default-src': "'none'",
  'script-src': "'self'",
  // React sets element.style through the CSSOM, which CSP allows; no inline <style> is needed.
  'style-src': "'self'",
  'img-src': "'self' data:",
  'font-src': "'self'",
  'connect-src': "'self'",
  'worker-src': "'self'",
  'manifest-src': "'self'",
  'object-src': "'none'",
  'base-uri': "'none'",
  'form-action': "'none'",
  'frame-src': "'none'",
  'frame-ancestors': "'none'",
};

/**
 * The CSP header value.
 * @param devServerOrigin when running `electron-vite dev`, the Vite dev server
 *   origin (e.g. `http://localhost:5173`): its HMR needs the server, its
 *   WebSocket and inline styles/scripts it injects. Never set when packaged.
 */
export function contentSecurityPolicy(devServerOrigin?: string): string {
  const directives = { ...PRODUCTION };
  if (devServerOrigin) {
    const ws = devServerOrigin.replace(/^http/, 'ws');
    directives['script-src'] = `'self' 'unsafe-inline' ${devServerOrigin}`;
    directives['style-src'] = `'self' 'unsafe-inline' ${devServerOrigin}`;
    directives['connect-src'] = `'self' ${devServerOrigin} ${ws}`;
    directives['img-src'] = `'self' data: ${devServerOrigin}`;
  }
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
