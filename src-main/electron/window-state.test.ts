import { describe, expect, it } from 'vitest';
import { memorySettings } from '../app/local-settings.js';
import { isReachable, readWindowState, restoreWindowState, writeWindowState } from './window-state.js';

const laptop = { x: 0, y: 0, width: 1920, height: 1040 };
const rightScreen = { x: 1920, y: 0, width: 2560, height: 1400 };
const defaults = { width: 1280, height: 800, minWidth: 900, minHeight: 600 };

describe('window position and size', () => {
  it('opens centred with the default size the first time', () => {
    expect(restoreWindowState(null, [laptop], defaults)).toEqual({ bounds: { width: 1280, height: 800 }, maximized: false, fullScreen: false });
  });

  it('comes back where it was left', () => {
    const saved = { x: 2100, y: 50, width: 1600, height: 1000, maximized: false, fullScreen: false };
    expect(restoreWindowState(saved, [laptop, rightScreen], defaults).bounds).toEqual({ x: 2100, y: 50, width: 1600, height: 1000 });
  });

  it('opens on a visible display after the second screen was unplugged', () => {
    const saved = { x: 2100, y: 50, width: 1600, height: 1000, maximized: true, fullScreen: false };
    const restored = restoreWindowState(saved, [laptop], defaults);
    expect(restored.bounds).toEqual({ width: 1600, height: 1000 });
    expect(restored.maximized).toBe(true);
  });

  it('never restores smaller than the minimum, nor larger than the screen when moved', () => {
    expect(restoreWindowState({ x: 10, y: 10, width: 200, height: 100, maximized: false, fullScreen: false }, [laptop], defaults).bounds).toEqual({ x: 10, y: 10, width: 900, height: 600 });
    expect(restoreWindowState({ x: -5000, y: 0, width: 4000, height: 3000, maximized: false, fullScreen: false }, [laptop], defaults).bounds).toEqual({ width: 1920, height: 1040 });
  });

  it('needs the title bar on a screen, not just a corner', () => {
    expect(isReachable({ x: 1900, y: 100, width: 800, height: 600 }, [laptop])).toBe(false); // 20 px visible
    expect(isReachable({ x: 100, y: -30, width: 800, height: 600 }, [laptop])).toBe(false); // title bar above the screen
    expect(isReachable({ x: -700, y: 100, width: 800, height: 600 }, [laptop])).toBe(true); // 100 px of title bar
  });

  it('is kept per window kind in the local settings, ignoring a damaged entry', () => {
    const settings = memorySettings({ cloud: { host: 'db.example.be' }, windows: { main: { x: 'left' } } });
    expect(readWindowState(settings, 'main')).toBeNull();
    writeWindowState(settings, 'main', { x: 1, y: 2, width: 1000, height: 700, maximized: false, fullScreen: false });
    writeWindowState(settings, 'projector', { x: 1920, y: 0, width: 1920, height: 1080, maximized: false, fullScreen: true });
    expect(readWindowState(settings, 'main')).toEqual({ x: 1, y: 2, width: 1000, height: 700, maximized: false, fullScreen: false });
    expect(readWindowState(settings, 'projector')?.fullScreen).toBe(true);
    expect(settings.read().cloud).toEqual({ host: 'db.example.be' });
  });
});
