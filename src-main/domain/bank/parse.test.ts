import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectBankFormat, parseBankFile } from './parse.js';
import { BankFileError } from './statement.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../../test/fixtures/bank/${name}`, import.meta.url));

describe('parseBankFile', () => {
  it('recognizes the format from the content, whatever the name', () => {
    expect(detectBankFormat(fixture('kbc.cod'))).toBe('coda');
    expect(detectBankFormat(fixture('ing-crlf.cod'))).toBe('coda');
    expect(detectBankFormat(fixture('camt053-v02.xml'))).toBe('camt053');
    expect(detectBankFormat(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('\r\n  <?xml version="1.0"?><a/>')]))).toBe('camt053');
    expect(detectBankFormat(Buffer.from('date;amount\n'))).toBeNull();
    expect(parseBankFile(fixture('kbc.cod')).format).toBe('coda');
    expect(parseBankFile(fixture('camt053-v08-two-statements.xml')).format).toBe('camt053');
  });

  it('refuses what is neither, on line 1', () => {
    expect(() => parseBankFile(Buffer.from('date;amount\n'))).toThrow(BankFileError);
    expect(() => parseBankFile(Buffer.from(''))).toThrow('neither a CODA file (a first record 0 followed by four digits) nor a CAMT.053 XML document');
  });

  it('a forced format reads the file with that parser only', () => {
    expect(parseBankFile(fixture('kbc.cod'), 'coda').statements).toHaveLength(1);
    expect(() => parseBankFile(fixture('camt053-v02.xml'), 'coda')).toThrow(/^a CODA record has 128 characters/);
    expect(() => parseBankFile(fixture('kbc.cod').subarray(0, 128), 'camt053')).toThrow(/^malformed XML/);
    expect(() => parseBankFile(fixture('kbc.cod'), 'camt053')).toThrow('the file is not valid UTF-8 text');
  });
});
