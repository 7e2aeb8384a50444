/** IBAN (ISO 13616) check: mod-97 of the rearranged number must be 1. */
const IBAN_LENGTHS: Record<string, number> = {
  BE: 16, NL: 18, FR: 27, DE: 22, LU: 20, GB: 22, ES: 24, IT: 27, PT: 25, CH: 21, AT: 20, IE: 22,
};

/** Removes spaces and upper-cases: the form we store. */
export function normalizeIban(input: string): string {
  return input.replace(/[\s-]/g, '').toUpperCase();
}

export function mod97(digits: string): number {
  let rest = 0;
  for (let i = 0; i < digits.length; i += 7) {
    rest = Number(String(rest) + digits.slice(i, i + 7)) % 97;
  }
  return rest;
}

export type IbanProblem = 'format' | 'length' | 'checksum';

export function checkIban(input: string): IbanProblem | null {
  const iban = normalizeIban(input);
  if (!/^[A-Z]{2}\d{2}[A-Z0-9]{8,30}$/.test(iban)) return 'format';
  const expected = IBAN_LENGTHS[iban.slice(0, 2)];
  if (expected !== undefined && iban.length !== expected) return 'length';
  const rearranged = iban.slice(4) + iban.slice(0, 4);
  const digits = rearranged.replace(/[A-Z]/g, (c) => String(c.charCodeAt(0) - 55));
  return mod97(digits) === 1 ? null : 'checksum';
}

export const isValidIban = (input: string): boolean => checkIban(input) === null;

/** "BE68539007547034" → "BE68 5390 0754 7034" */
export function formatIban(input: string): string {
  return normalizeIban(input).replace(/(.{4})/g, '$1 ').trim();
}
