import { describe, expect, it } from 'vitest';
import { buildAccountTree, compareCodes, filterTree, hasMovements, isPostable, type AccountRow } from './accounts.js';

const a = (code: string, parentCode: string | null, debitCents = 0): AccountRow => ({ id: 0, code, labelFr: code, labelNl: code, type: 'asset', parentCode, ownerId: null, debitCents, creditCents: 0, balanceCents: debitCents });

describe('the chart as a tree', () => {
  it('nests class → group → account → sub-accounts from parentCode, sub-accounts in number order', () => {
    const tree = buildAccountTree([a('4101-10', '4101', 5), a('4', null), a('41', '4'), a('4101', '410'), a('410', '41'), a('4101-2', '4101', 7), a('6', null)]);
    expect(tree.map((n) => n.account.code)).toEqual(['4', '6']);
    const leaf = tree[0]!.children[0]!.children[0]!.children[0]!;
    expect(leaf.account.code).toBe('4101');
    expect(leaf.children.map((n) => n.account.code)).toEqual(['4101-2', '4101-10']);
  });

  it('keeps an account whose parent is missing, as a root', () => {
    expect(buildAccountTree([a('6105', '610')]).map((n) => n.account.code)).toEqual(['6105']);
  });

  it('filters to the accounts with movements and keeps the way down to them', () => {
    const tree = buildAccountTree([a('6', null), a('61', '6'), a('610', '61'), a('6105', '610', 48_400), a('6101', '610'), a('7', null)]);
    const kept = filterTree(tree, hasMovements);
    expect(kept.map((n) => n.account.code)).toEqual(['6']);
    expect(kept[0]!.children[0]!.children[0]!.children.map((n) => n.account.code)).toEqual(['6105']);
  });

  it('posts to accounts of three digits or more, sub-accounts included; classes and groups are headings', () => {
    expect(['6', '61'].map(isPostable)).toEqual([false, false]);
    expect(['610', '6105', '4101-12', '551-01'].map(isPostable)).toEqual([true, true, true, true]);
    expect(compareCodes('4100-9', '4100-10')).toBeLessThan(0);
    expect(compareCodes('440', '4400')).toBeLessThan(0);
  });
});
