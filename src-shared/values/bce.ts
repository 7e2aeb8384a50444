/**
 * Belgian enterprise number (BCE/KBO, also the VAT number without "BE"):
 * 10 digits starting with 0 or 1; the last two = 97 − (first eight mod 97).
 */
export function normalizeBce(input: string): string {
  return input.replace(/^BE/i, '').replace(/[\s.-]/g, '');
}

export type BceProblem = 'format' | 'checksum';

export function checkBce(input: string): BceProblem | null {
  const n = normalizeBce(input);
  if (!/^[01]\d{9}$/.test(n)) return 'format';
  const base = Number(n.slice(0, 8));
  const check = Number(n.slice(8));
  return 97 - (base % 97) === check ? null : 'checksum';
}

export const isValidBce = (input: string): boolean => checkBce(input) === null;

/** "0123456749" → "0123.456.749" */
export function formatBce(input: string): string {
  const n = normalizeBce(input);
  return `${n.slice(0, 4)}.${n.slice(4, 7)}.${n.slice(7)}`;
}
