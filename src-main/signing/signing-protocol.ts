/**
 * The messages between the app and its signing process (signing-host.ts ↔ signing-worker.ts,
 * docs/signing.md "The signing process"). One request per process; the answer is the signed
 * PDF, the probe of a module, the cards in the readers, or the signing error serialized — rebuilt on the app's side
 * into the same error class, so the mapping to domain rules does not know a process ran.
 * Both sides parse what they receive: the other process is a boundary.
 */
import { z } from 'zod';
import { pkcs11ModuleProbe } from '../../src-shared/contract/signing-settings.js';
import { cardInfo } from '../../src-shared/contract/signing.js';
import {
  CardRemovedError,
  EncryptedPdfError,
  FieldAlreadySignedError,
  FieldNameTakenError,
  FieldNotFoundError,
  MiddlewareNotFoundError,
  NoReaderError,
  NoTokenError,
  NotAPdfError,
  NotAPkcs11ModuleError,
  NotASignatureFieldError,
  PinBlockedError,
  PinCancelledError,
  SignatureTooLargeError,
  SigningError,
  type SigningErrorCode,
  SigningKeyNotFoundError,
  SigningProcessError,
  SigningTimeoutError,
  TokenError,
  WrongPinError,
} from './errors.js';

export const signRequest = z.object({
  kind: z.literal('sign'),
  pdfBase64: z.string(),
  field: z.string(),
  /** Already checked against the modules this computer knows (signing.handlers.ts); absent = the usual places. */
  modulePath: z.string().optional(),
  /** Decimal slot ID (a bigint does not cross the channel). */
  slotId: z.string().regex(/^\d+$/).optional(),
  /** Test tokens only: a real eID card takes its PIN on the reader or in the middleware's dialog. */
  pin: z.string().optional(),
  reason: z.string().optional(),
  location: z.string().optional(),
  signingTime: z.iso.datetime(),
});

export const probeRequest = z.object({ kind: z.literal('probe'), modulePath: z.string() });

/** The readers and their cards (pv.cards); `at` is the app's clock, for saying whether a certificate has expired. */
export const cardsRequest = z.object({ kind: z.literal('cards'), modulePath: z.string().optional(), at: z.iso.datetime() });

export const workerRequest = z.discriminatedUnion('kind', [signRequest, probeRequest, cardsRequest]);
export type SignRequest = z.infer<typeof signRequest>;
export type WorkerRequest = z.infer<typeof workerRequest>;

/** What a module said about itself (settings.signing.save's answer), with the path probed. */
export const moduleProbe = pkcs11ModuleProbe.extend({ path: z.string() });
export type ModuleProbe = z.infer<typeof moduleProbe>;

export const serializedError = z.object({
  name: z.string(),
  message: z.string(),
  /** A SigningErrorCode; null for an unexpected error (a bug), which stays an internal error. */
  code: z.string().nullable(),
  triesLeft: z.union([z.number(), z.literal('few'), z.null()]).optional(),
  tried: z.array(z.string()).optional(),
  field: z.string().optional(),
  available: z.array(z.string()).optional(),
  missing: z.enum(['certificate', 'key']).optional(),
  ckr: z.string().optional(),
  during: z.string().optional(),
  path: z.string().optional(),
  seconds: z.number().optional(),
  reason: z.string().optional(),
});
export type SerializedError = z.infer<typeof serializedError>;

export const workerReply = z.discriminatedUnion('kind', [
  /** The middleware is about to ask for the PIN (real card): the screen says "look at the reader". */
  z.object({ kind: z.literal('waiting-for-pin') }),
  z.object({ kind: z.literal('signed'), pdfBase64: z.string(), field: z.string(), signer: z.string(), signingTime: z.iso.datetime() }),
  z.object({ kind: z.literal('probed'), probe: moduleProbe }),
  z.object({ kind: z.literal('cards'), module: z.string(), readers: z.number().int().nullable(), cards: z.array(cardInfo) }),
  z.object({ kind: z.literal('error'), error: serializedError }),
]);
export type WorkerReply = z.infer<typeof workerReply>;

const DETAIL_KEYS = ['triesLeft', 'tried', 'field', 'available', 'missing', 'ckr', 'during', 'path', 'seconds', 'reason'] as const;

/** An error as it crosses the channel: its class (by code), its message and the facts its class carries. Never a PIN: no error holds one. */
export function serializeError(e: unknown): SerializedError {
  const err = e instanceof Error ? e : new Error(String(e));
  const out: SerializedError = { name: err.name, message: err.message, code: err instanceof SigningError ? err.code : null };
  if (err instanceof SigningError) {
    const own = err as unknown as Record<string, unknown>;
    for (const k of DETAIL_KEYS) if (own[k] !== undefined) (out as Record<string, unknown>)[k] = own[k];
  }
  return out;
}

const REVIVE: Record<SigningErrorCode, (s: SerializedError) => SigningError> = {
  NOT_A_PDF: () => new NotAPdfError(),
  PDF_ENCRYPTED: () => new EncryptedPdfError(),
  FIELD_NOT_FOUND: (s) => new FieldNotFoundError(s.field ?? '', s.available ?? []),
  NOT_A_SIGNATURE_FIELD: (s) => new NotASignatureFieldError(s.field ?? ''),
  FIELD_ALREADY_SIGNED: (s) => new FieldAlreadySignedError(s.field ?? ''),
  FIELD_NAME_TAKEN: (s) => new FieldNameTakenError(s.field ?? ''),
  MIDDLEWARE_NOT_FOUND: (s) => new MiddlewareNotFoundError(s.tried ?? []),
  NO_READER: () => new NoReaderError(),
  NO_TOKEN: (s) => new NoTokenError(s.message),
  WRONG_PIN: (s) => new WrongPinError(s.triesLeft ?? null),
  PIN_BLOCKED: () => new PinBlockedError(),
  PIN_CANCELLED: () => new PinCancelledError(),
  CARD_REMOVED: () => new CardRemovedError(),
  KEY_NOT_FOUND: (s) => new SigningKeyNotFoundError(s.missing ?? 'certificate'),
  TOKEN_ERROR: (s) => new TokenError(s.ckr ?? 'CKR_GENERAL_ERROR', s.during ?? 'signing'),
  SIGNATURE_TOO_LARGE: () => new SignatureTooLargeError(0, 0),
  NOT_A_PKCS11_MODULE: (s) => new NotAPkcs11ModuleError(s.path ?? ''),
  TIMEOUT: (s) => new SigningTimeoutError(s.seconds ?? 0),
  PROCESS_FAILED: (s) => new SigningProcessError(s.reason ?? 'unknown'),
};

/** The error the worker threw, as the same class on this side (same code, message and facts); an unexpected one as a plain Error with its name. */
export function reviveError(s: SerializedError): Error {
  const make = s.code !== null ? REVIVE[s.code as SigningErrorCode] : undefined;
  const e = make ? make(s) : Object.assign(new Error(s.message), { name: s.name });
  e.message = s.message;
  return e;
}
