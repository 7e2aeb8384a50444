import { describe, expect, it } from 'vitest';
import { documentLanguage, FALLBACK_NOTES, fill, GOVERNANCE_CATALOGS, shares2, sharesInt, slug } from './governance-text.js';

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, prefix = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');

describe('governance document catalogs', () => {
  const fr = new Map(leaves(GOVERNANCE_CATALOGS.fr as Tree));
  const nl = new Map(leaves(GOVERNANCE_CATALOGS.nl as Tree));
  it('Dutch has exactly the keys of French, none empty, the same placeholders', () => {
    expect([...nl.keys()].sort()).toEqual([...fr.keys()].sort());
    expect([...nl].filter(([, v]) => v.trim() === '')).toEqual([]);
    expect([...nl].filter(([k, v]) => placeholders(v) !== placeholders(fr.get(k) ?? '')).map(([k]) => k)).toEqual([]);
  });
  it('every proxy refusal of the tally engine has its reason in words', () => {
    for (const reason of ['syndic_cannot_be_proxy', 'holder_not_present', 'too_many_proxies']) expect(fr.get(`proxyReason.${reason}`)).toBeTruthy();
  });
  it('English and German owners get French documents with a note in their language', () => {
    expect(documentLanguage('nl')).toEqual({ language: 'nl', note: null });
    expect(documentLanguage('de')).toEqual({ language: 'fr', note: FALLBACK_NOTES.de });
    expect(documentLanguage('en').note?.fallbackNote).toMatch(/in French/);
  });
  it('quote-parts, file names, placeholders', () => {
    expect(shares2(1234.5)).toBe('1.234,50');
    expect(shares2(0.005)).toBe('0,01');
    expect(sharesInt(10000)).toBe('10.000');
    expect(slug('Résidence « Les Tilleuls » 12')).toBe('residence-les-tilleuls-12');
    expect(fill('{{a}} {{b}}', { a: 1 })).toBe('1 {{b}}');
    for (const c of Object.values(GOVERNANCE_CATALOGS)) for (const f of Object.values(c.files)) expect(f).toMatch(/^[a-z0-9-]+$/);
  });
});
