/**
 * The projector window of the meeting room (docs/governance.md, "Screens"): the page asks
 * for it through the preload, the main process checks who asks and what, then shows the
 * `projector` window kind on the second screen when there is one. Pure functions: the IPC
 * door (transport/ipc.ts) and windows.ts use them, the tests call them directly.
 */
import { z } from 'zod';
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

