import { formatAmount, type MoneyLanguage } from '../../../src-shared/values/money.js';

/**
 * Euros typed by people → integer cents. Belgian habits first (`1.234,56`, `12,3`), and
 * what a spreadsheet or an English keyboard gives (`1234.5`, `1,234.56`), exactly: the
 * digits are read as text, never through a float.
 *
 * - Spaces (also non-breaking), the € sign and a leading `+` are ignored.
 * - With both `.` and `,`, the last one is the decimal separator, the other groups thousands.
 * - With one kind only: repeated, it groups thousands (`1.234.567`); once and followed by
 *   exactly three digits, it groups thousands too (`1.234` is 1 234 €, as printed on
 *   Belgian invoices); otherwise it is the decimal separator, with at most two decimals.
 * Returns null for what is not an amount (letters, a minus, three decimals, empty).
 */
export function parseEuros(text: string): number | null {
  const s = text.replace(/[\s\u00a0\u202f€]/g, '').replace(/^\+/, '');
  if (!/^[0-9.,]+$/.test(s) || !/[0-9]/.test(s)) return null;
  const lastDot = s.lastIndexOf('.');
  const lastComma = s.lastIndexOf(',');
  let units: string;
  let decimals = '';
  if (lastDot >= 0 && lastComma >= 0) {
    const decimalSep = lastDot > lastComma ? '.' : ',';
    const groupSep = decimalSep === '.' ? ',' : '.';
    const at = s.lastIndexOf(decimalSep);
    units = s.slice(0, at);
    decimals = s.slice(at + 1);
    if (units.includes(decimalSep) || !groupedWell(units, groupSep)) return null;
    units = units.split(groupSep).join('');
  } else if (lastDot >= 0 || lastComma >= 0) {
    const sep = lastDot >= 0 ? '.' : ',';
    const pieces = s.split(sep);
    if (pieces.length > 2 || (pieces.length === 2 && pieces[1]!.length === 3 && pieces[0]!.length > 0)) {
      if (!groupedWell(s, sep)) return null;
      units = pieces.join('');
    } else {
      units = pieces[0]!;
      decimals = pieces[1] ?? '';
    }
  } else units = s;
  if (!/^[0-9]*$/.test(units) || !/^[0-9]{0,2}$/.test(decimals) || (units === '' && decimals === '')) return null;
  const cents = BigInt(units || '0') * 100n + BigInt(decimals.padEnd(2, '0'));
  return cents <= BigInt(Number.MAX_SAFE_INTEGER) ? Number(cents) : null;
}

/** `1.234.567`: a first group of one to three digits (not `0`), then groups of exactly three. */
function groupedWell(units: string, sep: string): boolean {
  const groups = units.split(sep);
  return /^[1-9][0-9]{0,2}$/.test(groups[0]!) && groups.slice(1).every((g) => /^[0-9]{3}$/.test(g));
}

/** Cents as the text an amount field shows again: `1.234,56` (fr, nl, de) or `1,234.56` (en). */
export const centsToInput = (cents: number, language: string): string => formatAmount(cents, moneyLanguage(language));

export const moneyLanguage = (language: string): MoneyLanguage => (['fr', 'nl', 'en', 'de'].includes(language) ? (language as MoneyLanguage) : 'fr');
