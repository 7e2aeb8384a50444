import { formatIban, normalizeIban, checkIban } from './iban.js';
import { isValidOgm, makeOgm, ogmDigits } from './ogm.js';

/**
 * The payload of an EPC QR code ("SEPA QR", EPC069-12 version 002): what a banking app
 * reads to pre-fill a SEPA credit transfer — beneficiary, IBAN, amount, and here the
 * Belgian structured communication.
 *
 * The Belgian OGM is not an ISO 11649 creditor reference, so it is not put in the
 * structured-reference line (which must hold an RF reference); it goes in the remittance
 * text as `+++ddd/dddd/dddcc+++`, the form Belgian banking apps recognise and turn back
 * into a structured communication (ADR 0012).
 */
export interface EpcPayment {
  name: string;
  iban: string;
  bic?: string | null;
  amountCents: number;
  ogm: string;
}

export class EpcQrError extends Error {
  override name = 'EpcQrError';
}

const clean = (s: string, max: number) => s.replace(/[\r\n]+/g, ' ').trim().slice(0, max);

export function epcPayload(p: EpcPayment): string {
  const iban = normalizeIban(p.iban);
  if (checkIban(iban)) throw new EpcQrError(`Invalid IBAN for the QR code: ${formatIban(iban)}`);
  if (!Number.isSafeInteger(p.amountCents) || p.amountCents < 1 || p.amountCents > 99_999_999_999) throw new EpcQrError('The amount of an EPC QR code is between 0,01 and 999.999.999,99 €');
  const digits = ogmDigits(p.ogm);
  if (!digits || !isValidOgm(digits)) throw new EpcQrError(`Invalid structured communication: ${p.ogm}`);
  const euros = `${Math.floor(p.amountCents / 100)}.${String(p.amountCents % 100).padStart(2, '0')}`;
  return [
    'BCD', // service tag
    '002', // version: BIC optional within the EEA
    '1', // character set: UTF-8
    'SCT', // SEPA credit transfer
    p.bic ? clean(p.bic, 11) : '',
    clean(p.name, 70),
    iban,
    `EUR${euros}`,
    '', // purpose
    '', // structured reference (ISO 11649 only)
    makeOgm(digits.slice(0, 10)), // remittance text: +++ddd/dddd/dddcc+++
  ].join('\n');
}
