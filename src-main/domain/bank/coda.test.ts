import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { belgianAccountToIban, parseCoda, parseCodaRecord } from './coda.js';
import { BankFileError, type BankMovement } from './statement.js';
import { codaBytes, codaLines, record, type CodaFileSpec, type CodaMovementSpec } from './coda-writer.js';
import { CODA_FIXTURES, IBAN } from '../../../test/fixtures/bank/make-fixtures.js';

const fixture = (name: string): Buffer => readFileSync(new URL(`../../../test/fixtures/bank/${name}`, import.meta.url));
/** The records of a fixture, to alter one line. */
const linesOf = (name: string): string[] => fixture(name).toString('latin1').split(/\r?\n/).filter((l) => l !== '');
const bytes = (lines: string[]) => Buffer.from(`${lines.join('\n')}\n`, 'latin1');

/** The error a file is refused with: its line and message. */
function refusal(input: Uint8Array): { line: number; message: string } {
  try {
    parseCoda(input);
  } catch (e) {
    if (e instanceof BankFileError) return { line: e.line, message: e.message };
    throw e;
  }
  throw new Error('the file was accepted');
}

const movement = (m: Partial<BankMovement> & Pick<BankMovement, 'sequence' | 'amountCents'>): BankMovement => ({
  bookingDate: '2026-03-31',
  valueDate: '2026-03-31',
  counterpartyName: null,
  counterpartyAccount: null,
  structuredReference: null,
  communication: null,
  bankReference: null,
  ...m,
});

const BNP_STATEMENT = {
  account: 'BE68539007547034', currency: 'EUR', sequence: '063', date: '2026-03-31', openingBalanceCents: 1234567, closingBalanceCents: 1211667,
  movements: [
    movement({
      sequence: '0001', amountCents: 25500, counterpartyName: 'DUPONT JEAN', counterpartyAccount: 'BE71096123456769', bankReference: 'EBN26090BN000123',
      communication: 'PROVISION CHARGES 2E TRIMESTRE 2026 APPARTEMENT 3B MADAME ET MONSIEUR DUPONT-LAMBERT REF. DOSSIER 2026/0447 MERCI',
    }),
    movement({ sequence: '0002', amountCents: -48400, counterpartyName: 'ENERGIE BRUXELLES SA', counterpartyAccount: 'BE31091001234555', communication: 'FACTURE 2026-0331 ELECTRICITE COMMUNS', bankReference: 'EBN26090BN000124' }),
  ],
};

