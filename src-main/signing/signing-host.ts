/**
 * The app's door to the eID card (ADR 0021): every signing request, module probe and card listing
 * runs in a process of its own (signing-worker.ts), started for that request and ended
 * after its answer. The main process never loads a PKCS#11 module, so a card whose
 * middleware waits for its PIN — C_Login blocks — never freezes the app, and a stuck
 * reader is abandoned by killing that process (timeout, abort, app closing).
 *
 * Errors come back as the same classes the in-process code throws (signing-protocol.ts);
 * a process that ends without answering is a SigningProcessError, one that takes too long a
 * SigningTimeoutError — never a hang.
 */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SigningProcessError, SigningTimeoutError } from './errors.js';
import type { CardInfo } from '../../src-shared/contract/signing.js';
import { reviveError, workerReply, type ModuleProbe, type WorkerReply, type WorkerRequest } from './signing-protocol.js';
import { nodeFork, type ForkWorker, type WorkerProcess } from './worker-process.js';

/** The worker beside this file: the built `.js` (dist/main-build/src-main/signing/), or the `.ts` when run from sources. */
export function signingWorkerScript(): string {
  const here = fileURLToPath(import.meta.url);
  return join(dirname(here), `signing-worker${here.endsWith('.ts') ? '.ts' : '.js'}`);
}

export interface SigningHostOptions {
  /** How to start the worker: Electron's utilityProcess in the desktop app, child_process.fork elsewhere. */
  fork?: ForkWorker;
  script?: string;
  /** A real card waits for its PIN to be typed: generous, but a reader that never answers is abandoned. */
  signTimeoutMs?: number;
  probeTimeoutMs?: number;
}

export interface SignJob {
  pdf: Uint8Array;
  field: string;
  modulePath?: string | undefined;
  slotId?: bigint | undefined;
  /** Test tokens only; crosses to the signing process and goes to C_Login, nowhere else. */
  pin?: string | undefined;
  reason?: string | undefined;
  location?: string | undefined;
  signingTime: Date;
}

export interface SignedJob {
  pdf: Buffer;
  field: string;
  signer: string;
  signingTime: Date;
}

export interface RunOptions {
  signal?: AbortSignal;
  /** A real card's middleware is about to ask for the PIN. */
  onWaitingForPin?: () => void;
}

export const DEFAULT_SIGN_TIMEOUT_MS = 180_000;
export const DEFAULT_PROBE_TIMEOUT_MS = 30_000;

export class SigningHost {
  private readonly fork: ForkWorker;
  private readonly script: string;
  private readonly signTimeoutMs: number;
  private readonly probeTimeoutMs: number;
  private readonly running = new Set<WorkerProcess>();
  private disposed = false;

  constructor(options: SigningHostOptions = {}) {
    this.fork = options.fork ?? nodeFork;
    this.script = options.script ?? signingWorkerScript();
    this.signTimeoutMs = options.signTimeoutMs ?? DEFAULT_SIGN_TIMEOUT_MS;
    this.probeTimeoutMs = options.probeTimeoutMs ?? DEFAULT_PROBE_TIMEOUT_MS;
  }

  async sign(job: SignJob, options: RunOptions = {}): Promise<SignedJob> {
    const reply = await this.run(
      {
        kind: 'sign',
        pdfBase64: Buffer.from(job.pdf).toString('base64'),
        field: job.field,
        ...(job.modulePath ? { modulePath: job.modulePath } : {}),
        ...(job.slotId !== undefined ? { slotId: job.slotId.toString() } : {}),
        ...(job.pin ? { pin: job.pin } : {}),
        ...(job.reason !== undefined ? { reason: job.reason } : {}),
        ...(job.location !== undefined ? { location: job.location } : {}),
        signingTime: job.signingTime.toISOString(),
      },
      this.signTimeoutMs,
      options,
    );
    if (reply.kind !== 'signed') throw new SigningProcessError(`an answer of the wrong kind (${reply.kind})`);
    return { pdf: Buffer.from(reply.pdfBase64, 'base64'), field: reply.field, signer: reply.signer, signingTime: new Date(reply.signingTime) };
  }

  /** Loads the library as a PKCS#11 module in a signing process and says what it is. */
  async probe(modulePath: string, options: RunOptions = {}): Promise<ModuleProbe> {
    const reply = await this.run({ kind: 'probe', modulePath }, this.probeTimeoutMs, options);
    if (reply.kind !== 'probed') throw new SigningProcessError(`an answer of the wrong kind (${reply.kind})`);
    return reply.probe;
  }

  /**
   * The readers' cards with their holders (pv.cards), read without the PIN in a signing
   * process like the probe, with the probe's short timeout: nobody types anything.
   */
  async cards(modulePath: string | undefined, at: Date, options: RunOptions = {}): Promise<{ module: string; readers: number | null; cards: CardInfo[] }> {
    const reply = await this.run({ kind: 'cards', ...(modulePath ? { modulePath } : {}), at: at.toISOString() }, this.probeTimeoutMs, options);
    if (reply.kind !== 'cards') throw new SigningProcessError(`an answer of the wrong kind (${reply.kind})`);
    return { module: reply.module, readers: reply.readers, cards: reply.cards };
  }

  /** The signing processes running now (for tests and diagnostics). */
  activePids(): number[] {
    return [...this.running].map((c) => c.pid).filter((p): p is number => p !== undefined);
  }

  /** Ends every signing process (the app is closing); later requests are refused. */
  dispose(): void {
    this.disposed = true;
    for (const child of this.running) child.kill();
    this.running.clear();
  }

  private run(request: WorkerRequest, timeoutMs: number, options: RunOptions): Promise<Exclude<WorkerReply, { kind: 'waiting-for-pin' | 'error' }>> {
    return new Promise((resolve, reject) => {
      if (this.disposed) return reject(new SigningProcessError('KoproGo is closing'));
      if (options.signal?.aborted) return reject(new SigningProcessError('abandoned before it started'));
      const child = this.fork(this.script);
      this.running.add(child);
      let settled = false;
      const finish = (error: Error | null, reply?: Exclude<WorkerReply, { kind: 'waiting-for-pin' | 'error' }>) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        this.running.delete(child);
        // One request per process: ended once it answered, or abandoned with whatever the card was doing.
        child.kill();
        if (error) reject(error);
        else resolve(reply!);
      };
      const timer = setTimeout(() => finish(new SigningTimeoutError(Math.ceil(timeoutMs / 1000))), timeoutMs);
      const onAbort = () => finish(new SigningProcessError('abandoned'));
      options.signal?.addEventListener('abort', onAbort, { once: true });

      child.onMessage((raw) => {
        const parsed = workerReply.safeParse(raw);
        if (!parsed.success) return finish(new SigningProcessError('an answer that could not be read'));
        const reply = parsed.data;
        if (reply.kind === 'waiting-for-pin') return options.onWaitingForPin?.();
        if (reply.kind === 'error') return finish(reviveError(reply.error));
        finish(null, reply);
      });
      child.onExit((code, signal) => finish(new SigningProcessError(signal ? `ended by ${signal}` : `exit code ${code ?? '?'}`)));
      child.onError((e) => finish(new SigningProcessError(`could not start it: ${e.name}`)));
      try {
        child.send(request);
      } catch (e) {
        finish(new SigningProcessError(`could not reach it: ${(e as Error).name}`));
      }
    });
  }
}
