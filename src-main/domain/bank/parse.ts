/**
 * A bank statement file of either format, recognized from its content — never its name:
 * XML (after an optional BOM and blanks, `<`) is CAMT.053; a first record starting with the
 * CODA header `0` followed by four zeros is CODA. `format` forces one parser.
 */
import { parseCamt053 } from './camt053.js';
import { parseCoda } from './coda.js';
import { BankFileError, type BankFile, type BankFormat } from './statement.js';

export const BANK_FORMATS: readonly BankFormat[] = ['coda', 'camt053'];

export function detectBankFormat(bytes: Uint8Array): BankFormat | null {
  let i = 0;
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) i = 3; // UTF-8 BOM
  while (i < bytes.length && (bytes[i] === 0x20 || bytes[i] === 0x09 || bytes[i] === 0x0a || bytes[i] === 0x0d)) i++;
  if (bytes[i] === 0x3c) return 'camt053'; // "<"
  // Header record 0: "0" then positions 2–5 "0000" (Febelfin 2.6, annex I, record 0).
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 5));
  if (/^0\d{4}$/.test(head)) return 'coda';
  return null;
}

export function parseBankFile(bytes: Uint8Array, format?: BankFormat): BankFile {
  const f = format ?? detectBankFormat(bytes);
  if (f === 'coda') return parseCoda(bytes);
  if (f === 'camt053') return parseCamt053(bytes);
  throw new BankFileError(1, 'neither a CODA file (a first record 0 followed by four digits) nor a CAMT.053 XML document');
}
