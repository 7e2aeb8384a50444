import { AssemblySchema } from '../../src-main/db/entities/index.js';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDict, PDFDocument, PDFName, PDFSignature } from 'pdf-lib';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp } from '../../src-main/app/bootstrap.js';
import { memorySettings } from '../../src-main/app/local-settings.js';
import { runCli } from '../support/cli.js';
import { DRIVERS } from '../support/drivers.js';
import { testApp, type TestApp } from '../support/app.js';

const NOW = new Date('2026-03-01T09:00:00Z');
const dir = mkdtempSync(join(tmpdir(), 'koprogo-ag-docs-'));
let seq = 0;

/** The text of a PDF as poppler reads it, whitespace collapsed (lines wrap anywhere). */
function pdfText(base64OrBytes: string | Uint8Array, opts: { pages?: boolean; layout?: boolean } = {}): string {
  const file = join(dir, `doc-${++seq}.pdf`);
  writeFileSync(file, typeof base64OrBytes === 'string' ? Buffer.from(base64OrBytes, 'base64') : base64OrBytes);
  const raw = execFileSync('pdftotext', ['-enc', 'UTF-8', ...(opts.layout ? ['-layout'] : []), file, '-'], { encoding: 'utf8' });
  return opts.pages ? raw : raw.replace(/\s+/g, ' ');
}
const pagesOf = (b64: string) => pdfText(b64, { pages: true }).split('\f').slice(0, -1).map((p) => p.replace(/\s+/g, ' '));

interface Owner { name: string; language: 'fr' | 'nl' | 'en' | 'de'; email: string | null; emailConsent: boolean }
const OWNERS: Owner[] = [
  { name: 'Arnaud', language: 'fr', email: 'arnaud@owners.test', emailConsent: true },
  { name: 'Bosmans', language: 'nl', email: 'bosmans@owners.test', emailConsent: true },
  { name: 'Claes', language: 'fr', email: 'claes@owners.test', emailConsent: false },
  { name: 'Dupont', language: 'fr', email: null, emailConsent: false },
  { name: 'Evrard', language: 'en', email: 'evrard@owners.test', emailConsent: true },
  { name: 'Fontaine', language: 'fr', email: 'fontaine@reject.test', emailConsent: true },
  { name: 'Goossens', language: 'nl', email: null, emailConsent: false },
  { name: 'Hermans', language: 'fr', email: 'hermans@owners.test', emailConsent: true },
];

