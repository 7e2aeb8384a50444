import { describe, expect, it } from 'vitest';
import { CATALOGS, DEFAULT_LANGUAGE } from './catalogs.js';

type Tree = { [k: string]: string | Tree };

function leaves(tree: Tree, prefix = ''): [string, string][] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [[`${prefix}${k}`, v] as [string, string]] : leaves(v, `${prefix}${k}.`)));
}
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe('UI catalogs', () => {
  const reference = new Map(leaves(CATALOGS[DEFAULT_LANGUAGE] as Tree));

  for (const [lang, catalog] of Object.entries(CATALOGS)) {
    const entries = leaves(catalog as Tree);

    it(`${lang} has exactly the keys of ${DEFAULT_LANGUAGE}`, () => {
      expect(entries.map(([k]) => k).sort()).toEqual([...reference.keys()].sort());
    });

    it(`${lang} has no empty text`, () => {
      expect(entries.filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
    });

    it(`${lang} uses the same {{placeholders}} as ${DEFAULT_LANGUAGE}`, () => {
      const wrong = entries.filter(([k, v]) => JSON.stringify(placeholders(v)) !== JSON.stringify(placeholders(reference.get(k) ?? ''))).map(([k]) => k);
      expect(wrong).toEqual([]);
    });
  }

  it('translates every error code of the contract', async () => {
    const { ERROR_CODES } = await import('../result.js');
    const errors = (CATALOGS.fr as unknown as { errors: Record<string, string> }).errors;
    expect(ERROR_CODES.filter((c) => !errors[c])).toEqual([]);
  });
});
