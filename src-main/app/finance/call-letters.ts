import QRCode from 'qrcode';
import { epcPayload } from '../../../src-shared/values/epc-qr.js';
import { formatIban } from '../../../src-shared/values/iban.js';
import { formatMoney } from '../../../src-shared/values/money.js';
import { makeOgm } from '../../../src-shared/values/ogm.js';
import { A4, createPdf, mm } from '../pdf/document.js';
import { Flow, GREY } from '../pdf/flow.js';
import { drawWindowAddress, postalLines, type LetterHead } from '../pdf/letterhead.js';

/** Letters are French or Dutch; English- and German-speaking owners get French (as the convocations). */
type LetterLanguage = 'fr' | 'nl';

const TEXT = {
  fr: {
    title: { working: 'Appel de provisions', reserve: 'Appel au fonds de réserve' },
    subject: '{title} {label} — ACP {building}',
    salutation: 'Madame, Monsieur,',
    bodyWorking: 'Conformément au budget approuvé par l’assemblée générale, nous vous prions de verser votre provision pour les charges courantes de la période {label} (fonds de roulement).',
    bodyReserve: 'Conformément à la décision de l’assemblée générale, nous vous prions de verser votre contribution au fonds de réserve {label} (art. 3.86 § 3 du Code civil).',
    lots: 'Vos lots : {lots} — {shares} / {total} quotités.',
    amount: 'Montant à payer',
    due: 'À payer au plus tard le',
    account: 'Sur le compte',
    beneficiary: 'Bénéficiaire',
    ogm: 'Communication structurée',
    ogmNote: 'Merci d’utiliser exactement cette communication : votre paiement sera ainsi reconnu automatiquement.',
    scan: 'Scannez ce code avec votre application bancaire pour payer.',
    closing: 'Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.',
    signature: 'Le syndic, {firm}',
    placeDate: '{city}, le {date}',
    footer: 'ACP {building} — {title} {label}',
  },
  nl: {
    title: { working: 'Opvraging van provisies', reserve: 'Opvraging reservekapitaal' },
    subject: '{title} {label} — VME {building}',
    salutation: 'Geachte mevrouw, geachte heer,',
    bodyWorking: 'Overeenkomstig de door de algemene vergadering goedgekeurde begroting verzoeken wij u uw provisie voor de gewone lasten van de periode {label} (werkkapitaal) te betalen.',
    bodyReserve: 'Overeenkomstig de beslissing van de algemene vergadering verzoeken wij u uw bijdrage tot het reservekapitaal {label} te betalen (art. 3.86 § 3 Burgerlijk Wetboek).',
    lots: 'Uw kavels: {lots} — {shares} / {total} aandelen.',
    amount: 'Te betalen bedrag',
    due: 'Te betalen uiterlijk op',
    account: 'Op rekening',
    beneficiary: 'Begunstigde',
    ogm: 'Gestructureerde mededeling',
    ogmNote: 'Gebruik precies deze mededeling: zo wordt uw betaling automatisch herkend.',
    scan: 'Scan deze code met uw bankapp om te betalen.',
    closing: 'Met vriendelijke groeten,',
    signature: 'De syndicus, {firm}',
    placeDate: '{city}, {date}',
    footer: 'VME {building} — {title} {label}',
  },
} as const;

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface CallLetter {
  owner: { name: string; language: string; address: { street: string; postalCode: string; city: string; country: string } };
  lots: { number: string; shares: number }[];
  amountCents: number;
  ogm: string;
}

export interface CallFacts {
  kind: 'working' | 'reserve';
  label: string;
  callDate: string;
  dueDate: string;
  totalShares: number;
  /** The ACP's account for this fund: the beneficiary of the transfer. */
  account: { iban: string; holder: string };
  firmCity: string | null;
}

/** One PDF with a letter per owner (each on its own page), in each owner's language, with the EPC QR code. */
export async function callLettersPdf(facts: CallFacts, head: LetterHead, letters: readonly CallLetter[], now: Date): Promise<Uint8Array> {
  const { pdf, regular, bold } = await createPdf({ title: `${TEXT.fr.title[facts.kind]} ${facts.label} — ${head.building.name}`, language: 'fr-BE', author: head.firm.name, createdAt: now });
  for (const letter of letters) {
    const lang: LetterLanguage = letter.owner.language === 'nl' ? 'nl' : 'fr';
    const t = TEXT[lang];
    const title = t.title[facts.kind];
    const flow = new Flow(pdf, { regular, bold });
    flow.text(head.firm.name, { size: 10, bold: true });
    if (head.firm.address) flow.text(head.firm.address, { size: 8, color: GREY });
    drawWindowAddress(flow, postalLines(letter.owner.name, letter.owner.address), null, { regular, bold });
    flow.y = A4[1] - mm(105);
    flow.text(fill(t.placeDate, { city: facts.firmCity ?? '', date: dmy(facts.callDate) }).replace(/^, /, ''), { size: 10, after: 8 });
    flow.text(fill(t.subject, { title, label: facts.label, building: head.building.name }), { size: 10.5, bold: true, after: 8 });
    flow.text(t.salutation, { after: 4 });
    flow.text(fill(facts.kind === 'reserve' ? t.bodyReserve : t.bodyWorking, { label: facts.label }), { after: 4 });
    const shares = letter.lots.reduce((s, l) => s + l.shares, 0);
    flow.text(fill(t.lots, { lots: letter.lots.map((l) => l.number).join(', '), shares, total: facts.totalShares }), { size: 9.5, after: 10 });

    const money = formatMoney(letter.amountCents, lang);
    const ogm = makeOgm(letter.ogm.slice(0, 10));
    const boxTop = flow.y;
    // Label and value keep clear of the QR code on the right (30 mm).
    for (const [label, value] of [[t.amount, money], [t.due, dmy(facts.dueDate)], [t.account, formatIban(facts.account.iban)], [t.beneficiary, facts.account.holder], [t.ogm, ogm]] as const) {
      flow.row([{ text: label, width: 0.3 }, { text: value, width: 0.48, bold: true }], { size: 10.5 });
      flow.space(3);
    }
    flow.text(t.ogmNote, { size: 8.5, color: GREY, after: 6 });
    // The EPC QR code beside the payment details.
    const png = await QRCode.toBuffer(epcPayload({ name: facts.account.holder, iban: facts.account.iban, amountCents: letter.amountCents, ogm: letter.ogm }), { errorCorrectionLevel: 'M', margin: 1, width: 300 });
    const image = await pdf.embedPng(png);
    const size = mm(30);
    flow.page.drawImage(image, { x: A4[0] - flow.margin.right - size, y: boxTop - size + 8, width: size, height: size });
    flow.text(t.scan, { size: 8.5, color: GREY, after: 12 });
    flow.text(t.closing, { after: 10 });
    flow.text(fill(t.signature, { firm: head.firm.name }), { bold: true });
    flow.footers(fill(t.footer, { building: head.building.name, title, label: facts.label }), (page, pages) => `${page} / ${pages}`);
  }
  return pdf.save({ useObjectStreams: false });
}
