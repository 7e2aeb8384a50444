import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import type { LocalSettings } from './context.js';

/** settings.json in the user-data folder, written beside then renamed (never half-written). */
export function fileSettings(file: string): LocalSettings {
  return {
    read() {
      try {
        return JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>;
      } catch {
        return {};
      }
    },
    write(patch) {
      const next = { ...this.read(), ...patch };
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(`${file}.tmp`, JSON.stringify(next, null, 2));
      renameSync(`${file}.tmp`, file);
    },
  };
}

export function memorySettings(initial: Record<string, unknown> = {}): LocalSettings {
  let data = { ...initial };
  return { read: () => ({ ...data }), write: (patch) => void (data = { ...data, ...patch }) };
}
