import type { EntityManager } from '@mikro-orm/knex';
import type { z } from 'zod';
import type { buildingInput, lotInput } from '../../../src-shared/contract/portfolio.js';
import { BankAccountSchema, BuildingSchema, LotSchema, OwnerSchema, OwnershipSchema, type Building, type Owner } from '../../db/entities/index.js';
import { checkShares, compareLotNumbers, fractionsSumToOne } from '../../domain/quota-shares.js';
import type { Handlers } from '../context.js';
import { ConflictError, DomainRuleError, ForbiddenError, NotFoundError } from '../errors.js';
import { dayBefore, ownerDisplayName, ownerFields, toOwnerDto } from './mappers.js';
import { importOwnersCsv } from './import-owners.js';
import { buildingInScope } from '../scope.js';
import { ensureBookkeeping } from '../finance/bookkeeping-setup.js';
import { todayIso } from './mappers.js';
import { compareText } from '../../../src-shared/text.js';

type BuildingData = z.output<typeof buildingInput>;
type LotData = z.output<typeof lotInput>;

function buildingSnapshot(b: Building) {
  return { name: b.name, street: b.street, postalCode: b.postalCode, city: b.city, country: b.country, bce: b.bce ?? null, totalShares: b.totalShares };
}

async function assertIbansFree(em: EntityManager, data: BuildingData, buildingId: number | null) {
  const seen = new Map<string, number>();
  for (const [i, acc] of data.bankAccounts.entries()) {
    if (seen.has(acc.iban)) throw new ConflictError('The same IBAN is listed twice', [{ path: ['bankAccounts', i, 'iban'], code: 'iban_duplicate', message: 'The same IBAN is listed twice' }]);
    seen.set(acc.iban, i);
  }
  if (seen.size === 0) return;
  const taken = await em.find(BankAccountSchema, { iban: { $in: [...seen.keys()] }, ...(buildingId ? { building: { $ne: buildingId } } : {}) });
  const first = taken[0];
  if (first) {
    const i = seen.get(first.iban) ?? 0;
    throw new ConflictError('This IBAN belongs to another building', [{ path: ['bankAccounts', i, 'iban'], code: 'iban_taken', message: 'This IBAN belongs to another building' }]);
  }
}


async function assertLotNumberFree(em: EntityManager, buildingId: number, number: string, exceptLotId: number | null) {
  const clash = await em.findOne(LotSchema, { building: buildingId, number, ...(exceptLotId ? { id: { $ne: exceptLotId } } : {}) });
  if (clash) throw new ConflictError(`Lot ${number} already exists in this building`, [{ path: ['number'], code: 'lot_number_taken', message: `Lot ${number} already exists in this building` }]);
}

/** Lower case without accents, for searching the way people type. */
const foldText = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();

export const portfolioHandlers: Handlers<
  'buildings.list' | 'buildings.get' | 'buildings.create' | 'buildings.update' | 'lots.create' | 'lots.update' | 'lots.transfer' | 'lots.history' | 'owners.list' | 'owners.create' | 'owners.update' | 'import.owners'
