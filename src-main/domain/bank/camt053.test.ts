import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCamt053 } from './camt053.js';
import { BankFileError, type BankMovement } from './statement.js';
import { CAMT_FIXTURES } from '../../../test/fixtures/bank/make-fixtures.js';

const fixture = (name: string): string => readFileSync(new URL(`../../../test/fixtures/bank/${name}`, import.meta.url), 'utf8');
const V02 = fixture('camt053-v02.xml');
const V08 = fixture('camt053-v08-two-statements.xml');
const utf8 = (text: string) => Buffer.from(text, 'utf8');

function refusal(input: Uint8Array): { line: number; path: string | null; message: string } {
  try {
    parseCamt053(input);
  } catch (e) {
    if (e instanceof BankFileError) return { line: e.line, path: e.path, message: e.message };
    throw e;
  }
  throw new Error('the document was accepted');
}

const movement = (m: Partial<BankMovement> & Pick<BankMovement, 'sequence' | 'amountCents'>): BankMovement => ({
  bookingDate: '2026-04-02',
  valueDate: '2026-04-02',
  counterpartyName: null,
  counterpartyAccount: null,
  structuredReference: null,
  communication: null,
  bankReference: null,
  ...m,
});

describe('parseCamt053: the normalized JSON', () => {
  it('the fixtures on disk are what make-fixtures.ts writes', () => {
    for (const [name, content] of Object.entries(CAMT_FIXTURES)) expect(readFileSync(new URL(`../../../test/fixtures/bank/${name}`, import.meta.url)).equals(content), name).toBe(true);
  });

  it('camt.053.001.02: booked entries only (the pending one is left out), OGM in +++ form, Ustrd lines joined, RF reference as given', () => {
    expect(parseCamt053(utf8(V02))).toStrictEqual({
      format: 'camt053',
      statements: [{
        account: 'BE68539007547034', currency: 'EUR', sequence: '63', date: '2026-03-31', openingBalanceCents: 1234567, closingBalanceCents: 1244167,
        movements: [
          movement({ sequence: '0001', amountCents: 25500, bookingDate: '2026-03-31', valueDate: '2026-03-31', counterpartyName: 'Dupont Jean', counterpartyAccount: 'BE71096123456769', structuredReference: '123456789002', bankReference: 'KRED0331000001' }),
          movement({
            sequence: '0002', amountCents: -48400, bookingDate: '2026-03-31', valueDate: '2026-03-30', counterpartyName: 'Énergie Bruxelles SA', counterpartyAccount: 'BE31091001234555',
            communication: 'Facture 2026-0331 électricité communs', bankReference: 'KRED0331000002',
          }),
          movement({
            sequence: '0003', amountCents: 32500, bookingDate: '2026-03-31', valueDate: '2026-03-31', counterpartyName: 'Lefèvre-Noël Françoise', counterpartyAccount: 'BE07363001234566',
            structuredReference: 'RF18539007547034', bankReference: 'KRED0331000004',
          }),
        ],
      }],
      warnings: [],
    });
  });

  it('camt.053.001.08 with two statements: Sts/Cd, Pty/Nm, ***…*** OGM, a batch entry, a bad OGM kept as text, PRCD as opening', () => {
    expect(parseCamt053(utf8(V08))).toStrictEqual({
      format: 'camt053',
      statements: [
        {
          account: 'BE43731001234501', currency: 'EUR', sequence: '42', date: '2026-04-02', openingBalanceCents: 502000, closingBalanceCents: 611500,
          movements: [
            movement({ sequence: '0001', amountCents: 32500, counterpartyName: 'Peeters Ann', counterpartyAccount: 'BE39068205493719', structuredReference: '202600001711', bankReference: 'BBRU0402A1' }),
            // Two payers in one entry: no single counterparty; their references are kept as text.
            movement({ sequence: '0002', amountCents: 65000, communication: '202600003327 202600002519', bankReference: 'BBRU0402A2' }),
            movement({ sequence: '0003', amountCents: 12000, counterpartyName: 'Willems Sarah', communication: 'Huur parking 202600001712', bankReference: 'BBRU0402A3' }),
          ],
        },
        {
          account: 'BE27068999997073', currency: 'EUR', sequence: '7', date: '2026-04-02', openingBalanceCents: 2500000, closingBalanceCents: 2379000,
          movements: [movement({ sequence: '0001', amountCents: -121000, counterpartyName: 'Nettoyage Plus SA', counterpartyAccount: 'BE15143099999930', communication: 'Travaux toiture acompte 1/3', bankReference: 'BBRU0402R1' })],
        },
      ],
      warnings: [{
        line: 92,
        message: 'Document/BkToCstmrStmt/Stmt[0]/Ntry[2]/NtryDtls[0]/TxDtls[0]/RmtInf/Strd[0]/CdtrRefInf/Ref: structured communication +++202/6000/01712+++ fails its mod-97 check (check digits should be 11): kept as text',
      }],
    });
  });

  it('reads a document declared ISO-8859-1, and one with a UTF-8 BOM', () => {
    const latin1 = Buffer.from(V02.replace('encoding="UTF-8"', 'encoding="ISO-8859-1"'), 'latin1');
    expect(parseCamt053(latin1).statements[0]!.movements[1]!.counterpartyName).toBe('Énergie Bruxelles SA');
    expect(parseCamt053(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), utf8(V02)])).statements).toHaveLength(1);
  });

  it('warns of an RF reference or an account failing its check', () => {
    const text = V02.replace('RF18539007547034', 'RF19539007547034').replace('<IBAN>BE68539007547034</IBAN>', '<IBAN>BE68539007547035</IBAN>');
    expect(parseCamt053(utf8(text)).warnings.map((w) => w.message)).toEqual([
      'Document/BkToCstmrStmt/Stmt[0]/Acct/Id/IBAN: the account BE68539007547035 fails its IBAN check',
      'Document/BkToCstmrStmt/Stmt[0]/Ntry[3]/NtryDtls[0]/TxDtls[0]/RmtInf/Strd[0]/CdtrRefInf/Ref: creditor reference RF19539007547034 fails its ISO 11649 check',
    ]);
  });
});

