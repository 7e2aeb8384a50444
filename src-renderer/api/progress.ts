import { useEffect, useRef, useState } from 'react';
import { onServerEvent } from './hooks.js';

/** A random token for `progress` events (≤ 64 characters). */
export function progressToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

export interface Progress {
  done: number;
  total: number;
  label: string;
}

/**
 * The `progress` events of one long command: `start()` gives the token to send with it and
 * forgets the previous progress; events of other commands or runs are ignored.
 */
export function useOperationProgress(operation: string): { progress: Progress | null; start: () => string } {
  const [progress, setProgress] = useState<Progress | null>(null);
  const token = useRef<string | null>(null);
  useEffect(
    () =>
      onServerEvent((event, payload) => {
        if (event !== 'progress') return;
        const p = payload as { operation?: string; token?: string; done?: number; total?: number; label?: string };
        if (p.operation !== operation || !p.token || p.token !== token.current) return;
        setProgress({ done: Number(p.done ?? 0), total: Number(p.total ?? 0), label: String(p.label ?? '') });
      }),
    [operation],
  );
  const start = () => {
    token.current = progressToken();
    setProgress(null);
    return token.current;
  };
  return { progress, start };
}
