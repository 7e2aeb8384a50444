/**
 * The signing process seen from the app (ADR 0021): errors come back as the classes the
 * in-process code throws, and a worker that dies, hangs, answers nonsense or is abandoned
 * gives a clear error — never a hang — and is not left running. The real worker with SoftHSM
 * tokens is exercised by test/integration/signing-minutes.test.ts; here small stand-in
 * scripts play the worker under child_process.fork, and the stand-in Electron module
 * (test/support/fake-electron.ts) plays utilityProcess (real Electron is not run here).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFakeElectron } from '../../test/support/fake-electron.js';
import {
  CardRemovedError,
  FieldNotFoundError,
  MiddlewareNotFoundError,
  NoTokenError,
  NotAPkcs11ModuleError,
  PinBlockedError,
  SignatureTooLargeError,
  SigningKeyNotFoundError,
  SigningProcessError,
  SigningTimeoutError,
  TokenError,
  WrongPinError,
} from './errors.js';
import { SigningHost, signingWorkerScript } from './signing-host.js';
import { reviveError, serializeError } from './signing-protocol.js';
import { nodeExecArgv, parentPort, utilityFork } from './worker-process.js';

const job = { pdf: Buffer.from('%PDF-1.7'), field: 'Sig_President', signingTime: new Date('2026-03-01T09:00:00Z') };
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('signing errors across the process boundary', () => {
  it('come back as the same class, code, message and facts', () => {
    const errors = [
      new WrongPinError(1), new WrongPinError('few'), new WrongPinError(null), new PinBlockedError(), new CardRemovedError(),
      new NoTokenError('No card in slot 0x1.'), new MiddlewareNotFoundError(['libbeidpkcs11.so.0']), new FieldNotFoundError('Sig_X', ['Sig_President']),
      new SigningKeyNotFoundError('key'), new TokenError('CKR_DEVICE_ERROR', 'C_Sign'), new SignatureTooLargeError(9000, 8192), new NotAPkcs11ModuleError('/x.so'),
      new SigningTimeoutError(180), new SigningProcessError('exit code 3'),
    ];
    for (const e of errors) {
      const back = reviveError(JSON.parse(JSON.stringify(serializeError(e))));
      expect(back.constructor, e.name).toBe(e.constructor);
      expect(back).toMatchObject({ name: e.name, code: e.code, message: e.message, badInput: e.badInput });
    }
    expect(reviveError(serializeError(new WrongPinError(1)))).toMatchObject({ triesLeft: 1 });
    expect(reviveError(serializeError(new MiddlewareNotFoundError(['a', 'b'])))).toMatchObject({ tried: ['a', 'b'] });
  });

  it('an unexpected error stays a plain Error (an internal error for the dispatcher)', () => {
    const back = reviveError(serializeError(new TypeError('x is undefined')));
    expect(back.constructor).toBe(Error);
    expect(back.name).toBe('TypeError');
  });
});

describe('SigningHost with child_process.fork', () => {
  let dir: string;
  const script = (name: string, body: string) => {
    const file = join(dir, `${name}.mjs`);
    writeFileSync(file, body);
    return file;
  };
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'koprogo-signing-host-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finds the worker beside it, and runs a .ts worker through tsx', () => {
    expect(signingWorkerScript()).toBe(join(import.meta.dirname, 'signing-worker.ts'));
    expect(nodeExecArgv('/app/signing-worker.ts')).toEqual(['--import', expect.stringMatching(/^file:.*tsx.*loader\.mjs$/)]);
    expect(nodeExecArgv('/app/signing-worker.js')).toEqual([]);
  });

  it('a card error comes back as its class; the worker is ended after answering', async () => {
    const host = new SigningHost({
      script: script('wrong-pin', `process.on('message', () => process.send({ kind: 'error', error: { name: 'WrongPinError', code: 'WRONG_PIN', message: 'Wrong PIN. One try left.', triesLeft: 1 } }));`),
    });
    const e = await host.sign(job).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WrongPinError);
    expect(e).toMatchObject({ triesLeft: 1, message: 'Wrong PIN. One try left.' });
    expect(host.activePids()).toEqual([]);
  });

  it('a worker that dies gives a clear error, not a hang', async () => {
    const host = new SigningHost({ script: script('dies', `process.on('message', () => process.kill(process.pid, 'SIGKILL'));`) });
    const e = await host.sign(job).catch((x: unknown) => x);
    expect(e).toBeInstanceOf(SigningProcessError);
    expect((e as Error).message).toMatch(/stopped before it answered \(ended by SIGKILL\).*nothing was signed/);
    const exits = new SigningHost({ script: script('exits', `process.exit(3);`) });
    await expect(exits.probe('/usr/lib/x.so')).rejects.toThrow(/exit code 3/);
  });

  it('a worker that does not answer in time is killed (a stuck reader is abandoned)', async () => {
    const host = new SigningHost({ script: script('hangs', `process.on('message', () => setInterval(() => {}, 1000));`), signTimeoutMs: 300 });
    const pending = host.sign(job).catch((x: unknown) => x);
    await new Promise((r) => setTimeout(r, 100));
    const [pid] = host.activePids();
    expect(pid).toBeTypeOf('number');
    const e = await pending;
    expect(e).toBeInstanceOf(SigningTimeoutError);
    await expect.poll(() => alive(pid!)).toBe(false);
  });

  it('listing the cards sends the module and the time, takes the list back, and has the probe’s short timeout', async () => {
    const echo = script('cards', `process.on('message', (m) => process.send({ kind: 'cards', module: m.modulePath, readers: 3, cards: [{ slot: '0x1', reader: 'R', label: 'BELPIC', eid: true, pinBlocked: false, holder: 'Koen Maes', notAfter: m.at, expired: false, problem: null }] }));`);
    const host = new SigningHost({ script: echo });
    expect(await host.cards('/usr/lib/x.so', new Date('2026-03-01T09:00:00Z'))).toEqual({
      module: '/usr/lib/x.so',
      readers: 3,
      cards: [{ slot: '0x1', reader: 'R', label: 'BELPIC', eid: true, pinBlocked: false, holder: 'Koen Maes', notAfter: '2026-03-01T09:00:00.000Z', expired: false, problem: null }],
    });
    const slow = new SigningHost({ script: script('cards-hang', `process.on('message', () => setInterval(() => {}, 1000));`), probeTimeoutMs: 100 });
    await expect(slow.cards(undefined, new Date())).rejects.toBeInstanceOf(SigningTimeoutError);
  });

  it('an abort, or the app closing, kills the worker', async () => {
    const hangs = script('hangs-too', `process.on('message', () => setInterval(() => {}, 1000));`);
    const host = new SigningHost({ script: hangs });
    const controller = new AbortController();
    const pending = host.sign(job, { signal: controller.signal }).catch((x: unknown) => x);
    await expect.poll(() => host.activePids().length).toBe(1);
    const [pid] = host.activePids();
    controller.abort();
    expect(await pending).toBeInstanceOf(SigningProcessError);
    await expect.poll(() => alive(pid!)).toBe(false);

    const closing = new SigningHost({ script: hangs });
    const left = closing.sign(job).catch((x: unknown) => x);
    await expect.poll(() => closing.activePids().length).toBe(1);
    const [other] = closing.activePids();
    closing.dispose();
    expect(await left).toBeInstanceOf(SigningProcessError);
    await expect.poll(() => alive(other!)).toBe(false);
    await expect(closing.sign(job)).rejects.toThrow(/KoproGo is closing/);
  });

  it('an answer it cannot read is an error, and the progress of a real card is passed on', async () => {
    const host = new SigningHost({
      script: script('garbage', `process.on('message', () => { process.send({ kind: 'waiting-for-pin' }); process.send({ kind: 'signed', pdfBase64: 42 }); });`),
    });
    let waiting = 0;
    await expect(host.sign(job, { onWaitingForPin: () => waiting++ })).rejects.toThrow(/could not be read/);
    expect(waiting).toBe(1);
  });
});

describe('SigningHost with Electron’s utilityProcess (the stand-in electron module)', () => {
  it('forks the worker script, posts the request, and takes the signed answer', async () => {
    const fake = createFakeElectron();
    const host = new SigningHost({ fork: utilityFork(fake.electron.utilityProcess), script: '/app.asar/dist/main-build/src-main/signing/signing-worker.js' });
    const pending = host.sign({ ...job, pin: '1234', slotId: 0x2669d1e3n, modulePath: '/usr/lib/softhsm/libsofthsm2.so' });
    const [child] = fake.state.utilityProcesses;
    expect(child).toMatchObject({ modulePath: '/app.asar/dist/main-build/src-main/signing/signing-worker.js', options: { serviceName: 'KoproGo signing' } });
    expect(child!.options).not.toHaveProperty('cwd'); // a cwd inside app.asar breaks utility processes
    expect(child!.posted).toEqual([
      { kind: 'sign', pdfBase64: Buffer.from('%PDF-1.7').toString('base64'), field: 'Sig_President', modulePath: '/usr/lib/softhsm/libsofthsm2.so', slotId: String(0x2669d1e3), pin: '1234', signingTime: '2026-03-01T09:00:00.000Z' },
    ]);
    child!.reply({ kind: 'signed', pdfBase64: Buffer.from('%PDF signed').toString('base64'), field: 'Sig_President', signer: 'Jean Dupont', signingTime: '2026-03-01T09:00:00.000Z' });
    const signed = await pending;
    expect(signed.pdf.toString()).toBe('%PDF signed');
    expect(signed.signingTime).toEqual(job.signingTime);
    expect(child!.killed).toBe(true);
  });

  it('a utility process that exits without answering, or takes too long, is a clear error', async () => {
    const fake = createFakeElectron();
    const host = new SigningHost({ fork: utilityFork(fake.electron.utilityProcess), script: '/w.js', probeTimeoutMs: 50 });
    const crashed = host.probe('/usr/lib/x.so');
    fake.state.utilityProcesses[0]!.emit('exit', 11);
    await expect(crashed).rejects.toThrow(/exit code 11/);
    const slow = host.probe('/usr/lib/x.so');
    await expect(slow).rejects.toBeInstanceOf(SigningTimeoutError);
    expect(fake.state.utilityProcesses[1]!.killed).toBe(true);
  });

  it('the worker reads Electron’s parentPort when it has one', async () => {
    const listeners: ((e: { data: unknown }) => void)[] = [];
    const posted: unknown[] = [];
    const proc = { parentPort: { on: (_: 'message', l: (e: { data: unknown }) => void) => listeners.push(l), postMessage: (m: unknown) => posted.push(m) } };
    const port = parentPort(proc as unknown as Parameters<typeof parentPort>[0]);
    const got: unknown[] = [];
    port.onMessage((m) => got.push(m));
    listeners[0]!({ data: { kind: 'probe', modulePath: '/x.so' } });
    await port.send({ kind: 'waiting-for-pin' });
    expect(got).toEqual([{ kind: 'probe', modulePath: '/x.so' }]);
    expect(posted).toEqual([{ kind: 'waiting-for-pin' }]);
  });
});
