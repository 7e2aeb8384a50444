/**
 * The preload of every window: sandboxed, so it is bundled to CommonJS on its own
 * (npm run build:preload) and may only require 'electron'. It exposes exactly
 * `window.koprogo = { call, onEvent, openProjector, platform }`: no ipcRenderer, no sendSync, no
 * channel chosen by the page.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { IPC_CALL, IPC_EVENT, IPC_OPEN_PROJECTOR, type BridgeEventMessage, type KoprogoBridge } from '../../src-shared/bridge.js';
import type { Result } from '../../src-shared/result.js';

const api = {
  call(op: string, input: unknown): Promise<Result<unknown>> {
    if (typeof op !== 'string') return Promise.reject(new TypeError('koprogo.call: the operation name must be a string'));
    return ipcRenderer.invoke(IPC_CALL, op, input) as Promise<Result<unknown>>;
  },
  onEvent(cb: (event: string, payload: unknown) => void): () => void {
    if (typeof cb !== 'function') throw new TypeError('koprogo.onEvent: a function is required');
    const listener = (_e: IpcRendererEvent, msg: BridgeEventMessage) => cb(msg.event, msg.payload);
    ipcRenderer.on(IPC_EVENT, listener);
    return () => {
      ipcRenderer.removeListener(IPC_EVENT, listener);
    };
  },
  openProjector(assemblyId: number, key: string): void {
    if (!Number.isSafeInteger(assemblyId) || typeof key !== 'string') throw new TypeError('koprogo.openProjector: a meeting id and its projector key are required');
    void ipcRenderer.invoke(IPC_OPEN_PROJECTOR, { assemblyId, key });
  },
  platform: process.platform,
} satisfies KoprogoBridge;

contextBridge.exposeInMainWorld('koprogo', api);
