/**
 * Checks a pain.001.001.09 or pain.008.001.08 file the way a bank's front end would,
 * for the elements KoproGo writes. No npm package ships the ISO 20022 XSDs, so the
 * rules are encoded here (docs/banking.md, "How the SEPA files are checked"):
 * - the order and presence of children as in the ISO 20022 schemas (xs:sequence of the
 *   containers we use: group header, payment information, transaction, payment id,
 *   payment type, remittance, mandate, agent);
 * - the EPC implementation guidelines (SCT C2PSP, SDD Core C2PSP): NbOfTxs and CtrlSum of
 *   the group and of each batch, amounts 0.01–999999999.99 with two decimals in EUR,
 *   identifiers of 1–35 characters of the Latin set without a leading, trailing or double
 *   '/', names ≤ 70, unstructured remittance ≤ 140 and never both kinds, service level
 *   SEPA, charge bearer SLEV, payment method TRF / DD, local instrument CORE, sequence
 *   type FRST/RCUR/OOFF/FNAL, the creditor identifier's check digits, ISO dates, valid
 *   IBANs, unique end-to-end identifiers, a Belgian OGM (issuer BBA) passing mod 97.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { checkIban } from '../../src-shared/values/iban.js';
import { isValidOgm } from '../../src-shared/values/ogm.js';
import { checkCreditorId } from '../../src-shared/values/sepa-creditor-id.js';

type Seq = [name: string, required: boolean][];
const r = (n: string): [string, boolean] => [n, true];
const o = (n: string): [string, boolean] => [n, false];

const COMMON: Record<string, Seq> = {
  GrpHdr: [r('MsgId'), r('CreDtTm'), o('Authstn'), r('NbOfTxs'), o('CtrlSum'), r('InitgPty'), o('FwdgAgt')],
  PmtId: [o('InstrId'), r('EndToEndId'), o('UETR')],
  RmtInf: [o('Ustrd'), o('Strd')],
  Strd: [o('RfrdDocInf'), o('RfrdDocAmt'), o('CdtrRefInf'), o('Invcr'), o('Invcee'), o('TaxRmt'), o('GrnshmtRmt'), o('AddtlRmtInf')],
  CdtrRefInf: [o('Tp'), o('Ref')],
  FinInstnId: [o('BICFI'), o('ClrSysMmbId'), o('LEI'), o('Nm'), o('PstlAdr'), o('Othr')],
};
const SCHEMAS: Record<'pain.001.001.09' | 'pain.008.001.08', Record<string, Seq>> = {
  'pain.001.001.09': {
    ...COMMON,
    CstmrCdtTrfInitn: [r('GrpHdr'), r('PmtInf'), o('SplmtryData')],
    PmtInf: [r('PmtInfId'), r('PmtMtd'), o('BtchBookg'), o('NbOfTxs'), o('CtrlSum'), o('PmtTpInf'), r('ReqdExctnDt'), o('PoolgAdjstmntDt'), r('Dbtr'), r('DbtrAcct'), r('DbtrAgt'), o('DbtrAgtAcct'), o('InstrForDbtrAgt'), o('UltmtDbtr'), o('ChrgBr'), o('ChrgsAcct'), o('ChrgsAcctAgt'), r('CdtTrfTxInf')],
    PmtTpInf: [o('InstrPrty'), o('SvcLvl'), o('LclInstrm'), o('CtgyPurp')],
    CdtTrfTxInf: [r('PmtId'), o('PmtTpInf'), r('Amt'), o('XchgRateInf'), o('ChrgBr'), o('ChqInstr'), o('UltmtDbtr'), o('IntrmyAgt1'), o('IntrmyAgt1Acct'), o('IntrmyAgt2'), o('IntrmyAgt2Acct'), o('IntrmyAgt3'), o('IntrmyAgt3Acct'), o('CdtrAgt'), o('CdtrAgtAcct'), o('Cdtr'), o('CdtrAcct'), o('UltmtCdtr'), o('InstrForCdtrAgt'), o('InstrForDbtrAgt'), o('Purp'), o('RgltryRptg'), o('Tax'), o('RltdRmtInf'), o('RmtInf'), o('SplmtryData')],
  },
  'pain.008.001.08': {
    ...COMMON,
    CstmrDrctDbtInitn: [r('GrpHdr'), r('PmtInf'), o('SplmtryData')],
    PmtInf: [r('PmtInfId'), r('PmtMtd'), o('BtchBookg'), o('NbOfTxs'), o('CtrlSum'), o('PmtTpInf'), r('ReqdColltnDt'), r('Cdtr'), r('CdtrAcct'), r('CdtrAgt'), o('CdtrAgtAcct'), o('UltmtCdtr'), o('ChrgBr'), o('ChrgsAcct'), o('ChrgsAcctAgt'), o('CdtrSchmeId'), r('DrctDbtTxInf')],
    PmtTpInf: [o('InstrPrty'), o('SvcLvl'), o('LclInstrm'), o('SeqTp'), o('CtgyPurp')],
    DrctDbtTxInf: [r('PmtId'), o('PmtTpInf'), r('InstdAmt'), o('ChrgBr'), o('DrctDbtTx'), o('UltmtCdtr'), r('DbtrAgt'), o('DbtrAgtAcct'), r('Dbtr'), r('DbtrAcct'), o('UltmtDbtr'), o('InstrForCdtrAgt'), o('Purp'), o('RgltryRptg'), o('Tax'), o('RltdRmtInf'), o('RmtInf')],
    DrctDbtTx: [o('MndtRltdInf'), o('CdtrSchmeId'), o('PreNtfctnId'), o('PreNtfctnDt')],
    MndtRltdInf: [o('MndtId'), o('DtOfSgntr'), o('AmdmntInd'), o('AmdmntInfDtls'), o('ElctrncSgntr'), o('FrstColltnDt'), o('FnlColltnDt'), o('Frqcy'), o('Rsn'), o('TrckgDays')],
  },
};

const kids = (e: Element) => Array.from(e.childNodes).filter((n) => n.nodeType === 1) as Element[];
const all = (e: Element, name: string) => Array.from(e.getElementsByTagName(name)) as Element[];
const txt = (e: Element | undefined) => (e?.textContent ?? '').trim();
const child = (e: Element, name: string) => kids(e).find((k) => k.localName === name);
const cents = (s: string) => Math.round(Number(s) * 100);
const LATIN = /^[A-Za-z0-9/?:().,'+ -]+$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function checkSepaFile(xml: string, message: 'pain.001.001.09' | 'pain.008.001.08'): string[] {
  const problems: string[] = [];
  const p = (s: string) => problems.push(s);
  if (!xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>')) p('the XML declaration names UTF-8');
  const doc = new DOMParser({ onError: (level, msg) => p(`XML ${level}: ${msg}`) }).parseFromString(xml, 'text/xml');
  const root = doc.documentElement as Element | null;
  if (!root || root.localName !== 'Document' || root.namespaceURI !== `urn:iso:std:iso:20022:tech:xsd:${message}`) return [...problems, `the root is Document in urn:iso:std:iso:20022:tech:xsd:${message}`];
  const schema = SCHEMAS[message];

  // Sequence order and required children of every container we know.
  const walk = (e: Element, path: string) => {
    if (e.namespaceURI !== root.namespaceURI) p(`${path}: element outside the message's namespace`);
    const seq = schema[e.localName as string];
    const names = kids(e).map((k) => k.localName as string);
    if (seq) {
      let at = 0;
      for (const n of names) {
        const i = seq.findIndex(([s], j) => j >= at && s === n);
        if (i < 0) p(`${path}: ${n} is not allowed here or out of order (${seq.map(([s]) => s).join(', ')})`);
        else at = i;
      }
      for (const [n, req] of seq) if (req && !names.includes(n)) p(`${path}: ${n} is missing`);
    }
    for (const k of kids(e)) walk(k, `${path}/${k.localName}`);
  };
  walk(root, 'Document');

  const top = kids(root)[0] as Element;
  const txName = message === 'pain.001.001.09' ? 'CdtTrfTxInf' : 'DrctDbtTxInf';
  const amountOf = (tx: Element) => (message === 'pain.001.001.09' ? child(child(tx, 'Amt') as Element, 'InstdAmt') : child(tx, 'InstdAmt')) as Element;
  const txs = all(top, txName);
  const grp = child(top, 'GrpHdr') as Element;
  const sumOf = (list: Element[]) => list.reduce((s, tx) => s + cents(txt(amountOf(tx))), 0);
  if (Number(txt(child(grp, 'NbOfTxs'))) !== txs.length) p(`GrpHdr/NbOfTxs ${txt(child(grp, 'NbOfTxs'))} ≠ ${txs.length} transactions`);
  if (cents(txt(child(grp, 'CtrlSum'))) !== sumOf(txs)) p(`GrpHdr/CtrlSum ${txt(child(grp, 'CtrlSum'))} ≠ the transactions' sum`);
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}$/.test(txt(child(grp, 'CreDtTm')))) p('GrpHdr/CreDtTm is an ISO date and time');
  const ids = [txt(child(grp, 'MsgId'))];
  const endToEnd = new Set<string>();

  for (const [i, pmt] of all(top, 'PmtInf').entries()) {
    const at = `PmtInf[${i}]`;
    const mine = kids(pmt).filter((k) => k.localName === txName);
    if (Number(txt(child(pmt, 'NbOfTxs'))) !== mine.length) p(`${at}/NbOfTxs ≠ ${mine.length}`);
    if (cents(txt(child(pmt, 'CtrlSum'))) !== sumOf(mine)) p(`${at}/CtrlSum ≠ the batch's sum`);
    ids.push(txt(child(pmt, 'PmtInfId')));
    if (txt(child(pmt, 'PmtMtd')) !== (message === 'pain.001.001.09' ? 'TRF' : 'DD')) p(`${at}/PmtMtd`);
    const tp = child(pmt, 'PmtTpInf');
    if (txt(tp && child(child(tp, 'SvcLvl') as Element, 'Cd')) !== 'SEPA') p(`${at}/PmtTpInf/SvcLvl/Cd is SEPA`);
    const chrg = child(pmt, 'ChrgBr');
    if (chrg && txt(chrg) !== 'SLEV') p(`${at}/ChrgBr is SLEV`);
    if (message === 'pain.001.001.09') {
      if (!ISO_DATE.test(txt(child(child(pmt, 'ReqdExctnDt') as Element, 'Dt')))) p(`${at}/ReqdExctnDt/Dt is an ISO date`);
      const iban = txt(child(child(child(pmt, 'DbtrAcct') as Element, 'Id') as Element, 'IBAN'));
      if (checkIban(iban)) p(`${at}/DbtrAcct: invalid IBAN ${iban}`);
    } else {
      if (txt(tp && child(child(tp, 'LclInstrm') as Element, 'Cd')) !== 'CORE') p(`${at}/PmtTpInf/LclInstrm/Cd is CORE`);
      if (!['FRST', 'RCUR', 'OOFF', 'FNAL'].includes(txt(tp && child(tp, 'SeqTp')))) p(`${at}/PmtTpInf/SeqTp`);
      const date = txt(child(pmt, 'ReqdColltnDt'));
      if (!ISO_DATE.test(date)) p(`${at}/ReqdColltnDt is an ISO date`);
      const scheme = child(pmt, 'CdtrSchmeId');
      const othr = scheme ? all(scheme, 'Othr')[0] : undefined;
      const cid = txt(othr && child(othr, 'Id'));
      if (!scheme || checkCreditorId(cid)) p(`${at}/CdtrSchmeId: invalid creditor identifier ${cid}`);
      if (scheme && txt(all(scheme, 'Prtry')[0]) !== 'SEPA') p(`${at}/CdtrSchmeId/…/SchmeNm/Prtry is SEPA`);
      const iban = txt(child(child(child(pmt, 'CdtrAcct') as Element, 'Id') as Element, 'IBAN'));
      if (checkIban(iban)) p(`${at}/CdtrAcct: invalid IBAN ${iban}`);
      for (const tx of mine) {
        const m = all(tx, 'MndtRltdInf')[0];
        const signed = txt(m && child(m, 'DtOfSgntr'));
        if (!m || !txt(child(m, 'MndtId')) || !ISO_DATE.test(signed) || signed > date) p(`${at}: a mandate needs its id and a signature date on or before the collection`);
        if (m) ids.push(txt(child(m, 'MndtId')));
      }
    }
    for (const tx of mine) {
      const amt = amountOf(tx);
      const value = txt(amt);
      if (!/^\d{1,9}\.\d{2}$/.test(value) || cents(value) < 1) p(`${at}: amount ${value} is 0.01–999999999.99 with two decimals`);
      if (amt.getAttribute('Ccy') !== 'EUR') p(`${at}: amounts are in EUR`);
      const e2e = txt(all(tx, 'EndToEndId')[0]);
      if (endToEnd.has(e2e)) p(`${at}: end-to-end id ${e2e} twice`);
      endToEnd.add(e2e);
      ids.push(e2e, ...all(tx, 'InstrId').map(txt));
      const party = child(tx, message === 'pain.001.001.09' ? 'CdtrAcct' : 'DbtrAcct');
      const iban = txt(party && all(party, 'IBAN')[0]);
      if (checkIban(iban)) p(`${at}: invalid counterparty IBAN ${iban}`);
      const rmt = child(tx, 'RmtInf');
      if (rmt) {
        const u = kids(rmt).filter((k) => k.localName === 'Ustrd'), s = kids(rmt).filter((k) => k.localName === 'Strd');
        if (u.length && s.length) p(`${at}: remittance is structured or unstructured, not both`);
        if (u.length > 1 || s.length > 1) p(`${at}: one remittance occurrence only`);
        if (u[0] && txt(u[0]).length > 140) p(`${at}: Ustrd longer than 140`);
        const ref = s[0] ? all(s[0], 'Ref')[0] : undefined;
        if (s[0] && txt(all(s[0], 'Cd')[0]) !== 'SCOR') p(`${at}: a structured reference has type SCOR`);
        if (ref && txt(all(s[0] as Element, 'Issr')[0]) === 'BBA' && !isValidOgm(txt(ref))) p(`${at}: the OGM ${txt(ref)} fails mod 97`);
      }
    }
  }
  for (const nm of all(top, 'Nm')) if (txt(nm).length === 0 || txt(nm).length > 70) p(`a name has 1–70 characters: ${txt(nm)}`);
  for (const id of ids) if (!id || id.length > 35 || !LATIN.test(id) || id.startsWith('/') || id.endsWith('/') || id.includes('//')) p(`identifier "${id}" breaks the EPC rules (1–35 Latin characters, no leading, trailing or double /)`);
  return problems;
}
