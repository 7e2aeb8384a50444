/**
 * Where the PIN comes from (docs/signing.md, "The PIN").
 *
 * - `middleware`: the real Belgian eID. The application never sees the PIN: the eID
 *   middleware asks for it in its own dialog, or the pin-pad reader does, each time the
 *   `Signature` key signs. KoproGo calls C_Sign (and C_Login with an empty PIN only if the
 *   middleware asks for a login first) and tells the person to look at the reader.
 * - `application`: test tokens (SoftHSM2) and other PKCS#11 tokens that take the PIN in
 *   C_Login. `read` is called once, just before C_Login; its result goes to C_Login and is
 *   then dropped. It is never stored, logged, or put in an error message.
 */
export type PinSource = { kind: 'middleware' } | { kind: 'application'; read: () => Promise<string> };

export const middlewarePin = (): PinSource => ({ kind: 'middleware' });
export const applicationPin = (read: () => Promise<string>): PinSource => ({ kind: 'application', read });
