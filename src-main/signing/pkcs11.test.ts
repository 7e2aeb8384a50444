/**
 * How card answers become messages, with a fake PKCS#11 module: the states a SoftHSM2 token
 * cannot reach (final try, blocked card, card pulled out mid-signature, pin-pad cancel).
 * The real module path is covered by test/integration/signing.test.ts.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pkcs11js from 'pkcs11js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CardRemovedError, MiddlewareNotFoundError, NoReaderError, NoTokenError, PinBlockedError, PinCancelledError, SigningKeyNotFoundError, WrongPinError } from './errors.js';
import { applicationPin, middlewarePin } from './pin.js';
import { EidSigner, listCards, moduleCandidates, parseSlotId, type Pkcs11Api } from './pkcs11.js';

const ckr = (name: string) => Object.assign(new Error(name), { code: 1 });
const SLOT = Buffer.from([0x2a, 0, 0, 0, 0, 0, 0, 0]);

let certDer: Buffer;
let koenDer: Buffer;
let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'koprogo-p11-'));
  const cert = (out: string, days: string, subj: string) =>
    execFileSync('openssl', ['req', '-x509', '-utf8', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', 'k.pem', '-out', out, '-outform', 'DER', '-days', days, '-subj', subj], { cwd: dir, stdio: 'ignore' });
  cert('c.der', '1', '/CN=Test (Signature)');
  cert('koen.der', '3650', '/C=BE/CN=Koen Maes (Signature)/SN=Maes/GN=Koen/serialNumber=85073003328');
  certDer = readFileSync(join(dir, 'c.der'));
  koenDer = readFileSync(join(dir, 'koen.der'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

interface FakeCard {
  label?: string;
  flags?: number;
  flagsAfterFailedLogin?: number;
  login?: (pin: string) => void;
  sign?: () => Buffer;
  hasKey?: boolean;
  keyNeedsLogin?: boolean;
}

function fake(card: FakeCard): { api: () => Pkcs11Api; calls: string[] } {
  const calls: string[] = [];
  let flags = card.flags ?? pkcs11js.CKF_TOKEN_INITIALIZED;
  let loggedIn = false;
  let findClass = 0;
  let findLabel = '';
  const api = {
    load: () => calls.push('load'),
    C_Initialize: () => calls.push('init'),
    C_Finalize: () => calls.push('finalize'),
    close: () => calls.push('close'),
    C_GetSlotList: () => [SLOT],
    C_GetTokenInfo: () => ({ label: (card.label ?? 'BELPIC').padEnd(32), manufacturerID: 'x', model: 'y', serialNumber: 'z', flags }),
    C_OpenSession: () => Buffer.from([1]),
    C_CloseSession: () => calls.push('closeSession'),
    C_Login: (_s: Buffer, _u: number, pin: string) => {
      calls.push(`login:${pin === '' ? 'middleware' : 'pin'}`);
      try {
        card.login?.(pin);
        loggedIn = true;
      } catch (e) {
        flags = card.flagsAfterFailedLogin ?? flags;
        throw e;
      }
    },
    C_Logout: () => calls.push('logout'),
    C_FindObjectsInit: (_s: Buffer, template: { type: number; value: unknown }[]) => {
      findClass = template.find((t) => t.type === pkcs11js.CKA_CLASS)?.value as number;
      findLabel = template.find((t) => t.type === pkcs11js.CKA_LABEL)?.value as string;
    },
    C_FindObjects: () => {
      if (findClass === pkcs11js.CKO_CERTIFICATE) return findLabel === 'Signature' ? [Buffer.from([7])] : [];
      if (card.hasKey === false || (card.keyNeedsLogin && !loggedIn)) return [];
      return findLabel === 'Signature' ? [Buffer.from([9])] : [];
    },
    C_FindObjectsFinal: () => undefined,
    C_GetAttributeValue: () => [{ type: pkcs11js.CKA_VALUE, value: certDer }],
    C_SignInit: () => calls.push('signInit'),
    C_SignAsync: async () => card.sign?.() ?? Buffer.alloc(96, 1),
  };
  return { api: () => api as unknown as Pkcs11Api, calls };
}

const open = (card: FakeCard, pin = applicationPin(async () => '1111')) => {
  const f = fake(card);
  return { f, promise: EidSigner.open({ modulePath: 'fake', pin, createApi: f.api }) };
};

describe('eID card errors a person can act on', () => {
  it('wrong PIN on the final try says one try left', async () => {
    const { promise } = open({ login: () => { throw ckr('CKR_PIN_INCORRECT'); }, flagsAfterFailedLogin: pkcs11js.CKF_TOKEN_INITIALIZED | pkcs11js.CKF_USER_PIN_FINAL_TRY });
    const e = await promise.catch((x: unknown) => x);
    expect(e).toBeInstanceOf(WrongPinError);
    expect((e as WrongPinError).triesLeft).toBe(1);
    expect((e as Error).message).toMatch(/One try left.*PUK/);
  });

  it('wrong PIN with the count low says few tries left; with no hint, that 3 wrong PINs block the card', async () => {
    const low = await open({ login: () => { throw ckr('CKR_PIN_INCORRECT'); }, flagsAfterFailedLogin: pkcs11js.CKF_TOKEN_INITIALIZED | pkcs11js.CKF_USER_PIN_COUNT_LOW }).promise.catch((x: unknown) => x);
    expect((low as Error).message).toMatch(/Few tries left/);
    const none = await open({ login: () => { throw ckr('CKR_PIN_INCORRECT'); } }).promise.catch((x: unknown) => x);
    expect((none as WrongPinError).triesLeft).toBeNull();
    expect((none as Error).message).toMatch(/after 3 wrong PINs/);
  });

  it('a blocked card is refused before any PIN is asked; a PIN that blocks it says so', async () => {
    let asked = false;
    const before = await open({ flags: pkcs11js.CKF_TOKEN_INITIALIZED | pkcs11js.CKF_USER_PIN_LOCKED }, applicationPin(async () => { asked = true; return '1'; })).promise.catch((x: unknown) => x);
    expect(before).toBeInstanceOf(PinBlockedError);
    expect(asked).toBe(false);
    const during = await open({ login: () => { throw ckr('CKR_PIN_LOCKED'); } }).promise.catch((x: unknown) => x);
    expect(during).toBeInstanceOf(PinBlockedError);
  });

  it('the card pulled out during C_Sign is CardRemovedError, and the module is released', async () => {
    const { f, promise } = open({ sign: () => { throw ckr('CKR_DEVICE_REMOVED'); } });
    const signer = await promise;
    await expect(signer.sign(Buffer.from('x'), 'sha256')).rejects.toBeInstanceOf(CardRemovedError);
    signer.close();
    expect(f.calls).toEqual(expect.arrayContaining(['logout', 'closeSession', 'finalize', 'close']));
  });

  it('a cancelled pin-pad or PIN dialog is PinCancelledError', async () => {
    const signer = await open({ sign: () => { throw ckr('CKR_FUNCTION_CANCELED'); } }, middlewarePin()).promise;
    await expect(signer.sign(Buffer.from('x'), 'sha256')).rejects.toBeInstanceOf(PinCancelledError);
    signer.close();
  });

  it('middleware path: no C_Login when the key is visible (the card asks the PIN at C_Sign); an empty-PIN C_Login when it is not', async () => {
    const visible = open({}, middlewarePin());
    const s1 = await visible.promise;
    const sig = await s1.sign(Buffer.from('x'), 'sha256');
    expect(sig[0]).toBe(0x30); // raw r‖s became DER
    s1.close();
    expect(visible.f.calls.filter((c) => c.startsWith('login'))).toEqual([]);
    const hidden = open({ keyNeedsLogin: true }, middlewarePin());
    (await hidden.promise).close();
    expect(hidden.f.calls.filter((c) => c.startsWith('login'))).toEqual(['login:middleware']);
  });

  it('no BELPIC token, or no signature key (cards of children), are named', async () => {
    await expect(open({ label: 'OTHER' }).promise).rejects.toBeInstanceOf(NoTokenError);
    await expect(open({ hasKey: false }).promise).rejects.toBeInstanceOf(SigningKeyNotFoundError);
  });

  it('no middleware: names the paths looked at and where to get it', async () => {
    await expect(EidSigner.open({ modulePath: '/nowhere/libbeidpkcs11.so', pin: middlewarePin() })).rejects.toSatisfy(
      (e: unknown) => e instanceof MiddlewareNotFoundError && /eid\.belgium\.be/.test(e.message) && e.message.includes('/nowhere/libbeidpkcs11.so'),
    );
  });
});

/** A module with several readers: each slot's token and the Signature certificate it holds (or none); `empty`: a reader with no card. */
function fakeReaders(slots: { id: number; reader: string; label: string; flags?: number; cert: Buffer | null; empty?: boolean }[]) {
  const calls: string[] = [];
  const handle = (id: number) => Buffer.from([id, 0, 0, 0, 0, 0, 0, 0]);
  const slotOf = (h: Buffer) => slots.find((x) => x.id === h[0])!;
  const sessions = new Map<number, (typeof slots)[number]>();
  let found: Buffer[] = [];
  const api = {
    load: () => calls.push('load'),
    C_Initialize: () => calls.push('init'),
    C_Finalize: () => calls.push('finalize'),
    close: () => calls.push('close'),
    C_GetSlotList: (tokenPresent: boolean) => slots.filter((x) => !tokenPresent || !x.empty).map((x) => handle(x.id)),
    C_GetSlotInfo: (h: Buffer) => ({ slotDescription: slotOf(h).reader.padEnd(64), manufacturerID: 'x'.padEnd(32), flags: 7 }),
    C_GetTokenInfo: (h: Buffer) => ({ label: slotOf(h).label.padEnd(32), manufacturerID: 'x', model: 'y', serialNumber: 'z', flags: slotOf(h).flags ?? pkcs11js.CKF_TOKEN_INITIALIZED }),
    C_OpenSession: (h: Buffer) => {
      sessions.set(h[0]!, slotOf(h));
      calls.push(`open:${h[0]}`);
      return Buffer.from([h[0]!]);
    },
    C_CloseSession: (s: Buffer) => calls.push(`closeSession:${s[0]}`),
    C_Login: () => calls.push('login'),
    C_FindObjectsInit: (s: Buffer, template: { type: number; value: unknown }[]) => {
      const cls = template.find((t) => t.type === pkcs11js.CKA_CLASS)?.value;
      const label = template.find((t) => t.type === pkcs11js.CKA_LABEL)?.value;
      found = cls === pkcs11js.CKO_CERTIFICATE && label === 'Signature' && sessions.get(s[0]!)?.cert ? [Buffer.from([s[0]!])] : [];
    },
    C_FindObjects: () => found,
    C_FindObjectsFinal: () => undefined,
    C_GetAttributeValue: (s: Buffer) => [{ type: pkcs11js.CKA_VALUE, value: sessions.get(s[0]!)!.cert }],
  };
  return { api: () => api as unknown as Pkcs11Api, calls };
}

