/**
 * The Electron door: the twin of http-server.ts over IPC. One channel for every
 * operation (`koprogo:call`), one for push events (`koprogo:event`). Only `import type`
 * from electron, so the tests drive it with fakes.
 */
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import { IPC_CALL, IPC_EVENT, IPC_OPEN_PROJECTOR, type BridgeEventMessage } from '../../src-shared/bridge.js';
import type { Result } from '../../src-shared/result.js';
import type { Dispatcher } from '../app/dispatch.js';
import { log } from '../app/log.js';
import { projectorRoute } from '../electron/projector-window.js';
import { isAppUrl, isTrustedSender } from '../electron/security.js';

type SenderContents = Pick<WebContents, 'id' | 'once'> & { mainFrame: { frameTreeNodeId: number } };
type SenderFrame = { url: string; parent: unknown; frameTreeNodeId: number };
/** The part of an invoke event this door reads. */
export interface CallEvent {
  sender: SenderContents;
  senderFrame: SenderFrame | null;
}
export type EventTarget = Pick<WebContents, 'send' | 'isDestroyed' | 'getURL'>;

export interface IpcDoorOptions {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  dispatcher: Pick<Dispatcher, 'call' | 'services'>;
  /** The windows that receive push events. */
  targets: () => EventTarget[];
}

export interface IpcDoor {
  /** Signed-in windows (tests and diagnostics). */
  sessionCount(): number;
  dispose(): void;
}

/** The frame an IPC message came from, as isTrustedSender reads it (null when it is gone). */
export function senderOf(event: CallEvent): { url: string; isMainFrame: boolean } | null {
  const frame = event.senderFrame;
  return frame ? { url: frame.url, isMainFrame: frame.parent === null && frame.frameTreeNodeId === event.sender.mainFrame.frameTreeNodeId } : null;
}

const FORBIDDEN: Result<never> = { ok: false, error: { code: 'FORBIDDEN', message: 'This frame may not call KoproGo' } };
const INTERNAL: Result<never> = { ok: false, error: { code: 'INTERNAL', message: 'Something went wrong; nothing was changed. The error was logged.' } };

/**
 * The session token of each window stays here, in the main process: the renderer gets
 * `sessionToken: ''` from `auth.signIn`, so script injected into a page could not carry
 * the session elsewhere. Closing the window signs it out.
 */
export function bindIpc(opts: IpcDoorOptions): IpcDoor {
  const { dispatcher } = opts;
  const sessions = dispatcher.services.sessions;
  const tokens = new Map<number, string>();
  const watched = new Set<number>();

  const forgetOnClose = (wc: SenderContents) => {
    const id = wc.id;
    if (watched.has(id)) return;
    watched.add(id);
    wc.once('destroyed', () => {
      sessions.close(tokens.get(id));
      tokens.delete(id);
      watched.delete(id);
    });
  };

  const handle = async (event: CallEvent, op: unknown, input: unknown): Promise<Result<unknown>> => {
    if (!isTrustedSender(senderOf(event))) {
      log.warn('IPC call refused: the sender is not the main frame of the app');
      return FORBIDDEN;
    }
    const wc = event.sender;
    forgetOnClose(wc);
    const name = typeof op === 'string' ? op : '';
    try {
      const result = await dispatcher.call(name, input, { sessionToken: tokens.get(wc.id) });
      if (name === 'auth.signOut') tokens.delete(wc.id);
      if (!result.ok) {
        if (result.error.code === 'UNAUTHENTICATED') tokens.delete(wc.id);
        return result;
      }
      if (name === 'auth.signIn') {
        const value = result.value as { sessionToken: string };
        const previous = tokens.get(wc.id);
        if (previous && previous !== value.sessionToken) sessions.close(previous);
        tokens.set(wc.id, value.sessionToken);
        return { ok: true, value: { ...value, sessionToken: '' } };
      }
      return result;
    } catch (e) {
      log.error(`IPC call ${name.slice(0, 80)} failed: ${(e as Error)?.name ?? 'Error'}`);
      return INTERNAL;
    }
  };

  opts.ipcMain.handle(IPC_CALL, (event: IpcMainInvokeEvent, op: unknown, input: unknown) => handle(event, op, input));

  const unsubscribe = dispatcher.services.events.subscribe((event, payload) => {
    const msg: BridgeEventMessage = { event, payload };
    for (const wc of opts.targets()) {
      if (!wc.isDestroyed() && isAppUrl(wc.getURL())) wc.send(IPC_EVENT, msg);
    }
  });

  return {
    sessionCount: () => tokens.size,
    dispose() {
      unsubscribe();
      opts.ipcMain.removeHandler(IPC_CALL);
      for (const token of tokens.values()) sessions.close(token);
      tokens.clear();
    },
  };
}

/**
 * The page's requests for the projector window (the preload's `openProjector`), on their
 * own invoke channel: a request from another frame, or with anything but a meeting id and
 * its key, is refused and logged; otherwise `show` gets the projector's route (the page
 * never chooses a URL). Answers whether the window was shown. Returns the unbinding.
 */
export function bindProjectorRequests(ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>, show: (route: string) => void): () => void {
  ipcMain.handle(IPC_OPEN_PROJECTOR, (event: CallEvent, message: unknown): boolean => {
    const route = projectorRoute(senderOf(event), message);
    if (route === null) {
      log.warn('projector window refused: not the main frame of the app, or not a meeting id and key');
      return false;
    }
    show(route);
    return true;
  });
  return () => ipcMain.removeHandler(IPC_OPEN_PROJECTOR);
}
