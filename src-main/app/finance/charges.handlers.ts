import type { EntityManager } from '@mikro-orm/knex';
import {
  BankAccountSchema, BuildingSchema, ChargeStatementLineSchema, ChargeStatementSchema, DistributionKeySchema, DistributionKeyWeightSchema, FundCallLineSchema, FundCallSchema,
  InvoiceSchema, LotSchema, SupplierSchema,
} from '../../db/entities/index.js';
import { sql } from '../../db/knex.js';
import { allocate, reserveFloorCents, type LotOwnerShare } from '../../domain/allocation.js';
import { checkShares } from '../../domain/quota-shares.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DomainRuleError, NotFoundError } from '../errors.js';
import { ownerDisplayName } from '../portfolio/mappers.js';
import { assertBuildingVisible, buildingInScope } from '../scope.js';
import { ensureOwnerAccounts } from './bookkeeping-setup.js';
import { postEntry } from './posting.js';
import type { EntryLine } from '../../domain/ledger.js';
import { letterHeadFor } from '../pdf/letterhead.js';
import { callLettersPdf } from './call-letters.js';
import { compareText } from '../../../src-shared/text.js';

export const GENERAL_KEY_NAME = 'Quotités / Aandelen';

interface KeyWeights { name: string; weights: Record<string, number>; lots: { lotId: number; number: string; weight: number }[] }
interface LotShares { id: number; number: string; shares: number }

/** The general key: the lots' quote-parts, refused when they do not add up to the building's total. */
function generalKey(totalShares: number, lots: readonly LotShares[]): KeyWeights {
  const check = checkShares(totalShares, lots.map((l) => ({ lotId: l.id, number: l.number, shares: l.shares })));
  if (!check.balanced) {
    throw new DomainRuleError('shares_unbalanced', `The lots' quote-parts (${check.sum}) do not add up to the building's total (${check.total}): correct them before distributing`, { sharesCheck: check });
  }
  return { name: GENERAL_KEY_NAME, weights: Object.fromEntries(lots.map((l) => [String(l.id), l.shares])), lots: lots.map((l) => ({ lotId: l.id, number: l.number, weight: l.shares })) };
}

/** The weights of a key: the lots' quote-parts (general key) or a special key's own weights. */
export async function keyWeights(em: EntityManager, buildingId: number, keyId: number | null): Promise<KeyWeights> {
  if (keyId === null) {
    const lots = ((await sql(em, 'lot').where({ building_id: buildingId }).orderBy('id').select('id', 'number', 'shares')) as { id: number; number: string; shares: number }[])
      .map((l) => ({ id: Number(l.id), number: l.number, shares: Number(l.shares) }));
    return generalKey((await em.findOneOrFail(BuildingSchema, { id: buildingId })).totalShares, lots);
  }
  const key = await em.findOne(DistributionKeySchema, { id: keyId, building: buildingId });
  if (!key) throw new DomainRuleError('unknown_key', 'This distribution key does not exist in this building', { path: ['keyId'] });
  const rows = ((await sql(em, 'distribution_key_weight as w').join('lot as l', 'l.id', 'w.lot_id').where('w.key_id', keyId).orderBy('l.id')
    .select('l.id', 'l.number', 'w.weight')) as { id: number; number: string; weight: number }[]).map((r) => ({ lotId: Number(r.id), number: r.number, weight: Number(r.weight) }));
  return { name: key.name, weights: Object.fromEntries(rows.map((r) => [String(r.lotId), r.weight])), lots: rows };
}

const addShare = (owners: Map<string, LotOwnerShare[]>, lotId: unknown, s: { ownerId: unknown; num: unknown; den: unknown }) =>
  owners.set(String(lotId), [...(owners.get(String(lotId)) ?? []), { ownerId: Number(s.ownerId), fractionNum: Number(s.num), fractionDen: Number(s.den) }]);

