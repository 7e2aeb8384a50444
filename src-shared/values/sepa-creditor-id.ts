import { mod97 } from './iban.js';

/**
 * SEPA creditor identifier (EPC262-08): country code, 2 check digits, a 3-character
 * creditor business code (free, usually ZZZ) and the national identifier — in Belgium the
 * BCE/KBO number of the ACP (10 digits). The check digits are ISO 7064 MOD 97-10 over the
 * national identifier followed by the country code and 00, the business code left out.
 */
export const normalizeCreditorId = (input: string): string => input.replace(/[\s-]/g, '').toUpperCase();

export type CreditorIdProblem = 'format' | 'belgian_number' | 'checksum';

const toDigits = (s: string) => s.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));

export function creditorIdCheckDigits(country: string, nationalId: string): string {
  const rest = mod97(toDigits(`${nationalId}${country}00`));
  return String(98 - rest).padStart(2, '0');
}

export function checkCreditorId(input: string): CreditorIdProblem | null {
  const id = normalizeCreditorId(input);
  const m = /^([A-Z]{2})(\d{2})([A-Z0-9]{3})([A-Z0-9]{1,28})$/.exec(id);
  if (!m) return 'format';
  const [, country, check, , national] = m as unknown as [string, string, string, string, string];
  if (country === 'BE' && !/^\d{10}$/.test(national)) return 'belgian_number';
  return creditorIdCheckDigits(country, national) === check ? null : 'checksum';
}

/** The Belgian creditor identifier of an ACP from its BCE/KBO number (10 digits). */
export function belgianCreditorId(bce: string, businessCode = 'ZZZ'): string {
  const national = bce.replace(/\D/g, '');
  return `BE${creditorIdCheckDigits('BE', national)}${businessCode}${national}`;
}
