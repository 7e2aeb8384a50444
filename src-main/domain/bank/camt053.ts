/**
 * CAMT.053 (ISO 20022 BankToCustomerStatement) into the normalized form of statement.ts.
 * Versions camt.053.001.02 and .08 are the ones Belgian banks send and the ones tested;
 * any `urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN` is read the same way, since the
 * elements read here kept their names (only `Ntry/Sts` became `Sts/Cd` and a party's name
 * moved under `Pty`, both handled).
 *
 * No XSD validator is used (docs/adr/0011-xml-parser-for-camt.md): the elements the schema
 * requires, and the ones we read, are checked here, each error naming its element path
 * (`Document/BkToCstmrStmt/Stmt[1]/Bal[0]/Amt`) and its line.
 */
import { DOMParser, type Element } from '@xmldom/xmldom';
import { checkIban, normalizeIban } from '../../../src-shared/values/iban.js';
import { ogmText, readCreditorReference } from './references.js';
import { BankFileError, centsText, centsToNumber, type BankFile, type BankMovement, type BankStatement, type BankWarning } from './statement.js';

const NAMESPACE = /^urn:iso:std:iso:20022:tech:xsd:camt\.053\.001\.(\d{2})$/;
/** Elements that repeat get an index in paths, 0-based: `Stmt[1]/Bal[0]`. */
const REPEATED = new Set(['Stmt', 'Bal', 'Ntry', 'NtryDtls', 'TxDtls', 'Ustrd', 'Strd']);
const label = (name: string, index: number): string => (REPEATED.has(name) ? `${name}[${index}]` : name);

/** An element and where it is, for messages. */
interface Node {
  el: Element;
  path: string;
}

// ---------------------------------------------------------------------------- text and XML

/** The document's text: UTF-8 (the default, BOM dropped) or the encoding its declaration names. */
function decode(bytes: Uint8Array): string {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 200));
  const declared = /^(?:\uFEFF|\xEF\xBB\xBF)?<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9._-]+)["']/.exec(head)?.[1];
  // The global's type (not only its value) exists only with the DOM lib, which the main build does not load.
  let decoder: InstanceType<typeof TextDecoder>;
  try {
    decoder = new TextDecoder(declared ?? 'utf-8', { fatal: true });
  } catch {
    throw new BankFileError(1, `unknown XML encoding "${declared}"`, 'Document');
  }
  try {
    return decoder.decode(bytes);
  } catch {
    throw new BankFileError(1, `the file is not valid ${decoder.encoding.toUpperCase()} text`, 'Document');
  }
}

