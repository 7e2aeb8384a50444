import { beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CALL, IPC_EVENT, IPC_OPEN_PROJECTOR, type KoprogoBridge } from '../../src-shared/bridge.js';

const exposed: Record<string, unknown> = {};
const listeners = new Map<string, (...args: unknown[]) => void>();
const invoke = vi.fn(async () => ({ ok: true, value: {} }));

vi.mock('electron', () => ({
  contextBridge: { exposeInMainWorld: (key: string, api: unknown) => void (exposed[key] = api) },
  ipcRenderer: {
    invoke,
    on: (channel: string, l: (...args: unknown[]) => void) => void listeners.set(channel, l),
    removeListener: (channel: string) => void listeners.delete(channel),
  },
}));

describe('the preload', () => {
  beforeEach(async () => {
    await import('./preload.js');
  });

  it('exposes exactly call, onEvent, openProjector and platform as window.koprogo', () => {
    expect(Object.keys(exposed)).toEqual(['koprogo']);
    expect(Object.keys(exposed.koprogo as object).sort()).toEqual(['call', 'onEvent', 'openProjector', 'platform']);
    expect((exposed.koprogo as KoprogoBridge).platform).toBe(process.platform);
  });

  it('calls operations on the one call channel, and refuses a non-string name', async () => {
    const api = exposed.koprogo as KoprogoBridge;
    await api.call('buildings.list', {});
    expect(invoke).toHaveBeenCalledWith(IPC_CALL, 'buildings.list', {});
    await expect(api.call(42 as unknown as string, {})).rejects.toThrow(TypeError);
  });

  it('delivers push events and unsubscribes', () => {
    const api = exposed.koprogo as KoprogoBridge;
    const seen: unknown[] = [];
    const off = api.onEvent((event, payload) => seen.push([event, payload]));
    listeners.get(IPC_EVENT)?.({ sender: 'ipc event, not passed on' }, { event: 'data-changed', payload: { entity: 'building', ids: [2] } });
    expect(seen).toEqual([['data-changed', { entity: 'building', ids: [2] }]]);
    off();
    expect(listeners.has(IPC_EVENT)).toBe(false);
  });

  it('asks the main process for the projector window on its own invoke channel, with a meeting id and key only', () => {
    const api = exposed.koprogo as KoprogoBridge;
    api.openProjector(7, 'Zm9vYmFyYmF6cXV4cXV1eDEy');
    expect(invoke).toHaveBeenLastCalledWith(IPC_OPEN_PROJECTOR, { assemblyId: 7, key: 'Zm9vYmFyYmF6cXV4cXV1eDEy' });
    const calls = invoke.mock.calls.length;
    expect(() => api.openProjector('7' as unknown as number, 'k')).toThrow(TypeError);
    expect(invoke).toHaveBeenCalledTimes(calls);
  });
});
