import { useEffect } from 'react';
import { useMutation, useQuery, useQueryClient, type QueryClient, type UseMutationOptions, type UseQueryOptions } from '@tanstack/react-query';
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
      await client.invalidateQueries({ predicate: (q) => q.queryKey[0] !== 'system.info' });
      await onSuccess?.(...args);
    },
  });
}

/** Which queries an entity's change affects; unknown entities refetch everything. */
const AFFECTED: Record<string, readonly OperationName[]> = {
  building: ['buildings.list', 'buildings.get', 'owners.list', 'lots.history'],
  lot: ['buildings.list', 'buildings.get', 'lots.history'],
  owner: ['owners.list', 'buildings.get', 'buildings.list', 'lots.history'],
  user: ['users.list'],
};

export function invalidateForEvent(client: QueryClient, event: string, payload: unknown): void {
  if (event !== 'data-changed') return;
  const entity = (payload as { entity?: unknown } | null)?.entity;
  const ops = typeof entity === 'string' ? AFFECTED[entity] : undefined;
  void client.invalidateQueries({
    predicate: (q) => (ops ? ops.includes(q.queryKey[0] as OperationName) : q.queryKey[0] !== 'system.info'),
  });
}

/** Listens to push events while mounted (signed in) and refetches what they touch. */
export function useServerEvents(enabled: boolean): void {
  const client = useQueryClient();
  useEffect(() => {
    if (!enabled) return;
    return getTransport().onEvent((event, payload) => invalidateForEvent(client, event, payload));
  }, [client, enabled]);
}
