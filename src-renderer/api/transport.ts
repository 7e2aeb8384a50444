import type { Result } from '../../src-shared/result.js';

/** How the renderer reaches the handlers: Electron IPC (preload) or browser-mode HTTP. */
export interface Transport {
  readonly kind: 'electron' | 'http' | 'test';
  call(op: string, input: unknown): Promise<Result<unknown>>;
  /** Subscribes to push events; returns the unsubscribe function. */
  onEvent(listener: (event: string, payload: unknown) => void): () => void;
  /** Browser mode keeps the session token itself; Electron's main process keeps it per window. */
  setSessionToken(token: string | null): void;
}

/** What the Electron preload exposes as `window.koprogo`. */
export interface KoproGoBridge {
  call(op: string, input: unknown): Promise<Result<unknown>>;
  onEvent(cb: (event: string, payload: unknown) => void): () => void;
  platform: string;
}

export function electronBridge(): KoproGoBridge | null {
  const bridge = (globalThis as { koprogo?: KoproGoBridge }).koprogo;
  return bridge && typeof bridge.call === 'function' ? bridge : null;
}

export function electronTransport(bridge: KoproGoBridge): Transport {
  return {
    kind: 'electron',
    call: (op, input) => bridge.call(op, input),
    onEvent: (listener) => bridge.onEvent(listener),
    setSessionToken: () => {},
  };
}
