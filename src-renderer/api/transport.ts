import type { KoprogoBridge } from '../../src-shared/bridge.js';
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

/** The Electron preload's `window.koprogo` (declared in src-shared/bridge.ts), if this is Electron. */
export function electronBridge(): KoprogoBridge | null {
  const bridge = (globalThis as { koprogo?: KoprogoBridge }).koprogo;
  return bridge && typeof bridge.call === 'function' ? bridge : null;
}

export function electronTransport(bridge: KoprogoBridge): Transport {
  return {
    kind: 'electron',
    call: (op, input) => bridge.call(op, input),
    onEvent: (listener) => bridge.onEvent(listener),
    setSessionToken: () => {},
  };
}