describe('parseCoda: the normalized JSON of each bank style', () => {
  it('the fixtures on disk are what make-fixtures.ts writes', () => {
    for (const [name, content] of Object.entries(CODA_FIXTURES)) expect(fixture(name).equals(content), name).toBe(true);
  });

  it('BNP Paribas Fortis: a free communication cut mid-word over 2.1/2.2/2.3 is joined without spaces; 3.1 counted; a debit', () => {
    expect(parseCoda(fixture('bnp-paribas-fortis.cod'))).toStrictEqual({ format: 'coda', statements: [BNP_STATEMENT], warnings: [] });
  });

  it('KBC: OGM in 2.1 (type 101), BIC in 2.2, counterparty in 2.3; Windows-1252 accents; bank costs with an unknown value date', () => {
    expect(parseCoda(fixture('kbc.cod'))).toStrictEqual({
      format: 'coda',
      statements: [{
        account: 'BE43731001234501', currency: 'EUR', sequence: '041', date: '2026-03-31', openingBalanceCents: 502000, closingBalanceCents: 493190,
        movements: [
          movement({ sequence: '0001', amountCents: 32500, counterpartyName: 'PEETERS ANN', counterpartyAccount: 'BE39068205493719', structuredReference: '202600001711', bankReference: '0331KBC00017' }),
          movement({ sequence: '0002', amountCents: 32500, valueDate: '2026-03-30', counterpartyName: 'Françoise Lefèvre-Noël', counterpartyAccount: 'BE07363001234566', structuredReference: '202600002519', bankReference: '0331KBC00018' }),
          movement({ sequence: '0003', amountCents: -72600, counterpartyName: 'Ascenseurs Sécurité SRL', counterpartyAccount: 'BE15001765432130', communication: 'Entretien ascenseur mars 2026 - contrat 4471', bankReference: '0331KBC00019' }),
          movement({ sequence: '0004', amountCents: -1210, valueDate: null, communication: 'Frais de gestion compte 03/2026', bankReference: '0331KBC00020' }),
        ],
      }],
      warnings: [],
    });
  });

  it('Belfius: a globalised amount is one movement, its detail records are not; a free message 4 is not counted', () => {
    expect(parseCoda(fixture('belfius.cod'))).toStrictEqual({
      format: 'coda',
      statements: [{
        account: 'BE68539007547034', currency: 'EUR', sequence: '064', date: '2026-04-01', openingBalanceCents: 1256167, closingBalanceCents: 1118167,
        movements: [
          movement({ sequence: '0001', amountCents: -150000, bookingDate: '2026-04-01', valueDate: '2026-04-01', communication: 'PAIEMENT GROUPE 3 FACTURES', bankReference: 'BELF260401COLL01' }),
          movement({
            sequence: '0002', amountCents: 12000, bookingDate: '2026-04-01', valueDate: '2026-04-01', counterpartyName: 'JANSSENS PIETER', counterpartyAccount: 'BE20735001122356',
            structuredReference: '202600003327', bankReference: 'BELF260401IN0002',
          }),
        ],
      }],
      warnings: [],
    });
  });

  it('ING: CRLF without a final line end; an OGM typed as free text stays in the communication', () => {
    const file = fixture('ing-crlf.cod');
    expect(file.includes('\r\n')).toBe(true);
    expect(file.at(-1)).not.toBe(0x0a);
    expect(parseCoda(file)).toStrictEqual({
      format: 'coda',
      statements: [{
        account: 'BE43731001234501', currency: 'EUR', sequence: '042', date: '2026-04-02', openingBalanceCents: 393690, closingBalanceCents: 440690,
        movements: [
          movement({
            sequence: '0001', amountCents: 45000, bookingDate: '2026-04-02', valueDate: '2026-04-02', counterpartyName: 'DE SMET KOEN', counterpartyAccount: 'BE71096123456769',
            communication: 'AANDEEL WERKKAPITAAL +++090/9337/55493+++', bankReference: 'ING260402000001',
          }),
          movement({ sequence: '0002', amountCents: 2000, bookingDate: '2026-04-02', valueDate: '2026-04-02', counterpartyName: 'WILLEMS SARAH', communication: 'HUUR PARKING 03/2026', bankReference: 'ING260402000002' }),
        ],
      }],
      warnings: [],
    });
  });

  it('two accounts in one file give two statements in file order; no movement: closing = opening; a Belgian account number becomes its IBAN; date 000000 falls back to the creation date', () => {
    expect(parseCoda(fixture('multi-statement.cod'))).toStrictEqual({
      format: 'coda',
      statements: [
        BNP_STATEMENT,
        { account: 'BE27068999997073', currency: 'EUR', sequence: '018', date: '2026-03-31', openingBalanceCents: 5000000, closingBalanceCents: 5000000, movements: [] },
      ],
      warnings: [],
    });
  });

  it('a structured communication failing mod-97 is kept as text, with a warning naming the line', () => {
    expect(parseCoda(fixture('bad-ogm.cod'))).toStrictEqual({
      format: 'coda',
      statements: [{
        account: 'BE43731001234501', currency: 'EUR', sequence: '041', date: '2026-03-31', openingBalanceCents: 502000, closingBalanceCents: 534500,
        movements: [movement({ sequence: '0001', amountCents: 32500, counterpartyName: 'PEETERS ANN', counterpartyAccount: 'BE39068205493719', communication: '202600001712', bankReference: '0331KBC00017' })],
      }],
      warnings: [{ line: 3, message: 'structured communication +++202/6000/01712+++ fails its mod-97 check (check digits should be 11): kept as text' }],
    });
  });
});

