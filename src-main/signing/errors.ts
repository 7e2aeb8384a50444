/**
 * Named errors of signing and verifying PDFs with a Belgian eID card (docs/signing.md).
 *
 * Every message tells the person what to do. `badInput` separates "what you gave was refused"
 * (a file, a field: exit 2 in the CLI, DOMAIN_RULE once behind the contract) from "the card,
 * the reader or the machine failed" (exit 1). Messages never quote a PIN or file contents.
 */
export type SigningErrorCode =
  | 'NOT_A_PDF'
  | 'PDF_ENCRYPTED'
  | 'FIELD_NOT_FOUND'
  | 'NOT_A_SIGNATURE_FIELD'
  | 'FIELD_ALREADY_SIGNED'
  | 'FIELD_NAME_TAKEN'
  | 'MIDDLEWARE_NOT_FOUND'
  | 'NO_READER'
  | 'NO_TOKEN'
  | 'WRONG_PIN'
  | 'PIN_BLOCKED'
  | 'PIN_CANCELLED'
  | 'CARD_REMOVED'
  | 'KEY_NOT_FOUND'
  | 'TOKEN_ERROR'
  | 'SIGNATURE_TOO_LARGE'
  | 'NOT_A_PKCS11_MODULE'
  | 'TIMEOUT'
  | 'PROCESS_FAILED';

