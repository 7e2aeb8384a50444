/**
 * SEPA payment files (ISO 20022) built with a DOM (@xmldom/xmldom), so names with `&`,
 * `<` or accents are escaped by the serializer, never by hand:
 * - pain.001.001.09, credit transfers (SCT), the version the EPC implementation
 *   guidelines (2019 rulebook onwards) and the Belgian banks take;
 * - pain.008.001.08, SEPA Core direct debits (SDD).
 * Element order follows the ISO 20022 schemas for the elements used. Identifiers
 * (message, batch, end-to-end, mandate) keep to the EPC's Latin character set; names and
 * remittance text keep their accents (UTF-8). docs/banking.md says what is checked.
 */
import { DOMImplementation, XMLSerializer, type Document as XmlDocument, type Element } from '@xmldom/xmldom';

export const PAIN_001 = 'urn:iso:std:iso:20022:tech:xsd:pain.001.001.09';
export const PAIN_008 = 'urn:iso:std:iso:20022:tech:xsd:pain.008.001.08';

export type Remittance = { structured: string } | { unstructured: string };

export interface CreditTransfer {
  endToEndId: string;
  amountCents: number;
  creditor: { name: string; iban: string; bic?: string | null };
  remittance: Remittance;
}
export interface CreditTransferBatch {
  paymentInfoId: string;
  executionDate: string;
  debtor: { name: string; iban: string; bic?: string | null };
  transactions: CreditTransfer[];
}

export interface DirectDebit {
  endToEndId: string;
  amountCents: number;
  mandateId: string;
  mandateSignedOn: string;
  debtor: { name: string; iban: string; bic?: string | null };
  remittance: Remittance;
}
export interface DirectDebitBatch {
  paymentInfoId: string;
  collectionDate: string;
  sequenceType: 'FRST' | 'RCUR';
  creditor: { name: string; iban: string; bic?: string | null; creditorId: string };
  transactions: DirectDebit[];
}

export interface MessageHeader { messageId: string; createdAt: Date; initiatingParty: string }

/** Cents → `123.45`, the ISO 20022 decimal amount. */
export const amountText = (cents: number): string => `${Math.floor(cents / 100)}.${String(cents % 100).padStart(2, '0')}`;

/** The EPC's basic Latin set for identifiers: letters, digits, / - ? : ( ) . , ' + and space. */
export function sepaIdentifier(s: string, max = 35): string {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[^A-Za-z0-9/?:().,'+ -]/g, '-').replace(/\/{2,}/g, '/').replace(/^\/|\/$/g, '').slice(0, max);
}

/** Names and text: no control characters, no surrounding blanks, within the element's length. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what is taken out
const text = (s: string, max: number) => s.replace(/[\u0000-\u001f\u007f]+/g, ' ').replace(/\s+/g, ' ').trim().slice(0, max);

type Child = Element | null | false | undefined;

class Builder {
  readonly doc: XmlDocument;
  constructor(readonly ns: string) {
    this.doc = new DOMImplementation().createDocument(ns, 'Document', null);
  }
  el(name: string, ...children: (Child | string)[]): Element {
    const e = this.doc.createElementNS(this.ns, name);
    for (const c of children) {
      if (typeof c === 'string') e.appendChild(this.doc.createTextNode(c));
      else if (c) e.appendChild(c);
    }
    return e;
  }
  withAttr(e: Element, name: string, value: string): Element {
    e.setAttribute(name, value);
    return e;
  }
  /** Two-space indentation: readable in a text editor, the same content for the bank. */
  serialize(root: Element): string {
    const indent = (e: Element, depth: number) => {
      const kids = Array.from(e.childNodes).filter((n) => n.nodeType === 1) as Element[];
      if (kids.length === 0) return;
      for (const k of kids) {
        e.insertBefore(this.doc.createTextNode(`\n${'  '.repeat(depth + 1)}`), k);
        indent(k, depth + 1);
      }
      e.appendChild(this.doc.createTextNode(`\n${'  '.repeat(depth)}`));
    };
    const top = this.doc.documentElement as Element;
    top.appendChild(root);
    indent(top, 0);
    return `<?xml version="1.0" encoding="UTF-8"?>\n${new XMLSerializer().serializeToString(this.doc)}\n`;
  }
}

const isOgm = (r: string) => /^\d{12}$/.test(r);

function remittance(b: Builder, r: Remittance): Element {
  if ('unstructured' in r) return b.el('RmtInf', b.el('Ustrd', text(r.unstructured, 140)));
  const ref = r.structured.replace(/\s/g, '');
  // A Belgian OGM is issued by the Belgian banks' association (BBA); an RF reference by ISO.
  const tp = b.el('Tp', b.el('CdOrPrtry', b.el('Cd', 'SCOR')), b.el('Issr', isOgm(ref) ? 'BBA' : 'ISO'));
  return b.el('RmtInf', b.el('Strd', b.el('CdtrRefInf', tp, b.el('Ref', ref))));
}

const agent = (b: Builder, bic: string | null | undefined) =>
  bic ? b.el('FinInstnId', b.el('BICFI', bic)) : b.el('FinInstnId', b.el('Othr', b.el('Id', 'NOTPROVIDED')));