/** Who owns each lot of the building on `date`, with their fractions. */
export async function ownersOn(em: EntityManager, buildingId: number, date: string): Promise<Map<string, LotOwnerShare[]>> {
  const ships = (await sql(em, 'ownership as o').join('lot as l', 'l.id', 'o.lot_id').where('l.building_id', buildingId).where('o.valid_from', '<=', date)
    .where((w) => w.whereNull('o.valid_to').orWhere('o.valid_to', '>=', date)).orderBy('o.id')
    .select('o.lot_id as lotId', 'o.owner_id as ownerId', 'o.fraction_num as num', 'o.fraction_den as den')) as { lotId: number; ownerId: number; num: number; den: number }[];
  const out = new Map<string, LotOwnerShare[]>();
  for (const s of ships) addShare(out, s.lotId, s);
  return out;
}

interface OwnerName { name: string; language: string }

/**
 * What a call is computed from, in one statement — building ⟕ lots ⟕ ownerships of the day
 * ⟕ owners: the building's total shares, its lots, who owns each on `date` with their
 * fractions, and their names. Null when there is no such building.
 */
async function callBasisOn(em: EntityManager, buildingId: number, date: string) {
  const rows = (await sql(em, 'building as b')
    .leftJoin('lot as l', 'l.building_id', 'b.id')
    .leftJoin('ownership as o', (j) => j.on('o.lot_id', 'l.id').andOnVal('o.valid_from', '<=', date).andOn((v) => v.onNull('o.valid_to').orOnVal('o.valid_to', '>=', date)))
    .leftJoin('owner as w', 'w.id', 'o.owner_id')
    .where('b.id', buildingId).orderBy([{ column: 'l.id' }, { column: 'o.id' }])
    .select('b.total_shares as totalShares', 'l.id as lotId', 'l.number', 'l.shares', 'o.owner_id as ownerId', 'o.fraction_num as num', 'o.fraction_den as den',
      'w.kind', 'w.name', 'w.first_name as firstName', 'w.language')) as {
    totalShares: number; lotId: number | null; number: string; shares: number; ownerId: number | null; num: number; den: number; kind: string; name: string; firstName: string | null; language: string;
  }[];
  const first = rows[0];
  if (!first) return null;
  const lots: LotShares[] = [];
  const owners = new Map<string, LotOwnerShare[]>();
  const names = new Map<number, OwnerName>();
  for (const r of rows) {
    if (r.lotId === null) continue; // a building without lots
    if (lots.at(-1)?.id !== Number(r.lotId)) lots.push({ id: Number(r.lotId), number: r.number, shares: Number(r.shares) });
    if (r.ownerId === null) continue;
    addShare(owners, r.lotId, r);
    if (!names.has(Number(r.ownerId))) names.set(Number(r.ownerId), { name: ownerDisplayName(r), language: r.language });
  }
  return { totalShares: Number(first.totalShares), lots, owners, names };
}

async function ownerNames(em: EntityManager, ids: number[]) {
  const owners = ids.length ? ((await sql(em, 'owner').whereIn('id', ids).select('id', 'kind', 'name', 'first_name as firstName', 'language')) as { id: number; kind: string; name: string; firstName: string | null; language: string }[]) : [];
  return new Map(owners.map((o) => [Number(o.id), { name: ownerDisplayName(o), language: o.language }]));
}

/**
 * The reserve-fund floor of the fiscal year of `callDate`, in one statement: 5 % of the
 * previous year's ordinary charges (class 6), against the reserve already called this year.
 */
async function reserveFloorOf(ctx: HandlerContext, buildingId: number, callDate: string, extraCents: number) {
  const knex = ctx.em.getKnex();
  const previous = 'select p.id from fiscal_year p where p.building_id = y.building_id and p.end_date < y.start_date order by p.end_date desc limit 1';
  const year = (await sql(ctx.em, 'fiscal_year as y').where('y.building_id', buildingId).where('y.start_date', '<=', callDate).where('y.end_date', '>=', callDate).first({
    charges: knex.raw(`(select coalesce(sum(l.debit_cents), 0) - coalesce(sum(l.credit_cents), 0) from journal_line l join ledger_account a on a.id = l.account_id
      where l.fiscal_year_id = (${previous}) and a.building_id = y.building_id and a.code like '6%')`),
    called: knex.raw("(select coalesce(sum(c.total_cents), 0) from fund_call c where c.building_id = y.building_id and c.kind = 'reserve' and c.call_date between y.start_date and y.end_date)"),
  })) as { charges: string | number; called: string | number } | undefined;
  if (!year) return null;
  const previousYearChargesCents = Number(year.charges);
  const calledThisYearCents = Number(year.called) + extraCents;
  const floorCents = reserveFloorCents(previousYearChargesCents);
  return { previousYearChargesCents, floorCents, calledThisYearCents, shortfallCents: Math.max(0, floorCents - calledThisYearCents) };
}

