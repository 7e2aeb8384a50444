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
