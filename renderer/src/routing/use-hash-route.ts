import { useCallback, useSyncExternalStore } from 'react';
import { formatRoute, parseRoute, WALL_QUERY_KEYS, type Route } from './hash-route';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

const snapshot = () => `${window.location.hash}|${window.location.search}`;

/** The current route and a navigate function; re-renders on `hashchange`. */
export function useHashRoute(): [Route, (route: Route, options?: { replace?: boolean }) => void] {
  const key = useSyncExternalStore(subscribe, snapshot, snapshot);
  const [hash = '', search = ''] = key.split('|');
  const route = parseRoute(hash, search);
  const navigate = useCallback((next: Route, options: { replace?: boolean } = {}) => {
    const hash = formatRoute(next);
    const search = new URLSearchParams(window.location.search);
    if (!next.wall && search.has('wall')) {
      // Leaving wall mode must also drop a kiosk launcher's ?wall=1, or the query would put it straight back.
      for (const key of WALL_QUERY_KEYS) search.delete(key);
      const query = search.toString();
      window.history.replaceState(
        null,
        '',
        `${window.location.pathname}${query ? `?${query}` : ''}${hash}`,
      );
      window.dispatchEvent(new HashChangeEvent('hashchange'));
      return;
    }
    if (hash === window.location.hash) return;
    // pushState/replaceState plus our own hashchange, rather than assigning location.hash, so every
    // subscriber sees the new route synchronously; Back still works because the entries differ by hash.
    if (options.replace) window.history.replaceState(null, '', hash);
    else window.history.pushState(null, '', hash);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  }, []);
  return [route, navigate];
}
