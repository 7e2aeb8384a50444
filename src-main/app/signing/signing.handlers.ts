import type { SignatureFieldStatus } from '../../../src-shared/contract/signing.js';
import { AssemblySchema, AuditRecordSchema, DocumentSchema } from '../../db/entities/index.js';
import { sql } from '../../db/knex.js';
import { SigningError, WrongPinError } from '../../signing/errors.js';
import { listFields } from '../../signing/fields.js';
import { checkSignable, loadPdf } from '../../signing/pades.js';
import { moduleCandidates, modulePaths, parseSlotId } from '../../signing/pkcs11.js';
import { shippedTrustStore } from '../../signing/trust-anchors.js';
import { verifyPdf } from '../../signing/verify.js';
import type { HandlerContext, Handlers } from '../context.js';
import { ConflictError, DomainRuleError } from '../errors.js';
import { storePdf } from '../finance/documents.js';
import { fill, GOVERNANCE_CATALOGS, type DocumentLanguage } from '../governance/governance-text.js';
import { assertEditable, loadMeeting, type Meeting } from '../governance/meeting-state.js';
import { minutesFacts } from '../governance/minutes.js';
import { savedModulePath } from './signing-settings.js';

/**
 * The signing screen's operations (docs/signing.md): `pv.status` reads the signature
 * fields of the stored minutes and verifies the signed ones offline; `pv.cards` lists the
 * readers' cards with their holders; `pv.sign` signs one field of them with an eID card and
 * stores the signed file as the new minutes document.
 */

interface Signer {
  role: NonNullable<SignatureFieldStatus['role']>;
  name: string;
  mandants: string[];
}

/** Who signs which field, as the minutes print it (art. 3.87 §10): chair, secretary, owners present at the end, mandataries. */
function signersOf(m: Meeting): Map<string, Signer> {
  const facts = minutesFacts(m);
  const out = new Map<string, Signer>([
    ['Sig_President', { role: 'chair', name: facts.chair, mandants: [] }],
    ['Sig_Secretaire', { role: 'secretary', name: facts.secretary, mandants: [] }],
  ]);
  for (const s of facts.signers) out.set(s.field, { role: s.role === 'holder' ? 'holder' : 'owner', name: s.name, mandants: s.mandants });
  return out;
}

interface StoredDocument { id: number; fileName: string; sha256: string; size: number }

async function minutesDocument(ctx: HandlerContext, m: Meeting): Promise<{ doc: StoredDocument; bytes: Buffer } | null> {
  const docId = m.assembly.minutesDocumentId;
  if (!docId) return null;
  const doc = await ctx.em.findOne(DocumentSchema, { id: docId }, { fields: ['id', 'fileName', 'sha256', 'size'] });
  if (!doc) return null;
  const row = (await sql(ctx.em, 'document').where({ id: docId }).first('content')) as { content: Uint8Array } | undefined;
  return { doc: { id: doc.id, fileName: doc.fileName, sha256: doc.sha256, size: doc.size }, bytes: Buffer.from(row?.content ?? new Uint8Array()) };
}

/** The minutes' language, read from the file name ag.minutes gave it. */
const languageOf = (fileName: string): DocumentLanguage => (fileName.startsWith(GOVERNANCE_CATALOGS.nl.files.minutes) ? 'nl' : 'fr');

/** /Reason of the signature: the signer's role, in the minutes' language. */
function reasonOf(signer: Signer | undefined, language: DocumentLanguage): string | undefined {
  if (!signer) return undefined;
  const M = GOVERNANCE_CATALOGS[language].minutes;
  const names = signer.mandants.join(', ');
  switch (signer.role) {
    case 'chair':
      return M.signChair;
    case 'secretary':
      return M.signSecretary;
    case 'holder':
      return fill(M.signHolder, { names });
    default:
      return signer.mandants.length ? fill(M.signOwnerHolder, { names }) : M.signOwner;
  }
}

/**
 * Only a module this computer already knows may be loaded: the eID middleware's usual
 * places, the one named by $KOPROGO_PKCS11_MODULE, or the one an administrator saved in
 * Settings (probed when saved). A path typed in the signing window must never make the app
 * load an arbitrary library. Without one: the saved module, else the variable or the usual places.
 */
function allowedModule(requested: string | undefined, saved: string | null): string | undefined {
  if (requested === undefined || requested === '') return saved ?? undefined;
  const known = new Set([...modulePaths(), ...moduleCandidates(), ...(saved ? [saved] : [])]);
  if (!known.has(requested)) {
    throw new DomainRuleError('module_not_allowed', 'This PKCS#11 module is not one this computer knows: choose it in Settings (Signing), or use the eID middleware', { path: ['module'] });
  }
  return requested;
}

/** The signing module's named errors, as domain rules the screen says in words (errors.signing_<code>). */
function asDomainError(e: unknown): unknown {
  if (!(e instanceof SigningError)) return e;
  const rule = `signing_${e.code.toLowerCase()}`;
  const extra: Record<string, unknown> = {};
  if (e instanceof WrongPinError) extra.triesLeft = e.triesLeft;
  if (e.code === 'FIELD_NOT_FOUND' || e.code === 'FIELD_ALREADY_SIGNED' || e.code === 'NOT_A_SIGNATURE_FIELD') extra.path = ['field'];
  if (e.code === 'WRONG_PIN') extra.path = ['pin'];
  return new DomainRuleError(rule, e.message, extra);
}

