/**
 * The Belgian eID card through its PKCS#11 middleware (Fedict eid-mw), with pkcs11js.
 *
 * Objects are found by LABEL — token `BELPIC`, key and certificate `Signature`, issuing CA
 * certificate `CA` — never by CKA_ID, which the middleware fills with a host-order CK_ULONG.
 *
 * Threads: pkcs11js is synchronous except the *Async calls. C_Sign runs through C_SignAsync
 * on libuv's thread pool, so the event loop keeps running while the middleware shows its PIN
 * dialog or the pin-pad waits. C_Login has no async form: with a real card it can block until
 * the PIN is typed. The CLI runs it inline; the app runs it in a signing process of its own
 * (signing-host.ts: an Electron utilityProcess, or a Node child process in browser mode), so
 * the window never freezes and a stuck reader can be abandoned (docs/signing.md, ADR 0021).
 */
import { createHash, X509Certificate } from 'node:crypto';
import { existsSync } from 'node:fs';
import { endianness } from 'node:os';
import { isAbsolute } from 'node:path';
import pkcs11js from 'pkcs11js';
import type { CmsSigner, DigestName } from './cms.js';
import { ecdsaRawToDer } from './ecdsa-der.js';
import {
  CardRemovedError,
  MiddlewareNotFoundError,
  NoReaderError,
  NoTokenError,
  NotAPkcs11ModuleError,
  PinBlockedError,
  PinCancelledError,
  SigningError,
  SigningKeyNotFoundError,
  TokenError,
  WrongPinError,
} from './errors.js';
import type { PinSource } from './pin.js';
import type { CardInfo } from '../../src-shared/contract/signing.js';
import { displayName, keyAlgorithmOf, type KeyAlgorithm } from './x509.js';

/** The part of pkcs11js used here: a fake can stand in for it in unit tests. */
export type Pkcs11Api = Pick<
  pkcs11js.PKCS11,
  | 'load'
  | 'C_Initialize'
  | 'C_Finalize'
  | 'C_GetInfo'
  | 'close'
  | 'C_GetSlotList'
  | 'C_GetSlotInfo'
  | 'C_GetTokenInfo'
  | 'C_OpenSession'
  | 'C_CloseSession'
  | 'C_Login'
  | 'C_Logout'
  | 'C_FindObjectsInit'
  | 'C_FindObjects'
  | 'C_FindObjectsFinal'
  | 'C_GetAttributeValue'
  | 'C_SignInit'
  | 'C_SignAsync'
>;

export const BELPIC = 'BELPIC';
export const SIGNATURE_LABEL = 'Signature';
export const CA_LABEL = 'CA';

/**
 * Where the eID middleware installs its PKCS#11 module, in the order tried. Electron and Node
 * are 64-bit on every supported OS, so Windows' System32 (SysWOW64 holds the 32-bit one).
 */
export function moduleCandidates(platform: NodeJS.Platform = process.platform, env: NodeJS.ProcessEnv = process.env): string[] {
  if (platform === 'win32') return [`${env.SystemRoot ?? 'C:\\Windows'}\\System32\\beidpkcs11.dll`];
  if (platform === 'darwin')
    return [
      '/Library/Belgium Identity Card/Pkcs11/libbeidpkcs11.dylib',
      '/usr/local/lib/libbeidpkcs11.dylib',
      '/Library/Belgium Identity Card/Pkcs11/beid-pkcs11.bundle/Contents/MacOS/libbeidpkcs11.dylib',
    ];
  // Linux (eid-mw package): the dynamic loader finds it in the system library directory.
  return ['libbeidpkcs11.so.0'];
}

/** The module to load: the override (option, else $KOPROGO_PKCS11_MODULE), else the middleware's usual places. */
export function modulePaths(override?: string, env: NodeJS.ProcessEnv = process.env): string[] {
  const chosen = override ?? env.KOPROGO_PKCS11_MODULE;
  return chosen ? [chosen] : moduleCandidates(process.platform, env);
}

export interface TokenSlot {
  slotId: bigint;
  /** As `pkcs11-tool -L` prints it: 0x2669d1e3. */
  slotIdText: string;
  label: string;
  manufacturer: string;
  model: string;
  serial: string;
  flags: number;
  handle: Buffer;
}

const slotIdOf = (handle: Buffer): bigint =>
  handle.length >= 8 ? (endianness() === 'LE' ? handle.readBigUInt64LE(0) : handle.readBigUInt64BE(0)) : BigInt(endianness() === 'LE' ? handle.readUInt32LE(0) : handle.readUInt32BE(0));

export const formatSlotId = (id: bigint): string => `0x${id.toString(16)}`;

