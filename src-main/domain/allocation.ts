import { distribute } from './distribution.js';

/**
 * Allocating an amount to owners: first over the lots by a key (quote-parts or a special
 * key's weights), then each lot's share over its owners by their fractions (joint
 * ownership), with the same largest-remainder rule both times — so the owners' cents add
 * up to the lots' cents, which add up to the amount (spec/charge-distribution.md).
 */
export interface LotOwnerShare { ownerId: number; fractionNum: number; fractionDen: number }

function gcd(a: number, b: number): number {
  while (b) [a, b] = [b, a % b];
  return a;
}

/** Integer weights proportional to the fractions n/d of one lot's owners. */
export function fractionWeights(owners: readonly LotOwnerShare[]): Record<string, number> {
  const lcm = owners.reduce((l, o) => (l / gcd(l, o.fractionDen)) * o.fractionDen, 1);
  const out: Record<string, number> = {};
  for (const o of owners) out[String(o.ownerId)] = (out[String(o.ownerId)] ?? 0) + (o.fractionNum * lcm) / o.fractionDen;
  return out;
}

export interface Allocation {
  byLot: Record<string, number>;
  /** Owner id → cents; lots without owner keep their share in `unowned`. */
  byOwner: Map<number, number>;
  unownedCents: number;
}

export function allocate(amountCents: number, lotWeights: Record<string, number>, lotOwners: ReadonlyMap<string, readonly LotOwnerShare[]>): Allocation {
  const byLot = distribute(amountCents, lotWeights);
  const byOwner = new Map<number, number>();
  let unownedCents = 0;
  for (const [lot, cents] of Object.entries(byLot)) {
    const owners = lotOwners.get(lot) ?? [];
    if (owners.length === 0 || cents === 0) {
      unownedCents += cents;
      continue;
    }
    for (const [ownerId, part] of Object.entries(distribute(cents, fractionWeights(owners)))) {
      byOwner.set(Number(ownerId), (byOwner.get(Number(ownerId)) ?? 0) + part);
    }
  }
  return { byLot, byOwner, unownedCents };
}

/**
 * Reserve fund floor (art. 3.86 §3 Code civil): at least 5 % of the previous year's
 * ordinary common charges, rounded up to the cent.
 */
export const reserveFloorCents = (previousYearChargesCents: number) => Math.ceil((Math.max(0, previousYearChargesCents) * 5) / 100);
