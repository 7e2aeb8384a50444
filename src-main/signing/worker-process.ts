/**
 * One small interface over the two ways the app starts its signing process (ADR 0021):
 *
 * - Electron: `utilityProcess.fork` — a Node process Electron starts itself. The RunAsNode
 *   fuse is off (ADR 0003), so `child_process.fork(process.execPath)` cannot run Node there.
 *   The child talks through `process.parentPort` (messages arrive as `{ data }`).
 * - Node (browser mode, CLI, tests): `child_process.fork`; the child talks through
 *   `process.send` / `process.on('message')`.
 *
 * Messages are plain JSON-able objects (the PDF as base64), the same on both.
 */
import { fork } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

export interface WorkerProcess {
  readonly pid: number | undefined;
  send(message: unknown): void;
  /** Ends the process at once (SIGKILL where there are signals): a reader stuck in the middleware is abandoned. */
  kill(): void;
  onMessage(listener: (message: unknown) => void): void;
  /** Once, however it ended: `code` null when killed by a signal. */
  onExit(listener: (code: number | null, signal: string | null) => void): void;
  /** The process could not be started. */
  onError(listener: (error: Error) => void): void;
}

export type ForkWorker = (script: string) => WorkerProcess;

/**
 * How to run the worker script with Node: a built `.js` as is; a `.ts` (vitest, tsx, the
 * checkout run by bin/koprogo) through tsx's loader, as `node --import tsx`.
 */
export function nodeExecArgv(script: string): string[] {
  if (!script.endsWith('.ts')) return [];
  const tsx = createRequire(import.meta.url).resolve('tsx');
  return ['--import', pathToFileURL(tsx).href];
}

/** child_process.fork, for browser mode, the CLI and tests. */
export const nodeFork: ForkWorker = (script) => {
  // The parent's own execArgv (vitest's, an inspector port) are not the worker's.
  const child = fork(script, [], { execArgv: nodeExecArgv(script), stdio: ['ignore', 'inherit', 'inherit', 'ipc'], serialization: 'json' });
  return {
    get pid() {
      return child.pid;
    },
    send: (message) => void child.send(message as object, (e) => e && child.kill('SIGKILL')),
    kill: () => void (child.exitCode === null && child.signalCode === null && child.kill('SIGKILL')),
    onMessage: (listener) => void child.on('message', listener),
    onExit: (listener) => void child.once('exit', (code, signal) => listener(code, signal)),
    onError: (listener) => void child.on('error', listener),
  };
};

/** The part of Electron's UtilityProcess used here. */
export interface UtilityProcessLike {
  readonly pid: number | undefined;
  postMessage(message: unknown): void;
  kill(): boolean;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  on(event: 'error', listener: (type: string, location: string) => void): unknown;
}

export interface UtilityProcessApi {
  fork(modulePath: string, args?: string[], options?: { serviceName?: string; stdio?: 'inherit' | 'pipe' | 'ignore' }): UtilityProcessLike;
}

/**
 * Electron's utilityProcess.fork. The worker is the built `.js` (inside app.asar when
 * packaged: utility processes read the archive; no `cwd` inside it). Its 'exit' gives a code
 * only, so a kill is told by the code; 'error' is a fatal V8 error in the child.
 */
export function utilityFork(utilityProcess: UtilityProcessApi): ForkWorker {
  return (script) => {
    const child = utilityProcess.fork(script, [], { serviceName: 'KoproGo signing', stdio: 'inherit' });
    let exited = false;
    return {
      get pid() {
        return child.pid;
      },
      send: (message) => child.postMessage(message),
      kill: () => void (!exited && child.kill()),
      onMessage: (listener) => void child.on('message', listener),
      onExit: (listener) =>
        void child.on('exit', (code) => {
          exited = true;
          listener(code, null);
        }),
      onError: (listener) => void child.on('error', (type, location) => listener(new Error(`${type} at ${location}`))),
    };
  };
}

/** The worker's side of the channel: Electron's parentPort when there is one, else Node's IPC. */
export interface ParentPort {
  onMessage(listener: (message: unknown) => void): void;
  send(message: unknown): Promise<void>;
  /** The app went away: nothing will read an answer. */
  onGone(listener: () => void): void;
}

interface ElectronParentPort {
  on(event: 'message', listener: (e: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

export function parentPort(proc: NodeJS.Process & { parentPort?: ElectronParentPort } = process): ParentPort {
  const electron = proc.parentPort;
  if (electron) {
    return {
      onMessage: (listener) => void electron.on('message', (e) => listener(e.data)),
      send: async (message) => electron.postMessage(message),
      // A utility process ends with the app that started it.
      onGone: () => undefined,
    };
  }
  if (!proc.send) throw new Error('The signing worker runs only as a child process of KoproGo');
  return {
    onMessage: (listener) => void proc.on('message', listener),
    send: (message) => new Promise((resolve, reject) => proc.send!(message as object, undefined, undefined, (e: Error | null) => (e ? reject(e) : resolve()))),
    onGone: (listener) => void proc.on('disconnect', listener),
  };
}
