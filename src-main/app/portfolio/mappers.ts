import type { z } from 'zod';
import { brusselsDate } from '../../../src-shared/values/dates.js';
import type { Owner as OwnerDto, ownerInput } from '../../../src-shared/contract/portfolio.js';
import type { Language } from '../../../src-shared/contract/fields.js';
import type { Owner } from '../../db/entities/index.js';

export function ownerDisplayName(o: { kind: string; name: string; firstName?: string | null }): string {
  return o.kind === 'person' && o.firstName ? `${o.firstName} ${o.name}` : o.name;
}

export function toOwnerDto(o: Owner): OwnerDto {
  return {
    id: o.id,
    kind: o.kind as OwnerDto['kind'],
    name: o.name,
    firstName: o.firstName ?? null,
    displayName: ownerDisplayName(o),
    bce: o.bce ?? null,
    address: { street: o.street, postalCode: o.postalCode, city: o.city, country: o.country },
    language: o.language as Language,
    email: o.email ?? null,
    emailConsent: o.emailConsent,
    emailConsentAt: o.emailConsentAt ? o.emailConsentAt.toISOString() : null,
    phone: o.phone ?? null,
  };
}

/** ISO date of the day before (ownership ends the day before the sale). */
export function dayBefore(isoDate: string): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Today in Brussels (see src-shared/values/dates.ts). */
export const todayIso = (now: Date) => brusselsDate(now);

/**
 * Columns of an owner from validated input. The consent date is kept from before, set
 * when consent is first given, cleared when it is withdrawn.
 */
export function ownerFields(data: z.output<typeof ownerInput>, previous: { emailConsent: boolean; emailConsentAt?: Date | null } | null, now: Date) {
  const emailConsentAt = !data.emailConsent ? null : previous?.emailConsent ? (previous.emailConsentAt ?? now) : now;
  return {
    kind: data.kind, name: data.name, firstName: data.kind === 'person' ? data.firstName : null, bce: data.bce,
    street: data.address.street, postalCode: data.address.postalCode, city: data.address.city, country: data.address.country,
    language: data.language, email: data.email, emailConsent: data.emailConsent, emailConsentAt, phone: data.phone, updatedAt: now,
  };
}