describe('parseCamt053: documents refused, naming the element path', () => {
  it('malformed XML names the open elements and the line', () => {
    const broken = V02.replace('<Amt Ccy="EUR">255.00</Amt>', '<Amt Ccy="EUR">255.00</Amount>');
    expect(refusal(utf8(broken))).toEqual({
      line: 30, path: 'Document/BkToCstmrStmt/Stmt[0]/Ntry[0]/Amt', message: 'malformed XML: Opening and ending tag mismatch: "Amt" != "Amount"',
    });
    expect(refusal(utf8('not xml at all'))).toMatchObject({ message: expect.stringMatching(/^malformed XML: /) });
  });

  it('a document that is not camt.053', () => {
    expect(refusal(utf8(V02.replace('camt.053.001.02', 'camt.052.001.02')))).toEqual({
      line: 2, path: 'Document',
      message: 'not a CAMT.053 statement: the root element is Document in namespace "urn:iso:std:iso:20022:tech:xsd:camt.052.001.02" (expected Document in urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN)',
    });
    expect(refusal(utf8('<?xml version="1.0"?>\n<invoice/>'))).toMatchObject({ line: 2, path: 'invoice' });
  });

  it('a required element missing', () => {
    expect(refusal(utf8(V02.replace('<Amt Ccy="EUR">255.00</Amt>', '')))).toEqual({ line: 29, path: 'Document/BkToCstmrStmt/Stmt[0]/Ntry[0]/Amt', message: 'missing required element Amt' });
    expect(refusal(utf8(V02.replace(/<CreDtTm>[^<]*<\/CreDtTm>/, '')))).toEqual({ line: 4, path: 'Document/BkToCstmrStmt/GrpHdr/CreDtTm', message: 'missing required element CreDtTm' });
    expect(refusal(utf8(V02.replace(/(<\/ElctrncSeqNb>[\s\S]*?)<CreDtTm>[^<]*<\/CreDtTm>/, '$1')))).toMatchObject({ path: 'Document/BkToCstmrStmt/Stmt[0]/CreDtTm' });
    expect(refusal(utf8(V02.replace(/<BkTxCd>[\s\S]*?<\/BkTxCd>/, '')))).toMatchObject({ path: 'Document/BkToCstmrStmt/Stmt[0]/Ntry[0]/BkTxCd' });
    expect(refusal(utf8(V02.replace(/<Stmt>[\s\S]*<\/Stmt>/, '')))).toMatchObject({ path: 'Document/BkToCstmrStmt/Stmt[0]', message: 'a statement report has at least one Stmt' });
  });

  it('.08 does not require Stmt/CreDtTm (optional in its schema)', () => {
    expect(parseCamt053(utf8(V08.replace(/(<\/ElctrncSeqNb>\s*)<CreDtTm>[^<]*<\/CreDtTm>/, '$1'))).statements).toHaveLength(2);
  });

  it('a value the schema does not allow: CdtDbtInd, a negative or sub-cent amount, a currency, a date', () => {
    expect(refusal(utf8(V02.replace('<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>DEBIT</CdtDbtInd>')))).toMatchObject({ path: 'Document/BkToCstmrStmt/Stmt[0]/Ntry[1]/CdtDbtInd', message: 'CdtDbtInd must be CRDT or DBIT, found "DEBIT"' });
    expect(refusal(utf8(V02.replace('>255.00<', '>-255.00<')))).toMatchObject({ path: 'Document/BkToCstmrStmt/Stmt[0]/Ntry[0]/Amt', message: 'not an amount: "-255.00" (a decimal number ≥ 0, dot as separator)' });
    expect(refusal(utf8(V02.replace('>255.00<', '>255.001<')))).toMatchObject({ message: 'amount "255.001" has a fraction of a cent, which cannot be booked' });
    expect(refusal(utf8(V02.replace('<Amt Ccy="EUR">255.00', '<Amt Ccy="eur">255.00')))).toMatchObject({ message: 'the amount needs a currency attribute Ccy of 3 capital letters, found "eur"' });
    expect(refusal(utf8(V02.replace('<Dt>2026-03-30</Dt>', '<Dt>2026-02-30</Dt>')))).toMatchObject({ path: 'Document/BkToCstmrStmt/Stmt[0]/Bal[0]/Dt/Dt', message: 'not a date: "2026-02-30"' });
  });

  it('no opening or closing balance', () => {
    expect(refusal(utf8(V02.replace('<Cd>OPBD</Cd>', '<Cd>ITBD</Cd>')))).toMatchObject({ path: 'Document/BkToCstmrStmt/Stmt[0]/Bal', message: 'no opening balance: a Bal of type OPBD or PRCD is needed' });
    expect(refusal(utf8(V02.replace('<Cd>CLBD</Cd>', '<Cd>CLAV</Cd>')))).toMatchObject({ message: 'no closing balance: a Bal of type CLBD is needed' });
  });

  it('an opening balance plus the booked entries that is not the closing balance', () => {
    expect(refusal(utf8(V08.replace('<Amt Ccy="EUR">23790.00</Amt>', '<Amt Ccy="EUR">23790.01</Amt>')))).toEqual({
      line: expect.any(Number) as number,
      path: 'Document/BkToCstmrStmt/Stmt[1]/Bal[1]/Amt',
      message: 'the closing balance 23790.01 is not the opening balance 25000.00 plus the booked entries -1210.00 (= 23790.00)',
    });
  });
});
