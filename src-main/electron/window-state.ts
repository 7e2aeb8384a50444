import { z } from 'zod';
import type { LocalSettings } from '../app/context.js';

export interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

const savedState = z.object({
  x: z.number().int(),
  y: z.number().int(),
  width: z.number().int().positive().max(100_000),
  height: z.number().int().positive().max(100_000),
  maximized: z.boolean().default(false),
  fullScreen: z.boolean().default(false),
});
export type SavedWindowState = z.output<typeof savedState>;

export interface SizeDefaults {
  width: number;
  height: number;
  minWidth: number;
  minHeight: number;
}

/** What to give BrowserWindow: a position only when it is known to be on a screen. */
export interface RestoredState {
  bounds: { width: number; height: number; x?: number; y?: number };
  maximized: boolean;
  fullScreen: boolean;
}

/** Saved under `windows.<kind>` in settings.json, one entry per window kind. */
export function readWindowState(settings: LocalSettings, kind: string): SavedWindowState | null {
  const windows = settings.read().windows;
  if (!windows || typeof windows !== 'object') return null;
  const parsed = savedState.safeParse((windows as Record<string, unknown>)[kind]);
  return parsed.success ? parsed.data : null;
}

export function writeWindowState(settings: LocalSettings, kind: string, state: SavedWindowState): void {
  const previous = settings.read().windows;
  const windows = previous && typeof previous === 'object' ? (previous as Record<string, unknown>) : {};
  settings.write({ windows: { ...windows, [kind]: state } });
}

const overlap = (a: Rect, b: Rect) => ({
  width: Math.min(a.x + a.width, b.x + b.width) - Math.max(a.x, b.x),
  height: Math.min(a.y + a.height, b.y + b.height) - Math.max(a.y, b.y),
});

/**
 * The title bar (top strip of the window) must be on a display for at least 100 × 20
 * px, or the user could not grab the window: after a screen was unplugged, the
 * window opens centred on the primary display instead.
 */
export function isReachable(bounds: Rect, workAreas: readonly Rect[]): boolean {
  const titleBar = { x: bounds.x, y: bounds.y, width: bounds.width, height: Math.min(40, bounds.height) };
  return workAreas.some((area) => {
    const o = overlap(titleBar, area);
    return o.width >= 100 && o.height >= 20;
  });
}

export function restoreWindowState(saved: SavedWindowState | null, workAreas: readonly Rect[], defaults: SizeDefaults): RestoredState {
  if (!saved) return { bounds: { width: defaults.width, height: defaults.height }, maximized: false, fullScreen: false };
  const width = Math.max(saved.width, defaults.minWidth);
  const height = Math.max(saved.height, defaults.minHeight);
  const flags = { maximized: saved.maximized, fullScreen: saved.fullScreen };
  if (!isReachable({ x: saved.x, y: saved.y, width, height }, workAreas)) {
    const largest = workAreas.reduce<Rect | null>((best, a) => (!best || a.width * a.height > best.width * best.height ? a : best), null);
    return {
      bounds: { width: Math.min(width, largest?.width ?? width), height: Math.min(height, largest?.height ?? height) },
      ...flags,
    };
  }
  return { bounds: { x: saved.x, y: saved.y, width, height }, ...flags };
}
