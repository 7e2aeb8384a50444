import { z } from 'zod';
import { command, query } from './define.js';
import { id, nonEmpty } from './fields.js';

/** The documents of a general assembly: convocations (art. 3.87 §3), minutes (art. 3.87 §10), archive. */
export const documentLanguage = z.enum(['fr', 'nl']);
export const convocationChannel = z.enum(['email', 'registered']);
export const deliveryStatus = z.enum(['sent', 'failed', 'printed']);

const pdfFile = z.object({ fileName: z.string(), contentBase64: z.string() });

export const convocationRecipient = z.object({
  ownerId: id, name: z.string(), language: z.string(), email: z.string().nullable(),
  channel: convocationChannel,
  /** Why by registered mail: no e-mail address, or no written consent to e-mail. */
  registeredBecause: z.enum(['no_email', 'no_consent']).nullable(),
  lots: z.array(z.string()), shares: z.number().int(),
  lastDelivery: z.object({ channel: convocationChannel, status: deliveryStatus, at: z.string() }).nullable(),
});

export const convocationDelivery = z.object({
  id, ownerId: id, ownerName: z.string(), channel: convocationChannel, status: deliveryStatus,
  messageId: z.string().nullable(), error: z.string().nullable(), documentId: id.nullable(), at: z.string(),
});

export const governanceDocumentOperations = {
  'ag.saveConvocationDocuments': command({
    summary: 'The documents the convocation lists (accounts, budget, quotes…)',
    permission: 'governance.write',
    input: z.object({ assemblyId: id, documents: z.array(nonEmpty(300)).max(50) }),
    output: z.object({ id }),
  }),
  'ag.convocations': query({
    summary: 'Who is convened and how: by e-mail (address and written consent) or by registered mail',
    permission: 'governance.write',
    input: z.object({ assemblyId: id }),
    output: z.array(convocationRecipient),
  }),
  'ag.convocationLetter': query({
    summary: 'The convocation letter of one owner, with the proxy form, in their language (PDF)',
    permission: 'governance.write',
    input: z.object({ assemblyId: id, ownerId: id }),
    output: pdfFile,
  }),
  'ag.registeredBatch': command({
    summary: 'One PDF with the letters of every owner convened by registered mail, each on new pages, recorded as printed',
    permission: 'governance.write',
    input: z.object({ assemblyId: id }),
    output: pdfFile.extend({ letters: z.number().int(), ownerIds: z.array(id) }),
  }),
  'ag.sendConvocations': command({
    summary: 'E-mail the convocation letters to the owners who agreed to it, through the firm’s SMTP server; every delivery is recorded; sending again retries only those not sent yet',
    permission: 'governance.write',
    // Mails cannot be taken back: each delivery is recorded as it happens, not in one transaction.
    transactional: false,
    input: z.object({ assemblyId: id }),
    output: z.object({
      sent: z.number().int(), failed: z.number().int(),
      deliveries: z.array(z.object({ ownerId: id, status: deliveryStatus, messageId: z.string().nullable(), error: z.string().nullable() })),
      /** Owners to convene by registered mail (ag.registeredBatch). */
      registered: z.array(z.object({ ownerId: id, name: z.string() })),
    }),
  }),
  'ag.convocationRegister': query({
    summary: 'The convocation register of a meeting: each letter e-mailed or printed, with its status',
    permission: 'governance.write',
    input: z.object({ assemblyId: id }),
    output: z.array(convocationDelivery),
  }),
  'ag.saveMinutesText': command({
    summary: 'The free text of the minutes (statements, remarks recorded at the meeting)',
    permission: 'governance.write',
    input: z.object({ assemblyId: id, text: z.string().max(50_000) }),
    output: z.object({ id }),
  }),
  'ag.minutes': command({
    summary: 'Draft the minutes (PV / notulen) of a closed meeting, or the PV of a failed one, as a PDF with signature fields; stored as a document',
    permission: 'governance.write',
    input: z.object({
      assemblyId: id, language: documentLanguage.default('fr'), freeText: z.string().max(50_000).optional(),
      /** Signed minutes are only redrafted on purpose: their signatures are lost. */
      replaceSigned: z.boolean().default(false),
    }),
    output: z.object({ documentId: id, sha256: z.string(), fileName: z.string(), contentBase64: z.string() }),
  }),
  'ag.archive': command({
    summary: 'Archive the meeting once its minutes are signed: from then on it can no longer change',
    permission: 'governance.write',
    input: z.object({ assemblyId: id }),
    output: z.object({ id, archivedAt: z.string() }),
  }),
};
