import type { Route } from '../../app/router.js';

/** 12 OGM digits as printed on a call for funds: `+++123/4567/89002+++`; anything else as given. */
export const formatOgm = (digits: string): string => (/^\d{12}$/.test(digits) ? `+++${digits.slice(0, 3)}/${digits.slice(3, 7)}/${digits.slice(7)}+++` : digits);

/** The suspense account (compte d'attente / wachtrekening) every movement waits in until it is matched. */
export const SUSPENSE_ACCOUNT = '499';

/** An owner's working-capital account (provisions, what the bank pays it): 4101-<owner>. */
export const ownerAccount = (ownerId: number): string => `4101-${ownerId}`;

/** The ledger screen opened on one account of a building. */
export const ledgerRoute = (buildingId: number, account: string): Route => ({ name: 'ledger', buildingId, view: 'accounts', account });

/** Lower case, no accents, single spaces: for filters and for matching a payer's name. */
export const normalize = (s: string | null | undefined): string =>
  (s ?? '').normalize('NFD').replace(/\p{M}/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();

/** The catalog key of a reminder level's name (1 rappel … 4 transmis à l’avocat). */
export const levelKey = (level: number) => `bank.reminders.levels.${Math.min(Math.max(level, 1), 4) as 1 | 2 | 3 | 4}` as const;

export const levelColor = (level: number) => (['gray', 'yellow', 'orange', 'red', 'grape'] as const)[level] ?? 'gray';