/** "0x2669d1e3" (as pkcs11-tool -L prints it) or "644469219". */
export function parseSlotId(text: string): bigint | null {
  const t = text.trim();
  if (/^0x[0-9a-f]+$/i.test(t) || /^\d+$/.test(t)) return BigInt(t);
  return null;
}

const ckrOf = (e: unknown): string | null => /CKR_[A-Z0-9_]+/.exec(String((e as Error)?.message ?? ''))?.[0] ?? null;

const REMOVED = new Set(['CKR_DEVICE_REMOVED', 'CKR_TOKEN_NOT_PRESENT', 'CKR_SESSION_HANDLE_INVALID', 'CKR_SESSION_CLOSED', 'CKR_TOKEN_NOT_RECOGNIZED']);

/** A PKCS#11 failure as the named error a person can act on; other errors pass through. */
function named(e: unknown, during: string, sessionOpen: boolean): Error {
  if (e instanceof SigningError) return e;
  const ckr = ckrOf(e);
  if (!ckr) return e instanceof Error ? e : new Error(String(e));
  if (REMOVED.has(ckr)) return sessionOpen ? new CardRemovedError() : new NoTokenError();
  if (ckr === 'CKR_PIN_LOCKED') return new PinBlockedError();
  if (ckr === 'CKR_FUNCTION_CANCELED') return new PinCancelledError();
  return new TokenError(ckr, during);
}

const trimmed = (s: string): string => s.replace(/[\s\0]+$/, '');

/** A loaded and initialized PKCS#11 module. */
export class Pkcs11Module {
  private closed = false;

  private constructor(
    readonly api: Pkcs11Api,
    readonly path: string,
  ) {}

  /** Loads the first module that exists and loads; none → MiddlewareNotFoundError. */
  static open(options: { modulePath?: string; createApi?: () => Pkcs11Api } = {}): Pkcs11Module {
    const paths = modulePaths(options.modulePath);
    for (const path of paths) {
      if (isAbsolute(path) && !existsSync(path)) continue;
      const api = options.createApi?.() ?? new pkcs11js.PKCS11();
      try {
        api.load(path);
      } catch {
        continue;
      }
      try {
        api.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
      } catch (e) {
        if (ckrOf(e) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') {
          api.close();
          throw named(e, 'C_Initialize', false);
        }
      }
      return new Pkcs11Module(api, path);
    }
    throw new MiddlewareNotFoundError(paths);
  }

  /** The slots holding an initialized token. */
  tokens(): TokenSlot[] {
    let handles: Buffer[];
    try {
      handles = this.api.C_GetSlotList(true);
    } catch (e) {
      throw named(e, 'C_GetSlotList', false);
    }
    const out: TokenSlot[] = [];
    for (const handle of handles) {
      try {
        const info = this.api.C_GetTokenInfo(handle);
        if (!(info.flags & pkcs11js.CKF_TOKEN_INITIALIZED)) continue;
        const slotId = slotIdOf(handle);
        out.push({
          slotId,
          slotIdText: formatSlotId(slotId),
          label: trimmed(info.label),
          manufacturer: trimmed(info.manufacturerID),
          model: trimmed(info.model),
          serial: trimmed(info.serialNumber),
          flags: info.flags,
          handle,
        });
      } catch (e) {
        if (REMOVED.has(ckrOf(e) ?? '')) continue; // the card left between the two calls
        throw named(e, 'C_GetTokenInfo', false);
      }
    }
    return out;
  }

  /** How many slots (card readers) the module sees, with a card or not; null when it cannot say. */
  readerCount(): number | null {
    try {
      return this.api.C_GetSlotList(false).length;
    } catch {
      return null;
    }
  }

  /** The eID card to use: the one in `slotId`, else the first BELPIC token. */
  belpicSlot(slotId?: bigint): TokenSlot {
    const tokens = this.tokens();
    if (slotId !== undefined) {
      const t = tokens.find((x) => x.slotId === slotId);
      if (!t)
        throw new NoTokenError(
          `No card in slot ${formatSlotId(slotId)}. ` +
            (tokens.length ? `Slots with a card: ${tokens.map((x) => `${x.slotIdText} (${x.label})`).join(', ')}.` : 'No slot has a card: insert the eID card in the reader.'),
        );
      if (t.label !== BELPIC) throw new NoTokenError(`The card in slot ${t.slotIdText} is "${t.label}", not a Belgian eID card (token ${BELPIC}).`);
      return t;
    }
    const t = tokens.find((x) => x.label === BELPIC);
    if (!t) {
      if (tokens.length === 0) throw this.readerCount() === 0 ? new NoReaderError() : new NoTokenError();
      throw new NoTokenError(`No Belgian eID card (token ${BELPIC}) found; the tokens present are: ${tokens.map((x) => `"${x.label}" in slot ${x.slotIdText}`).join(', ')}.`);
    }
    return t;
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    try {
      this.api.C_Finalize();
    } catch {
      // already finalized or the module is gone: nothing to release
    }
    try {
      this.api.close();
    } catch {
      // idem
    }
  }
}

