import { describe, expect, it } from 'vitest';
import { projectorPlacement, projectorRoute } from './projector-window.js';

const app = { url: 'app://koprogo/#/assemblies/3', isMainFrame: true };
const key = 'Zm9vYmFyYmF6cXV4cXV1eDEyMzQ1Njc4';

describe('the projector window request', () => {
  it('gives the projector route of the meeting asked for by the app window', () => {
    expect(projectorRoute(app, { assemblyId: 3, key })).toBe(`/#/projector/3/${key}`);
  });

  it('drops requests from another frame or page, and anything but a meeting id and key', () => {
    expect(projectorRoute({ ...app, isMainFrame: false }, { assemblyId: 3, key })).toBeNull();
    expect(projectorRoute({ ...app, url: 'https://evil.example/' }, { assemblyId: 3, key })).toBeNull();
    expect(projectorRoute(null, { assemblyId: 3, key })).toBeNull();
    for (const bad of [null, 'x', { assemblyId: 0, key }, { assemblyId: 1.5, key }, { assemblyId: 3, key: 'short' }, { assemblyId: 3, key: `${key}/../x` }, { assemblyId: 3, key: `${key}#/users` }]) {
      expect(projectorRoute(app, bad), JSON.stringify(bad)).toBeNull();
    }
  });
});

describe('where the projector window opens the first time', () => {
  const laptop = { id: 1, bounds: { x: 0, y: 0, width: 1920, height: 1080 }, workArea: { x: 0, y: 0, width: 1920, height: 1040 } };
  const beamer = { id: 2, bounds: { x: -1280, y: 0, width: 1280, height: 720 }, workArea: { x: -1280, y: 0, width: 1280, height: 720 } };
  const main = { x: 100, y: 100, width: 1280, height: 820 };

  it('full screen on the display the main window is not on', () => {
    expect(projectorPlacement([laptop, beamer], main)).toEqual({ bounds: beamer.workArea, fullScreen: true });
    expect(projectorPlacement([beamer, laptop], main)).toEqual({ bounds: beamer.workArea, fullScreen: true });
    expect(projectorPlacement([laptop, beamer], { ...main, x: -1000 })).toEqual({ bounds: laptop.workArea, fullScreen: true });
  });

  it('as an ordinary window when there is one display', () => {
    expect(projectorPlacement([laptop], main)).toBeNull();
  });
});
