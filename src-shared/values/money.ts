/**
 * Money as text. Amounts are integer cents everywhere (house style); this is the one place
 * that turns them into euros for people (screens, PDF) and for spreadsheets (CSV). Shared by
 * the main process (reports) and the renderer.
 *
 * Belgian usage, in French, Dutch and German alike: `1.234,56 €` — a dot between
 * thousands, a decimal comma, the sign after the amount. We do not use Intl here: fr-BE
 * gives `1 234,56 €` (narrow spaces) and nl-BE `€ 1.234,56`, and both vary with the ICU
 * data of the runtime; a printed annual account must look the same on every machine.
 * English keeps `€1,234.56`. Computation is in BigInt: exact whatever the amount.
 */
export type MoneyLanguage = 'fr' | 'nl' | 'en' | 'de';

/** U+00A0: the amount and its € never break apart on a line. */
const NBSP = '\u00a0';

function parts(cents: number | bigint): { negative: boolean; units: string; decimals: string } {
  if (typeof cents === 'number' && !Number.isSafeInteger(cents)) throw new RangeError(`Not a whole number of cents: ${cents}`);
  const c = BigInt(cents);
  const abs = c < 0n ? -c : c;
  return { negative: c < 0n, units: (abs / 100n).toString(), decimals: (abs % 100n).toString().padStart(2, '0') };
}

const group = (units: string, separator: string) => units.replace(/\B(?=(\d{3})+(?!\d))/g, separator);

/**
 * A plain decimal number of euros with a decimal comma and no grouping, `-1234,56`:
 * what Excel with Belgian settings reads as a number (CSV exports).
 */
export function centsToDecimal(cents: number | bigint): string {
  const p = parts(cents);
  return `${p.negative ? '-' : ''}${p.units},${p.decimals}`;
}

/** Grouped amount without currency: `1.234,56` (fr, nl, de) or `1,234.56` (en). */
export function formatAmount(cents: number | bigint, language: MoneyLanguage = 'fr'): string {
  const p = parts(cents);
  const sign = p.negative ? '-' : '';
  return language === 'en' ? `${sign}${group(p.units, ',')}.${p.decimals}` : `${sign}${group(p.units, '.')},${p.decimals}`;
}

/** Amount in euros: `1.234,56 €` (fr, nl, de), `€1,234.56` (en). */
export function formatMoney(cents: number | bigint, language: MoneyLanguage = 'fr'): string {
  if (language === 'en') {
    const p = parts(cents);
    return `${p.negative ? '-' : ''}€${group(p.units, ',')}.${p.decimals}`;
  }
  return `${formatAmount(cents, language)}${NBSP}€`;
}