async function previewCall(ctx: HandlerContext, input: { buildingId: number; kind: 'working' | 'reserve'; callDate: string; totalCents: number; keyId: number | null }) {
  await assertBuildingVisible(ctx, input.buildingId);
  const basis = await callBasisOn(ctx.em, input.buildingId, input.callDate);
  if (!basis) throw new NotFoundError('Building', input.buildingId);
  const key = input.keyId === null ? generalKey(basis.totalShares, basis.lots) : await keyWeights(ctx.em, input.buildingId, input.keyId);
  const a = allocate(input.totalCents, key.weights, basis.owners);
  const lines = [...a.byOwner.entries()]
    .map(([ownerId, amountCents]) => ({ ownerId, amountCents, name: basis.names.get(ownerId)?.name ?? `#${ownerId}`, language: basis.names.get(ownerId)?.language ?? 'fr' }))
    .sort((x, y) => compareText(x.name, y.name));
  const reserveFloor = input.kind === 'reserve' ? await reserveFloorOf(ctx, input.buildingId, input.callDate, input.totalCents) : null;
  return { lines, unownedCents: a.unownedCents, reserveFloor, key, owners: basis.owners };
}

const callBase = (callId: number, index: number) => `${String(callId).padStart(6, '0')}${String(index + 1).padStart(4, '0')}`;

function ogm12(base10: string): string {
  const rest = Number(BigInt(base10) % 97n);
  return base10 + String(rest === 0 ? 97 : rest).padStart(2, '0');
}

