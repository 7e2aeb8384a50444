import type { OpOutput } from '../../../src-shared/contract/index.js';

export type AccountRow = OpOutput<'ledger.accounts'>[number];

/**
 * Class (1 digit) and group (2 digits) headings gather accounts; entries go to accounts of
 * three digits or more, sub-accounts included (`4101-12`). The handlers refuse the others
 * (`heading_account`); pickers offer only these.
 */
export const isPostable = (code: string): boolean => code.replace(/-.*/, '').length >= 3;

/** The PCMN label in the UI language: the chart has French and Dutch; English and German read the French. */
export const accountLabel = (a: { labelFr: string; labelNl: string }, language: string): string => (language === 'nl' && a.labelNl ? a.labelNl : a.labelFr);

export interface AccountNode {
  account: AccountRow;
  children: AccountNode[];
}

/**
 * The chart as a tree from `parentCode` (class → group → account → sub-accounts), children
 * in code order. Accounts whose parent is missing become roots rather than disappear.
 */
export function buildAccountTree(accounts: readonly AccountRow[]): AccountNode[] {
  const nodes = new Map(accounts.map((a) => [a.code, { account: a, children: [] as AccountNode[] }]));
  const roots: AccountNode[] = [];
  for (const node of nodes.values()) {
    const parent = node.account.parentCode ? nodes.get(node.account.parentCode) : undefined;
    if (parent && parent !== node) parent.children.push(node);
    else roots.push(node);
  }
  const byCode = (a: AccountNode, b: AccountNode) => compareCodes(a.account.code, b.account.code);
  const sort = (list: AccountNode[]) => {
    list.sort(byCode);
    for (const n of list) sort(n.children);
  };
  sort(roots);
  return roots;
}

/** `4101-2` before `4101-10`: the base code as text, then the suffix by number when both are numbers. */
export function compareCodes(a: string, b: string): number {
  const [baseA = '', subA = ''] = a.split('-');
  const [baseB = '', subB = ''] = b.split('-');
  if (baseA !== baseB) return baseA < baseB ? -1 : 1;
  const nA = Number(subA), nB = Number(subB);
  if (subA && subB && Number.isFinite(nA) && Number.isFinite(nB)) return nA - nB;
  return subA < subB ? -1 : subA > subB ? 1 : 0;
}

/**
 * Keeps the nodes that match `keep` and their ancestors (so a match stays in its place in
 * the chart).
 */
export function filterTree(nodes: readonly AccountNode[], keep: (a: AccountRow) => boolean): AccountNode[] {
  const out: AccountNode[] = [];
  for (const n of nodes) {
    const children = filterTree(n.children, keep);
    if (children.length || keep(n.account)) out.push({ account: n.account, children });
  }
  return out;
}

export const hasMovements = (a: AccountRow): boolean => a.debitCents !== 0 || a.creditCents !== 0;
