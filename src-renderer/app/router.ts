import { useCallback, useSyncExternalStore } from 'react';

/**
 * A tiny hash router: `#/buildings/12/owners` → ['buildings', '12', 'owners'].
 * Hash URLs work the same under Electron's app:// protocol and in browser mode.
 */
export type BuildingTab = 'lots' | 'owners' | 'finance' | 'assemblies';
/** The views of a general assembly: preparation, convocations, the meeting room, the minutes, their signatures. */
export type AssemblyView = 'prepare' | 'convocations' | 'meeting' | 'minutes' | 'signatures';
const ASSEMBLY_VIEWS: readonly AssemblyView[] = ['prepare', 'convocations', 'meeting', 'minutes', 'signatures'];
const BUILDING_TABS: readonly BuildingTab[] = ['owners', 'finance', 'assemblies'];
export type LedgerView = 'accounts' | 'trialBalance';
/** The bank screens: movements to match, importing statements, reminders, SEPA files. */
export type BankView = 'reconcile' | 'import' | 'reminders' | 'sepa';
const BANK_VIEWS: readonly BankView[] = ['import', 'reminders', 'sepa'];

export type Route =
  | { name: 'buildings' }
  | { name: 'building'; id: number; tab: BuildingTab }
  /** The approval inbox, optionally filtered on one building (`#/invoices?building=12`). */
  | { name: 'invoices'; buildingId?: number }
  /** `#/ledger/12/accounts/6105`, `#/ledger/12/trial-balance` */
  | { name: 'ledger'; buildingId?: number; view: LedgerView; account?: string }
  /** `#/bank` (to match, all buildings), `#/bank?building=12`, `#/bank/import`, `#/bank/reminders?building=12`, `#/bank/sepa?building=12` */
  | { name: 'bank'; view: BankView; buildingId?: number }
  /** `#/assemblies/7/meeting` */
  | { name: 'assembly'; id: number; view: AssemblyView }
  /** `#/projector/7/<key>`: the projector screen, reachable without signing in (no personal data). */
  | { name: 'projector'; assemblyId: number; key: string }
  | { name: 'settings' }
  | { name: 'users' }
  | { name: 'notFound' };

const positiveId = (s: string | null | undefined): number | null => {
  const n = Number(s);
  return s && Number.isSafeInteger(n) && n > 0 ? n : null;
};

export function parseRoute(hash: string): Route {
  const [path = '', search = ''] = hash.replace(/^#\/?/, '').split('?');
  const parts = path.split('/').filter(Boolean).map((p) => decodeURIComponent(p));
  const [head, id, tab, sub] = parts;
  if (!head || head === 'buildings') {
    if (id === undefined) return { name: 'buildings' };
    const n = positiveId(id);
    if (n === null) return { name: 'notFound' };
    return { name: 'building', id: n, tab: BUILDING_TABS.find((x) => x === tab) ?? 'lots' };
  }
  if (head === 'invoices') {
    const buildingId = positiveId(new URLSearchParams(search).get('building'));
    return buildingId ? { name: 'invoices', buildingId } : { name: 'invoices' };
  }
  if (head === 'ledger') {
    if (id === undefined) return { name: 'ledger', view: 'accounts' };
    const buildingId = positiveId(id);
    if (buildingId === null) return { name: 'notFound' };
    if (tab === 'trial-balance') return { name: 'ledger', buildingId, view: 'trialBalance' };
    return sub ? { name: 'ledger', buildingId, view: 'accounts', account: sub } : { name: 'ledger', buildingId, view: 'accounts' };
  }
  if (head === 'bank') {
    const view = id === undefined ? 'reconcile' : BANK_VIEWS.find((v) => v === id);
    if (!view || tab !== undefined) return { name: 'notFound' };
    const buildingId = positiveId(new URLSearchParams(search).get('building'));
    return buildingId ? { name: 'bank', view, buildingId } : { name: 'bank', view };
  }
  if (head === 'assemblies') {
    const n = positiveId(id);
    if (n === null) return { name: 'notFound' };
    return { name: 'assembly', id: n, view: ASSEMBLY_VIEWS.find((v) => v === tab) ?? 'prepare' };
  }
  if (head === 'projector') {
    const assemblyId = positiveId(id);
    if (assemblyId === null || !tab || !/^[A-Za-z0-9_-]{16,64}$/.test(tab)) return { name: 'notFound' };
    return { name: 'projector', assemblyId, key: tab };
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
      return `#/buildings/${route.id}${route.tab === 'lots' ? '' : `/${route.tab}`}`;
    case 'invoices':
      return route.buildingId ? `#/invoices?building=${route.buildingId}` : '#/invoices';
    case 'ledger':
      if (!route.buildingId) return '#/ledger';
      if (route.view === 'trialBalance') return `#/ledger/${route.buildingId}/trial-balance`;
      return `#/ledger/${route.buildingId}/accounts${route.account ? `/${encodeURIComponent(route.account)}` : ''}`;
    case 'bank':
      return `#/bank${route.view === 'reconcile' ? '' : `/${route.view}`}${route.buildingId ? `?building=${route.buildingId}` : ''}`;
    case 'assembly':
      return `#/assemblies/${route.id}${route.view === 'prepare' ? '' : `/${route.view}`}`;
    case 'projector':
      return `#/projector/${route.assemblyId}/${encodeURIComponent(route.key)}`;
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