/**
 * The tokens of the module, for choosing a card: for each slot holding one, its reader, its
 * label, whether it is an eID card, a blocked PIN, and — read without login, the
 * certificate is public — the `Signature` certificate's holder and end of validity. Nothing
 * else of the card is read or returned. A card that cannot be read is listed with its
 * `problem`; one pulled out while it is read is left out. No module → MiddlewareNotFoundError.
 */
export function listCards(options: { modulePath?: string; createApi?: () => Pkcs11Api; now?: Date } = {}): { module: string; readers: number | null; cards: CardInfo[] } {
  const module = Pkcs11Module.open(options);
  try {
    const now = options.now ?? new Date();
    const cards: CardInfo[] = [];
    for (const token of module.tokens()) {
      const card = readCard(module.api, token, now);
      if (card) cards.push(card);
    }
    return { module: module.path, readers: module.readerCount(), cards };
  } finally {
    module.close();
  }
}

function readCard(api: Pkcs11Api, token: TokenSlot, now: Date): CardInfo | null {
  let reader = '';
  try {
    reader = trimmed(api.C_GetSlotInfo(token.handle).slotDescription);
  } catch (e) {
    if (REMOVED.has(ckrOf(e) ?? '')) return null;
  }
  const card: CardInfo = {
    slot: token.slotIdText, reader, label: token.label, eid: token.label === BELPIC,
    pinBlocked: Boolean(token.flags & pkcs11js.CKF_USER_PIN_LOCKED),
    holder: null, notAfter: null, expired: false, problem: null,
  };
  let session: Buffer | null = null;
  try {
    session = api.C_OpenSession(token.handle, pkcs11js.CKF_SERIAL_SESSION);
    const der = findObjectValue(api, session, pkcs11js.CKO_CERTIFICATE, SIGNATURE_LABEL);
    if (!der) return { ...card, problem: 'no_certificate' };
    const notAfter = new Date(new X509Certificate(der).validTo);
    return { ...card, holder: displayName(der), notAfter: notAfter.toISOString(), expired: notAfter < now };
  } catch (e) {
    if (REMOVED.has(ckrOf(e) ?? '') || e instanceof CardRemovedError) return null;
    return { ...card, problem: 'unreadable' };
  } finally {
    if (session) {
      try {
        api.C_CloseSession(session);
      } catch {
        // the card left
      }
    }
  }
}

/** What a PKCS#11 module says about itself (C_GetInfo) and how many slots hold a token. */
export interface ModuleInfo {
  path: string;
  manufacturer: string;
  description: string;
  cryptokiVersion: string;
  libraryVersion: string;
  slots: number;
  slotsWithToken: number;
}

const version = (v: { major: number; minor: number }): string => `${v.major}.${String(v.minor).padStart(2, '0')}`;

/**
 * Loads one library as a PKCS#11 module, initializes it and asks what it is — the Settings
 * screen's test of a module path. A library that does not load as a module (no
 * C_GetFunctionList, another architecture, not a library) → NotAPkcs11ModuleError; a module
 * that loads but fails to start → its named error. Run in the signing process only: loading
 * a library runs its code.
 */
export function probeModule(path: string, createApi?: () => Pkcs11Api): ModuleInfo {
  const api = createApi?.() ?? new pkcs11js.PKCS11();
  try {
    api.load(path);
  } catch {
    throw new NotAPkcs11ModuleError(path);
  }
  let initialized = false;
  try {
    try {
      api.C_Initialize({ flags: pkcs11js.CKF_OS_LOCKING_OK });
      initialized = true;
    } catch (e) {
      if (ckrOf(e) !== 'CKR_CRYPTOKI_ALREADY_INITIALIZED') throw named(e, 'C_Initialize', false);
    }
    let info: pkcs11js.ModuleInfo;
    let slots: number;
    let withToken: number;
    try {
      info = api.C_GetInfo();
      slots = api.C_GetSlotList(false).length;
      // A card is an initialized token, as pv.cards counts them (SoftHSM's spare slot holds an empty one).
      withToken = api.C_GetSlotList(true).filter((h) => {
        try {
          return (api.C_GetTokenInfo(h).flags & pkcs11js.CKF_TOKEN_INITIALIZED) !== 0;
        } catch {
          return false; // the card left meanwhile
        }
      }).length;
    } catch (e) {
      throw named(e, 'C_GetInfo', false);
    }
    return {
      path,
      manufacturer: trimmed(info.manufacturerID),
      description: trimmed(info.libraryDescription),
      cryptokiVersion: version(info.cryptokiVersion),
      libraryVersion: version(info.libraryVersion),
      slots,
      slotsWithToken: withToken,
    };
  } finally {
    if (initialized) {
      try {
        api.C_Finalize();
      } catch {
        // nothing to release
      }
    }
    try {
      api.close();
    } catch {
      // idem
    }
  }
}

