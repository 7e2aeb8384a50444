import de from '../../../src-shared/i18n/governance.de.json' with { type: 'json' };
import en from '../../../src-shared/i18n/governance.en.json' with { type: 'json' };
import fr from '../../../src-shared/i18n/governance.fr.json' with { type: 'json' };
import nl from '../../../src-shared/i18n/governance.nl.json' with { type: 'json' };
import type { Language } from '../../../src-shared/contract/fields.js';
import { formatAmount } from '../../../src-shared/values/money.js';

/**
 * Text of the general assembly's documents (minutes, convocations, proxy form, e-mail) in
 * French and Dutch, the languages of Belgian co-ownership law, kept in catalogs beside the
 * UI's (src-shared/i18n/governance.*.json). FR is the reference; a test checks NL has its
 * keys and placeholders. English and German owners get the French documents with a note in
 * their language (governance.en/de.json).
 */
export type DocumentLanguage = 'fr' | 'nl';
export type GovernanceCatalog = typeof fr;
export const GOVERNANCE_CATALOGS = { fr, nl } as const satisfies Record<DocumentLanguage, GovernanceCatalog>;
export const FALLBACK_NOTES = { en, de } as const;

/** The document language for an owner: their own when FR/NL, else French with a note in theirs. */
export function documentLanguage(language: Language | string): { language: DocumentLanguage; note: { fallbackNote: string; mailNote: string } | null } {
  if (language === 'nl') return { language: 'nl', note: null };
  if (language === 'en' || language === 'de') return { language: 'fr', note: FALLBACK_NOTES[language] };
  return { language: 'fr', note: null };
}

/** Fills `{{name}}` placeholders. */
export const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, v: string) => (Object.hasOwn(vars, v) ? String(vars[v]) : whole));

/** Quote-parts as printed in the minutes: 2 decimals, Belgian style (1.234,50). The tally rounds them already. */
export const shares2 = (n: number) => formatAmount(Math.round(n * 100));
/** Whole quote-parts: 1.000. */
export const sharesInt = (n: number) => formatAmount(n * 100).replace(/,00$/, '');

/** An ASCII slug for file names. */
export const slug = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'x';