> = {
  'buildings.list': async ({ search, sort, direction }, ctx) => {
    const scope = await ctx.scope();
    const knex = ctx.em.getKnex();
    // One pass over lots and current ownerships, grouped per building (not three subqueries per row).
    const lots = knex('lot').select('building_id').count({ lotCount: '*' }).sum({ sharesSum: 'shares' }).groupBy('building_id').as('l');
    const owners = knex('ownership as o').join('lot as ol', 'ol.id', 'o.lot_id').whereNull('o.valid_to')
      .select('ol.building_id').countDistinct({ ownerCount: 'o.owner_id' }).groupBy('ol.building_id').as('w');
    const q = knex('building as b')
      .leftJoin(lots, 'l.building_id', 'b.id')
      .leftJoin(owners, 'w.building_id', 'b.id')
      .select('b.id', 'b.name', 'b.street', 'b.postal_code as postalCode', 'b.city', 'b.total_shares as totalShares', 'l.lotCount', 'l.sharesSum', 'w.ownerCount');
    if (!scope.all) q.whereIn('b.id', [...scope.buildingIds]);
    const all = ((await q) as Record<string, unknown>[]).map((r) => ({
      id: Number(r.id), name: String(r.name), street: String(r.street), postalCode: String(r.postalCode), city: String(r.city),
      totalShares: Number(r.totalShares), lotCount: Number(r.lotCount ?? 0), sharesSum: Number(r.sharesSum ?? 0), ownerCount: Number(r.ownerCount ?? 0),
    }));
    // Searched here, without accents or case ("residence" finds "Résidence"): a firm has hundreds of buildings, not millions.
    const needle = search ? foldText(search) : '';
    const rows = needle ? all.filter((b) => foldText(`${b.name} ${b.city} ${b.postalCode} ${b.street}`).includes(needle)) : all;
    // Sorted here, the same way on both drivers, in the order people expect ("Résidence" with the R's, "10" after "9").
    const by = sort === 'lotCount' ? (a: (typeof rows)[0], b: (typeof rows)[0]) => a.lotCount - b.lotCount : sort === 'city' ? (a: (typeof rows)[0], b: (typeof rows)[0]) => compareText(a.city, b.city) : (a: (typeof rows)[0], b: (typeof rows)[0]) => compareText(a.name, b.name);
    const sign = direction === 'asc' ? 1 : -1;
    return rows.sort((a, b) => sign * by(a, b) || a.id - b.id);
  },

  'buildings.get': async ({ id }, ctx) => {
    const b = await buildingInScope(ctx, id);
    const scope = await ctx.scope();
    const [accounts, lots, ships] = await Promise.all([
      ctx.em.find(BankAccountSchema, { building: id }, { orderBy: { id: 'asc' } }),
      ctx.em.find(LotSchema, { building: id }),
      ctx.em.find(OwnershipSchema, { lot: { building: id }, validTo: null }, { populate: ['owner'], orderBy: { id: 'asc' } }),
    ]);
    const mine = scope.ownerIds; // owners see their own lots only
    const visibleLotIds = mine ? new Set(ships.filter((s) => mine.has(s.owner.id)).map((s) => s.lot.id)) : null;
    const owners = new Map<number, Owner>();
    const lotRows = lots
      .filter((l) => !visibleLotIds || visibleLotIds.has(l.id))
      .sort((a, c) => compareLotNumbers(a.number, c.number))
      .map((l) => {
        const lotShips = ships.filter((s) => s.lot.id === l.id);
        for (const s of lotShips) if (!mine || mine.has(s.owner.id)) owners.set(s.owner.id, s.owner);
        return {
          id: l.id, buildingId: id, number: l.number, kind: l.kind as never, floor: l.floor ?? null, shares: l.shares,
          owners: lotShips.map((s) => ({ ownershipId: s.id, ownerId: s.owner.id, displayName: ownerDisplayName(s.owner), fractionNum: s.fractionNum, fractionDen: s.fractionDen, since: s.validFrom })),
        };
      });
    return {
      id: b.id, name: b.name, bce: b.bce ?? null, totalShares: b.totalShares, updatedAt: b.updatedAt.toISOString(),
      address: { street: b.street, postalCode: b.postalCode, city: b.city, country: b.country },
      bankAccounts: accounts.map((a) => ({ id: a.id, iban: a.iban, label: a.label, purpose: a.purpose as never })),
      lots: lotRows,
      owners: [...owners.values()].map(toOwnerDto).sort((x, y) => compareText(x.displayName, y.displayName)),
      sharesCheck: checkShares(b.totalShares, lots.map((l) => ({ lotId: l.id, number: l.number, shares: l.shares }))),
    };
  },

  'buildings.create': async (data, ctx) => {
    await assertIbansFree(ctx.em, data, null);
    const now = ctx.now();
    const b = ctx.em.create(BuildingSchema, {
      name: data.name, street: data.address.street, postalCode: data.address.postalCode, city: data.address.city, country: data.address.country,
      bce: data.bce, totalShares: data.totalShares, createdAt: now, updatedAt: now,
    });
    for (const a of data.bankAccounts) ctx.em.create(BankAccountSchema, { building: b, iban: a.iban, label: a.label, purpose: a.purpose });
    await ctx.em.flush();
    await ensureBookkeeping(ctx.em, b.id, todayIso(ctx.now()));
    ctx.audit('building.create', 'building', b.id, null, { ...buildingSnapshot(b), bankAccounts: data.bankAccounts });
    ctx.emit('data-changed', { entity: 'building', ids: [b.id] });
    return { id: b.id };
  },

  'buildings.update': async ({ id, data }, ctx) => {
    const b = await buildingInScope(ctx, id);
    await assertIbansFree(ctx.em, data, id);
    const before = buildingSnapshot(b);
    const oldAccounts = await ctx.em.find(BankAccountSchema, { building: id });
    Object.assign(b, { name: data.name, street: data.address.street, postalCode: data.address.postalCode, city: data.address.city, country: data.address.country, bce: data.bce, totalShares: data.totalShares, updatedAt: ctx.now() });
    const keep = new Map(oldAccounts.map((a) => [a.iban, a]));
    for (const a of data.bankAccounts) {
      const existing = keep.get(a.iban);
      if (existing) {
        existing.label = a.label;
        existing.purpose = a.purpose;
        keep.delete(a.iban);
      } else ctx.em.create(BankAccountSchema, { building: b, iban: a.iban, label: a.label, purpose: a.purpose });
    }
    for (const gone of keep.values()) ctx.em.remove(gone);
    await ctx.em.flush();
    await ensureBookkeeping(ctx.em, id, todayIso(ctx.now()));
    ctx.audit('building.update', 'building', id, { ...before, bankAccounts: oldAccounts.map((a) => ({ iban: a.iban, label: a.label, purpose: a.purpose })) }, { ...buildingSnapshot(b), bankAccounts: data.bankAccounts });
    ctx.emit('data-changed', { entity: 'building', ids: [id] });
    return { id };
  },

  'lots.create': async ({ buildingId, data }, ctx) => {
    await buildingInScope(ctx, buildingId);
    await assertLotNumberFree(ctx.em, buildingId, data.number, null);
    const l = ctx.em.create(LotSchema, { building: buildingId, number: data.number, kind: data.kind, floor: data.floor, shares: data.shares });
    await ctx.em.flush();
    ctx.audit('lot.create', 'lot', l.id, null, { buildingId, ...data });
    ctx.emit('data-changed', { entity: 'building', ids: [buildingId] });
    return { id: l.id };
  },

  'lots.update': async ({ id, data }, ctx) => {
    const l = await ctx.em.findOne(LotSchema, { id });
    if (!l) throw new NotFoundError('Lot', id);
    await buildingInScope(ctx, l.building.id);
    await assertLotNumberFree(ctx.em, l.building.id, data.number, id);
    const before: LotData = { number: l.number, kind: l.kind as LotData['kind'], floor: l.floor ?? null, shares: l.shares };
    Object.assign(l, data);
    ctx.audit('lot.update', 'lot', id, before, data);
    ctx.emit('data-changed', { entity: 'building', ids: [l.building.id] });
    return { id };
  },

  'lots.transfer': async ({ lotId, date, newOwners }, ctx) => {
    const lot = await ctx.em.findOne(LotSchema, { id: lotId });
    if (!lot) throw new NotFoundError('Lot', lotId);
    await buildingInScope(ctx, lot.building.id);
    const ids = newOwners.map((o) => o.ownerId);
    if (new Set(ids).size !== ids.length) throw new DomainRuleError('owner_twice', 'The same owner is listed twice', { path: ['newOwners'] });
    if (!fractionsSumToOne(newOwners)) throw new DomainRuleError('fractions_not_whole', 'The new owners’ fractions must add up to the whole lot (1)', { path: ['newOwners'] });
    const found = await ctx.em.count(OwnerSchema, { id: { $in: ids } });
    if (found !== ids.length) throw new DomainRuleError('owner_missing', 'One of the new owners does not exist', { path: ['newOwners'] });
    const current = await ctx.em.find(OwnershipSchema, { lot: lotId, validTo: null });
    const lastDay = dayBefore(date);
    for (const s of current) {
      if (s.validFrom > lastDay) throw new DomainRuleError('transfer_before_start', `The current ownership starts on ${s.validFrom}; a transfer must be dated after it`, { path: ['date'] });
      s.validTo = lastDay;
    }
    for (const o of newOwners) ctx.em.create(OwnershipSchema, { lot: lotId, owner: o.ownerId, fractionNum: o.fractionNum, fractionDen: o.fractionDen, validFrom: date, validTo: null });
    ctx.audit('lot.transfer', 'lot', lotId, current.map((s) => ({ ownerId: s.owner.id, fractionNum: s.fractionNum, fractionDen: s.fractionDen, from: s.validFrom })), { date, newOwners });
    ctx.emit('data-changed', { entity: 'building', ids: [lot.building.id] });
    return { lotId };
  },

  'lots.history': async ({ lotId }, ctx) => {
    const lot = await ctx.em.findOne(LotSchema, { id: lotId });
    if (!lot) throw new NotFoundError('Lot', lotId);
    await buildingInScope(ctx, lot.building.id);
    const scope = await ctx.scope();
    const rows = await ctx.em.find(OwnershipSchema, { lot: lotId }, { populate: ['owner'], orderBy: { validFrom: 'desc', id: 'asc' } });
    if (scope.ownerIds && !rows.some((r) => r.validTo === null && scope.ownerIds?.has(r.owner.id))) throw new ForbiddenError('Owners see the history of their own lots only');
    return rows.map((s) => ({ ownershipId: s.id, ownerId: s.owner.id, displayName: ownerDisplayName(s.owner), fractionNum: s.fractionNum, fractionDen: s.fractionDen, from: s.validFrom, to: s.validTo ?? null }));
  },

  'owners.list': async ({ buildingId, search }, ctx) => {
    const scope = await ctx.scope();
    const where: Record<string, unknown> = {};
    if (buildingId !== undefined) {
      await buildingInScope(ctx, buildingId);
      where.id = { $in: ctx.em.getKnex()('ownership as s').join('lot as l', 'l.id', 's.lot_id').where('l.building_id', buildingId).whereNull('s.valid_to').select('s.owner_id') };
    } else if (!scope.all) {
      where.id = { $in: ctx.em.getKnex()('ownership as s').join('lot as l', 'l.id', 's.lot_id').whereIn('l.building_id', [...scope.buildingIds]).whereNull('s.valid_to').select('s.owner_id') };
    }
    if (scope.ownerIds) where.id = { $in: [...scope.ownerIds] };
    if (search) where.$or = [{ name: { $like: `%${search}%` } }, { firstName: { $like: `%${search}%` } }, { email: { $like: `%${search}%` } }];
    const owners = await ctx.em.find(OwnerSchema, where, { orderBy: { name: 'asc', firstName: 'asc', id: 'asc' }, limit: 2000 });
    return owners.map(toOwnerDto);
  },

  'owners.create': async (data, ctx) => {
    const now = ctx.now();
    const o = ctx.em.create(OwnerSchema, { ...ownerFields(data, null, now), createdAt: now });
    await ctx.em.flush();
    ctx.audit('owner.create', 'owner', o.id, null, data);
    ctx.emit('data-changed', { entity: 'owner', ids: [o.id] });
    return { id: o.id };
  },

  'owners.update': async ({ id, data }, ctx) => {
    const o = await ctx.em.findOne(OwnerSchema, { id });
    const scope = await ctx.scope();
    if (!o || (scope.ownerIds && !scope.ownerIds.has(id))) throw new NotFoundError('Owner', id);
    const before = toOwnerDto(o);
    Object.assign(o, ownerFields(data, o, ctx.now()));
    ctx.audit('owner.update', 'owner', id, before, data);
    ctx.emit('data-changed', { entity: 'owner', ids: [id] });
    return { id };
  },

  'import.owners': async ({ buildingId, csv }, ctx) => {
    const b = await buildingInScope(ctx, buildingId);
    const summary = await importOwnersCsv(ctx, b, csv);
    ctx.audit('import.owners', 'building', buildingId, null, summary);
    ctx.emit('data-changed', { entity: 'building', ids: [buildingId] });
    return summary;
  },
};
