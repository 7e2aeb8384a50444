import { useCallback, useRef } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import type { OperationName, OpInput, OpOutput } from '../../../src-shared/contract/index.js';
import { call } from '../../api/client.js';
import { opKey } from '../../api/hooks.js';
import { useErrorText } from '../../i18n/useErrorText.js';

const ROOM_QUERIES: readonly string[] = ['ag.get', 'ag.projector', 'ag.list', 'ag.convocations', 'pv.status'];

/**
 * Commands of the meeting room, one at a time and in the order typed: "C" then "F" on the
 * same owner must reach the server in that order, and each vote entry is one undo step.
 * After each, only the meeting's queries refetch (the `tally-updated` event does the same
 * for other windows and the projector). `patch` changes the cached meeting at once, so a key
 * press shows before the server answers; the refetch then brings the truth.
 */
export function useRoomCommands(assemblyId: number) {
  const client = useQueryClient();
  const { errorText } = useErrorText();
  const queue = useRef<Promise<unknown>>(Promise.resolve());
  const patch = useCallback(
    (fn: (d: AssemblyDetail) => AssemblyDetail) => {
      const key = opKey('ag.get', { id: assemblyId });
      // A refetch already on its way would bring back the state before this key press.
      void client.cancelQueries({ queryKey: key });
      client.setQueryData<AssemblyDetail>(key, (d) => (d ? fn(d) : d));
    },
    [client, assemblyId],
  );

  const run = useCallback(
    <N extends OperationName>(name: N, input: OpInput<N>, opts: { quiet?: boolean } = {}): Promise<OpOutput<N>> => {
      const next = queue.current.then(() => call(name, input));
      queue.current = next.catch(() => undefined);
      return next
        .catch((e: unknown) => {
          if (!opts.quiet) notifications.show({ color: 'red', message: errorText(e) });
          throw e;
        })
        .finally(() => void client.invalidateQueries({ predicate: (q) => ROOM_QUERIES.includes(String(q.queryKey[0])) }));
    },
    [client, errorText],
  );

  /** The same, for key presses and buttons: failures are already shown, nothing to catch. */
  const fire = useCallback(<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N> | undefined> => run(name, input).catch(() => undefined), [run]);

  return { run, fire, patch };
}