/** The path of the elements still open at a line/column of malformed XML (best effort). */
function openPathAt(text: string, line: number, column: number): string {
  const lines = text.split('\n');
  const offset = lines.slice(0, Math.max(0, line - 1)).reduce((n, l) => n + l.length + 1, 0) + Math.max(0, column - 1);
  const stack: { label: string; counts: Map<string, number> }[] = [{ label: '', counts: new Map() }];
  const tags = /<!--[\s\S]*?-->|<!\[CDATA\[[\s\S]*?\]\]>|<\?[\s\S]*?\?>|<!DOCTYPE[^>]*>|<(\/?)([A-Za-z_][\w.:-]*)(?:[^>"']|"[^"]*"|'[^']*')*?(\/?)>/g;
  for (const m of text.slice(0, offset).matchAll(tags)) {
    if (!m[2]) continue;
    const name = m[2].replace(/^.*:/, '');
    if (m[1]) {
      if (stack.length > 1) stack.pop();
      continue;
    }
    const parent = stack[stack.length - 1]!;
    const index = parent.counts.get(name) ?? 0;
    parent.counts.set(name, index + 1);
    if (!m[3]) stack.push({ label: label(name, index), counts: new Map() });
  }
  return stack.slice(1).map((s) => s.label).join('/') || 'Document';
}

function parseXml(text: string): Element {
  let root: Element | null = null;
  let reported: string | null = null;
  try {
    const doc = new DOMParser({
      onError: (level, message) => {
        if (level === 'warning') return;
        reported ??= message;
        throw new Error(message);
      },
    }).parseFromString(text, 'text/xml');
    root = doc.documentElement;
  } catch (e) {
    const locator = (e as { locator?: { lineNumber?: number; columnNumber?: number } }).locator;
    const line = locator?.lineNumber || 1;
    const message = reported ?? (e as Error).message;
    throw new BankFileError(line, `malformed XML: ${message}`, openPathAt(text, line, locator?.columnNumber ?? 1));
  }
  if (!root) throw new BankFileError(1, 'malformed XML: no root element', 'Document');
  return root;
}

// ---------------------------------------------------------------------------- reading elements

class Reader {
  readonly warnings: BankWarning[] = [];
  constructor(readonly ns: string) {}

  lineOf(el: Element): number {
    return (el as unknown as { lineNumber?: number }).lineNumber ?? 1;
  }

  fail(node: Node, message: string, child?: string): never {
    throw new BankFileError(this.lineOf(node.el), message, child ? `${node.path}/${child}` : node.path);
  }

  warn(node: Node, message: string): void {
    this.warnings.push({ line: this.lineOf(node.el), message: `${node.path}: ${message}` });
  }

  all(parent: Node, name: string): Node[] {
    const out: Node[] = [];
    for (let c = parent.el.firstChild; c; c = c.nextSibling) {
      if (c.nodeType === 1 && (c as Element).localName === name && (c as Element).namespaceURI === this.ns) {
        out.push({ el: c as Element, path: `${parent.path}/${label(name, out.length)}` });
      }
    }
    return out;
  }

  opt(parent: Node, name: string): Node | null {
    return this.all(parent, name)[0] ?? null;
  }

  need(parent: Node, name: string): Node {
    return this.opt(parent, name) ?? this.fail(parent, `missing required element ${name}`, label(name, 0));
  }

  /** An element's text, trimmed; null when absent or empty. */
  text(node: Node | null): string | null {
    const t = node?.el.textContent?.trim();
    return t ? t : null;
  }

  /** The text of a path of single children (`Acct/Id/IBAN`), or null. */
  at(parent: Node, ...names: string[]): string | null {
    let n: Node | null = parent;
    for (const name of names) n = n && this.opt(n, name);
    return this.text(n);
  }

  /** ActiveOrHistoricCurrencyAndAmount: a decimal ≥ 0, ≤ 18 digits and ≤ 5 decimals, with a `Ccy` attribute. */
  amount(node: Node): { cents: bigint; currency: string } {
    const raw = this.text(node) ?? '';
    const m = /^\+?(\d*)(?:\.(\d*))?$/.exec(raw);
    const units = m?.[1] ?? '';
    const fraction = (m?.[2] ?? '').replace(/0+$/, '');
    if (!m || (units === '' && (m[2] ?? '') === '')) this.fail(node, `not an amount: "${raw}" (a decimal number ≥ 0, dot as separator)`);
    if (fraction.length > 5 || units.replace(/^0+/, '').length + fraction.length > 18) this.fail(node, `amount "${raw}" has more digits than the schema allows (18, of which 5 decimals)`);
    if (fraction.length > 2) this.fail(node, `amount "${raw}" has a fraction of a cent, which cannot be booked`);
    const currency = node.el.getAttribute('Ccy') ?? '';
    if (!/^[A-Z]{3}$/.test(currency)) this.fail(node, `the amount needs a currency attribute Ccy of 3 capital letters, found "${currency}"`);
    return { cents: BigInt(units || '0') * 100n + BigInt(fraction.padEnd(2, '0')), currency };
  }

  /** CRDT → 1, DBIT → −1. */
  sign(parent: Node): 1n | -1n {
    const node = this.need(parent, 'CdtDbtInd');
    const v = this.text(node);
    if (v === 'CRDT') return 1n;
    if (v === 'DBIT') return -1n;
    return this.fail(node, `CdtDbtInd must be CRDT or DBIT, found "${v ?? ''}"`);
  }

  /** ISODate (YYYY-MM-DD) or the date part of an ISODateTime, checked. */
  isoDate(node: Node): string {
    const v = this.text(node) ?? '';
    const m = /^(\d{4})-(\d{2})-(\d{2})(?:$|T|Z|[+-]\d{2}:\d{2}$)/.exec(v);
    const t = m ? new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))) : null;
    if (!m || !t || t.getUTCDate() !== Number(m[3]) || t.getUTCMonth() !== Number(m[2]) - 1) this.fail(node, `not a date: "${v}"`);
    return `${m[1]}-${m[2]}-${m[3]}`;
  }

  /** DateAndDateTimeChoice: `Dt` or `DtTm`. */
  dateChoice(parent: Node): string {
    const d = this.opt(parent, 'Dt') ?? this.opt(parent, 'DtTm');
    return d ? this.isoDate(d) : this.fail(parent, 'missing Dt or DtTm', 'Dt');
  }
}

// ---------------------------------------------------------------------------- the document