/** Where the dynamic loader finds a bare library name (Linux's `libbeidpkcs11.so.0`), for saying whether it is installed. */
const LIBRARY_DIRS = ['/usr/lib', '/usr/lib64', '/usr/local/lib', '/lib', '/lib64', '/usr/lib/x86_64-linux-gnu', '/usr/lib/aarch64-linux-gnu', '/lib/x86_64-linux-gnu', '/lib/aarch64-linux-gnu'];

/** The file a module path names, when it is there: an absolute path as is, a bare name in the loader's usual directories. */
export function locateModule(path: string): string | null {
  if (isAbsolute(path)) return existsSync(path) ? path : null;
  for (const dir of LIBRARY_DIRS) {
    const candidate = `${dir}/${path}`;
    if (existsSync(candidate)) return candidate;
  }
  return null;
}

export interface OpenSignerOptions {
  modulePath?: string;
  slotId?: bigint;
  pin: PinSource;
  createApi?: () => Pkcs11Api;
}

/**
 * The `Signature` key of an eID card, ready to sign. Close it (finally) to log out and
 * release the module.
 */
export class EidSigner implements CmsSigner {
  readonly keyAlgorithm: KeyAlgorithm;
  private loggedIn = false;
  private key: Buffer | null = null;

  private constructor(
    private readonly module: Pkcs11Module,
    readonly slot: TokenSlot,
    private readonly session: Buffer,
    private readonly pin: PinSource,
    readonly certificate: Buffer,
    readonly chain: Buffer[],
  ) {
    this.keyAlgorithm = keyAlgorithmOf(new X509Certificate(certificate));
  }

  static async open(options: OpenSignerOptions): Promise<EidSigner> {
    const module = Pkcs11Module.open(options);
    let session: Buffer | null = null;
    try {
      const slot = module.belpicSlot(options.slotId);
      if (slot.flags & pkcs11js.CKF_USER_PIN_LOCKED) throw new PinBlockedError();
      try {
        session = module.api.C_OpenSession(slot.handle, pkcs11js.CKF_SERIAL_SESSION);
      } catch (e) {
        throw named(e, 'C_OpenSession', false);
      }
      const certificate = findObjectValue(module.api, session, pkcs11js.CKO_CERTIFICATE, SIGNATURE_LABEL);
      if (!certificate) throw new SigningKeyNotFoundError('certificate');
      const ca = findObjectValue(module.api, session, pkcs11js.CKO_CERTIFICATE, CA_LABEL);
      const signer = new EidSigner(module, slot, session, options.pin, certificate, ca ? [ca] : []);
      if (options.pin.kind === 'application') await signer.login();
      signer.key = signer.findKey();
      if (!signer.key && !signer.loggedIn) {
        // A middleware that hides private keys before login: log in (it asks the PIN itself).
        await signer.login();
        signer.key = signer.findKey();
      }
      if (!signer.key) throw new SigningKeyNotFoundError('key');
      return signer;
    } catch (e) {
      if (session) {
        try {
          module.api.C_CloseSession(session);
        } catch {
          // the session died with the card
        }
      }
      module.close();
      throw e;
    }
  }

  private findKey(): Buffer | null {
    return findObject(this.module.api, this.session, pkcs11js.CKO_PRIVATE_KEY, SIGNATURE_LABEL);
  }

  private tokenFlags(): number | null {
    try {
      return this.module.api.C_GetTokenInfo(this.slot.handle).flags;
    } catch {
      return null;
    }
  }