describe('parseCoda: files refused, naming the line', () => {
  it('a trailer whose record count disagrees', () => {
    expect(refusal(fixture('wrong-trailer-count.cod'))).toEqual({ line: 13, message: 'the trailer counts 12 records (1, 2.x, 3.x and 8) but the file has 11' });
  });

  it('a trailer whose credit total disagrees', () => {
    expect(refusal(fixture('wrong-trailer-total.cod'))).toEqual({ line: 13, message: "the trailer's credit total 651.00 does not match the credit movements, 650.00" });
  });

  it('a trailer whose debit total disagrees', () => {
    const lines = linesOf('kbc.cod');
    lines[12] = `${lines[12]!.slice(0, 22)}${'000000000738110'}${lines[12]!.slice(37)}`;
    expect(refusal(bytes(lines))).toEqual({ line: 13, message: "the trailer's debit total 738.11 does not match the debit movements, 738.10" });
  });

  it('an old balance plus the movements that is not the new balance', () => {
    expect(refusal(fixture('wrong-balance.cod'))).toEqual({ line: 12, message: 'the new balance 4931.89 is not the old balance 5020.00 plus the movements -88.10 (= 4931.90)' });
  });

  it('a record of the wrong length, also a UTF-8 file whose accents take two bytes ("à" in record 1)', () => {
    const lines = linesOf('kbc.cod');
    expect(refusal(bytes(lines.map((l, i) => (i === 3 ? l.slice(0, 127) : l))))).toEqual({ line: 4, message: 'a CODA record has 128 characters, this one has 127' });
    expect(refusal(Buffer.from(`${lines.join('\n')}\n`, 'utf8'))).toEqual({ line: 2, message: 'a CODA record has 128 characters, this one has 129 (CODA is one byte per character, Windows-1252)' });
    expect(refusal(bytes([...lines.slice(0, 3), '', ...lines.slice(3)]))).toEqual({ line: 4, message: 'a CODA record has 128 characters, this one has 0' });
  });

  it('a record of an unknown type', () => {
    const lines = linesOf('kbc.cod');
    expect(refusal(bytes(lines.map((l, i) => (i === 4 ? `5${l.slice(1)}` : l))))).toEqual({ line: 5, message: 'unknown record type "5" (a CODA record starts with 0, 1, 2, 3, 4, 8 or 9)' });
    expect(refusal(bytes(lines.map((l, i) => (i === 3 ? `24${l.slice(2)}` : l))))).toEqual({ line: 4, message: 'unknown record type 2.4 (expected 2.1, 2.2 or 2.3)' });
  });

  it('a record out of place: no header, a movement after the new balance, no trailer', () => {
    const lines = linesOf('kbc.cod');
    expect(refusal(bytes(lines.slice(1)))).toEqual({ line: 1, message: 'record 1 is out of place: expected a header record 0' });
    expect(refusal(bytes([...lines.slice(0, 12), lines[2]!, lines[12]!]))).toEqual({ line: 13, message: 'record 2.1 is out of place: expected a free message 4 or the trailer record 9' });
    expect(refusal(bytes(lines.slice(0, 12)))).toEqual({ line: 12, message: 'the file ends without its trailer record 9' });
    expect(refusal(bytes([lines[0]!, ...lines]))).toEqual({ line: 2, message: 'record 0 is out of place: expected the trailer record 9 of the current file' });
  });

  it('a version 1 file', () => {
    const lines = linesOf('kbc.cod');
    lines[0] = `${lines[0]!.slice(0, 127)}1`;
    expect(refusal(bytes(lines))).toEqual({ line: 1, message: 'CODA version 1 (position 128) is not supported: this reads version 2' });
  });

  it('a movement sequence out of order (a gap, a repeat, a first movement other than 0001)', () => {
    const seq = (lines: string[], i: number, s: string) => lines.map((l, j) => (j === i ? `${l.slice(0, 2)}${s}${l.slice(6)}` : l));
    const lines = linesOf('kbc.cod');
    // Lines 6–8 are movement 0002 (2.1, 2.2, 2.3).
    expect(refusal(bytes(seq(seq(seq(lines, 5, '0003'), 6, '0003'), 7, '0003')))).toEqual({ line: 6, message: 'movement sequence 0003 is out of order: expected 0002' });
    expect(refusal(bytes(seq(seq(seq(lines, 5, '0001'), 6, '0001'), 7, '0001')))).toEqual({ line: 6, message: 'movement sequence 0001 is out of order: expected 0002' });
    expect(refusal(bytes(seq(seq(seq(lines, 2, '0000'), 3, '0000'), 4, '0000')))).toEqual({ line: 3, message: 'movement sequence 0000 is out of order: expected 0001' });
  });

  it('a 2.2 or 2.3 that does not follow its movement, a detail number out of order', () => {
    const lines = linesOf('kbc.cod');
    expect(refusal(bytes([...lines.slice(0, 3), lines[6]!, ...lines.slice(3)]))).toEqual({
      line: 4, message: 'record 2.2 0002/0000 is out of order: it must follow the record 2.1 of the same sequence and detail number',
    });
    const belfius = linesOf('belfius.cod');
    // Line 3 is the globalised 0001/0000, lines 4–9 its details 0001/0001 (+2.3), 0001/0002 (+2.3), 0001/0003 (+2.3).
    const detail = (i: number, d: string) => belfius.map((l, j) => (j === i ? `${l.slice(0, 6)}${d}${l.slice(10)}` : l));
    expect(refusal(bytes(detail(3, '0002')))).toEqual({ line: 4, message: 'detail number 0002 of movement 0001 is out of order: expected 0001' });
  });

  it('a field that is not what the standard says: sign, digits, date, a fraction of a cent', () => {
    const lines = linesOf('kbc.cod');
    const put = (i: number, at: number, s: string) => lines.map((l, j) => (j === i ? `${l.slice(0, at - 1)}${s}${l.slice(at - 1 + s.length)}` : l));
    expect(refusal(bytes(put(2, 32, '2')))).toEqual({ line: 3, message: 'amount: the sign (position 32) must be 0 (credit) or 1 (debit), found "2"' });
    expect(refusal(bytes(put(2, 40, 'x')))).toEqual({ line: 3, message: 'amount (positions 33–47) must be digits, found "0000000x0325000"' });
    expect(refusal(bytes(put(2, 48, '300226')))).toEqual({ line: 3, message: 'value date (positions 48–53) is not a date DDMMYY: "300226"' });
    expect(refusal(bytes(put(2, 47, '1')))).toEqual({ line: 3, message: 'amount (positions 33–47) has a fraction of a cent, which cannot be booked' });
    expect(refusal(new Uint8Array())).toEqual({ line: 1, message: 'the file is empty: a CODA file starts with a header record 0' });
  });
});

