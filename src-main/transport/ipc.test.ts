import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { IPC_CALL, IPC_EVENT } from '../../src-shared/bridge.js';
import type { Result } from '../../src-shared/result.js';
import { startApp, type AppInstance } from '../app/bootstrap.js';
import { memorySettings } from '../app/local-settings.js';
import { bindIpc, type CallEvent, type EventTarget, type IpcDoor } from './ipc.js';

type Handler = (event: CallEvent, op: unknown, input: unknown) => Promise<Result<unknown>>;

/** A window as the IPC door sees it: its web contents and main frame. */
function fakeWindow(id: number, url = 'app://koprogo/') {
  const listeners = new Map<string, () => void>();
  const sent: unknown[] = [];
  const sender = { id, mainFrame: { frameTreeNodeId: id * 10 }, once: (ev: string, cb: () => void) => void listeners.set(ev, cb) };
  return {
    sent,
    main: { sender, senderFrame: { url, parent: null, frameTreeNodeId: id * 10 } } as unknown as CallEvent,
    iframe: { sender, senderFrame: { url, parent: {}, frameTreeNodeId: id * 10 + 1 } } as unknown as CallEvent,
    target: { send: (ch: string, msg: unknown) => void sent.push([ch, msg]), isDestroyed: () => false, getURL: () => url } as unknown as EventTarget,
    close: () => listeners.get('destroyed')?.(),
  };
}

describe('the IPC door', () => {
  let dir: string;
  let app: AppInstance;
  let handler: Handler;
  let door: IpcDoor;
  const targets: EventTarget[] = [];
  const credentials = { email: 'admin@ipc.test', password: 'correct horse battery' };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'koprogo-ipc-'));
    app = await startApp({ target: { driver: 'sqlite', path: join(dir, 'ipc.sqlite') }, door: 'test', localSettings: memorySettings() });
    const created = await app.dispatcher.call(
      'users.create',
      { email: credentials.email, displayName: 'Admin', password: credentials.password, roles: [{ role: 'admin', buildingId: null, ownerId: null }] },
      { cli: true },
    );
    expect(created.ok).toBe(true);
    const ipcMain = {
      handle: (channel: string, fn: Handler) => {
        expect(channel).toBe(IPC_CALL);
        handler = fn;
      },
      removeHandler: () => undefined,
    };
    door = bindIpc({ ipcMain: ipcMain as never, dispatcher: app.dispatcher, targets: () => targets });
  });
  afterAll(async () => {
    door.dispose();
    await app.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('keeps the session token in the main process, per window', async () => {
    const a = fakeWindow(1);
    const b = fakeWindow(2);
    expect((await handler(a.main, 'users.list', {})).ok).toBe(false);

    const signIn = await handler(a.main, 'auth.signIn', credentials);
    expect(signIn.ok).toBe(true);
    expect((signIn as { value: { sessionToken: string; user: { email: string } } }).value).toMatchObject({ sessionToken: '', user: { email: credentials.email } });

    expect((await handler(a.main, 'users.list', {})).ok).toBe(true);
    const other = await handler(b.main, 'users.list', {});
    expect(other.ok ? null : other.error.code).toBe('UNAUTHENTICATED');

    await handler(a.main, 'auth.signOut', {});
    const after = await handler(a.main, 'users.list', {});
    expect(after.ok ? null : after.error.code).toBe('UNAUTHENTICATED');
    expect(door.sessionCount()).toBe(0);
  });

  it('signs the window out when it closes', async () => {
    const w = fakeWindow(3);
    await handler(w.main, 'auth.signIn', credentials);
    expect(door.sessionCount()).toBe(1);
    w.close();
    expect(door.sessionCount()).toBe(0);
  });

  it('refuses calls from a sub-frame or from a page that is not the app', async () => {
    const w = fakeWindow(4);
    const fromIframe = await handler(w.iframe, 'auth.signIn', credentials);
    expect(fromIframe.ok ? null : fromIframe.error.code).toBe('FORBIDDEN');
    const foreign = fakeWindow(5, 'https://evil.example/');
    const fromForeign = await handler(foreign.main, 'system.info', {});
    expect(fromForeign.ok ? null : fromForeign.error.code).toBe('FORBIDDEN');
    const noFrame = await handler({ ...w.main, senderFrame: null }, 'system.info', {});
    expect(noFrame.ok).toBe(false);
  });

  it('validates like every door', async () => {
    const w = fakeWindow(6);
    const unknown = await handler(w.main, 'nope.nothing', {});
    expect(unknown.ok ? null : unknown.error.code).toBe('UNKNOWN_OPERATION');
    const notString = await handler(w.main, 42, {});
    expect(notString.ok ? null : notString.error.code).toBe('UNKNOWN_OPERATION');
    const invalid = await handler(w.main, 'auth.signIn', { email: 3 });
    expect(invalid.ok ? null : invalid.error.code).toBe('VALIDATION');
  });

  it('forwards push events to the app windows', () => {
    const w = fakeWindow(7);
    const foreign = fakeWindow(8, 'https://evil.example/');
    targets.push(w.target, foreign.target);
    app.services.events.emit('data-changed', { entity: 'building', ids: [1] });
    expect(w.sent).toEqual([[IPC_EVENT, { event: 'data-changed', payload: { entity: 'building', ids: [1] } }]]);
    expect(foreign.sent).toEqual([]);
  });
});