  private async login(): Promise<void> {
    // Middleware path: an empty PIN makes eid-mw ask for it (its dialog or the pin-pad).
    const pin = this.pin.kind === 'application' ? await this.pin.read() : '';
    try {
      this.module.api.C_Login(this.session, pkcs11js.CKU_USER, pin);
      this.loggedIn = true;
    } catch (e) {
      const ckr = ckrOf(e);
      if (ckr === 'CKR_USER_ALREADY_LOGGED_IN') {
        this.loggedIn = true;
        return;
      }
      if (ckr === 'CKR_PIN_INCORRECT' || ckr === 'CKR_PIN_INVALID' || ckr === 'CKR_PIN_LEN_RANGE') {
        const flags = this.tokenFlags() ?? 0;
        if (flags & pkcs11js.CKF_USER_PIN_LOCKED) throw new PinBlockedError();
        if (flags & pkcs11js.CKF_USER_PIN_FINAL_TRY) throw new WrongPinError(1);
        if (flags & pkcs11js.CKF_USER_PIN_COUNT_LOW) throw new WrongPinError('few');
        throw new WrongPinError(null);
      }
      throw named(e, 'C_Login', true);
    }
  }

  /**
   * Signs the DER of the signed attributes. RSA: CKM_SHA256_RSA_PKCS (or SHA384), falling
   * back to CKM_RSA_PKCS over a DigestInfo; EC: CKM_ECDSA over the hash, r‖s → DER.
   * With a real card the middleware asks the PIN here, every time.
   */
  async sign(data: Buffer, digest: DigestName): Promise<Buffer> {
    try {
      return await this.signOnce(data, digest);
    } catch (e) {
      if (ckrOf(e) !== 'CKR_USER_NOT_LOGGED_IN' || this.loggedIn) throw named(e, 'C_Sign', true);
    }
    await this.login();
    try {
      return await this.signOnce(data, digest);
    } catch (e) {
      throw named(e, 'C_Sign', true);
    }
  }

  private async signOnce(data: Buffer, digest: DigestName): Promise<Buffer> {
    const hash = createHash(digest).update(data).digest();
    if (this.keyAlgorithm === 'ec') return ecdsaRawToDer(await this.mechanismSign(pkcs11js.CKM_ECDSA, hash));
    try {
      return await this.mechanismSign(digest === 'sha256' ? pkcs11js.CKM_SHA256_RSA_PKCS : pkcs11js.CKM_SHA384_RSA_PKCS, data);
    } catch (e) {
      if (ckrOf(e) !== 'CKR_MECHANISM_INVALID') throw e;
      return this.mechanismSign(pkcs11js.CKM_RSA_PKCS, Buffer.concat([DIGEST_INFO_PREFIX[digest], hash]));
    }
  }

  private async mechanismSign(mechanism: number, input: Buffer): Promise<Buffer> {
    const api = this.module.api;
    try {
      api.C_SignInit(this.session, { mechanism }, this.key!);
      return Buffer.from(await api.C_SignAsync(this.session, input, Buffer.alloc(1024)));
    } catch (e) {
      const ckr = ckrOf(e);
      if (ckr === 'CKR_USER_NOT_LOGGED_IN' || ckr === 'CKR_MECHANISM_INVALID') throw e; // handled by the callers
      throw named(e, 'C_Sign', true);
    }
  }

  close(): void {
    const api = this.module.api;
    if (this.loggedIn) {
      try {
        api.C_Logout(this.session);
      } catch {
        // the card may be gone
      }
    }
    try {
      api.C_CloseSession(this.session);
    } catch {
      // idem
    }
    this.module.close();
  }
}

/** DigestInfo prefixes (RFC 8017 §9.2 note 1) for CKM_RSA_PKCS. */
const DIGEST_INFO_PREFIX: Record<DigestName, Buffer> = {
  sha256: Buffer.from('3031300d060960864801650304020105000420', 'hex'),
  sha384: Buffer.from('3041300d060960864801650304020205000430', 'hex'),
};

function findObject(api: Pkcs11Api, session: Buffer, cls: number, label: string): Buffer | null {
  try {
    api.C_FindObjectsInit(session, [
      { type: pkcs11js.CKA_CLASS, value: cls },
      { type: pkcs11js.CKA_LABEL, value: label },
    ]);
    const found = api.C_FindObjects(session, 1);
    api.C_FindObjectsFinal(session);
    return found[0] ?? null;
  } catch (e) {
    throw named(e, 'C_FindObjects', true);
  }
}

function findObjectValue(api: Pkcs11Api, session: Buffer, cls: number, label: string): Buffer | null {
  const handle = findObject(api, session, cls, label);
  if (!handle) return null;
  try {
    const [attr] = api.C_GetAttributeValue(session, handle, [{ type: pkcs11js.CKA_VALUE }]);
    return attr?.value ? Buffer.from(attr.value) : null;
  } catch (e) {
    throw named(e, 'C_GetAttributeValue', true);
  }
}
