/**
 * Decodes a file's bytes: UTF-8 (with or without BOM) when valid, otherwise Windows-1252,
 * the encoding of CSV files saved by Excel on Belgian Windows machines.
 */
export function decodeText(bytes: Uint8Array): string {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return new TextDecoder('windows-1252').decode(bytes);
  }
}

/**
 * Comparing names and numbers the way people read them: accents and case do not separate
 * ("Résidence" with "residence"), numbers inside text compare as numbers ("A2" < "A10").
 * One collator, made once: `a.localeCompare(b, 'fr')` builds a new one on every call and
 * made sorting a few hundred names cost tens of milliseconds.
 */
export const compareText: (a: string, b: string) => number = new Intl.Collator('fr', { sensitivity: 'base', numeric: true }).compare;
