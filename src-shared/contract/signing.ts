import { z } from 'zod';
import { ASSEMBLY_STATUSES } from './governance.js';
import { command, query } from './define.js';
import { id } from './fields.js';

/**
 * Signing the minutes of a general assembly (procès-verbal / notulen, art. 3.87 §10) with
 * Belgian eID cards, on the document `ag.minutes` stored (docs/signing.md). Who signs which
 * field comes from the meeting: `Sig_President` the chair, `Sig_Secretaire` the secretary,
 * `Sig_<voter key>` an owner present at the end, `Sig_p<n>` a mandatary who is not an owner.
 */
export const signatureFieldStatus = z.object({
  name: z.string(),
  role: z.enum(['chair', 'secretary', 'owner', 'holder']).nullable(),
  /** The name printed under the field in the minutes. */
  label: z.string().nullable(),
  signed: z.boolean(),
  /** The certificate's given name and surname (never its national register number). */
  signer: z.string().nullable(),
  /** /M, the time the signer's computer claimed (PAdES B-B has no trusted time), ISO 8601 UTC. */
  signingTime: z.string().nullable(),
  integrity: z.enum(['valid', 'invalid', 'unknown']).nullable(),
  /** `trusted`: chains to the Belgian roots shipped with the application, valid at the signing time. */
  chain: z.enum(['trusted', 'untrusted']).nullable(),
  /** Why integrity or the chain did not verify (in English, for support). */
  problem: z.string().nullable(),
});
export type SignatureFieldStatus = z.infer<typeof signatureFieldStatus>;

/**
 * A token in a reader, as the sign dialog lists it (pv.cards). Only what choosing a card
 * needs: the holder's name from the `Signature` certificate, never the card's other data
 * (no national register number, address, photo).
 */
export const cardInfo = z.object({
  /** The slot ID as `pkcs11-tool -L` prints it (0x…): what pv.sign takes as `slot`. */
  slot: z.string(),
  /** The reader, as the module describes the slot. */
  reader: z.string(),
  /** The token label: `BELPIC` on a Belgian eID card. */
  label: z.string(),
  eid: z.boolean(),
  /** CKF_USER_PIN_LOCKED: the municipality unblocks it with the PUK. */
  pinBlocked: z.boolean(),
  /** The `Signature` certificate's given name and surname (or its CN); null when it cannot be read. */
  holder: z.string().nullable(),
  /** The certificate's end of validity, ISO 8601 UTC. */
  notAfter: z.string().nullable(),
  expired: z.boolean(),
  /** `no_certificate`: no `Signature` certificate (children's cards have none); `unreadable`: the card or the certificate could not be read. */
  problem: z.enum(['no_certificate', 'unreadable']).nullable(),
});
export type CardInfo = z.infer<typeof cardInfo>;

export const signingOperations = {
  'pv.status': query({
    summary: 'The signature fields of the stored minutes of a meeting, each signed or not, verified offline',
    permission: 'portfolio.read',
    input: z.object({ assemblyId: id }),
    output: z.object({
      assemblyId: id,
      status: z.enum(ASSEMBLY_STATUSES),
      archived: z.boolean(),
      /** null until the minutes are drafted (ag.minutes). */
      document: z.object({ id, fileName: z.string(), sha256: z.string(), size: z.number().int() }).nullable(),
      fields: z.array(signatureFieldStatus),
    }),
  }),
  'pv.cards': query({
    summary: 'The readers holding a card (token), each with its holder from the Signature certificate, read without the PIN',
    permission: 'governance.write',
    input: z.object({
      /** As for pv.sign: a module this computer knows; absent: the saved one, else the variable's, else the middleware's. */
      module: z.string().max(1000).optional(),
    }),
    output: z.object({
      module: z.string(),
      /** How many card readers (slots) the module sees, with a card or not: 0 = no reader connected; null when it cannot say. */
      readers: z.number().int().nullable(),
      cards: z.array(cardInfo),
    }),
  }),
  'pv.sign': command({
    summary: 'Sign one signature field of the stored minutes with an eID card (PAdES B-B); the signed file becomes the minutes document',
    permission: 'governance.write',
    // The card may wait for its PIN: no database transaction stays open meanwhile. The new
    // version and the link to it are written together once the signature exists.
    transactional: false,
    input: z.object({
      assemblyId: id,
      field: z.string().regex(/^Sig_[A-Za-z0-9_-]{1,60}$/, { message: 'A signature field of the minutes: Sig_President, Sig_Secretaire, Sig_o12…' }),
      /** Test tokens only (they take the PIN at login). A real eID card asks for it itself, on the reader or in the middleware's window. */
      pin: z.string().min(4).max(32).optional(),
      /** The slot as `pkcs11-tool -L` prints it (0x…) or in decimal; default: the first eID card. */
      slot: z.string().trim().max(24).optional(),
      /** A PKCS#11 module known to this computer: the eID middleware's, the one $KOPROGO_PKCS11_MODULE names, or the one saved in Settings (settings.signing.save). Absent: the saved one, else the variable's, else the middleware's. */
      module: z.string().max(1000).optional(),
      /**
       * Given by the screen: `progress` events of operation `pv.sign` with this token tell
       * where the signature is — `card` (opening the card), `pin` (the middleware asks for
       * the PIN), `saving` (storing the signed minutes) — done 0, 1, 2 of 3.
       */
      progressToken: z.string().max(64).optional(),
    }),
    output: z.object({ documentId: id, sha256: z.string(), field: z.string(), signer: z.string(), signingTime: z.string() }),
  }),
};
