import type { LotRow } from '../../../src-shared/contract/portfolio.js';

/** "Jean Dupont" for a whole lot, "Jean Dupont (1/2)" for a share of it (indivision). */
export const ownerWithFraction = (o: { displayName: string; fractionNum: number; fractionDen: number }): string =>
  o.fractionNum === o.fractionDen ? o.displayName : `${o.displayName} (${o.fractionNum}/${o.fractionDen})`;

export const lotOwnersText = (lot: LotRow): string => lot.owners.map(ownerWithFraction).join(', ');
