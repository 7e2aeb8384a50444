import type { ReactNode } from 'react';
import { render } from '@testing-library/react';
import type { Result } from '../src-shared/result.js';
import { setTransport } from './api/client.js';
import type { Transport } from './api/transport.js';
import { createQueryClient, Providers } from './app/Providers.js';
import { createI18n } from './i18n/i18n.js';

export interface FakeServer {
  calls: { op: string; input: unknown }[];
  /** Pushes an event as the WebSocket or IPC does (to screens under useServerEvents). */
  push(event: string, payload: unknown): void;
}

/**
 * A transport that answers from a table: op name → result, or a function of the input
 * giving one (or a promise of one, for an answer the test releases when it wants).
 */
export function fakeServer(answers: Record<string, Result<unknown> | ((input: unknown) => Result<unknown> | Promise<Result<unknown>>)>): FakeServer {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const server: FakeServer = { calls: [], push: (event, payload) => listeners.forEach((l) => l(event, payload)) };
  const transport: Transport = {
    kind: 'test',
    async call(op, input) {
      server.calls.push({ op, input });
      const a = answers[op];
      if (!a) return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: `no fake answer for ${op}` } };
      return typeof a === 'function' ? a(input) : a;
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => void listeners.delete(l);
    },
    setSessionToken: () => {},
  };
  setTransport(transport);
  return server;
}

export function renderWithProviders(ui: ReactNode, language: 'fr' | 'nl' | 'en' | 'de' = 'fr') {
  const queryClient = createQueryClient();
  queryClient.setDefaultOptions({ queries: { retry: false } });
  return render(
    <Providers i18n={createI18n(language)} queryClient={queryClient}>
      {ui}
    </Providers>,
  );
}
