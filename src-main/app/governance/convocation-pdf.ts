import type { PDFFont } from 'pdf-lib';
import { A4, createPdf, mm } from '../pdf/document.js';
import { Flow, GREY } from '../pdf/flow.js';
import { brusselsDateTime } from '../pdf/text.js';
import type { Recipient } from './convocation.js';
import { documentLanguage, fill, GOVERNANCE_CATALOGS, sharesInt, type DocumentLanguage } from './governance-text.js';
import { firmLine } from './minutes-pdf.js';
import { drawWindowAddress, postalLines, type LetterHead } from '../pdf/letterhead.js';

export interface ConvocationFacts {
  kind: 'ordinary' | 'extraordinary';
  session: 'first' | 'second';
  scheduledAt: Date;
  place: string;
  /** The date printed on the letter (the convocation date, else today). */
  letterDate: string;
  /** The first session's date, for a second session. */
  firstSessionAt: Date | null;
  totalShares: number;
  items: { position: number; title: string; text: string; voted: boolean; majority: string; article: string | null }[];
  documents: string[];
  firmCity: string | null;
}

/** One letter: the convocation, then the proxy form on a new page. */
function drawLetter(pdf: Flow['pdf'], fonts: { regular: PDFFont; bold: PDFFont }, facts: ConvocationFacts, head: LetterHead, r: Recipient): void {
  const { language, note } = documentLanguage(r.language);
  const t = GOVERNANCE_CATALOGS[language];
  const C = t.convocation;
  const P = t.proxy;
  const kind = t.kind[facts.kind];
  const when = brusselsDateTime(facts.scheduledAt);
  const flow = new Flow(pdf, fonts);

  // Sender, top left.
  flow.text(head.firm.name, { size: 10, bold: true });
  flow.text(firmLine(head, language).split(' — ').slice(1).join(' — '), { size: 8, color: GREY });
  drawWindowAddress(flow, postalLines(r.name, r.address), r.channel === 'registered' ? C.registered : null, fonts);
  flow.y = A4[1] - mm(105);

  if (note) flow.text(note.fallbackNote, { size: 9, bold: true, after: 6 });
  flow.text(fill(C.placeDate, { city: facts.firmCity ?? '', date: facts.letterDate }).replace(/^, /, ''), { size: 10, after: 8 });
  flow.text(fill(C.subject, { kind, building: head.building.name }), { size: 10, bold: true, after: 8 });
  flow.text(C.salutation, { after: 4 });
  flow.text(fill(C.body, { kind, building: head.building.name, address: head.building.address, date: when.date, time: when.time, place: facts.place }), { after: 4 });
  if (facts.session === 'second' && facts.firstSessionAt) flow.text(fill(C.secondSession, { date: brusselsDateTime(facts.firstSessionAt).date }), { after: 4 });
  const units = r.units.map((u) => [fill(t.common.lots, { lots: u.lots.join(', ') }), u.joint ? u.name : null, fill(t.common.sharesOf, { shares: sharesInt(u.shares), total: sharesInt(facts.totalShares) })].filter(Boolean).join(' — '));
  flow.text(fill(C.yourLots, { units: units.join('; ') }), { size: 9.5, after: 4 });

  flow.heading(C.agenda, 11);
  for (const item of facts.items) {
    flow.text(fill(C.item, { n: item.position, title: item.title }), { size: 10, bold: true, keepWithNext: 1 });
    if (item.text.trim()) flow.text(item.text.trim(), { size: 9, indent: 14 });
    const majority = t.majority[item.majority as keyof typeof t.majority];
    flow.text(item.voted ? fill(C.required, { majority, article: item.article ?? '' }) : C.information, { size: 8.5, color: GREY, indent: 14, after: 3 });
  }

  flow.heading(C.documents, 11);
  if (facts.documents.length) {
    flow.text(C.documentsIntro, { size: 9.5, after: 2 });
    for (const d of facts.documents) flow.text(`– ${d}`, { size: 9.5, indent: 10 });
  } else flow.text(C.documentsNone, { size: 9.5 });
  flow.space(6);
  flow.text(C.proxyNote, { after: 6 });
  flow.text(C.closing, { after: 10 });
  flow.text(fill(C.signature, { firm: head.firm.name }), { bold: true, after: 12 });
  flow.text(r.channel === 'registered' ? C.legalRegistered : C.legalEmail, { size: 8, color: GREY });

  // The proxy form (procuration / volmacht), on its own page.
  flow.newPage();
  flow.text(P.title, { size: 16, bold: true, after: 2 });
  flow.text(fill(P.subtitle, { kind: kind.charAt(0).toUpperCase() + kind.slice(1), building: head.building.name, date: when.date, time: when.time, place: facts.place }), { size: 9.5, after: 10 });
  const address = `${r.address.street}, ${r.address.postalCode} ${r.address.city}`;
  flow.text(fill(P.principal, { owner: r.name, address }), { after: 2 });
  const lots = r.units.flatMap((u) => u.lots);
  const shares = r.units.reduce((s, u) => s + u.shares, 0);
  flow.text(fill(P.principalLots, { lots: lots.join(', '), shares: sharesInt(shares), total: sharesInt(facts.totalShares), building: head.building.name }), { after: 6 });
  flow.text(P.grant, { bold: true, after: 8 });
  flow.text(P.holderName, { after: 8 });
  flow.text(P.holderAddress, { after: 8 });
  flow.text(P.scope, { size: 9.5, after: 6 });
  const voted = facts.items.filter((i) => i.voted);
  if (voted.length) {
    flow.text(P.instructions, { size: 10, bold: true, after: 2, keepWithNext: 1 });
    for (const item of voted) {
      flow.row([
        { text: fill(C.item, { n: item.position, title: item.title }), width: 0.58 },
        { text: `□ ${P.for}`, width: 0.12 },
        { text: `□ ${P.against}`, width: 0.12 },
        { text: `□ ${P.abstain}`, width: 0.18 },
      ], { size: 9 });
      flow.space(2);
    }
  }
  flow.space(6);
  flow.text(P.rules, { size: 9.5, bold: true, keepWithNext: 2 });
  for (const rule of [P.rule1, P.rule2, P.rule3, P.rule4]) flow.text(`– ${rule}`, { size: 8.5, indent: 8 });
  flow.space(10);
  flow.text(P.done, { after: 8 });
  flow.text(P.sign, { size: 9.5, after: 46 });
  flow.text(P.signHolder, { size: 9.5, after: 40 });

  flow.footers(fill(C.footer, { building: head.building.name, kind, date: when.date }), (page, pages) => fill(t.common.page, { page, pages }));
}

/** The letters of `recipients`, each starting on a new page, in one PDF. */
export async function convocationPdf(facts: ConvocationFacts, head: LetterHead, list: readonly Recipient[], now: Date, language: DocumentLanguage = 'fr'): Promise<Uint8Array> {
  const t = GOVERNANCE_CATALOGS[language];
  const { pdf, regular, bold } = await createPdf({
    title: `${fill(t.convocation.footer, { building: head.building.name, kind: t.kind[facts.kind], date: brusselsDateTime(facts.scheduledAt).date })}`,
    subject: fill(t.common.acp, { building: head.building.name }), author: head.firm.name, language: language === 'nl' ? 'nl-BE' : 'fr-BE', createdAt: now,
  });
  for (const r of list) drawLetter(pdf, { regular, bold }, facts, head, r);
  return pdf.save({ useObjectStreams: true });
}

export const letterDateOf = (convocationDate: string | null, now: Date) => (convocationDate ? convocationDate.split('-').reverse().join('/') : brusselsDateTime(now).date);