describe('listing the readers and their cards', () => {
  it("shows each card's reader, whether it is an eID card, a blocked PIN, the holder and the certificate's end — and nothing else of the card", () => {
    const f = fakeReaders([
      { id: 1, reader: 'ACS ACR38U-CCID 00 00', label: 'BELPIC', cert: koenDer },
      { id: 2, reader: 'Gemalto PC Twin Reader 01 00', label: 'BELPIC', flags: pkcs11js.CKF_TOKEN_INITIALIZED | pkcs11js.CKF_USER_PIN_LOCKED, cert: certDer },
      { id: 3, reader: 'Yubico YubiKey OTP+FIDO+CCID 02 00', label: 'PIV_II', cert: null },
    ]);
    const later = new Date(Date.now() + 3 * 86_400_000);
    const { module, cards } = listCards({ modulePath: 'fake', createApi: f.api, now: later });
    expect(module).toBe('fake');
    expect(cards).toEqual([
      { slot: '0x1', reader: 'ACS ACR38U-CCID 00 00', label: 'BELPIC', eid: true, pinBlocked: false, holder: 'Koen Maes', notAfter: expect.stringMatching(/^20\d\d-\d\d-\d\dT/), expired: false, problem: null },
      { slot: '0x2', reader: 'Gemalto PC Twin Reader 01 00', label: 'BELPIC', eid: true, pinBlocked: true, holder: 'Test', notAfter: expect.any(String), expired: true, problem: null },
      { slot: '0x3', reader: 'Yubico YubiKey OTP+FIDO+CCID 02 00', label: 'PIV_II', eid: false, pinBlocked: false, holder: null, notAfter: null, expired: false, problem: 'no_certificate' },
    ]);
    // The national register number is in the certificate's subject; it never leaves.
    expect(JSON.stringify(cards)).not.toContain('85073003328');
    // No PIN asked, every session closed, the module released.
    expect(f.calls).not.toContain('login');
    expect(f.calls.filter((c) => c.startsWith('open:')).length).toBe(3);
    expect(f.calls.filter((c) => c.startsWith('closeSession:')).length).toBe(3);
    expect(f.calls.slice(-2)).toEqual(['finalize', 'close']);
  });

  it('a card pulled out while it is read is left out; one that fails otherwise is listed as unreadable; no module is MiddlewareNotFoundError', () => {
    const f = fakeReaders([
      { id: 1, reader: 'Reader A', label: 'BELPIC', cert: koenDer },
      { id: 2, reader: 'Reader B', label: 'BELPIC', cert: koenDer },
      { id: 3, reader: 'Reader C', label: 'BELPIC', cert: Buffer.from('not a certificate') },
    ]);
    const api = f.api() as unknown as Record<string, unknown>;
    const open = api.C_OpenSession as (h: Buffer) => Buffer;
    api.C_OpenSession = (h: Buffer) => {
      if (h[0] === 2) throw ckr('CKR_TOKEN_NOT_PRESENT');
      return open(h);
    };
    const { cards } = listCards({ modulePath: 'fake', createApi: () => api as unknown as Pkcs11Api });
    expect(cards.map((c) => [c.slot, c.holder, c.problem])).toEqual([
      ['0x1', 'Koen Maes', null],
      ['0x3', null, 'unreadable'],
    ]);
    expect(f.calls.slice(-2)).toEqual(['finalize', 'close']);
    expect(() => listCards({ modulePath: '/nowhere/libbeidpkcs11.so' })).toThrow(MiddlewareNotFoundError);
  });

  it('tells no reader from no card: the list counts the readers, and signing names the one missing', async () => {
    const readers = fakeReaders([
      { id: 1, reader: 'Reader A', label: 'BELPIC', cert: null, empty: true },
      { id: 2, reader: 'Reader B', label: 'BELPIC', cert: null, empty: true },
    ]);
    expect(listCards({ modulePath: 'fake', createApi: readers.api })).toEqual({ module: 'fake', readers: 2, cards: [] });
    await expect(EidSigner.open({ modulePath: 'fake', pin: middlewarePin(), createApi: readers.api })).rejects.toBeInstanceOf(NoTokenError);

    const none = fakeReaders([]);
    expect(listCards({ modulePath: 'fake', createApi: none.api })).toEqual({ module: 'fake', readers: 0, cards: [] });
    await expect(EidSigner.open({ modulePath: 'fake', pin: middlewarePin(), createApi: none.api })).rejects.toSatisfy(
      (e: unknown) => e instanceof NoReaderError && /connect the card reader/.test(e.message),
    );
  });
});

describe('module paths and slot IDs', () => {
  it('looks where the middleware installs itself on each OS', () => {
    expect(moduleCandidates('win32', { SystemRoot: 'C:\\Windows' })).toEqual(['C:\\Windows\\System32\\beidpkcs11.dll']);
    expect(moduleCandidates('darwin')[0]).toBe('/Library/Belgium Identity Card/Pkcs11/libbeidpkcs11.dylib');
    expect(moduleCandidates('darwin')).toHaveLength(3);
    expect(moduleCandidates('linux')).toEqual(['libbeidpkcs11.so.0']);
  });

  it('reads slot IDs as pkcs11-tool prints them, or in decimal', () => {
    expect(parseSlotId('0x2669d1e3')).toBe(0x2669d1e3n);
    expect(parseSlotId('644469219')).toBe(644469219n);
    expect(parseSlotId('slot 1')).toBeNull();
  });
});
