import type { Owner } from '../../db/entities/index.js';
import { ownerDisplayName } from '../portfolio/mappers.js';
import type { Meeting } from './meeting-state.js';
import { compareText } from '../../../src-shared/text.js';

/**
 * Who is convened and how (art. 3.87 §3 C. civ.): every owner of a lot on the day of the
 * meeting — each joint owner of a lot gets their own letter — by registered mail, unless
 * they agreed individually and in writing to receive convocations by e-mail (`emailConsent`
 * with an address).
 */
export type Channel = 'email' | 'registered';

export interface Recipient {
  ownerId: number;
  name: string;
  language: string;
  email: string | null;
  channel: Channel;
  /** Why not by e-mail: no address, or no written consent. */
  registeredBecause: 'no_email' | 'no_consent' | null;
  address: { street: string; postalCode: string; city: string; country: string };
  /** The voting units the owner belongs to: alone, or jointly with others. */
  units: { key: string; name: string; joint: boolean; lots: string[]; shares: number }[];
}

export function channelOf(o: Pick<Owner, 'email' | 'emailConsent'>): { channel: Channel; registeredBecause: Recipient['registeredBecause'] } {
  if (!o.email) return { channel: 'registered', registeredBecause: 'no_email' };
  if (!o.emailConsent) return { channel: 'registered', registeredBecause: 'no_consent' };
  return { channel: 'email', registeredBecause: null };
}

export function recipients(m: Meeting, owners: readonly Owner[]): Recipient[] {
  const out: Recipient[] = [];
  for (const o of owners) {
    const units = m.units.filter((u) => u.ownerIds.includes(o.id));
    if (!units.length) continue;
    out.push({
      ownerId: o.id, name: ownerDisplayName(o), language: o.language, email: o.email ?? null, ...channelOf(o),
      address: { street: o.street, postalCode: o.postalCode, city: o.city, country: o.country },
      units: units.map((u) => ({ key: u.key, name: u.name, joint: u.ownerIds.length > 1, lots: u.lotIds.map((l) => m.lotNumbers.get(l) ?? String(l)), shares: u.shares })),
    });
  }
  return out.sort((a, b) => compareText(a.name, b.name) || a.ownerId - b.ownerId);
}

/** The owners of the meeting's voting units, by id. */
export const recipientOwnerIds = (m: Meeting): number[] => [...new Set(m.units.flatMap((u) => u.ownerIds))];
