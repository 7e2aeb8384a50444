import type { EntityManager } from '@mikro-orm/knex';
import { BankAccountSchema, LedgerAccountSchema, OwnerSchema, ReminderPolicySchema, ReminderSchema } from '../../db/entities/index.js';
import { sql } from '../../db/knex.js';
import type { EntryLine } from '../../domain/ledger.js';
import { DEFAULT_REMINDER_POLICY, reminderDue, type ReminderDue, type ReminderPolicy } from '../../domain/reminders.js';
import type { HandlerContext, Handlers } from '../context.js';
import { ensureOwnerAccounts } from '../finance/bookkeeping-setup.js';
import { storePdf } from '../finance/documents.js';
import { postEntry } from '../finance/posting.js';
import { letterHeadFor } from '../pdf/letterhead.js';
import { ownerDisplayName } from '../portfolio/mappers.js';
import { buildingInScope } from '../scope.js';
import { callLines, isoDay, type CallLineView } from './books.js';
import { reminderLettersPdf } from './reminder-letters.js';
import { compareText } from '../../../src-shared/text.js';

/**
 * Income accounts of reminder fees and late interest, created in a building on first use:
 * the decree's chart stops at 74 "Autres produits d'exploitation" and 75 "Produits
 * financiers" (docs/banking.md, ADR 0016). A fee recovers the ACP's costs of the reminder:
 * operating income (740); interest on late payment is financial income (750).
 */
export const FEE_ACCOUNT = { code: '740', parent: '74', labelFr: 'Frais de rappel récupérés', labelNl: 'Teruggevorderde aanmaningskosten' } as const;
export const INTEREST_ACCOUNT = { code: '750', parent: '75', labelFr: 'Intérêts de retard', labelNl: 'Verwijlintresten' } as const;

async function ensureIncomeAccount(em: EntityManager, buildingId: number, a: typeof FEE_ACCOUNT | typeof INTEREST_ACCOUNT) {
  if (await em.count(LedgerAccountSchema, { building: buildingId, code: a.code })) return;
  em.create(LedgerAccountSchema, { building: buildingId, code: a.code, labelFr: a.labelFr, labelNl: a.labelNl, type: 'income', parentCode: a.parent, fromChart: false, owner: null, supplierId: null, bankAccount: null });
  await em.flush();
}

export async function reminderPolicyOf(em: EntityManager, buildingId: number): Promise<ReminderPolicy> {
  const row = await em.findOne(ReminderPolicySchema, { building: buildingId });
  return row ? { levels: row.levels, interestApplies: row.interestApplies, interestRateBp: row.interestRateBp } : DEFAULT_REMINDER_POLICY;
}

interface OwnerStanding { ownerId: number; lines: CallLineView[]; due: ReminderDue; lastDate: string | null }

/** Each owner's standing on `today`, recomputed from the open lines, the ledger and the reminders sent. */
async function standings(em: EntityManager, buildingId: number, today: string, ownerIds?: number[]): Promise<OwnerStanding[]> {
  const policy = await reminderPolicyOf(em, buildingId);
  const lines = await callLines(em, buildingId, { onlyOpen: true, ...(ownerIds ? { ownerIds } : {}) });
  const owners = [...new Set(lines.map((l) => l.ownerId))];
  if (owners.length === 0) return [];
  const owed = (await sql(em, 'journal_line as l').join('ledger_account as a', 'a.id', 'l.account_id')
    .where('a.building_id', buildingId).whereIn('a.owner_id', owners).where('l.date', '<=', today)
    .groupBy('a.owner_id').select('a.owner_id as ownerId').sum({ d: 'l.debit_cents' }).sum({ c: 'l.credit_cents' })) as { ownerId: number; d: string | number; c: string | number }[];
  const owedBy = new Map(owed.map((r) => [Number(r.ownerId), Number(r.d) - Number(r.c)]));
  const sent = await em.find(ReminderSchema, { building: buildingId, owner: { $in: owners } }, { orderBy: { id: 'asc' } });
  const out: OwnerStanding[] = [];
  for (const ownerId of owners) {
    const mine = lines.filter((l) => l.ownerId === ownerId);
    const open = new Set(mine.filter((l) => l.dueDate < today).map((l) => l.id));
    // Escalation follows the calls still open: a reminder about calls paid since does not count.
    const relevant = sent.filter((r) => r.owner.id === ownerId && r.lines.some((x) => open.has(x.callLineId)));
    const last = relevant.reduce<(typeof relevant)[number] | null>((best, r) => (!best || r.level > best.level || (r.level === best.level && r.id > best.id) ? r : best), null);
    const lastDate = last ? isoDay(last.date) : null;
    const due = reminderDue(policy, today, { lines: mine.map((l) => ({ id: l.id, dueDate: l.dueDate, openCents: l.openCents })), ledgerOwedCents: owedBy.get(ownerId) ?? 0, lastLevel: last?.level ?? 0, lastDate });
    if (due) out.push({ ownerId, lines: mine, due, lastDate });
  }
  return out;
}

