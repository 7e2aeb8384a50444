import type { OperationName, OpInput, OpOutput } from '../../src-shared/contract/index.js';
import { ApiError } from './ApiError.js';
import { httpTransport } from './http-transport.js';
import { electronBridge, electronTransport, type Transport } from './transport.js';

let transport: Transport | null = null;
const unauthenticatedListeners = new Set<() => void>();

export function getTransport(): Transport {
  if (!transport) {
    const bridge = electronBridge();
    transport = bridge ? electronTransport(bridge) : httpTransport();
  }
  return transport;
}

/** Tests (and only tests) replace the transport. */
export function setTransport(t: Transport | null): void {
  transport = t;
}

/** Called when the server says the session is gone (expired, signed out elsewhere). */
export function onUnauthenticated(listener: () => void): () => void {
  unauthenticatedListeners.add(listener);
  return () => unauthenticatedListeners.delete(listener);
}

/** The one typed door to the handlers: resolves with the output, throws ApiError on `{ ok: false }`. */
export async function call<N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> {
  const result = await getTransport().call(name, input);
  if (result.ok) return result.value as OpOutput<N>;
  const error = new ApiError(result.error);
  if (error.code === 'UNAUTHENTICATED') for (const l of unauthenticatedListeners) l();
  throw error;
}