describe('parseCoda: warnings and details', () => {
  const spec = (movements: CodaMovementSpec[], more: Partial<CodaFileSpec> = {}): CodaFileSpec => ({
    creationDate: '2026-03-31', bic: 'GEBABEBB', addressee: 'SYNDIC',
    statement: { account: IBAN.tilleuls, holderName: 'ACP', codaSequence: '001', openingCents: 0, openingDate: '2026-03-30', closingDate: '2026-03-31', movements },
    ...more,
  });

  it('warns of an unknown transaction code, a duplicate file, a counterparty IBAN failing its check', () => {
    const file = parseCoda(codaBytes(codaLines(spec([{ amountCents: 100, transactionCode: '04999000', counterpartyName: 'X', counterpartyAccount: 'BE71096123456768' }], { duplicate: true }))));
    expect(file.warnings).toEqual([
      { line: 1, message: 'the bank marked this file as a duplicate (position 17 "D")' },
      { line: 3, message: 'unknown transaction code "04999000" (positions 54–61)' },
      { line: 4, message: 'the counterparty account BE71096123456768 fails its IBAN check' },
    ]);
  });

  it('movement sequence numbers wrap from 9999 to 0000', () => {
    const movements = Array.from({ length: 10001 }, () => ({ amountCents: 1 }));
    const file = parseCoda(codaBytes(codaLines(spec(movements))));
    const seqs = file.statements[0]!.movements.map((m) => m.sequence);
    expect(seqs.slice(9997)).toEqual(['9998', '9999', '0000', '0001']);
    expect(file.statements[0]!.closingBalanceCents).toBe(10001);
  });

  it('a structured communication of another type (annex III) is kept whole, type code first', () => {
    const file = parseCoda(codaBytes(codaLines(spec([{ amountCents: 100, structured: { type: '127', text: '0000001234MANDATE-77' } }]))));
    expect(file.statements[0]!.movements[0]).toMatchObject({ structuredReference: null, communication: '1270000001234MANDATE-77' });
  });

  it('reads the fields of each record at the positions of the standard', () => {
    const r22 = record([[1, '22'], [3, '0001'], [7, '0000'], [11, 'SUITE'], [64, 'CUSTREF-9'], [99, 'KREDBEBBXXX'], [126, '1']]);
    expect(parseCodaRecord(r22, 7)).toEqual({ kind: '22', line: 7, sequence: '0001', detail: '0000', communication: `SUITE${' '.repeat(48)}`, customerReference: 'CUSTREF-9', counterpartyBic: 'KREDBEBBXXX' });
    const r23 = record([[1, '23'], [3, '0001'], [7, '0000'], [11, 'BE71096123456769'], [45, 'EUR'], [48, 'DUPONT JEAN'], [83, 'FIN']]);
    expect(parseCodaRecord(r23, 8)).toMatchObject({ counterpartyAccount: 'BE71096123456769', counterpartyCurrency: 'EUR', counterpartyName: 'DUPONT JEAN', communication: `FIN${' '.repeat(40)}` });
    const header = fixture('kbc.cod').toString('latin1').split('\n')[0]!;
    expect(parseCodaRecord(header, 1)).toEqual({
      kind: '0', line: 1, creationDate: '2026-03-31', bankId: '730', duplicate: false, fileReference: 'FILEREF001', addressee: 'SYNDICUS LEIE BV', bic: 'KREDBEBB', holderId: '00000000000', version: '2',
    });
  });

  it('turns a Belgian account number into its IBAN', () => {
    expect(belgianAccountToIban('539007547034')).toBe('BE68539007547034');
    expect(belgianAccountToIban('539007547035')).toBeNull();
  });
});

