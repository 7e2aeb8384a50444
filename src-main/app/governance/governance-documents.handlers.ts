import { majorityRule } from '../../../src-shared/governance.js';
import { AssemblySchema, ConvocationDeliverySchema, OwnerSchema, type ConvocationDelivery } from '../../db/entities/index.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DomainRuleError } from '../errors.js';
import { storePdf } from '../finance/documents.js';
import { brusselsDateTime } from '../pdf/text.js';
import { ownerDisplayName } from '../portfolio/mappers.js';
import { smtpConnection } from '../system/smtp-settings.js';
import { recipientOwnerIds, recipients, type Recipient } from './convocation.js';
import { convocationPdf, letterDateOf, type ConvocationFacts } from './convocation-pdf.js';
import { documentLanguage, fill, GOVERNANCE_CATALOGS, slug } from './governance-text.js';
import { smtpMailer } from './mailer.js';
import { assertBeforeOpening, assertEditable, loadMeeting, type Meeting } from './meeting-state.js';
import { minutesFacts } from './minutes.js';
import { minutesPdf } from './minutes-pdf.js';
import { sql } from '../../db/knex.js';
import { verifyPdf, type SignatureReport } from '../../signing/verify.js';
import { shippedTrustStore } from '../../signing/trust-anchors.js';
import { letterHeadFor } from '../pdf/letterhead.js';

const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');

/** The signatures in the stored minutes, verified offline (none when there are no minutes). */
async function minutesSignatures(ctx: HandlerContext, documentId: number | null): Promise<SignatureReport[]> {
  if (!documentId) return [];
  const row = (await sql(ctx.em, 'document').where({ id: documentId }).first('content')) as { content: Uint8Array } | undefined;
  return row ? verifyPdf(Buffer.from(row.content), shippedTrustStore(), ctx.now()) : [];
}

const headOf = (ctx: HandlerContext, m: Meeting) => letterHeadFor(ctx.em, m.building);

async function convocationFacts(ctx: HandlerContext, m: Meeting, firmCity: string | null): Promise<ConvocationFacts> {
  const a = m.assembly;
  const first = a.firstSessionId ? await ctx.em.findOne(AssemblySchema, { id: a.firstSessionId }) : null;
  return {
    kind: a.kind as 'ordinary', session: a.session as 'first', scheduledAt: a.scheduledAt, place: a.place, letterDate: letterDateOf(a.convocationDate ?? null, ctx.now()),
    firstSessionAt: first?.scheduledAt ?? null, totalShares: m.facts.totalShares, documents: a.convocationDocuments ?? [], firmCity,
    items: m.items.map((i) => ({ position: i.position, title: i.title, text: i.text, voted: i.voted, majority: i.majority, article: majorityRule(i.majorityRule)?.article ?? null })),
  };
}

async function meetingRecipients(ctx: HandlerContext, m: Meeting): Promise<Recipient[]> {
  const ids = recipientOwnerIds(m);
  return recipients(m, ids.length ? await ctx.em.find(OwnerSchema, { id: { $in: ids } }) : []);
}

const meetingDay = (m: Meeting) => brusselsDateTime(m.assembly.scheduledAt).iso;
const fileName = (prefix: string, m: Meeting, suffix = '') => `${prefix}-${meetingDay(m)}-${slug(m.building.name)}${suffix}.pdf`;

function recordDelivery(ctx: HandlerContext, assemblyId: number, ownerId: number, fields: Pick<ConvocationDelivery, 'channel' | 'status'> & Partial<Pick<ConvocationDelivery, 'messageId' | 'error' | 'documentId'>>) {
  return ctx.em.create(ConvocationDeliverySchema, {
    assembly: assemblyId, owner: ownerId, channel: fields.channel, status: fields.status, messageId: fields.messageId ?? null, error: fields.error ?? null,
    documentId: fields.documentId ?? null, at: ctx.now(), actor: ctx.actor.label,
  });
}

/** A server's answer, kept in the register; cut to the column. */
const errorText = (e: unknown) => ((e as { response?: string }).response ?? (e as Error)?.message ?? String(e)).slice(0, 500);

export const governanceDocumentHandlers: Handlers<
  'ag.saveConvocationDocuments' | 'ag.convocations' | 'ag.convocationLetter' | 'ag.registeredBatch' | 'ag.sendConvocations' | 'ag.convocationRegister' | 'ag.saveMinutesText' | 'ag.minutes' | 'ag.archive'
