import type { Result } from '../../src-shared/result.js';
import type { Transport } from './transport.js';

export const SESSION_HEADER = 'x-koprogo-session';
const SESSION_KEY = 'koprogo.session';

/**
 * Browser mode: POST /api/call with the session token in a header. The launch token is
 * an HttpOnly cookie set by the launch link, so same-origin requests carry it. The session
 * token lives in sessionStorage: it dies with the tab and is never sent to another origin.
 */
export function httpTransport(): Transport {
  let session: string | null = sessionStorage.getItem(SESSION_KEY);
  return {
    kind: 'http',
    async call(op, input) {
      let res: Response;
      try {
        res = await fetch('/api/call', {
          method: 'POST',
          credentials: 'same-origin',
          headers: { 'content-type': 'application/json', ...(session ? { [SESSION_HEADER]: session } : {}) },
          body: JSON.stringify({ op, input }),
        });
      } catch {
        return { ok: false, error: { code: 'NETWORK' as never, message: 'KoproGo does not answer: is it still running?' } };
      }
      if (res.status === 401) return { ok: false, error: { code: 'LAUNCH_TOKEN' as never, message: await res.text() } };
      if (!(res.headers.get('content-type') ?? '').startsWith('application/json')) {
        return { ok: false, error: { code: 'NETWORK' as never, message: `HTTP ${res.status}: ${(await res.text()).slice(0, 200)}` } };
      }
      return (await res.json()) as Result<unknown>;
    },
    onEvent: (listener) => openEventSocket(listener),
    setSessionToken(token) {
      session = token;
      if (token) sessionStorage.setItem(SESSION_KEY, token);
      else sessionStorage.removeItem(SESSION_KEY);
    },
  };
}

/** A WebSocket on /api/events that reconnects with backoff (1 s … 15 s) until closed. */
function openEventSocket(listener: (event: string, payload: unknown) => void): () => void {
  let socket: WebSocket | null = null;
  let stopped = false;
  let delay = 1000;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const connect = () => {
    if (stopped || typeof WebSocket === 'undefined') return;
    const url = new URL('/api/events', location.href);
    url.protocol = location.protocol === 'https:' ? 'wss:' : 'ws:';
    socket = new WebSocket(url);
    socket.onopen = () => {
      delay = 1000;
    };
    socket.onmessage = (m) => {
      try {
        const msg = JSON.parse(String(m.data)) as { event?: unknown; payload?: unknown };
        if (typeof msg.event === 'string') listener(msg.event, msg.payload);
      } catch {
        /* not ours: ignore */
      }
    };
    socket.onclose = () => {
      socket = null;
      if (stopped) return;
      timer = setTimeout(connect, delay);
      delay = Math.min(delay * 2, 15_000);
    };
  };
  connect();
  return () => {
    stopped = true;
    clearTimeout(timer);
    socket?.close();
  };
}
