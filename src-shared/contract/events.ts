import { z } from 'zod';

/** Push events from the main process to every open window (IPC or WebSocket). */
export const events = {
  /** Something changed: screens showing this entity refetch. */
  'data-changed': z.object({ entity: z.string(), ids: z.array(z.number().int()) }),
  /** A vote, an attendance or a declaration changed a meeting: the room and the projector refresh. */
  'tally-updated': z.object({ assemblyId: z.number().int(), itemId: z.number().int().nullable() }),
  /** A long command's progress (bank.import: one per statement), sent while it runs; `token` is the one the caller gave. */
  progress: z.object({ operation: z.string(), token: z.string(), done: z.number().int(), total: z.number().int(), label: z.string() }),
};
export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;