> = {
  'ag.saveConvocationDocuments': async ({ assemblyId, documents }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    assertBeforeOpening(m);
    const before = m.assembly.convocationDocuments ?? [];
    m.assembly.convocationDocuments = documents;
    ctx.audit('ag.saveConvocationDocuments', 'assembly', assemblyId, before, documents);
    return { id: assemblyId };
  },

  'ag.convocations': async ({ assemblyId }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    const list = await meetingRecipients(ctx, m);
    const register = await ctx.em.find(ConvocationDeliverySchema, { assembly: assemblyId }, { orderBy: { id: 'asc' } });
    return list.map((r) => {
      const last = register.filter((d) => d.owner.id === r.ownerId).at(-1);
      return {
        ownerId: r.ownerId, name: r.name, language: r.language, email: r.email, channel: r.channel, registeredBecause: r.registeredBecause,
        lots: r.units.flatMap((u) => u.lots), shares: r.units.reduce((s, u) => s + u.shares, 0),
        lastDelivery: last ? { channel: last.channel as 'email', status: last.status as 'sent', at: last.at.toISOString() } : null,
      };
    });
  },

  'ag.convocationLetter': async ({ assemblyId, ownerId }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    const r = (await meetingRecipients(ctx, m)).find((x) => x.ownerId === ownerId);
    if (!r) throw new DomainRuleError('not_convened', 'This owner does not own a lot of the building on the day of the meeting', { path: ['ownerId'] });
    const head = await headOf(ctx, m);
    const language = documentLanguage(r.language).language;
    const bytes = await convocationPdf(await convocationFacts(ctx, m, head.firmCity), head, [r], ctx.now(), language);
    return { fileName: fileName(GOVERNANCE_CATALOGS[language].files.convocation, m, `-${r.ownerId}`), contentBase64: b64(bytes) };
  },

  'ag.registeredBatch': async ({ assemblyId }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    assertBeforeOpening(m);
    const list = (await meetingRecipients(ctx, m)).filter((r) => r.channel === 'registered');
    if (!list.length) throw new DomainRuleError('no_registered_recipient', 'Every owner of this meeting receives the convocation by e-mail');
    const head = await headOf(ctx, m);
    const bytes = await convocationPdf(await convocationFacts(ctx, m, head.firmCity), head, list, ctx.now());
    const name = fileName(GOVERNANCE_CATALOGS.fr.files.registeredBatch, m);
    const doc = await storePdf(ctx.em, name, b64(bytes), ctx.now());
    for (const r of list) recordDelivery(ctx, assemblyId, r.ownerId, { channel: 'registered', status: 'printed', documentId: doc.id });
    ctx.audit('ag.registeredBatch', 'assembly', assemblyId, null, { letters: list.length, documentId: doc.id });
    return { fileName: name, contentBase64: b64(bytes), letters: list.length, ownerIds: list.map((r) => r.ownerId) };
  },

  'ag.sendConvocations': async ({ assemblyId }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    assertBeforeOpening(m);
    const smtp = smtpConnection(ctx.services);
    if (!smtp) throw new DomainRuleError('smtp_not_configured', 'Set up the outgoing mail server first (settings.smtp.save)');
    const list = await meetingRecipients(ctx, m);
    const head = await headOf(ctx, m);
    const facts = await convocationFacts(ctx, m, head.firmCity);
    const when = brusselsDateTime(m.assembly.scheduledAt);
    const deliveries: { ownerId: number; status: 'sent' | 'failed'; messageId: string | null; error: string | null }[] = [];
    // Sending again only retries: an owner whose e-mail already went is not convened twice.
    const alreadySent = new Set((await ctx.em.find(ConvocationDeliverySchema, { assembly: assemblyId, channel: 'email', status: 'sent' })).map((d) => d.owner.id));
    const mailer = smtpMailer(smtp);
    try {
      for (const r of list.filter((x) => x.channel === 'email' && !alreadySent.has(x.ownerId))) {
        const { language, note } = documentLanguage(r.language);
        const t = GOVERNANCE_CATALOGS[language];
        const bytes = await convocationPdf(facts, head, [r], ctx.now(), language);
        const name = fileName(t.files.convocation, m, `-${r.ownerId}`);
        const doc = await storePdf(ctx.em, name, b64(bytes), ctx.now());
        const vars = { kind: t.kind[facts.kind], date: when.date, time: when.time, place: facts.place, building: head.building.name, firm: head.firm.name };
        let messageId: string | null = null;
        let error: string | null = null;
        try {
          messageId = await mailer.send({
            to: r.email ?? '', subject: fill(t.mail.subject, vars), text: `${note ? `${note.mailNote}\n\n` : ''}${fill(t.mail.body, vars)}`,
            attachment: { fileName: name, content: bytes },
          });
        } catch (e) {
          error = errorText(e);
        }
        const status = error === null ? 'sent' : 'failed';
        recordDelivery(ctx, assemblyId, r.ownerId, { channel: 'email', status, messageId, error, documentId: doc.id });
        await ctx.em.flush(); // recorded as it happens: a mail sent cannot be taken back
        deliveries.push({ ownerId: r.ownerId, status, messageId, error });
      }
    } finally {
      mailer.close();
    }
    const sent = deliveries.filter((d) => d.status === 'sent').length;
    ctx.audit('ag.sendConvocations', 'assembly', assemblyId, null, { sent, failed: deliveries.length - sent });
    return { sent, failed: deliveries.length - sent, deliveries, registered: list.filter((r) => r.channel === 'registered').map((r) => ({ ownerId: r.ownerId, name: r.name })) };
  },

  'ag.convocationRegister': async ({ assemblyId }, ctx) => {
    await loadMeeting(ctx, assemblyId);
    const rows = await ctx.em.find(ConvocationDeliverySchema, { assembly: assemblyId }, { orderBy: { id: 'asc' }, populate: ['owner'] });
    return rows.map((d) => ({
      id: d.id, ownerId: d.owner.id, ownerName: ownerDisplayName(d.owner), channel: d.channel as 'email', status: d.status as 'sent',
      messageId: d.messageId ?? null, error: d.error ?? null, documentId: d.documentId ?? null, at: d.at.toISOString(),
    }));
  },

  'ag.saveMinutesText': async ({ assemblyId, text }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    assertEditable(m);
    m.assembly.minutesText = text.trim() ? text : null;
    // The text itself may quote people: the audit keeps its length.
    ctx.audit('ag.saveMinutesText', 'assembly', assemblyId, null, { length: text.length });
    return { id: assemblyId };
  },

  'ag.minutes': async ({ assemblyId, language, freeText, replaceSigned }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    assertEditable(m);
    if (!['closed', 'failed'].includes(m.assembly.status)) throw new DomainRuleError('meeting_not_closed', 'The minutes are drafted once the meeting is closed (or, for a PV of carence, once its quorum failed)');
    if (!replaceSigned && (await minutesSignatures(ctx, m.assembly.minutesDocumentId ?? null)).length > 0) {
      throw new DomainRuleError('minutes_signed', 'These minutes are already signed: drafting them again would lose the signatures (confirm to replace them)', { path: ['replaceSigned'] });
    }
    if (freeText !== undefined) m.assembly.minutesText = freeText.trim() ? freeText : null;
    const head = await headOf(ctx, m);
    const bytes = await minutesPdf(minutesFacts(m), head, language, m.assembly.minutesText ?? null, ctx.now());
    const name = fileName(GOVERNANCE_CATALOGS[language].files.minutes, m);
    const doc = await storePdf(ctx.em, name, b64(bytes), ctx.now());
    const before = m.assembly.minutesDocumentId ?? null;
    m.assembly.minutesDocumentId = doc.id;
    ctx.audit('ag.minutes', 'assembly', assemblyId, { minutesDocumentId: before }, { minutesDocumentId: doc.id, sha256: doc.sha256, language });
    return { documentId: doc.id, sha256: doc.sha256, fileName: name, contentBase64: b64(bytes) };
  },

  'ag.archive': async ({ assemblyId }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    assertEditable(m);
    if (!['closed', 'failed'].includes(m.assembly.status)) throw new DomainRuleError('meeting_not_closed', 'Only a closed meeting (or one whose quorum failed) is archived');
    if (!m.assembly.minutesDocumentId) throw new DomainRuleError('no_minutes', 'Draft and sign the minutes before archiving the meeting');
    // The chair and the secretary sign the minutes (art. 3.87 §10); the archive keeps what they signed.
    const signed = await minutesSignatures(ctx, m.assembly.minutesDocumentId);
    const missing = ['Sig_President', 'Sig_Secretaire'].filter((f) => !signed.some((r) => r.field === f && r.integrity === 'valid' && r.coverage.laterChanges !== 'other'));
    if (missing.length) throw new DomainRuleError('minutes_not_signed', `The minutes lack a valid signature of ${missing.map((f) => (f === 'Sig_President' ? 'the chair' : 'the secretary')).join(' and ')}`, { fields: missing });
    m.assembly.archivedAt = ctx.now();
    ctx.audit('ag.archive', 'assembly', assemblyId, null, { archivedAt: ctx.now().toISOString(), minutesDocumentId: m.assembly.minutesDocumentId });
    return { id: assemblyId, archivedAt: ctx.now().toISOString() };
  },
};

