/**
 * Belgian structured communication (OGM / VCS): +++ddd/dddd/dddcc+++ where cc is the
 * first ten digits mod 97 (97 when the rest is 0).
 */
export function ogmCheckDigits(base10: string): string {
  if (!/^\d{10}$/.test(base10)) throw new RangeError('an OGM base has exactly 10 digits');
  const rest = Number(BigInt(base10) % 97n);
  return String(rest === 0 ? 97 : rest).padStart(2, '0');
}

export function makeOgm(base10: string): string {
  const d = base10 + ogmCheckDigits(base10);
  return `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;
}

/** The 12 digits of an OGM typed in any usual way (+++…+++, ***…***, spaces, slashes). */
export function ogmDigits(input: string): string | null {
  const d = input.trim().replace(/^(\+\+\+|\*\*\*)|(\+\+\+|\*\*\*)$/g, '').replace(/[\s/.]/g, '');
  return /^\d{12}$/.test(d) ? d : null;
}

export function isValidOgm(input: string): boolean {
  const d = ogmDigits(input);
  return d !== null && ogmCheckDigits(d.slice(0, 10)) === d.slice(10);
}
