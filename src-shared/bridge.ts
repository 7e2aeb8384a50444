import type { Result } from './result.js';

/** IPC channel of every operation call (renderer → main, invoke/handle). */
export const IPC_CALL = 'koprogo:call';
/** IPC channel of push events (main → renderer): `{ event, payload }`. */
export const IPC_EVENT = 'koprogo:event';
/** IPC channel asking for the projector window (renderer → main, invoke/handle): `{ assemblyId, key }`. */
export const IPC_OPEN_PROJECTOR = 'koprogo:open-projector';

export interface BridgeEventMessage {
  event: string;
  payload: unknown;
}

/**
 * What the Electron preload exposes as `window.koprogo`, and what the renderer uses
 * when it is present (otherwise it talks HTTP/WebSocket in browser mode).
 *
 * In Electron the main process keeps the session token per window: `auth.signIn`
 * answers with `sessionToken: ''` and every later call is made on the window's session.
 */
export interface KoprogoBridge {
  /** Runs one operation of the contract; never rejects for a domain error (see Result). */
  call(op: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to push events; returns the unsubscribe function. */
  onEvent(cb: (event: string, payload: unknown) => void): () => void;
  /**
   * Shows the projector window of a meeting (a second window, on the second screen when
   * there is one); an open projector window switches to this meeting.
   */
  openProjector(assemblyId: number, key: string): void;
  /** `process.platform` of the desktop: 'win32' | 'darwin' | 'linux'. */
  readonly platform: string;
}
