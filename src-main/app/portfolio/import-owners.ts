import type { Problem } from '../../../src-shared/result.js';
import { LotSchema, OwnerSchema, OwnershipSchema, type Building, type Owner } from '../../db/entities/index.js';
import { fractionsSumToOne } from '../../domain/quota-shares.js';
import type { HandlerContext } from '../context.js';
import { ImportInvalidError } from '../errors.js';
import { ownerFields, todayIso } from './mappers.js';
import { parseOwnersCsv, type OwnersCsvRow } from './owners-csv.js';

const MAX_PROBLEMS = 200;
const ownerKey = (o: OwnersCsvRow['owner']) => [o.kind, o.name.toLowerCase(), (o.firstName ?? '').toLowerCase(), (o.email ?? '').toLowerCase(), o.address.postalCode].join('|');

/**
 * Moves a building in from another software: lots, owners, quote-parts, ownerships.
 * All or nothing: any problem rejects the file, with its line and column, and nothing is written.
 */
export async function importOwnersCsv(ctx: HandlerContext, building: Building, text: string) {
  const { rows, problems } = parseOwnersCsv(text, todayIso(ctx.now()));
  const byLot = new Map<string, OwnersCsvRow[]>();
  for (const r of rows) byLot.set(r.lot.number, [...(byLot.get(r.lot.number) ?? []), r]);

  for (const [number, lotRows] of byLot) {
    const first = lotRows[0] as OwnersCsvRow;
    for (const r of lotRows.slice(1)) {
      if (r.lot.shares !== first.lot.shares || r.lot.kind !== first.lot.kind || r.lot.floor !== first.lot.floor) {
        problems.push({ line: r.line, path: ['shares'], code: 'lot_rows_differ', message: `Lot ${number} has other kind, floor or quote-parts than on line ${first.line}` });
      }
    }
    if (!fractionsSumToOne(lotRows.map((r) => r.fraction))) {
      problems.push({ line: first.line, path: ['fraction'], code: 'fractions_not_whole', message: `The fractions of lot ${number} (lines ${lotRows.map((r) => r.line).join(', ')}) do not add up to 1` });
    }
  }
  const existingLots = byLot.size ? await ctx.em.find(LotSchema, { building: building.id, number: { $in: [...byLot.keys()] } }) : [];
  for (const l of existingLots) {
    const line = byLot.get(l.number)?.[0]?.line ?? 0;
    problems.push({ line, path: ['lot'], code: 'lot_exists', message: `Lot ${l.number} already exists in ${building.name}` });
  }
  if (problems.length) {
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
    throw new ImportInvalidError(`The file was rejected: ${problems.length} problem(s); nothing was imported`, problems.slice(0, MAX_PROBLEMS));
  }

  const now = ctx.now();
  let ownersCreated = 0, ownersReused = 0;
  const owners = new Map<string, Owner>();
  for (const r of rows) {
    const key = ownerKey(r.owner);
    if (owners.has(key)) continue;
    // The same person may already own a lot in another building of the firm.
    const existing = await ctx.em.findOne(OwnerSchema, {
      kind: r.owner.kind, name: r.owner.name, firstName: r.owner.firstName, postalCode: r.owner.address.postalCode,
      ...(r.owner.email ? { email: r.owner.email } : { street: r.owner.address.street }),
    });
    if (existing) ownersReused++;
    else ownersCreated++;
    owners.set(key, existing ?? ctx.em.create(OwnerSchema, { ...ownerFields(r.owner, null, now), createdAt: now }));
  }
  let ownershipsCreated = 0;
  for (const [number, lotRows] of byLot) {
    const first = lotRows[0] as OwnersCsvRow;
    const lot = ctx.em.create(LotSchema, { building, number, kind: first.lot.kind, floor: first.lot.floor, shares: first.lot.shares });
    for (const r of lotRows) {
      ctx.em.create(OwnershipSchema, { lot, owner: owners.get(ownerKey(r.owner)) as Owner, fractionNum: r.fraction.fractionNum, fractionDen: r.fraction.fractionDen, validFrom: r.since, validTo: null });
      ownershipsCreated++;
    }
  }
  await ctx.em.flush();
  return { lotsCreated: byLot.size, ownersCreated, ownersReused, ownershipsCreated };
}

export type { Problem };
