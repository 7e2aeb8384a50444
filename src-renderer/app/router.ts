import { useCallback, useSyncExternalStore } from 'react';

/**
 * A tiny hash router: `#/buildings/12/owners` → ['buildings', '12', 'owners'].
 * Hash URLs work the same under Electron's app:// protocol and in browser mode.
 */
export type Route =
  | { name: 'buildings' }
  | { name: 'building'; id: number; tab: 'lots' | 'owners' }
  | { name: 'settings' }
  | { name: 'users' }
  | { name: 'notFound' };

export function parseRoute(hash: string): Route {
  const parts = hash.replace(/^#\/?/, '').split('?')[0]!.split('/').filter(Boolean);
  const [head, id, tab] = parts;
  if (!head || head === 'buildings') {
    if (id === undefined) return { name: 'buildings' };
    const n = Number(id);
    if (!Number.isSafeInteger(n) || n <= 0) return { name: 'notFound' };
    return { name: 'building', id: n, tab: tab === 'owners' ? 'owners' : 'lots' };
  }
  if (head === 'settings') return { name: 'settings' };
  if (head === 'users') return { name: 'users' };
  return { name: 'notFound' };
}

export function routeHref(route: Route): string {
  switch (route.name) {
    case 'buildings':
    case 'notFound':
      return '#/buildings';
    case 'building':
      return `#/buildings/${route.id}${route.tab === 'owners' ? '/owners' : ''}`;
    case 'settings':
      return '#/settings';
    case 'users':
      return '#/users';
  }
}

const subscribe = (cb: () => void) => {
  window.addEventListener('hashchange', cb);
  return () => window.removeEventListener('hashchange', cb);
};
const snapshot = () => window.location.hash;

export function useRoute(): [Route, (route: Route) => void] {
  const hash = useSyncExternalStore(subscribe, snapshot, () => '');
  const navigate = useCallback((route: Route) => {
    window.location.hash = routeHref(route);
  }, []);
  return [parseRoute(hash), navigate];
}