export function parseCamt053(bytes: Uint8Array): BankFile {
  const text = decode(bytes);
  const rootEl = parseXml(text);
  const version = NAMESPACE.exec(rootEl.namespaceURI ?? '')?.[1];
  if (rootEl.localName !== 'Document' || version === undefined) {
    throw new BankFileError(
      (rootEl as unknown as { lineNumber?: number }).lineNumber ?? 1,
      `not a CAMT.053 statement: the root element is ${rootEl.localName} in namespace "${rootEl.namespaceURI ?? ''}" (expected Document in urn:iso:std:iso:20022:tech:xsd:camt.053.001.NN)`,
      rootEl.localName ?? 'Document',
    );
  }
  const r: Reader = new Reader(rootEl.namespaceURI ?? '');
  const doc: Node = { el: rootEl, path: 'Document' };
  const report = r.need(doc, 'BkToCstmrStmt');
  const header = r.need(report, 'GrpHdr');
  r.need(header, 'MsgId');
  const created = r.isoDate(r.need(header, 'CreDtTm'));
  const stmts = r.all(report, 'Stmt');
  if (!stmts.length) r.fail(report, 'a statement report has at least one Stmt', 'Stmt[0]');
  const statements = stmts.map((s) => readStatement(r, s, created, version));
  return { format: 'camt053', statements, warnings: r.warnings };
}

interface Balance {
  node: Node;
  amountNode: Node;
  code: string;
  cents: bigint;
  date: string;
  currency: string;
}

function readStatement(r: Reader, s: Node, created: string, version: string): BankStatement {
  r.need(s, 'Id');
  if (version === '02') r.need(s, 'CreDtTm'); // mandatory up to .02's AccountStatement2; optional in .08
  const acct = r.need(s, 'Acct');
  const acctId = r.need(acct, 'Id');
  let account: string;
  const iban = r.opt(acctId, 'IBAN');
  if (iban) {
    account = normalizeIban(r.text(iban) ?? '');
    if (checkIban(account) !== null) r.warn(iban, `the account ${account} fails its IBAN check`);
  } else {
    const other = r.at(acctId, 'Othr', 'Id');
    if (!other) r.fail(acctId, 'the account needs an IBAN or Othr/Id', 'IBAN');
    account = other.replace(/\s/g, '');
    r.warn(acctId, `the account ${account} is not an IBAN`);
  }

  const balances: Balance[] = r.all(s, 'Bal').map((b) => {
    const tp = r.need(r.need(b, 'Tp'), 'CdOrPrtry');
    const code = r.at(tp, 'Cd') ?? r.at(tp, 'Prtry');
    if (!code) r.fail(tp, 'the balance type needs Cd or Prtry', 'Cd');
    const amountNode = r.need(b, 'Amt');
    const { cents, currency } = r.amount(amountNode);
    return { node: b, amountNode, code, cents: cents * r.sign(b), date: r.dateChoice(r.need(b, 'Dt')), currency };
  });
  if (!balances.length) r.fail(s, 'a statement has at least one balance', 'Bal[0]');
  const opening = balances.find((b) => b.code === 'OPBD') ?? balances.find((b) => b.code === 'PRCD');
  const closing = balances.find((b) => b.code === 'CLBD');
  if (!opening) r.fail(s, 'no opening balance: a Bal of type OPBD or PRCD is needed', 'Bal');
  if (!closing) r.fail(s, 'no closing balance: a Bal of type CLBD is needed', 'Bal');
  const currency = r.at(acct, 'Ccy') ?? opening.currency;

  const movements: BankMovement[] = [];
  let sum = 0n;
  for (const n of r.all(s, 'Ntry')) {
    const m = readEntry(r, n, movements.length + 1, currency);
    if (!m) continue;
    sum += m.cents;
    movements.push(m.movement);
  }
  if (opening.cents + sum !== closing.cents) {
    r.fail(
      closing.amountNode,
      `the closing balance ${centsText(closing.cents)} is not the opening balance ${centsText(opening.cents)} plus the booked entries ${centsText(sum)} (= ${centsText(opening.cents + sum)})`,
    );
  }
  return {
    account,
    currency,
    sequence: r.at(s, 'ElctrncSeqNb') ?? r.at(s, 'LglSeqNb'),
    date: closing.date ?? created,
    openingBalanceCents: centsToNumber(opening.cents, r.lineOf(opening.amountNode.el), opening.amountNode.path),
    closingBalanceCents: centsToNumber(closing.cents, r.lineOf(closing.amountNode.el), closing.amountNode.path),
    movements,
  };
}

/** `Sts` is a code in .02 (`<Sts>BOOK</Sts>`) and a choice from .07 on (`<Sts><Cd>BOOK</Cd></Sts>`). */
function status(r: Reader, n: Node): string {
  const sts = r.need(n, 'Sts');
  const code = r.at(sts, 'Cd') ?? r.at(sts, 'Prtry') ?? r.text(sts);
  return code ?? r.fail(sts, 'empty entry status');
}

