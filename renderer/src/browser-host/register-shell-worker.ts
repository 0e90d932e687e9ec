/**
 * Registers the console's service worker (`console-sw.js`, see
 * shell-service-worker.ts) so the app shell loads even while the hub is down.
 * Only in a built console served over http(s): not in the Vite dev server and
 * not from file://. A failure is logged; the console works without it, just not
 * offline across reloads.
 */
export function registerShellWorker(): void {
  if (
    import.meta.env.DEV ||
    !('serviceWorker' in navigator) ||
    !/^https?:$/.test(location.protocol)
  )
    return;
  navigator.serviceWorker
    .register(new URL('./console-sw.js', document.baseURI), { scope: './' })
    .catch((error: unknown) => {
      console.warn(
        '[ops-console] The offline app shell is unavailable; a reload while the hub is down will fail.',
        error,
      );
    });
}