const sum = (xs: { amountCents: number }[]) => xs.reduce((s, x) => s + x.amountCents, 0);
const created = (d: Date) => d.toISOString().slice(0, 19);

function groupHeader(b: Builder, h: MessageHeader, count: number, cents: number): Element {
  return b.el('GrpHdr', b.el('MsgId', sepaIdentifier(h.messageId)), b.el('CreDtTm', created(h.createdAt)), b.el('NbOfTxs', String(count)), b.el('CtrlSum', amountText(cents)), b.el('InitgPty', b.el('Nm', text(h.initiatingParty, 70))));
}

const eur = (b: Builder, name: string, cents: number) => b.withAttr(b.el(name, amountText(cents)), 'Ccy', 'EUR');

/** pain.001.001.09: one payment information block (batch) per debtor account. */
export function pain001(h: MessageHeader, batches: CreditTransferBatch[]): string {
  const b = new Builder(PAIN_001);
  const all = batches.flatMap((x) => x.transactions);
  const root = b.el('CstmrCdtTrfInitn', groupHeader(b, h, all.length, sum(all)),
    ...batches.map((p) => b.el('PmtInf',
      b.el('PmtInfId', sepaIdentifier(p.paymentInfoId)),
      b.el('PmtMtd', 'TRF'),
      b.el('BtchBookg', 'true'),
      b.el('NbOfTxs', String(p.transactions.length)),
      b.el('CtrlSum', amountText(sum(p.transactions))),
      b.el('PmtTpInf', b.el('SvcLvl', b.el('Cd', 'SEPA'))),
      b.el('ReqdExctnDt', b.el('Dt', p.executionDate)),
      b.el('Dbtr', b.el('Nm', text(p.debtor.name, 70))),
      b.el('DbtrAcct', b.el('Id', b.el('IBAN', p.debtor.iban))),
      b.el('DbtrAgt', agent(b, p.debtor.bic)),
      b.el('ChrgBr', 'SLEV'),
      ...p.transactions.map((t) => b.el('CdtTrfTxInf',
        b.el('PmtId', b.el('InstrId', sepaIdentifier(t.endToEndId)), b.el('EndToEndId', sepaIdentifier(t.endToEndId))),
        b.el('Amt', eur(b, 'InstdAmt', t.amountCents)),
        t.creditor.bic ? b.el('CdtrAgt', agent(b, t.creditor.bic)) : null,
        b.el('Cdtr', b.el('Nm', text(t.creditor.name, 70))),
        b.el('CdtrAcct', b.el('Id', b.el('IBAN', t.creditor.iban))),
        remittance(b, t.remittance),
      )),
    )));
  return b.serialize(root);
}

/** pain.008.001.08, SEPA Core: one batch per creditor account and sequence type. */
export function pain008(h: MessageHeader, batches: DirectDebitBatch[]): string {
  const b = new Builder(PAIN_008);
  const all = batches.flatMap((x) => x.transactions);
  const root = b.el('CstmrDrctDbtInitn', groupHeader(b, h, all.length, sum(all)),
    ...batches.map((p) => b.el('PmtInf',
      b.el('PmtInfId', sepaIdentifier(p.paymentInfoId)),
      b.el('PmtMtd', 'DD'),
      b.el('BtchBookg', 'true'),
      b.el('NbOfTxs', String(p.transactions.length)),
      b.el('CtrlSum', amountText(sum(p.transactions))),
      b.el('PmtTpInf', b.el('SvcLvl', b.el('Cd', 'SEPA')), b.el('LclInstrm', b.el('Cd', 'CORE')), b.el('SeqTp', p.sequenceType)),
      b.el('ReqdColltnDt', p.collectionDate),
      b.el('Cdtr', b.el('Nm', text(p.creditor.name, 70))),
      b.el('CdtrAcct', b.el('Id', b.el('IBAN', p.creditor.iban))),
      b.el('CdtrAgt', agent(b, p.creditor.bic)),
      b.el('ChrgBr', 'SLEV'),
      b.el('CdtrSchmeId', b.el('Id', b.el('PrvtId', b.el('Othr', b.el('Id', p.creditor.creditorId), b.el('SchmeNm', b.el('Prtry', 'SEPA')))))),
      ...p.transactions.map((t) => b.el('DrctDbtTxInf',
        b.el('PmtId', b.el('InstrId', sepaIdentifier(t.endToEndId)), b.el('EndToEndId', sepaIdentifier(t.endToEndId))),
        eur(b, 'InstdAmt', t.amountCents),
        b.el('DrctDbtTx', b.el('MndtRltdInf', b.el('MndtId', sepaIdentifier(t.mandateId)), b.el('DtOfSgntr', t.mandateSignedOn))),
        b.el('DbtrAgt', agent(b, t.debtor.bic)),
        b.el('Dbtr', b.el('Nm', text(t.debtor.name, 70))),
        b.el('DbtrAcct', b.el('Id', b.el('IBAN', t.debtor.iban))),
        remittance(b, t.remittance),
      )),
    )));
  return b.serialize(root);
}