/** A party's name: `Nm` (.02) or `Pty/Nm` (.08, Party40Choice). */
function partyName(r: Reader, party: Node | null): string | null {
  if (!party) return null;
  return r.at(party, 'Nm') ?? r.at(party, 'Pty', 'Nm');
}

function partyAccount(r: Reader, acct: Node | null): string | null {
  if (!acct) return null;
  const iban = r.opt(r.opt(acct, 'Id') ?? acct, 'IBAN');
  if (iban) {
    const v = normalizeIban(r.text(iban) ?? '');
    if (v && checkIban(v) !== null) r.warn(iban, `the counterparty account ${v} fails its IBAN check`);
    return v || null;
  }
  const other = r.at(acct, 'Id', 'Othr', 'Id');
  return other ? other.replace(/\s/g, '') : null;
}

/** The one value all transactions agree on, else null (a batch of several payers has no single counterparty). */
function agreed(values: (string | null)[]): string | null {
  const distinct = [...new Set(values.filter((v): v is string => v !== null))];
  return distinct.length === 1 ? distinct[0]! : null;
}

function readEntry(r: Reader, n: Node, index: number, currency: string): { cents: bigint; movement: BankMovement } | null {
  const amountNode = r.need(n, 'Amt');
  const amount = r.amount(amountNode);
  const sign = r.sign(n);
  const sts = status(r, n);
  r.need(n, 'BkTxCd');
  if (sts !== 'BOOK') return null; // pending (PDNG), information (INFO), future (FUTR): not movements
  if (amount.currency !== currency) r.warn(amountNode, `the entry is in ${amount.currency}, the account in ${currency}`);
  const cents = amount.cents * sign;
  const bookg = r.opt(n, 'BookgDt');
  const val = r.opt(n, 'ValDt');

  const txs = r.all(n, 'NtryDtls').flatMap((d) => r.all(d, 'TxDtls'));
  const names: (string | null)[] = [];
  const accounts: (string | null)[] = [];
  const texts: string[] = [];
  const refs: string[] = [];
  for (const tx of txs) {
    const parties = r.opt(tx, 'RltdPties');
    // The counterparty: who paid us on a credit, whom we paid on a debit.
    const [who, whose] = sign > 0n ? ['Dbtr', 'DbtrAcct'] : ['Cdtr', 'CdtrAcct'];
    names.push(parties ? partyName(r, r.opt(parties, who)) : null);
    accounts.push(parties ? partyAccount(r, r.opt(parties, whose)) : null);
    const rmt = r.opt(tx, 'RmtInf');
    if (!rmt) continue;
    for (const u of r.all(rmt, 'Ustrd')) {
      const t = r.text(u);
      if (t) texts.push(t);
    }
    for (const strd of r.all(rmt, 'Strd')) {
      const refNode = r.opt(r.opt(strd, 'CdtrRefInf') ?? strd, 'Ref');
      const ref = r.text(refNode);
      if (!ref || !refNode) continue;
      const reading = readCreditorReference(ref);
      if (reading.kind === 'ogm' || reading.kind === 'rf') {
        if (reading.kind === 'rf' && !reading.valid) r.warn(refNode, `creditor reference ${ref} fails its ISO 11649 check`);
        refs.push(reading.kind === 'ogm' ? reading.digits : reading.reference);
      } else {
        if (reading.kind === 'ogm-bad-check') {
          r.warn(refNode, `structured communication ${ogmText(reading.digits)} fails its mod-97 check (check digits should be ${reading.expected}): kept as text`);
        }
        texts.push(ref);
      }
    }
  }
  const distinctRefs = [...new Set(refs)];
  const structuredReference = distinctRefs.length === 1 ? distinctRefs[0]! : null;
  if (distinctRefs.length > 1) texts.push(...distinctRefs); // a batch of several references: kept as text
  const communication = texts.join(' ').trim();
  const single = txs.length === 1 ? txs[0]! : null;
  return {
    cents,
    movement: {
      sequence: String(index).padStart(4, '0'),
      bookingDate: bookg ? r.dateChoice(bookg) : null,
      valueDate: val ? r.dateChoice(val) : null,
      amountCents: centsToNumber(cents, r.lineOf(amountNode.el), amountNode.path),
      counterpartyName: agreed(names),
      counterpartyAccount: agreed(accounts),
      structuredReference,
      communication: communication === '' ? null : communication,
      bankReference: r.at(n, 'AcctSvcrRef') ?? (single ? r.at(single, 'Refs', 'AcctSvcrRef') : null),
    },
  };
}