export const chargeHandlers: Handlers<'charges.keys' | 'charges.saveKey' | 'calls.preview' | 'calls.issue' | 'calls.list' | 'calls.letters' | 'charges.statementPreview' | 'charges.postStatement'> = {
  'charges.keys': async ({ buildingId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const lots = await ctx.em.find(LotSchema, { building: buildingId }, { orderBy: { id: 'asc' } });
    const general = { id: null, name: GENERAL_KEY_NAME, lots: lots.map((l) => ({ lotId: l.id, number: l.number, weight: l.shares })), totalWeight: lots.reduce((s, l) => s + l.shares, 0) };
    const keys = await ctx.em.find(DistributionKeySchema, { building: buildingId }, { orderBy: { name: 'asc' } });
    const special = await Promise.all(keys.map(async (k) => {
      const w = await keyWeights(ctx.em, buildingId, k.id);
      return { id: k.id, name: k.name, lots: w.lots, totalWeight: w.lots.reduce((s, l) => s + l.weight, 0) };
    }));
    return [general, ...special];
  },

  'charges.saveKey': async ({ buildingId, id, name, weights }, ctx) => {
    await buildingInScope(ctx, buildingId);
    if (!weights.some((w) => w.weight > 0)) throw new DomainRuleError('key_all_zero', 'A key needs at least one lot with a weight above zero', { path: ['weights'] });
    const lotIds = new Set((await ctx.em.find(LotSchema, { building: buildingId }, { fields: ['id'] })).map((l) => l.id));
    weights.forEach((w, i) => {
      if (!lotIds.has(w.lotId)) throw new DomainRuleError('unknown_lot', `Lot ${w.lotId} is not a lot of this building`, { path: ['weights', i, 'lotId'] });
    });
    if (new Set(weights.map((w) => w.lotId)).size !== weights.length) throw new DomainRuleError('lot_twice', 'A lot is listed twice', { path: ['weights'] });
    let key;
    if (id !== undefined) {
      key = await ctx.em.findOne(DistributionKeySchema, { id, building: buildingId });
      if (!key) throw new NotFoundError('Distribution key', id);
      key.name = name;
      await ctx.em.nativeDelete(DistributionKeyWeightSchema, { key: id });
    } else {
      if (await ctx.em.count(DistributionKeySchema, { building: buildingId, name })) throw new DomainRuleError('key_exists', `A key named ${name} exists`, { path: ['name'] });
      key = ctx.em.create(DistributionKeySchema, { building: buildingId, name, createdAt: ctx.now() });
      await ctx.em.flush();
    }
    for (const w of weights) ctx.em.create(DistributionKeyWeightSchema, { key, lot: w.lotId, weight: w.weight });
    ctx.audit('charges.saveKey', 'distribution_key', key.id, null, { name, weights });
    return { id: key.id };
  },

  'calls.preview': async (input, ctx) => {
    const { lines, unownedCents, reserveFloor } = await previewCall(ctx, input);
    return { lines, unownedCents, reserveFloor };
  },

  'calls.issue': async (input, ctx) => {
    const { lines, unownedCents, key, owners } = await previewCall(ctx, input);
    if (unownedCents !== 0) {
      const orphans = key.lots.filter((l) => l.weight > 0 && !owners.has(String(l.lotId))).map((l) => l.number);
      throw new DomainRuleError('lot_without_owner', `Lots without an owner on ${input.callDate}: ${orphans.join(', ')}`, { lots: orphans });
    }
    const call = ctx.em.create(FundCallSchema, { building: input.buildingId, kind: input.kind, label: input.label, callDate: input.callDate, dueDate: input.dueDate, totalCents: input.totalCents, keyId: input.keyId, entryId: null, createdAt: ctx.now() });
    await ctx.em.flush();
    const entryLines: EntryLine[] = [];
    const out = [];
    for (const [i, l] of lines.entries()) {
      const accounts = await ensureOwnerAccounts(ctx.em, input.buildingId, l.ownerId);
      const ogm = ogm12(callBase(call.id, i));
      ctx.em.create(FundCallLineSchema, { call, owner: l.ownerId, amountCents: l.amountCents, ogm });
      entryLines.push({ accountCode: input.kind === 'reserve' ? accounts.reserve : accounts.working, debitCents: l.amountCents, creditCents: 0, label: input.label });
      out.push({ ...l, ogm });
    }
    // Calls: reserve fund 4100 / 700, working capital 4101 / 701 (AR 12/07/2012).
    entryLines.push({ accountCode: input.kind === 'reserve' ? '700' : '701', debitCents: 0, creditCents: input.totalCents, label: input.label });
    const entry = await postEntry(ctx.em, {
      buildingId: input.buildingId, journalCode: 'APF', date: input.callDate,
      description: `${input.kind === 'reserve' ? 'Appel fonds de réserve' : 'Appel de provisions'} ${input.label}`, lines: entryLines, sourceType: 'call', sourceId: call.id,
    }, ctx.actor.label, ctx.now());
    call.entryId = entry.id;
    ctx.audit('calls.issue', 'fund_call', call.id, null, { kind: input.kind, label: input.label, totalCents: input.totalCents, owners: lines.length });
    ctx.emit('data-changed', { entity: 'ledger', ids: [input.buildingId] });
    return { callId: call.id, entryId: entry.id, lines: out };
  },

  'calls.list': async ({ buildingId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const calls = await ctx.em.find(FundCallSchema, { building: buildingId }, { orderBy: { callDate: 'desc', id: 'desc' } });
    const counts = calls.length ? ((await sql(ctx.em, 'fund_call_line').whereIn('call_id', calls.map((c) => c.id)).groupBy('call_id').select('call_id').count({ n: '*' })) as { call_id: number; n: string | number }[]) : [];
    return calls.map((c) => ({ id: c.id, kind: c.kind as 'working' | 'reserve', label: c.label, callDate: c.callDate, dueDate: c.dueDate, totalCents: c.totalCents, owners: Number(counts.find((n) => Number(n.call_id) === c.id)?.n ?? 0), entryId: c.entryId ?? null }));
  },

  'calls.letters': async ({ callId, ownerId }, ctx) => {
    const call = await ctx.em.findOne(FundCallSchema, { id: callId });
    if (!call) throw new NotFoundError('Call for funds', callId);
    const building = await buildingInScope(ctx, call.building.id);
    const lines = await ctx.em.find(FundCallLineSchema, { call: callId, ...(ownerId !== undefined ? { owner: ownerId } : {}) }, { populate: ['owner'], orderBy: { id: 'asc' } });
    if (lines.length === 0) throw new NotFoundError('Letter of owner', ownerId ?? 0);
    const banks = await ctx.em.find(BankAccountSchema, { building: building.id }, { orderBy: { id: 'asc' } });
    const bank = banks.find((b) => b.purpose === call.kind) ?? banks.find((b) => b.purpose === 'working') ?? banks[0];
    if (!bank) throw new DomainRuleError('no_bank_account', 'The building has no bank account to print on the letters');
    const owners = await ownersOn(ctx.em, building.id, call.callDate);
    const lots = await ctx.em.find(LotSchema, { building: building.id });
    const head = await letterHeadFor(ctx.em, building);
    const pdf = await callLettersPdf(
      { kind: call.kind as 'working' | 'reserve', label: call.label, callDate: call.callDate, dueDate: call.dueDate, totalShares: building.totalShares, account: { iban: bank.iban, holder: `ACP ${building.name}` }, firmCity: head.firmCity },
      head,
      lines.map((l) => ({
        owner: { name: ownerDisplayName(l.owner), language: l.owner.language, address: { street: l.owner.street, postalCode: l.owner.postalCode, city: l.owner.city, country: l.owner.country } },
        lots: lots.filter((lot) => (owners.get(String(lot.id)) ?? []).some((o) => o.ownerId === l.owner.id)).map((lot) => ({ number: lot.number, shares: lot.shares })),
        amountCents: l.amountCents,
        ogm: l.ogm,
      })),
      ctx.now(),
    );
    const slug = building.name.normalize('NFD').replace(/[^A-Za-z0-9]+/g, '-').replace(/^-|-$/g, '').toLowerCase();
    return { fileName: `appel-${call.callDate}-${slug}${ownerId !== undefined ? `-${ownerId}` : ''}.pdf`, mimeType: 'application/pdf' as const, contentBase64: Buffer.from(pdf).toString('base64'), letters: lines.length };
  },

  'charges.statementPreview': async (input, ctx) => {
    const s = await statementOf(ctx, input);
    return { invoices: s.invoices, owners: s.owners, totalChargesCents: s.totalChargesCents, totalProvisionsCents: s.totalProvisionsCents, unownedCents: s.unownedCents };
  },

  'charges.postStatement': async (input, ctx) => {
    const overlap = await ctx.em.findOne(ChargeStatementSchema, { building: input.buildingId, periodStart: { $lte: input.periodEnd }, periodEnd: { $gte: input.periodStart } });
    if (overlap) throw new DomainRuleError('statement_overlap', `A statement already covers ${overlap.periodStart} – ${overlap.periodEnd}`, { path: ['periodStart'] });
    const s = await statementOf(ctx, input);
    if (s.invoices.length === 0 && s.totalProvisionsCents === 0) throw new DomainRuleError('statement_empty', 'Nothing to settle in this period: no approved invoice, no provision called');
    if (s.unownedCents !== 0) throw new DomainRuleError('lot_without_owner', 'Some charged lots have no owner at the invoice date');
    const statement = ctx.em.create(ChargeStatementSchema, { building: input.buildingId, periodStart: input.periodStart, periodEnd: input.periodEnd, date: input.date, chargesCents: s.totalChargesCents, provisionsCents: s.totalProvisionsCents, entryId: null, createdAt: ctx.now() });
    await ctx.em.flush();
    const lines: EntryLine[] = [];
    let net = 0;
    for (const o of s.owners) {
      ctx.em.create(ChargeStatementLineSchema, { statement, owner: o.ownerId, chargesCents: o.chargesCents, provisionsCents: o.provisionsCents });
      if (o.balanceCents === 0) continue;
      const { working } = await ensureOwnerAccounts(ctx.em, input.buildingId, o.ownerId);
      lines.push({ accountCode: working, debitCents: Math.max(0, o.balanceCents), creditCents: Math.max(0, -o.balanceCents), label: `Décompte ${input.periodStart} – ${input.periodEnd}` });
      net += o.balanceCents;
    }
    // The provisions (701) are brought to the actual charges: more charges than provisions is called now.
    if (net !== 0) lines.push({ accountCode: '701', debitCents: Math.max(0, -net), creditCents: Math.max(0, net), label: 'Régularisation des provisions' });
    let entryId: number | null = null;
    if (lines.length >= 2) {
      const e = await postEntry(ctx.em, { buildingId: input.buildingId, journalCode: 'APF', date: input.date, description: `Décompte de charges ${input.periodStart} – ${input.periodEnd}`, lines, sourceType: 'statement', sourceId: statement.id }, ctx.actor.label, ctx.now());
      entryId = e.id;
      statement.entryId = e.id;
    }
    if (s.invoices.length) await ctx.em.nativeUpdate(InvoiceSchema, { id: { $in: s.invoices.map((i) => i.id) } }, { statementId: statement.id });
    ctx.audit('charges.postStatement', 'charge_statement', statement.id, null, { periodStart: input.periodStart, periodEnd: input.periodEnd, charges: s.totalChargesCents, provisions: s.totalProvisionsCents });
    ctx.emit('data-changed', { entity: 'ledger', ids: [input.buildingId] });
    return { statementId: statement.id, entryId };
  },
};

/** Approved invoices of the period not yet settled, allocated to owners; provisions called in the period. */
async function statementOf(ctx: HandlerContext, input: { buildingId: number; periodStart: string; periodEnd: string }) {
  await buildingInScope(ctx, input.buildingId);
  const invoices = await ctx.em.find(InvoiceSchema, {
    building: input.buildingId, status: { $in: ['approved', 'paid'] }, statementId: null,
    $or: [{ periodEnd: null, invoiceDate: { $gte: input.periodStart, $lte: input.periodEnd } }, { periodEnd: { $gte: input.periodStart, $lte: input.periodEnd } }],
  }, { orderBy: { invoiceDate: 'asc', id: 'asc' } });
  const charges = new Map<number, number>();
  let unownedCents = 0;
  const rows = [];
  const keys = new Map<number | null, KeyWeights>();
  for (const inv of invoices) {
    const keyId = inv.distributionKeyId ?? null;
    if (!keys.has(keyId)) keys.set(keyId, await keyWeights(ctx.em, input.buildingId, keyId));
    const key = keys.get(keyId) as KeyWeights;
    const a = allocate(inv.amountCents, key.weights, await ownersOn(ctx.em, input.buildingId, inv.periodEnd ?? inv.invoiceDate));
    for (const [o, c] of a.byOwner) charges.set(o, (charges.get(o) ?? 0) + c);
    unownedCents += a.unownedCents;
    const supplier = await ctx.em.findOneOrFail(SupplierSchema, { id: inv.supplier.id });
    rows.push({ id: inv.id, number: inv.number, supplierName: supplier.name, amountCents: inv.amountCents, keyName: key.name });
  }
  const provisions = new Map<number, number>();
  const provisionRows = (await sql(ctx.em, 'fund_call_line as l').join('fund_call as c', 'c.id', 'l.call_id')
    .where({ 'c.building_id': input.buildingId, 'c.kind': 'working' }).whereBetween('c.call_date', [input.periodStart, input.periodEnd])
    .groupBy('l.owner_id').select('l.owner_id as ownerId').sum({ t: 'l.amount_cents' })) as { ownerId: number; t: string | number }[];
  for (const p of provisionRows) provisions.set(Number(p.ownerId), Number(p.t));
  const ids = [...new Set([...charges.keys(), ...provisions.keys()])];
  const names = await ownerNames(ctx.em, ids);
  const owners = ids.map((ownerId) => {
    const chargesCents = charges.get(ownerId) ?? 0, provisionsCents = provisions.get(ownerId) ?? 0;
    return { ownerId, name: names.get(ownerId)?.name ?? `#${ownerId}`, chargesCents, provisionsCents, balanceCents: chargesCents - provisionsCents };
  }).sort((x, y) => compareText(x.name, y.name));
  return {
    invoices: rows, owners, unownedCents,
    totalChargesCents: rows.reduce((s, r) => s + r.amountCents, 0),
    totalProvisionsCents: owners.reduce((s, o) => s + o.provisionsCents, 0),
  };
}