export abstract class SigningError extends Error {
  abstract readonly code: SigningErrorCode;
  abstract readonly badInput: boolean;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

// ---------------------------------------------------------------- the PDF and its fields

abstract class PdfInputError extends SigningError {
  readonly badInput = true;
}

export class NotAPdfError extends PdfInputError {
  readonly code = 'NOT_A_PDF';
  constructor(detail = '') {
    super(`This file is not a PDF that can be read${detail ? ` (${detail})` : ''}.`);
  }
}

export class EncryptedPdfError extends PdfInputError {
  readonly code = 'PDF_ENCRYPTED';
  constructor() {
    super('This PDF is encrypted (password or permissions): save it without encryption, then sign it.');
  }
}

export class FieldNotFoundError extends PdfInputError {
  readonly code = 'FIELD_NOT_FOUND';
  constructor(
    readonly field: string,
    readonly available: string[],
  ) {
    super(
      `The PDF has no field named "${field}". ` +
        (available.length ? `Its signature fields: ${available.join(', ')}.` : 'It has no signature field.'),
    );
  }
}

export class NotASignatureFieldError extends PdfInputError {
  readonly code = 'NOT_A_SIGNATURE_FIELD';
  constructor(readonly field: string) {
    super(`The field "${field}" is not a signature field.`);
  }
}

export class FieldAlreadySignedError extends PdfInputError {
  readonly code = 'FIELD_ALREADY_SIGNED';
  constructor(readonly field: string) {
    super(`The field "${field}" is already signed: each signature field takes one signature.`);
  }
}

export class FieldNameTakenError extends PdfInputError {
  readonly code = 'FIELD_NAME_TAKEN';
  constructor(readonly field: string) {
    super(`A field named "${field}" already exists: choose another name for the new signature field.`);
  }
}

// ---------------------------------------------------------------- the card and its middleware

abstract class TokenFailure extends SigningError {
  readonly badInput = false;
}

export class MiddlewareNotFoundError extends TokenFailure {
  readonly code = 'MIDDLEWARE_NOT_FOUND';
  constructor(readonly tried: string[]) {
    super(
      `The Belgian eID software (middleware) was not found (looked for ${tried.join(', ')}). ` +
        'Install it from https://eid.belgium.be (on Linux: the eid-mw package), then try again.',
    );
  }
}

/** The module sees no card reader at all (none connected, or its driver is missing). */
export class NoReaderError extends TokenFailure {
  readonly code = 'NO_READER';
  constructor() {
    super('No card reader found: connect the card reader (and install its driver if the computer asks for one), insert the eID card, then try again.');
  }
}

export class NoTokenError extends TokenFailure {
  readonly code = 'NO_TOKEN';
  constructor(message = 'No Belgian eID card found: connect the card reader, insert the card, then try again.') {
    super(message);
  }
}

/** `triesLeft`: a number when the card says it (1 on its final try), 'few' when it only says "low", null when it says nothing. */
export class WrongPinError extends TokenFailure {
  readonly code = 'WRONG_PIN';
  constructor(readonly triesLeft: number | 'few' | null) {
    super(
      'Wrong PIN.' +
        (triesLeft === 1
          ? ' One try left: one more wrong PIN blocks the card (your municipality can unblock it with the PUK code).'
          : triesLeft === 'few'
            ? ' Few tries left before the card blocks: check the PIN before trying again.'
            : typeof triesLeft === 'number'
              ? ` ${triesLeft} tries left before the card blocks.`
              : ' Check it and try again; after 3 wrong PINs the card blocks.') +
        ' Nothing was signed.',
    );
  }
}

export class PinBlockedError extends TokenFailure {
  readonly code = 'PIN_BLOCKED';
  constructor() {
    super('The card is blocked after too many wrong PINs. Your municipality (commune / gemeente) can unblock it with the PUK code.');
  }
}

export class PinCancelledError extends TokenFailure {
  readonly code = 'PIN_CANCELLED';
  constructor() {
    super('The PIN entry was cancelled: nothing was signed.');
  }
}

export class CardRemovedError extends TokenFailure {
  readonly code = 'CARD_REMOVED';
  constructor() {
    super('The eID card was removed (or the reader disconnected) while signing: insert it again and sign again. Nothing was written.');
  }
}

export class SigningKeyNotFoundError extends TokenFailure {
  readonly code = 'KEY_NOT_FOUND';
  constructor(readonly missing: 'certificate' | 'key') {
    super(
      `This card has no signature ${missing} (label "Signature"). Cards of children under 18 have none, and the ` +
        'signature certificate can be revoked or not activated: ask your municipality, or sign with another card.',
    );
  }
}

/** Any other answer of the card or middleware, with its PKCS#11 code for support. */
export class TokenError extends TokenFailure {
  readonly code = 'TOKEN_ERROR';
  constructor(
    readonly ckr: string,
    readonly during: string,
  ) {
    super(`The eID card or its middleware failed (${ckr} during ${during}). Take the card out, insert it again and retry.`);
  }
}

export class SignatureTooLargeError extends TokenFailure {
  readonly code = 'SIGNATURE_TOO_LARGE';
  constructor(size: number, room: number) {
    super(`The signature (${size} bytes) does not fit the room reserved in the PDF (${room} bytes).`);
  }
}

/** The library named as the PKCS#11 module loads as no PKCS#11 module (no C_GetFunctionList, not a shared library for this machine). */
export class NotAPkcs11ModuleError extends TokenFailure {
  readonly code = 'NOT_A_PKCS11_MODULE';
  constructor(readonly path: string) {
    super(`${path} is not a PKCS#11 module this computer can load. Choose the eID software's module (beidpkcs11), or leave the field empty to use its usual place.`);
  }
}

// ---------------------------------------------------------------- the signing process (signing-host.ts)

/** The card did not answer in time: the signing process was stopped, nothing was signed. */
export class SigningTimeoutError extends TokenFailure {
  readonly code = 'TIMEOUT';
  constructor(readonly seconds: number) {
    super(`The eID card did not answer within ${seconds} s: signing was abandoned and nothing was signed. Check the reader and the card, then sign again.`);
  }
}

/** The signing process ended without an answer (crashed, killed, or abandoned by the app). */
export class SigningProcessError extends TokenFailure {
  readonly code = 'PROCESS_FAILED';
  constructor(readonly reason: string) {
    super(`The signing process stopped before it answered (${reason}): nothing was signed. Sign again; if it happens again, take the card out, insert it again and restart KoproGo.`);
  }
}
