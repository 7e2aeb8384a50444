/**
 * Payment references carried by a movement: the Belgian structured communication
 * (OGM / VCS, `+++123/4567/89002+++`, 10 digits + mod-97) and the ISO 11649 creditor
 * reference (`RF` + 2 check digits + up to 21 characters, mod-97 like an IBAN).
 */
import { mod97 } from '../../../src-shared/values/iban.js';
import { ogmCheckDigits, ogmDigits } from '../../../src-shared/values/ogm.js';

export type ReferenceReading =
  | { kind: 'ogm'; digits: string }
  | { kind: 'ogm-bad-check'; digits: string; expected: string }
  | { kind: 'rf'; reference: string; valid: boolean }
  | { kind: 'other' };

/** The 12 digits of an OGM and whether its last two are the first ten mod 97. */
export function readOgm(digits12: string): ReferenceReading {
  const expected = ogmCheckDigits(digits12.slice(0, 10));
  return expected === digits12.slice(10) ? { kind: 'ogm', digits: digits12 } : { kind: 'ogm-bad-check', digits: digits12, expected };
}

/** ISO 11649: `RF`, 2 check digits, 1–21 letters or digits; valid when mod 97 of the rearranged number is 1. */
export function isValidRf(reference: string): boolean {
  const r = reference.replace(/\s/g, '').toUpperCase();
  if (!/^RF\d{2}[A-Z0-9]{1,21}$/.test(r)) return false;
  const digits = (r.slice(4) + r.slice(0, 4)).replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return mod97(digits) === 1;
}

/** What a creditor reference (CAMT `CdtrRefInf/Ref`) is: an OGM in any usual writing, an RF reference, or something else. */
export function readCreditorReference(text: string): ReferenceReading {
  const digits = ogmDigits(text);
  if (digits !== null) return readOgm(digits);
  const compact = text.trim();
  if (/^RF\d{2}/i.test(compact)) return { kind: 'rf', reference: compact, valid: isValidRf(compact) };
  return { kind: 'other' };
}

/** `123456789002` → `+++123/4567/89002+++` for messages. */
export const ogmText = (digits12: string): string => `+++${digits12.slice(0, 3)}/${digits12.slice(3, 7)}/${digits12.slice(7)}+++`;
