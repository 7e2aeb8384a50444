import QRCode from 'qrcode';
import { epcPayload } from '../../../src-shared/values/epc-qr.js';
import { formatIban } from '../../../src-shared/values/iban.js';
import { formatMoney } from '../../../src-shared/values/money.js';
import { makeOgm } from '../../../src-shared/values/ogm.js';
import { A4, createPdf, mm } from '../pdf/document.js';
import { Flow, GREY } from '../pdf/flow.js';
import { drawWindowAddress, postalLines, type LetterHead } from '../pdf/letterhead.js';

type LetterLanguage = 'fr' | 'nl';

/** The four levels' words; the fourth tells the owner the file goes to the ACP's lawyer. */
const TEXT = {
  fr: {
    title: ['Rappel de paiement', 'Mise en demeure', 'Dernier rappel avant procédure', 'Transmission du dossier à notre avocat'],
    subject: '{title} — ACP {building}',
    salutation: 'Madame, Monsieur,',
    body: [
      'Sauf erreur de notre part, les montants ci-dessous, appelés pour l’association des copropriétaires, restent impayés à ce jour. Sans doute s’agit-il d’un oubli : nous vous remercions de les régler dans les meilleurs délais.',
      'Malgré notre rappel, les montants ci-dessous restent impayés. Nous vous mettons en demeure de les payer dans les quinze jours de la présente.',
      'Malgré nos rappels et notre mise en demeure, les montants ci-dessous restent impayés. À défaut de paiement dans les huit jours, le dossier sera transmis à l’avocat de l’association des copropriétaires, sans autre avis.',
      'Les montants ci-dessous restant impayés malgré nos rappels, nous transmettons ce jour le dossier à l’avocat de l’association des copropriétaires, qui en poursuivra le recouvrement par toutes voies de droit. Les frais de cette procédure pourront être mis à votre charge.',
    ],
    call: 'Appel', due: 'Échéance', ogm: 'Communication', open: 'Reste dû',
    fee: 'Frais de rappel', interest: 'Intérêts de retard ({rate} % l’an)', total: 'Total à payer',
    account: 'Sur le compte', beneficiary: 'Bénéficiaire', payWith: 'Communication structurée',
    scan: 'Scannez ce code avec votre application bancaire pour payer.',
    already: 'Si vous avez payé entre-temps, nous vous prions de ne pas tenir compte de ce courrier.',
    closing: 'Nous vous prions d’agréer, Madame, Monsieur, nos salutations distinguées.',
    signature: 'Le syndic, {firm}',
    placeDate: '{city}, le {date}',
    footer: 'ACP {building} — {title}',
  },
  nl: {
    title: ['Betalingsherinnering', 'Ingebrekestelling', 'Laatste aanmaning vóór gerechtelijke stappen', 'Overdracht van het dossier aan onze advocaat'],
    subject: '{title} — VME {building}',
    salutation: 'Geachte mevrouw, geachte heer,',
    body: [
      'Behoudens vergissing onzerzijds zijn de onderstaande bedragen, opgevraagd voor de vereniging van mede-eigenaars, tot op heden niet betaald. Wellicht gaat het om een vergetelheid: gelieve ze zo spoedig mogelijk te betalen.',
      'Ondanks onze herinnering blijven de onderstaande bedragen onbetaald. Wij stellen u in gebreke ze binnen vijftien dagen na deze brief te betalen.',
      'Ondanks onze herinneringen en ingebrekestelling blijven de onderstaande bedragen onbetaald. Zonder betaling binnen acht dagen wordt het dossier zonder verder bericht aan de advocaat van de vereniging van mede-eigenaars overgedragen.',
      'Aangezien de onderstaande bedragen ondanks onze herinneringen onbetaald blijven, dragen wij het dossier vandaag over aan de advocaat van de vereniging van mede-eigenaars, die de invordering langs gerechtelijke weg zal voortzetten. De kosten van die procedure kunnen u worden aangerekend.',
    ],
    call: 'Opvraging', due: 'Vervaldag', ogm: 'Mededeling', open: 'Nog verschuldigd',
    fee: 'Aanmaningskosten', interest: 'Verwijlintresten ({rate} % per jaar)', total: 'Totaal te betalen',
    account: 'Op rekening', beneficiary: 'Begunstigde', payWith: 'Gestructureerde mededeling',
    scan: 'Scan deze code met uw bankapp om te betalen.',
    already: 'Indien u intussen betaald hebt, mag u deze brief als onbestaande beschouwen.',
    closing: 'Met vriendelijke groeten,',
    signature: 'De syndicus, {firm}',
    placeDate: '{city}, {date}',
    footer: 'VME {building} — {title}',
  },
} as const;

const fill = (s: string, v: Record<string, string | number>) => s.replace(/\{(\w+)\}/g, (_, k: string) => String(v[k] ?? ''));
const dmy = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