export const signingHandlers: Handlers<'pv.status' | 'pv.cards' | 'pv.sign'> = {
  'pv.status': async ({ assemblyId }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    const base = { assemblyId, status: m.assembly.status as 'closed', archived: Boolean(m.assembly.archivedAt) };
    const stored = await minutesDocument(ctx, m);
    if (!stored) return { ...base, document: null, fields: [] };
    const { doc, bytes } = stored;
    const signers = signersOf(m);
    let fields: SignatureFieldStatus[];
    try {
      const pdf = await loadPdf(bytes);
      const reports = new Map((await verifyPdf(bytes, shippedTrustStore(), ctx.now())).map((r) => [r.field, r]));
      fields = listFields(pdf)
        .filter((f) => f.type === 'Sig')
        .map((f) => {
          const who = signers.get(f.name);
          const r = reports.get(f.name);
          return {
            name: f.name, role: who?.role ?? null, label: who?.name ?? null, signed: Boolean(f.signature),
            signer: r ? (r.signer.name ?? r.signer.cn) : null, signingTime: r?.signingTime ?? null,
            integrity: r?.integrity ?? null, chain: r ? r.chain : null, problem: r ? (r.integrityProblem ?? r.chainProblem ?? null) : null,
          };
        });
    } catch (e) {
      throw asDomainError(e);
    }
    return { ...base, document: { id: doc.id, fileName: doc.fileName, sha256: doc.sha256, size: doc.size }, fields };
  },

  // The readers and their cards, for choosing one before signing. The same modules as pv.sign
  // (a path typed in the dialog never loads an unknown library), loaded in the signing process.
  'pv.cards': async ({ module }, ctx) => {
    const modulePath = allowedModule(module, savedModulePath(ctx.services.localSettings));
    try {
      return await ctx.services.signing.cards(modulePath, ctx.now());
    } catch (e) {
      throw asDomainError(e);
    }
  },

  'pv.sign': async ({ assemblyId, field, pin, slot, module, progressToken }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    assertEditable(m);
    if (!['closed', 'failed'].includes(m.assembly.status)) throw new DomainRuleError('meeting_not_closed', 'The minutes are signed once the meeting is closed');
    const stored = await minutesDocument(ctx, m);
    if (!stored) throw new DomainRuleError('no_minutes', 'Draft the minutes first (ag.minutes): there is nothing to sign yet');
    const modulePath = allowedModule(module, savedModulePath(ctx.services.localSettings));
    let slotId: bigint | undefined;
    if (slot) {
      const parsed = parseSlotId(slot);
      if (parsed === null) throw new DomainRuleError('signing_slot_format', 'A slot is written as pkcs11-tool -L prints it (0x2669d1e3) or in decimal', { path: ['slot'] });
      slotId = parsed;
    }
    const signer = signersOf(m).get(field);
    const language = languageOf(stored.doc.fileName);

    // The file and the field first: a refusal must not cost the person a PIN entry. Then the
    // card, in the signing process (ADR 0021), with no transaction open: a real card waits
    // for its PIN on the reader.
    const step = (done: number, label: 'card' | 'pin' | 'saving') => {
      if (progressToken) ctx.services.events.emit('progress', { operation: 'pv.sign', token: progressToken, done, total: 3, label });
    };
    let signed;
    try {
      await checkSignable(stored.bytes, field);
      step(0, 'card');
      signed = await ctx.services.signing.sign(
        { pdf: stored.bytes, field, modulePath, slotId, pin, reason: reasonOf(signer, language), location: m.assembly.place, signingTime: ctx.now() },
        { onWaitingForPin: () => step(1, 'pin') },
      );
    } catch (e) {
      throw asDomainError(e);
    }
    step(2, 'saving');

    // The new version and the link to it, together: the old version stays stored, so a
    // failure leaves the minutes as they were.
    const base64 = signed.pdf.toString('base64');
    const result = await ctx.em.transactional(async (em) => {
      const a = await em.findOneOrFail(AssemblySchema, { id: assemblyId });
      if (a.minutesDocumentId !== stored.doc.id) throw new ConflictError('The minutes changed while the card was signing (drafted again, or signed by someone else): sign again');
      if (a.archivedAt) throw new DomainRuleError('assembly_archived', 'The minutes of this meeting are signed and archived: it can no longer change');
      const doc = await storePdf(em, stored.doc.fileName, base64, ctx.now());
      a.minutesDocumentId = doc.id;
      em.create(AuditRecordSchema, {
        at: ctx.now(), actor: ctx.actor.label, action: 'pv.sign', entity: 'assembly', entityId: assemblyId,
        before: { minutesDocumentId: stored.doc.id, sha256: stored.doc.sha256 },
        // The signer's name is on the document; the audit keeps the field and the versions.
        after: { minutesDocumentId: doc.id, sha256: doc.sha256, field: signed.field },
      });
      await em.flush();
      return { documentId: doc.id, sha256: doc.sha256 };
    });
    ctx.emit('data-changed', { entity: 'minutes', ids: [assemblyId] });
    return { ...result, field: signed.field, signer: signed.signer, signingTime: signed.signingTime.toISOString() };
  },
};
