/**
 * The projector window of the meeting room (docs/governance.md, "Screens"): the page asks
 * for it through the preload, the main process checks who asks and what, then shows the
 * `projector` window kind on the second screen when there is one. Pure functions: main.ts
 * wires them, the tests call them directly.
 */
import type { IpcMain } from 'electron';
import { z } from 'zod';
import { IPC_OPEN_PROJECTOR } from '../../src-shared/bridge.js';
import { log } from '../app/log.js';
import { senderOf, type CallEvent } from '../transport/ipc.js';
import { isTrustedSender } from './security.js';
import type { Rect } from './window-state.js';

/** A meeting id and its random projector key (base64url, as ag.create draws it). */
const request = z.object({
  assemblyId: z.number().int().positive().max(2 ** 31 - 1),
  key: z.string().regex(/^[A-Za-z0-9_-]{16,64}$/),
});

/**
 * The renderer route of the projector asked for, or null when the sender is not the main
 * frame of a window showing the app or the message is not a meeting id and key.
 */
export function projectorRoute(frame: { url: string; isMainFrame: boolean } | null | undefined, message: unknown): string | null {
  if (!isTrustedSender(frame)) return null;
  const parsed = request.safeParse(message);
  if (!parsed.success) return null;
  return `/#/projector/${parsed.data.assemblyId}/${parsed.data.key}`;
}

interface Display {
  id: number;
  bounds: Rect;
  workArea: Rect;
}

/**
 * Where a projector window opens when none was placed before: full screen on a display
 * other than the main window's (the projector or the meeting room's screen), or `null`
 * when this computer has one display (then it opens as an ordinary window beside).
 */
export function projectorPlacement(displays: readonly Display[], mainBounds: Rect | null): { bounds: Rect; fullScreen: true } | null {
  if (displays.length < 2) return null;
  const centre = mainBounds ? { x: mainBounds.x + mainBounds.width / 2, y: mainBounds.y + mainBounds.height / 2 } : null;
  const contains = (r: Rect, p: { x: number; y: number }) => p.x >= r.x && p.x < r.x + r.width && p.y >= r.y && p.y < r.y + r.height;
  const other = displays.find((d) => !centre || !contains(d.bounds, centre));
  return other ? { bounds: { ...other.workArea }, fullScreen: true } : null;
}

/**
 * Listens for the page's requests for a projector window (one-way, no answer): a request
 * from another frame or with anything but a meeting id and key is dropped and logged.
 * Returns the function that stops listening.
 */
export function bindProjectorRequests(ipcMain: Pick<IpcMain, 'on' | 'removeListener'>, show: (route: string) => void): () => void {
  const listener = (event: CallEvent, message: unknown) => {
    const route = projectorRoute(senderOf(event), message);
    if (route === null) {
      log.warn('projector window refused: not the main frame of the app, or not a meeting id and key');
      return;
    }
    show(route);
  };
  ipcMain.on(IPC_OPEN_PROJECTOR, listener as never);
  return () => void ipcMain.removeListener(IPC_OPEN_PROJECTOR, listener as never);
}