/** The overdue lines as the letter shows them: the principal due spread over them, oldest first. */
function shownLines(s: OwnerStanding) {
  let left = s.due.openCents;
  const out = [];
  for (const o of s.due.overdue) {
    const l = s.lines.find((x) => x.id === o.id) as CallLineView;
    const openCents = Math.min(o.openCents, left);
    left -= openCents;
    if (openCents > 0) out.push({ callLineId: l.id, callId: l.callId, label: l.label, dueDate: l.dueDate, ogm: l.ogm, amountCents: l.amountCents, openCents, kind: l.kind });
  }
  return out;
}

const today = (ctx: HandlerContext, date?: string) => date ?? ctx.now().toISOString().slice(0, 10);

export const reminderHandlers: Handlers<'reminders.policy' | 'reminders.setPolicy' | 'reminders.due' | 'reminders.issue' | 'reminders.list'> = {
  'reminders.policy': async ({ buildingId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    return reminderPolicyOf(ctx.em, buildingId);
  },

  'reminders.setPolicy': async ({ buildingId, policy }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const before = await reminderPolicyOf(ctx.em, buildingId);
    const row = await ctx.em.findOne(ReminderPolicySchema, { building: buildingId });
    if (row) Object.assign(row, { ...policy, updatedAt: ctx.now() });
    else ctx.em.create(ReminderPolicySchema, { building: buildingId, ...policy, updatedAt: ctx.now() });
    ctx.audit('reminders.setPolicy', 'building', buildingId, before, policy);
    return policy;
  },

  'reminders.due': async ({ buildingId, date }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const list = await standings(ctx.em, buildingId, today(ctx, date));
    const owners = list.length ? await ctx.em.find(OwnerSchema, { id: { $in: list.map((s) => s.ownerId) } }) : [];
    return list
      .map((s) => {
        const o = owners.find((x) => x.id === s.ownerId);
        return {
          ownerId: s.ownerId, name: o ? ownerDisplayName(o) : `#${s.ownerId}`, language: o?.language ?? 'fr', currentLevel: s.due.currentLevel, lastReminderDate: s.lastDate, nextLevel: s.due.nextLevel,
          daysLate: s.due.daysLate, openCents: s.due.openCents, feeCents: s.due.feeCents, interestCents: s.due.interestCents,
          lines: shownLines(s).map(({ kind: _kind, ...l }) => l),
        };
      })
      .sort((a, b) => b.daysLate - a.daysLate || compareText(a.name, b.name));
  },

  'reminders.issue': async ({ buildingId, level, ownerIds, date }, ctx) => {
    const building = await buildingInScope(ctx, buildingId);
    const day = today(ctx, date);
    const policy = await reminderPolicyOf(ctx.em, buildingId);
    const list = await standings(ctx.em, buildingId, day, ownerIds);
    const skipped: { ownerId: number; reason: string }[] = [];
    const chosen: OwnerStanding[] = [];
    for (const ownerId of [...new Set(ownerIds)]) {
      const s = list.find((x) => x.ownerId === ownerId);
      if (!s) skipped.push({ ownerId, reason: 'nothing overdue: paid since, or not yet late enough' });
      else if (s.due.nextLevel !== level) skipped.push({ ownerId, reason: s.due.nextLevel === null ? `level ${s.due.currentLevel} was sent; the next is not due yet` : `level ${s.due.nextLevel} is the one due` });
      else chosen.push(s);
    }
    if (chosen.length === 0) return { reminders: [], skipped, letters: null };

    const banks = await ctx.em.find(BankAccountSchema, { building: buildingId }, { orderBy: { id: 'asc' } });
    const head = await letterHeadFor(ctx.em, building);
    const owners = await ctx.em.find(OwnerSchema, { id: { $in: chosen.map((s) => s.ownerId) } });
    const rows = [];
    const letters = [];
    for (const s of chosen) {
      const owner = owners.find((o) => o.id === s.ownerId) as (typeof owners)[number];
      const lines = shownLines(s);
      const first = lines[0] as (typeof lines)[number];
      const bank = banks.find((b) => b.purpose === first.kind) ?? banks.find((b) => b.purpose === 'working') ?? banks[0];
      if (!bank) throw new Error('no bank account');
      const charged = s.due.feeCents + s.due.interestCents;
      let entryId: number | null = null;
      if (charged > 0) {
        const { working } = await ensureOwnerAccounts(ctx.em, buildingId, s.ownerId);
        const entry: EntryLine[] = [{ accountCode: working, debitCents: charged, creditCents: 0, label: `Rappel niveau ${level}` }];
        if (s.due.feeCents > 0) {
          await ensureIncomeAccount(ctx.em, buildingId, FEE_ACCOUNT);
          entry.push({ accountCode: FEE_ACCOUNT.code, debitCents: 0, creditCents: s.due.feeCents, label: ownerDisplayName(owner) });
        }
        if (s.due.interestCents > 0) {
          await ensureIncomeAccount(ctx.em, buildingId, INTEREST_ACCOUNT);
          entry.push({ accountCode: INTEREST_ACCOUNT.code, debitCents: 0, creditCents: s.due.interestCents, label: ownerDisplayName(owner) });
        }
        entryId = (await postEntry(ctx.em, { buildingId, journalCode: 'OD', date: day, description: `Frais de rappel niveau ${level} — ${ownerDisplayName(owner)}`.slice(0, 300), lines: entry, sourceType: 'reminder', sourceId: s.ownerId }, ctx.actor.label, ctx.now())).id;
      }
      const row = ctx.em.create(ReminderSchema, {
        building: buildingId, owner: s.ownerId, level, date: day, lines: lines.map((l) => ({ callLineId: l.callLineId, ogm: l.ogm, openCents: l.openCents })),
        dueCents: s.due.openCents, feeCents: s.due.feeCents, interestCents: s.due.interestCents, entryId, documentId: null, createdAt: ctx.now(), createdBy: ctx.actor.label,
      });
      rows.push(row);
      letters.push({
        owner: { name: ownerDisplayName(owner), language: owner.language, address: { street: owner.street, postalCode: owner.postalCode, city: owner.city, country: owner.country } },
        lines, feeCents: s.due.feeCents, interestCents: s.due.interestCents, account: { iban: bank.iban, holder: `ACP ${building.name}` }, ogm: first.ogm,
      });
    }
    const pdf = await reminderLettersPdf({ level, date: day, interestRateBp: policy.interestRateBp, firmCity: head.firmCity }, head, letters, ctx.now());
    const contentBase64 = Buffer.from(pdf).toString('base64');
    const slug = building.name.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
    const fileName = `rappel-${level}-${day}-${slug}.pdf`;
    const doc = await storePdf(ctx.em, fileName, contentBase64, ctx.now());
    for (const r of rows) r.documentId = doc.id;
    await ctx.em.flush();
    for (const r of rows) ctx.audit('reminders.issue', 'reminder', r.id, null, { ownerId: r.owner.id, level, dueCents: r.dueCents, feeCents: r.feeCents, interestCents: r.interestCents });
    ctx.emit('data-changed', { entity: 'ledger', ids: [buildingId] });
    return {
      reminders: rows.map((r) => ({ id: r.id, ownerId: r.owner.id, level: r.level, dueCents: r.dueCents, feeCents: r.feeCents, interestCents: r.interestCents, entryId: r.entryId ?? null })),
      skipped,
      letters: { fileName, mimeType: 'application/pdf' as const, contentBase64 },
    };
  },

  'reminders.list': async ({ buildingId, ownerId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const rows = await ctx.em.find(ReminderSchema, { building: buildingId, ...(ownerId !== undefined ? { owner: ownerId } : {}) }, { populate: ['owner'], orderBy: { date: 'desc', id: 'desc' } });
    return rows.map((r) => ({
      id: r.id, ownerId: r.owner.id, ownerName: ownerDisplayName(r.owner), level: r.level, date: isoDay(r.date), dueCents: r.dueCents, feeCents: r.feeCents, interestCents: r.interestCents,
      entryId: r.entryId ?? null, documentId: r.documentId ?? null, ogms: r.lines.map((l) => l.ogm),
    }));
  },
};