describe('parseCoda: property', () => {
  const text = fc.stringMatching(/^[A-Z0-9 ./-]{0,149}$/);
  const mov = fc.record({
    amountCents: fc.integer({ min: -99_999_999, max: 99_999_999 }),
    kind: fc.constantFrom('free', 'ogm', 'global'),
    communication: text,
    base: fc.stringMatching(/^\d{10}$/),
    details: fc.array(fc.integer({ min: -9_999_999, max: 9_999_999 }), { minLength: 1, maxLength: 4 }),
    name: fc.option(fc.stringMatching(/^[A-Z][A-Z ]{0,30}$/), { nil: undefined }),
  });

  it('any valid statement written as CODA parses back to the same amounts and passes the balance and trailer checks', () => {
    fc.assert(
      fc.property(fc.array(mov, { maxLength: 30 }), fc.integer({ min: -999_999_999, max: 999_999_999 }), (ms, opening) => {
        const movements: CodaMovementSpec[] = ms.map((m) => {
          const rest = Number(BigInt(m.base) % 97n);
          const ogm = `${m.base}${String(rest === 0 ? 97 : rest).padStart(2, '0')}`;
          if (m.kind === 'ogm') return { amountCents: m.amountCents, structured: { type: '101', text: ogm }, counterpartyName: m.name };
          if (m.kind === 'global') return { amountCents: m.amountCents, communication: m.communication, details: m.details.map((d) => ({ amountCents: d })) };
          return { amountCents: m.amountCents, communication: m.communication, counterpartyName: m.name };
        });
        const file = parseCoda(codaBytes(codaLines({ creationDate: '2026-03-31', bic: 'GEBABEBB', addressee: 'SYNDIC', statement: { account: IBAN.tilleuls, holderName: 'ACP', codaSequence: '001', openingCents: opening, openingDate: '2026-03-30', closingDate: '2026-03-31', movements } })));
        const s = file.statements[0]!;
        expect(s.movements.map((m) => m.amountCents)).toEqual(ms.map((m) => m.amountCents));
        expect(s.closingBalanceCents).toBe(opening + ms.reduce((t, m) => t + m.amountCents, 0));
        ms.forEach((m, i) => {
          const got = s.movements[i]!;
          if (m.kind === 'ogm') expect(got.structuredReference).toMatch(new RegExp(`^${m.base}\\d\\d$`));
          else expect(got.communication).toBe(m.communication.trim() === '' ? null : m.communication.trim());
        });
        expect(file.warnings).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });
});