export interface ReminderLetter {
  owner: { name: string; language: string; address: { street: string; postalCode: string; city: string; country: string } };
  lines: { label: string; dueDate: string; ogm: string; openCents: number }[];
  feeCents: number;
  interestCents: number;
  /** The account to pay to and the OGM to quote (the oldest call's) */
  account: { iban: string; holder: string };
  ogm: string;
}

export interface ReminderFacts { level: number; date: string; interestRateBp: number; firmCity: string | null }

/** One PDF, a letter per owner in the owner's language (FR, else NL for Dutch speakers), with the EPC QR code of the total. */
export async function reminderLettersPdf(facts: ReminderFacts, head: LetterHead, letters: readonly ReminderLetter[], now: Date): Promise<Uint8Array> {
  const i = facts.level - 1;
  const { pdf, regular, bold } = await createPdf({ title: `${TEXT.fr.title[i]} — ${head.building.name}`, language: 'fr-BE', author: head.firm.name, createdAt: now });
  for (const letter of letters) {
    const lang: LetterLanguage = letter.owner.language === 'nl' ? 'nl' : 'fr';
    const t = TEXT[lang];
    const title = t.title[i] ?? t.title[0];
    const flow = new Flow(pdf, { regular, bold });
    flow.text(head.firm.name, { size: 10, bold: true });
    if (head.firm.address) flow.text(head.firm.address, { size: 8, color: GREY });
    drawWindowAddress(flow, postalLines(letter.owner.name, letter.owner.address), facts.level >= 2 ? (lang === 'nl' ? 'AANGETEKEND' : 'RECOMMANDÉ') : null, { regular, bold });
    flow.y = A4[1] - mm(105);
    flow.text(fill(t.placeDate, { city: facts.firmCity ?? '', date: dmy(facts.date) }).replace(/^, /, ''), { size: 10, after: 8 });
    flow.text(fill(t.subject, { title, building: head.building.name }), { size: 10.5, bold: true, after: 8 });
    flow.text(t.salutation, { after: 4 });
    flow.text(t.body[i] ?? t.body[0], { after: 8 });

    flow.row([{ text: t.call, width: 0.34 }, { text: t.due, width: 0.16 }, { text: t.ogm, width: 0.3 }, { text: t.open, width: 0.2, align: 'right' }], { size: 9, bold: true });
    flow.rule();
    flow.space(2);
    for (const l of letter.lines) {
      flow.row([{ text: l.label, width: 0.34 }, { text: dmy(l.dueDate), width: 0.16 }, { text: makeOgm(l.ogm.slice(0, 10)), width: 0.3 }, { text: formatMoney(l.openCents, lang), width: 0.2, align: 'right' }], { size: 9 });
    }
    if (letter.feeCents > 0) flow.row([{ text: t.fee, width: 0.8 }, { text: formatMoney(letter.feeCents, lang), width: 0.2, align: 'right' }], { size: 9 });
    if (letter.interestCents > 0) flow.row([{ text: fill(t.interest, { rate: (facts.interestRateBp / 100).toFixed(2).replace('.', ',') }), width: 0.8 }, { text: formatMoney(letter.interestCents, lang), width: 0.2, align: 'right' }], { size: 9 });
    flow.space(2);
    flow.rule();
    flow.space(2);
    const total = letter.lines.reduce((s, l) => s + l.openCents, 0) + letter.feeCents + letter.interestCents;
    flow.row([{ text: t.total, width: 0.8, bold: true }, { text: formatMoney(total, lang), width: 0.2, align: 'right', bold: true }], { size: 10 });
    flow.space(10);

    const boxTop = flow.y;
    for (const [label, value] of [[t.account, formatIban(letter.account.iban)], [t.beneficiary, letter.account.holder], [t.payWith, makeOgm(letter.ogm.slice(0, 10))]] as const) {
      flow.row([{ text: label, width: 0.3 }, { text: value, width: 0.48, bold: true }], { size: 10 });
      flow.space(3);
    }
    const png = await QRCode.toBuffer(epcPayload({ name: letter.account.holder, iban: letter.account.iban, amountCents: total, ogm: letter.ogm }), { errorCorrectionLevel: 'M', margin: 1, width: 300 });
    const image = await pdf.embedPng(png);
    const size = mm(30);
    flow.page.drawImage(image, { x: A4[0] - flow.margin.right - size, y: boxTop - size + 8, width: size, height: size });
    flow.space(12);
    flow.text(t.scan, { size: 8.5, color: GREY, after: 6 });
    flow.text(t.already, { size: 9, after: 10 });
    flow.text(t.closing, { after: 10 });
    flow.text(fill(t.signature, { firm: head.firm.name }), { bold: true });
    flow.footers(fill(t.footer, { building: head.building.name, title }), (page, pages) => `${page} / ${pages}`);
  }
  return pdf.save({ useObjectStreams: false });
}
