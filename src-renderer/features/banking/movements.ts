import { useMemo } from 'react';
import type { MovementRow } from '../../../src-shared/contract/banking.js';
import { useOpInfiniteQuery } from '../../api/hooks.js';

/** What the reconciliation list shows: what is left to match (unmatched and partial), what is matched, or everything. */
export type MovementFilter = 'toMatch' | 'matched' | 'all';

export interface Stream {
  rows: MovementRow[];
  hasMore: boolean;
}

/**
 * Two keyset streams (both newest first, by id) as one list. A row is shown only when no
 * stream with more pages could still hold a newer one: below the oldest id a stream has
 * loaded, its next page may bring rows that sort first. `next` is the stream to ask for
 * more — the one whose loaded part stops highest.
 */
export function mergeKeyset(streams: readonly Stream[]): { rows: MovementRow[]; next: number | null } {
  let cut = -Infinity;
  let next: number | null = null;
  streams.forEach((s, i) => {
    if (!s.hasMore) return;
    const last = s.rows.at(-1)?.id ?? Infinity;
    if (last > cut) {
      cut = last;
      next = i;
    }
  });
  const rows = streams.flatMap((s) => s.rows).filter((r) => r.id >= cut).sort((a, b) => b.id - a.id);
  return { rows, next };
}

const PAGE = 50;

/**
 * The movements of the list, newest first, by keyset pages. "To match" merges two streams,
 * the unmatched and the partly matched movements (`bank.movements` takes one status).
 */
export function useMovementList(buildingId: number | undefined, filter: MovementFilter) {
  const base = { ...(buildingId ? { buildingId } : {}), limit: PAGE };
  const merged = filter === 'toMatch';
  const first = useOpInfiniteQuery('bank.movements', { ...base, ...(filter === 'all' ? {} : { status: merged ? 'unmatched' : 'matched' }) });
  const second = useOpInfiniteQuery('bank.movements', { ...base, status: 'partial' }, { enabled: merged });
  const { rows, next } = useMemo(() => {
    const a: Stream = { rows: first.data?.pages.flatMap((p) => p.rows) ?? [], hasMore: !!first.hasNextPage };
    const b: Stream = { rows: second.data?.pages.flatMap((p) => p.rows) ?? [], hasMore: !!second.hasNextPage };
    return mergeKeyset(merged ? [a, b] : [a]);
  }, [merged, first.data, first.hasNextPage, second.data, second.hasNextPage]);
  const queries = merged ? [first, second] : [first];
  return {
    rows,
    isPending: queries.some((q) => q.isPending),
    error: queries.find((q) => q.error)?.error ?? null,
    hasMore: next !== null,
    loadingMore: queries.some((q) => q.isFetchingNextPage),
    loadMore: () => {
      const q = next === null ? null : queries[next];
      if (q && !q.isFetchingNextPage) void q.fetchNextPage();
    },
    refetch: () => queries.forEach((q) => void q.refetch()),
  };
}
