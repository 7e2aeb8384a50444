import { useEffect } from 'react';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient, type InfiniteData, type Query, type QueryClient, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
import type { OperationName, OpInput, OpOutput } from '../../src-shared/contract/index.js';
import type { ApiError } from './ApiError.js';
import { call, getTransport } from './client.js';

/** Query key of an operation: its name, then its input (TanStack hashes it). */
export const opKey = <N extends OperationName>(name: N, input?: OpInput<N>): readonly unknown[] => (input === undefined ? [name] : [name, input]);

type QueryOpts<N extends OperationName> = Omit<UseQueryOptions<OpOutput<N>, ApiError>, 'queryKey' | 'queryFn'>;

/** A query operation as a TanStack query, keyed by name + input. */
export function useOpQuery<N extends OperationName>(name: N, input: OpInput<N>, options: QueryOpts<N> = {}) {
  return useQuery<OpOutput<N>, ApiError>({ queryKey: opKey(name, input), queryFn: () => call(name, input), ...options });
}

/** Operations read by keyset pages: their input takes a `cursor`, their output gives `nextCursor`. */
type PagedOp = { [N in OperationName]: OpInput<N> extends { cursor?: string | null } ? (OpOutput<N> extends { nextCursor: string | null } ? N : never) : never }[OperationName];

/**
 * A keyset-paged query as a TanStack infinite query, keyed by name + input (without the
 * cursor). When data changes it starts again from the first page instead of refetching
 * every page loaded (a ledger scrolled to its 200 000th line holds 400 pages).
 */
export function useOpInfiniteQuery<N extends PagedOp>(name: N, input: Omit<OpInput<N>, 'cursor'>, options: { enabled?: boolean } = {}) {
  return useInfiniteQuery<OpOutput<N>, ApiError, InfiniteData<OpOutput<N>, string | null>, readonly unknown[], string | null>({
    queryKey: opKey(name, input as OpInput<N>),
    queryFn: ({ pageParam }) => call(name, { ...input, cursor: pageParam } as OpInput<N>),
    initialPageParam: null,
    getNextPageParam: (last) => (last as { nextCursor: string | null }).nextCursor ?? undefined,
    meta: { pagedByKeyset: true },
    ...options,
  });
}

const isPaged = (q: Query) => q.meta?.pagedByKeyset === true;

/** Refetches what `ops` names (all but system.info when omitted); keyset lists start over. */
async function refresh(client: QueryClient, ops?: readonly OperationName[]): Promise<void> {
  const affected = (q: Query) => (ops ? ops.includes(q.queryKey[0] as OperationName) : q.queryKey[0] !== 'system.info');
  await Promise.all([
    client.invalidateQueries({ predicate: (q) => affected(q) && !isPaged(q) }),
    client.resetQueries({ predicate: (q) => affected(q) && isPaged(q) }),
  ]);
}

type MutationOpts<N extends OperationName> = Omit<UseMutationOptions<OpOutput<N>, ApiError, OpInput<N>>, 'mutationFn'>;

/**
 * A command as a TanStack mutation. On success every query is refetched: commands are
 * rare and local, and the `data-changed` event refines this for other windows.
 */
export function useOpMutation<N extends OperationName>(name: N, options: MutationOpts<N> = {}) {
  const client = useQueryClient();
  const { onSuccess, ...rest } = options;
  return useMutation<OpOutput<N>, ApiError, OpInput<N>>({
    mutationFn: (input) => call(name, input),
    ...rest,
    onSuccess: async (...args) => {
      await refresh(client);
      await onSuccess?.(...args);
    },
  });
}

/** Which queries an entity's change affects; unknown entities refetch everything. */
const AFFECTED: Record<string, readonly OperationName[]> = {
  building: ['buildings.list', 'buildings.get', 'owners.list', 'lots.history', 'sepa.settings'],
  lot: ['buildings.list', 'buildings.get', 'lots.history'],
  owner: ['owners.list', 'buildings.get', 'buildings.list', 'lots.history', 'owners.bankDetails', 'sepa.settings'],
  user: ['users.list'],
  // Approving or paying an invoice posts an entry: the ledger and the charges move with it.
  invoice: ['invoices.list', 'invoices.get', 'invoices.inboxCount', 'ledger.accounts', 'ledger.accountLines', 'ledger.trialBalance', 'ledger.entry', 'charges.statementPreview'],
  ledger: ['ledger.accounts', 'ledger.accountLines', 'ledger.trialBalance', 'ledger.entry', 'ledger.fiscalYears', 'calls.list', 'charges.statementPreview', 'invoices.get', 'bank.openItems', 'reminders.due', 'reminders.list'],
  // An import, a match or an un-match: the movements, what is still open (calls, invoices), who is late.
  bank: ['bank.statements', 'bank.movements', 'bank.movement', 'bank.suggestions', 'bank.openItems', 'reminders.due', 'reminders.list', 'invoices.list', 'invoices.get', 'invoices.inboxCount'],
  // A signature changes the stored minutes.
  minutes: ['pv.status', 'ag.get'],
};

/** A vote, an attendance, an opening or a declaration: the meeting room and the projector refresh. */
const TALLY_AFFECTED: readonly OperationName[] = ['ag.get', 'ag.projector', 'ag.list', 'pv.status'];

export function invalidateForEvent(client: QueryClient, event: string, payload: unknown): void {
  if (event === 'tally-updated') {
    void refresh(client, TALLY_AFFECTED);
    return;
  }
  if (event !== 'data-changed') return;
  const entity = (payload as { entity?: unknown } | null)?.entity;
  void refresh(client, typeof entity === 'string' ? AFFECTED[entity] : undefined);
}

type EventListener = (event: string, payload: unknown) => void;
const eventListeners = new Set<EventListener>();

/**
 * Push events as `useServerEvents` receives them, for screens that follow a long command
 * (`progress` of bank.import). One connection for the whole app: in browser mode each
 * transport subscription is a WebSocket of its own, which would connect too late.
 */
export function onServerEvent(listener: EventListener): () => void {
  eventListeners.add(listener);
  return () => {
    eventListeners.delete(listener);
  };
}

/** Listens to push events while mounted (signed in, or the public projector) and refetches what they touch. */
export function useServerEvents(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    return getTransport().onEvent((event, payload) => {
      invalidateForEvent(client, event, payload);
      for (const l of eventListeners) l(event, payload);
    });
  }, [client, enabled]);
}
