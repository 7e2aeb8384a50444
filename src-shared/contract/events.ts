import { z } from 'zod';

/** Push events from the main process to every open window (IPC or WebSocket). */
export const events = {
  /** Something changed: screens showing this entity refetch. */
  'data-changed': z.object({ entity: z.string(), ids: z.array(z.number().int()) }),
};
export type EventName = keyof typeof events;
export type EventPayload<N extends EventName> = z.infer<(typeof events)[N]>;