describe.each(DRIVERS)('general assembly documents on %s', (driver) => {
  let app: TestApp;
  let b: number;
  const id: Record<string, number> = {};
  const key: Record<string, string> = {};
  let minutesAg: number;

  beforeAll(async () => {
    app = await testApp(driver, () => NOW);
    await app.admin('firm.update', { name: 'Syndic Démo SRL', bce: null, address: { street: 'Avenue Louise 1', postalCode: '1050', city: 'Ixelles', country: 'BE' }, ipiNumber: '504.321' });
    b = (await app.admin('buildings.create', { name: 'Résidence Les Tilleuls', address: { street: 'Rue des Tilleuls 12', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 1000, bankAccounts: [] })).id;
    for (const o of OWNERS) {
      id[o.name] = (await app.admin('owners.create', { kind: 'person', name: o.name, firstName: null, bce: null, language: o.language, address: { street: `Rue ${o.name} 3`, postalCode: '1000', city: 'Bruxelles', country: 'BE' }, email: o.email, emailConsent: o.emailConsent, phone: null })).id;
    }
    // Six lots of 125 owned alone; the seventh (250) jointly by Goossens and Hermans.
    for (let i = 0; i < 7; i++) {
      const lot = await app.admin('lots.create', { buildingId: b, data: { number: `A${i + 1}`, kind: 'apartment', floor: i, shares: i < 6 ? 125 : 250 } });
      const owners = i < 6 ? [{ ownerId: id[OWNERS[i]!.name]!, fractionNum: 1, fractionDen: 1 }] : [{ ownerId: id.Goossens!, fractionNum: 1, fractionDen: 2 }, { ownerId: id.Hermans!, fractionNum: 1, fractionDen: 2 }];
      await app.admin('lots.transfer', { lotId: lot.id, date: '2020-01-01', newOwners: owners });
    }
    for (const o of OWNERS.slice(0, 6)) key[o.name] = `o${id[o.name]}`;
    key.joint = `j${id.Goossens}-${id.Hermans}`;
  });
  afterAll(async () => app?.close());

  /** A meeting run like in governance.test.ts: a valid proxy, one refused, a departure, two votes and an information item. */
  async function runMeeting(): Promise<number> {
    const { id: ag } = await app.admin('ag.create', { buildingId: b, kind: 'ordinary', place: 'Salle polyvalente, rue des Tilleuls 12', scheduledAt: '2026-04-20T18:00:00+02:00', convocationDate: '2026-04-01' });
    const i1 = (await app.admin('ag.saveItem', { assemblyId: ag, title: 'Approbation des comptes 2025', text: 'Le commissaire aux comptes présente son rapport.', majorityRule: 'absolute' })).id;
    const i2 = (await app.admin('ag.saveItem', { assemblyId: ag, title: 'Ravalement de la façade', majorityRule: 'works_common' })).id;
    await app.admin('ag.saveItem', { assemblyId: ag, title: 'Communications du syndic', majorityRule: 'absolute', voted: false });
    for (const n of ['Arnaud', 'Bosmans', 'Claes', 'Fontaine']) await app.admin('ag.checkIn', { assemblyId: ag, voterKey: key[n]!, mode: 'present' });
    await app.admin('ag.checkIn', { assemblyId: ag, voterKey: key.Dupont!, mode: 'proxy', holder: key.Arnaud! });
    await app.admin('ag.checkIn', { assemblyId: ag, voterKey: key.Evrard!, mode: 'proxy', holder: { name: 'Syndic Démo SRL', syndic: true } });
    await app.admin('ag.open', { assemblyId: ag, chair: 'M. Arnaud', secretary: 'Syndic Démo SRL' });
    await app.admin('ag.startVote', { itemId: i1 });
    const r1 = await app.admin('ag.vote', { itemId: i1, all: 'for', votes: [{ voterKey: key.Bosmans!, choice: 'against' }, { voterKey: key.Claes!, choice: 'abstain' }] });
    expect(r1.resolution).toMatchObject({ for: 375, against: 125, abstain: 125, outcome: 'adopted' });
    await app.admin('ag.declare', { itemId: i1 });
    await app.admin('ag.depart', { assemblyId: ag, voterKey: key.Fontaine!, untilItem: 2 });
    await app.admin('ag.startVote', { itemId: i2 });
    const r2 = await app.admin('ag.vote', { itemId: i2, all: 'for', votes: [{ voterKey: key.Claes!, choice: 'against' }] });
    expect(r2.resolution).toMatchObject({ for: 375, against: 125, outcome: 'adopted' });
    await app.admin('ag.declare', { itemId: i2 });
    return ag;
  }

  it('the minutes show the quorum, each majority with its article, the votes, who voted against or abstained, the free text, and carry the signature fields', async () => {
    const ag = await runMeeting();
    const early = await app.dispatcher.call('ag.minutes', { assemblyId: ag }, { cli: true });
    expect(early.ok || early.error).toMatchObject({ details: { rule: 'meeting_not_closed' } });
    await app.admin('ag.close', { assemblyId: ag });
    await app.admin('ag.saveMinutesText', { assemblyId: ag, text: 'M. Claes signale une infiltration au 3e étage.\nLe syndic fera passer un couvreur.' });

    const pv = await app.admin('ag.minutes', { assemblyId: ag, language: 'fr' });
    expect(pv.fileName).toBe('pv-ag-2026-04-20-residence-les-tilleuls.pdf');
    const text = pdfText(pv.contentBase64);
    expect(text).toContain("Procès-verbal de l'assemblée générale ordinaire");
    expect(text).toContain('Association des copropriétaires Résidence Les Tilleuls');
    expect(text).toContain('Syndic : Syndic Démo SRL — IPI n° 504.321');
    expect(text).toContain('Date : 20/04/2026 à 18:00');
    expect(text).toContain('Président de séance : M. Arnaud');
    expect(text).toContain('5 copropriétaires sur 7 sont présents ou représentés ; ils possèdent 625 quotes-parts sur 1.000');
    expect(text).toContain("plus de la moitié des copropriétaires sont présents ou représentés et ils possèdent au moins la moitié des quotes-parts");
    // The attendance tables, row by row.
    const table = pdfText(pv.contentBase64, { layout: true });
    expect(table).toMatch(/Fontaine\s+A6\s+125\s+parti\(e\) avant le point 2/);
    expect(table).toMatch(/Dupont\s+A4\s+125\s+Arnaud/);
    expect(table).toMatch(/Evrard\s+125\s+Syndic Démo SRL\s+le syndic ne peut pas être/);
    expect(table).toMatch(/Goossens & Hermans\s+A7\s+250/);
    expect(text).toContain("le syndic ne peut pas être mandataire d'un copropriétaire (art. 3.87 §7)");
    expect(text).toContain('parti(e) avant le point 2');
    expect(text).toContain('Point 1 — Approbation des comptes 2025');
    expect(text).toContain('Majorité requise : majorité absolue des voix des copropriétaires présents ou représentés');
    expect(text).toContain('(art. 3.87 §8)');
    expect(text).toContain('Majorité requise : majorité des deux tiers des voix — Travaux aux parties communes');
    expect(text).toContain('(art. 3.88 §1, 1°)');
    expect(text).toContain('pour 375,00 — contre 125,00 — abstentions 125,00');
    expect(text).toContain('Décision : ADOPTÉE.');
    expect(text).toContain('Ont voté contre (art. 3.87 §10) : Bosmans.');
    expect(text).toContain('Se sont abstenus (art. 3.87 §10) : Claes.');
    expect(text).toContain('Ont voté contre (art. 3.87 §10) : Claes.');
    expect(text).toContain("Point 3 — Communications du syndic Point d'information, sans vote.");
    expect(text).toContain('M. Claes signale une infiltration au 3e étage. Le syndic fera passer un couvreur.');
    expect(text).toContain('art. 3.87 §10 C. civ.');
    expect(text).toContain('Copropriétaire, mandataire de Dupont');

    // AcroForm signature fields for the eID module: the chair, the secretary, each owner still present at the end.
    const doc = await PDFDocument.load(Buffer.from(pv.contentBase64, 'base64'));
    const fields = doc.getForm().getFields();
    expect(fields.every((f) => f instanceof PDFSignature)).toBe(true);
    expect(fields.map((f) => f.getName())).toEqual(['Sig_President', 'Sig_Secretaire', `Sig_${key.Arnaud}`, `Sig_${key.Bosmans}`, `Sig_${key.Claes}`]);
    for (const f of fields) {
      const widget = f.acroField.getWidgets()[0]!;
      expect(widget.getRectangle().width).toBeGreaterThan(100);
      expect(widget.dict.lookup(PDFName.of('AP'))).toBeInstanceOf(PDFDict);
    }
    expect(doc.getTitle()).toContain("Procès-verbal de l'assemblée générale ordinaire");
    expect(doc.catalog.get(PDFName.of('Metadata'))).toBeDefined();
    expect(doc.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(fr-BE)');

    // Stored by SHA-256 and linked to the meeting.
    const stored = await app.admin('documents.get', { id: pv.documentId });
    expect(stored).toMatchObject({ sha256: pv.sha256, mimeType: 'application/pdf', contentBase64: pv.contentBase64 });

    // In Dutch.
    const nl = pdfText((await app.admin('ag.minutes', { assemblyId: ag, language: 'nl' })).contentBase64);
    expect(nl).toContain('Notulen van de gewone algemene vergadering');
    expect(nl).toContain('meer dan de helft van de mede-eigenaars is aanwezig of vertegenwoordigd en zij bezitten ten minste de helft van de aandelen');
    expect(nl).toContain('Vereiste meerderheid: volstrekte meerderheid');
    expect(nl).toContain('voor 375,00 — tegen 125,00 — onthoudingen 125,00');
    expect(nl).toContain('Beslissing: AANGENOMEN.');
    expect(nl).toContain('Hebben tegengestemd (art. 3.87 §10): Bosmans.');
    expect(nl).toContain('Hebben zich onthouden (art. 3.87 §10): Claes.');
    expect(nl).toContain('de syndicus mag niet optreden als lasthebber');
    expect(nl).toContain('Mede-eigenaar, lasthebber van Dupont');
    minutesAg = ag;
  });

  it('a meeting whose quorum failed gets a PV of carence', async () => {
    const { id: ag } = await app.admin('ag.create', { buildingId: b, kind: 'extraordinary', place: 'Salle', scheduledAt: '2026-05-04T18:00:00+02:00', convocationDate: '2026-04-15' });
    await app.admin('ag.saveItem', { assemblyId: ag, title: 'Remplacement de l’ascenseur', majorityRule: 'works_common' });
    await app.admin('ag.checkIn', { assemblyId: ag, voterKey: key.Arnaud!, mode: 'present' });
    expect(await app.admin('ag.open', { assemblyId: ag, chair: 'M. Arnaud', secretary: 'Syndic Démo SRL' })).toMatchObject({ status: 'failed' });
    const text = pdfText((await app.admin('ag.minutes', { assemblyId: ag, language: 'fr' })).contentBase64);
    expect(text).toContain("Procès-verbal de carence de l'assemblée générale extraordinaire");
    expect(text).toContain("Le quorum n'est pas atteint (art. 3.87 §5 C. civ.)");
    expect(text).toContain('Une deuxième assemblée générale sera convoquée');
    expect(text).toContain("Le point n'a pas été délibéré.");
  });

  it('convocations: by e-mail to owners who agreed in writing, by registered mail to the others — each joint owner included', async () => {
    const { id: ag } = await app.admin('ag.create', { buildingId: b, kind: 'ordinary', place: 'Salle polyvalente', scheduledAt: '2026-06-15T18:30:00+02:00', convocationDate: '2026-05-28' });
    await app.admin('ag.saveItem', { assemblyId: ag, title: 'Approbation des comptes', majorityRule: 'absolute' });
    await app.admin('ag.saveItem', { assemblyId: ag, title: 'Ravalement de la façade', text: 'Trois devis ont été demandés.', majorityRule: 'works_common' });
    await app.admin('ag.saveConvocationDocuments', { assemblyId: ag, documents: ['Comptes annuels 2025', 'Devis de ravalement (3)'] });
    const list = await app.admin('ag.convocations', { assemblyId: ag });
    expect(list.map((r) => [r.name, r.channel, r.registeredBecause])).toEqual([
      ['Arnaud', 'email', null], ['Bosmans', 'email', null], ['Claes', 'registered', 'no_consent'], ['Dupont', 'registered', 'no_email'],
      ['Evrard', 'email', null], ['Fontaine', 'email', null], ['Goossens', 'registered', 'no_email'], ['Hermans', 'email', null],
    ]);
    expect(list.find((r) => r.name === 'Hermans')).toMatchObject({ lots: ['A7'], shares: 250 });

    const fr = pdfText((await app.admin('ag.convocationLetter', { assemblyId: ag, ownerId: id.Claes! })).contentBase64);
    expect(fr).toContain('RECOMMANDÉ');
    expect(fr).toContain("Objet : convocation à l'assemblée générale ordinaire de l'association des copropriétaires Résidence Les Tilleuls");
    expect(fr).toContain('qui se tiendra le 15/06/2026 à 18:30 au lieu suivant : Salle polyvalente');
    expect(fr).toContain('Ixelles, le 28/05/2026');
    expect(fr).toContain('1. Approbation des comptes');
    expect(fr).toContain('Majorité requise : majorité des deux tiers des voix (art. 3.88 §1, 1°)');
    expect(fr).toContain('Comptes annuels 2025');
    expect(fr).toContain('PROCURATION');
    expect(fr).toContain('Claes, Rue Claes 3, 1000 Bruxelles');
    expect(fr).toContain("Le syndic ne peut pas être mandataire d'un copropriétaire");
    expect(fr).toContain('Nul ne peut accepter plus de trois procurations, sauf si le total des voix dont il dispose lui-même et de celles de ses mandants n\'excède pas 10 %');
    expect(fr).toContain('art. 3.87 §7');

    const nl = pdfText((await app.admin('ag.convocationLetter', { assemblyId: ag, ownerId: id.Bosmans! })).contentBase64);
    expect(nl).toContain('Betreft: oproeping tot de gewone algemene vergadering');
    expect(nl).toContain('Vereiste meerderheid: meerderheid van twee derde van de stemmen (art. 3.88 §1, 1°)');
    expect(nl).toContain('VOLMACHT');
    expect(nl).toContain('De syndicus mag niet optreden als lasthebber van een mede-eigenaar');
    expect(nl).toContain('Niemand mag meer dan drie volmachten aannemen');
    expect(nl).not.toContain('AANGETEKEND'); // Bosmans is convened by e-mail

    const en = pdfText((await app.admin('ag.convocationLetter', { assemblyId: ag, ownerId: id.Evrard! })).contentBase64);
    expect(en).toContain('This convocation is in French');
    expect(en).toContain('PROCURATION');

    const joint = pdfText((await app.admin('ag.convocationLetter', { assemblyId: ag, ownerId: id.Goossens! })).contentBase64);
    expect(joint).toContain('Goossens & Hermans');
    expect(joint).toContain('AANGETEKEND');

    // One PDF for the post office: a letter per owner convened by registered mail, each starting on a new page.
    const batch = await app.admin('ag.registeredBatch', { assemblyId: ag });
    expect(batch.letters).toBe(3);
    expect(batch.ownerIds.sort()).toEqual([id.Claes, id.Dupont, id.Goossens].sort());
    const pages = pagesOf(batch.contentBase64);
    const firstPages = pages.filter((p) => /^Syndic Démo SRL .*(RECOMMANDÉ|AANGETEKEND)/.test(p));
    expect(firstPages).toHaveLength(3);
    expect(firstPages.map((p) => ['Claes', 'Dupont', 'Goossens'].find((n) => p.includes(`${n} Rue ${n} 3`)))).toEqual(['Claes', 'Dupont', 'Goossens']);
    expect(pages.filter((p) => p.startsWith('PROCURATION') || p.startsWith('VOLMACHT'))).toHaveLength(3);
    const register = await app.admin('ag.convocationRegister', { assemblyId: ag });
    expect(register.map((d) => [d.ownerName, d.channel, d.status])).toEqual([['Claes', 'registered', 'printed'], ['Dupont', 'registered', 'printed'], ['Goossens', 'registered', 'printed']]);
  });

  it('sends the e-mails through the SMTP server with the letter attached; a rejected address is recorded as failed and the others still go', async () => {
    const received: { from: string; to: string[]; raw: string }[] = [];
    const server = new SMTPServer({
      authOptional: true, disabledCommands: ['STARTTLS', 'AUTH'], logger: false,
      onRcptTo(address, _session, cb) {
        if (address.address.endsWith('@reject.test')) cb(Object.assign(new Error('5.1.1 Mailbox unavailable'), { responseCode: 550 }));
        else cb();
      },
      onData(stream, session, cb) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({ from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '', to: session.envelope.rcptTo.map((r) => r.address), raw: Buffer.concat(chunks).toString('latin1') });
          cb();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.server.address() as AddressInfo).port;
    try {
      const remote = await app.dispatcher.call('settings.smtp.save', { host: 'smtp.example.be', port: 25, security: 'none', from: 'syndic@demo.test' }, { cli: true });
      expect(remote.ok || remote.error).toMatchObject({ details: { rule: 'tls_required' } });
      const { id: ag } = await app.admin('ag.create', { buildingId: b, kind: 'ordinary', place: 'Salle polyvalente', scheduledAt: '2026-09-14T18:30:00+02:00', convocationDate: '2026-08-28' });
      await app.admin('ag.saveItem', { assemblyId: ag, title: 'Budget 2027', majorityRule: 'absolute' });
      const unset = await app.dispatcher.call('ag.sendConvocations', { assemblyId: ag }, { cli: true });
      expect(unset.ok || unset.error).toMatchObject({ details: { rule: 'smtp_not_configured' } });
      await app.admin('settings.smtp.save', { host: '127.0.0.1', port, security: 'none', from: 'syndic@demo.test', fromName: 'Syndic Démo SRL' });
      expect(await app.admin('settings.smtp.get', {})).toMatchObject({ configured: true, host: '127.0.0.1', port, security: 'none', from: 'syndic@demo.test', passwordStored: false });

      const out = await app.admin('ag.sendConvocations', { assemblyId: ag });
      expect(out).toMatchObject({ sent: 4, failed: 1 });
      expect(out.registered.map((r) => r.name)).toEqual(['Claes', 'Dupont', 'Goossens']);
      const failed = out.deliveries.find((d) => d.status === 'failed');
      expect(failed).toMatchObject({ ownerId: id.Fontaine, messageId: null });
      expect(failed?.error).toContain('550');

      expect(received.map((m) => m.to[0]).sort()).toEqual(['arnaud@owners.test', 'bosmans@owners.test', 'evrard@owners.test', 'hermans@owners.test']);
      for (const m of received) {
        expect(m.from).toBe('syndic@demo.test');
        const owner = OWNERS.find((o) => o.email === m.to[0])!;
        // The PDF attachment: base64 after its part's headers.
        const part = m.raw.split(/\r\n--/).find((p) => /Content-Type: application\/pdf/i.test(p));
        expect(part).toBeDefined();
        const body = part!.split(/\r\n\r\n/).slice(1).join('').replace(/\s+/g, '');
        const pdf = Buffer.from(body, 'base64');
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        const text = pdfText(pdf);
        expect(text).toContain(`${owner.name} Rue ${owner.name} 3`);
        expect(text).toContain(owner.language === 'nl' ? 'VOLMACHT' : 'PROCURATION');
        expect(m.raw).toMatch(owner.language === 'nl' ? /Subject: (=\?UTF-8\?Q\?)?Oproeping/ : /Subject: (=\?UTF-8\?Q\?)?Convocation/);
      }
      const register = await app.admin('ag.convocationRegister', { assemblyId: ag });
      expect(register.map((d) => [d.ownerName, d.channel, d.status])).toEqual([
        ['Arnaud', 'email', 'sent'], ['Bosmans', 'email', 'sent'], ['Evrard', 'email', 'sent'], ['Fontaine', 'email', 'failed'], ['Hermans', 'email', 'sent'],
      ]);
      expect(register.find((d) => d.status === 'failed')?.error).toContain('Mailbox unavailable');
      expect(register.filter((d) => d.status === 'sent').every((d) => d.messageId && d.documentId)).toBe(true);
      const list = await app.admin('ag.convocations', { assemblyId: ag });
      expect(list.find((r) => r.name === 'Fontaine')?.lastDelivery).toMatchObject({ channel: 'email', status: 'failed' });
      // Sending again retries the failed delivery only.
      const again = await app.admin('ag.sendConvocations', { assemblyId: ag });
      expect(again).toMatchObject({ sent: 0, failed: 1, deliveries: [{ ownerId: id.Fontaine, status: 'failed' }] });
      expect(received).toHaveLength(4);
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });

  it('archiving locks the meeting: no governance operation may change it any more', async () => {
    const { id: ag } = await app.admin('ag.create', { buildingId: b, kind: 'ordinary', place: 'Salle', scheduledAt: '2026-10-05T18:00:00+02:00', convocationDate: '2026-09-15' });
    await app.admin('ag.checkIn', { assemblyId: ag, voterKey: key.Arnaud!, mode: 'present' });
    await app.admin('ag.open', { assemblyId: ag, chair: 'A', secretary: 'B' });
    const noMinutes = await app.dispatcher.call('ag.archive', { assemblyId: ag }, { cli: true });
    expect(noMinutes.ok || noMinutes.error).toMatchObject({ details: { rule: 'no_minutes' } });

    // Unsigned minutes are not archived (signing itself is tested with real tokens in signing-minutes.test.ts).
    const unsigned = await app.dispatcher.call('ag.archive', { assemblyId: minutesAg }, { cli: true });
    expect(unsigned.ok || unsigned.error).toMatchObject({ details: { rule: 'minutes_not_signed', fields: ['Sig_President', 'Sig_Secretaire'] } });
    // Stand in for the chair's and the secretary's signatures to check what archiving locks.
    await app.db.em().nativeUpdate(AssemblySchema, { id: minutesAg }, { archivedAt: NOW });
    expect((await app.admin('ag.get', { id: minutesAg })).archived).toBe(true);
    const ag1 = await app.admin('ag.get', { id: minutesAg });
    const refused = [
      await app.dispatcher.call('ag.checkIn', { assemblyId: minutesAg, voterKey: key.Claes!, mode: 'absent' }, { cli: true }),
      await app.dispatcher.call('ag.depart', { assemblyId: minutesAg, voterKey: key.Claes!, untilItem: 3 }, { cli: true }),
      await app.dispatcher.call('ag.undo', { itemId: ag1.items[0]!.id }, { cli: true }),
      await app.dispatcher.call('ag.saveMinutesText', { assemblyId: minutesAg, text: 'changed' }, { cli: true }),
      await app.dispatcher.call('ag.minutes', { assemblyId: minutesAg, language: 'fr' }, { cli: true }),
      await app.dispatcher.call('ag.archive', { assemblyId: minutesAg }, { cli: true }),
      await app.dispatcher.call('ag.close', { assemblyId: minutesAg }, { cli: true }),
    ];
    for (const r of refused) expect(r.ok || r.error).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'assembly_archived' } });
    expect(await app.admin('ag.get', { id: minutesAg })).toMatchObject({ status: 'closed', archived: true });
  });
});

describe('koprogo ag minutes (the real bin, SQLite)', () => {
  it('writes the minutes PDF of a closed meeting; an unknown meeting exits 2', async () => {
    const db = join(dir, 'cli.sqlite');
    const app = await startApp({ target: { driver: 'sqlite', path: db }, door: 'test', localSettings: memorySettings() });
    let ag: number;
    try {
      const call = async <T>(name: string, input: unknown): Promise<T> => {
        const r = await app.dispatcher.call(name, input, { cli: true });
        if (!r.ok) throw new Error(`${name}: ${r.error.message}`);
        return r.value as T;
      };
      const b = (await call<{ id: number }>('buildings.create', { name: 'Résidence CLI', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 100, bankAccounts: [] })).id;
      const owners: number[] = [];
      for (const [n, name] of ['Peeters', 'Wouters'].entries()) {
        const o = (await call<{ id: number }>('owners.create', { kind: 'person', name, firstName: 'An', bce: null, language: 'nl', address: { street: 'Straat 1', postalCode: '2000', city: 'Antwerpen', country: 'BE' }, email: null, emailConsent: false, phone: null })).id;
        const lot = await call<{ id: number }>('lots.create', { buildingId: b, data: { number: String(n + 1), kind: 'apartment', floor: n, shares: 50 } });
        await call('lots.transfer', { lotId: lot.id, date: '2020-01-01', newOwners: [{ ownerId: o, fractionNum: 1, fractionDen: 1 }] });
        owners.push(o);
      }
      ag = (await call<{ id: number }>('ag.create', { buildingId: b, kind: 'ordinary', place: 'Zaal', scheduledAt: '2026-04-20T18:00:00+02:00', convocationDate: '2026-04-01' })).id;
      const item = (await call<{ id: number }>('ag.saveItem', { assemblyId: ag, title: 'Rekeningen', majorityRule: 'absolute' })).id;
      for (const o of owners) await call('ag.checkIn', { assemblyId: ag, voterKey: `o${o}`, mode: 'present' });
      await call('ag.open', { assemblyId: ag, chair: 'An Peeters', secretary: 'Syndicus' });
      await call('ag.startVote', { itemId: item });
      await call('ag.vote', { itemId: item, all: 'for' });
      await call('ag.declare', { itemId: item });
      await call('ag.close', { assemblyId: ag });
    } finally {
      await app.close();
    }
    const out = join(dir, 'notulen.pdf');
    const r = await runCli(['ag', 'minutes', '--ag', String(ag), '--out', out, '--lang', 'nl', '--db', db]);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    expect(r.stdout).toContain(`Wrote ${out}`);
    const bytes = readFileSync(out);
    expect(bytes.subarray(0, 5).toString()).toBe('%PDF-');
    const text = pdfText(bytes);
    expect(text).toContain('Notulen van de gewone algemene vergadering');
    expect(text).toContain('Beslissing: AANGENOMEN.');
    const missing = await runCli(['ag', 'minutes', '--ag', '999', '--out', out, '--db', db]);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain('Assembly 999 does not exist');
  });
});
