import { describe, expect, it } from 'vitest';
import { fill, printedDate, REPORT_CATALOGS } from './report-text.js';

type Tree = { [k: string]: string | Tree };
const leaves = (t: Tree, prefix = ''): [string, string][] =>
  Object.entries(t).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort().join(',');

describe('report catalogs', () => {
  const fr = new Map(leaves(REPORT_CATALOGS.fr as Tree));
  const nl = new Map(leaves(REPORT_CATALOGS.nl as Tree));
  it('Dutch has exactly the keys of French, none empty, the same placeholders', () => {
    expect([...nl.keys()].sort()).toEqual([...fr.keys()].sort());
    expect([...nl].filter(([, v]) => v.trim() === '')).toEqual([]);
    expect([...nl].filter(([k, v]) => placeholders(v) !== placeholders(fr.get(k) ?? '')).map(([k]) => k)).toEqual([]);
  });
  it('file names are plain ASCII slugs', () => {
    for (const c of Object.values(REPORT_CATALOGS)) for (const f of Object.values(c.files)) expect(f).toMatch(/^[a-z0-9-]+$/);
  });
  it('fills placeholders and prints dates the Belgian way', () => {
    expect(fill('page {{page}} / {{pages}}', { page: 1, pages: 3 })).toBe('page 1 / 3');
    expect(fill('{{missing}}', {})).toBe('{{missing}}');
    expect(printedDate('2026-12-31')).toBe('31/12/2026');
  });
});
