/**
 * The annual accounts of an ACP from the balance of a fiscal year (AR 12/07/2012; pcmn-acp
 * SOURCES §3.10): the balance sheet (bilan / balans) from classes 1–5 and the income and
 * expense statement (compte de résultats / resultatenrekening) from classes 6–7, grouped
 * by the chart's parent links (class → group → account). Layout: docs/adr/0009.
 *
 * Pure: accounts and their movements in, rows out. Amounts are integer cents.
 */

export type AccountType = 'asset' | 'liability' | 'equity' | 'income' | 'expense';

export interface ChartAccount {
  code: string;
  labelFr: string;
  labelNl: string;
  type: AccountType;
  parentCode: string | null;
  /** A row of the decree's chart; false for a building's own sub-account (owner, supplier, bank…). */
  fromChart: boolean;
}

export interface Movement {
  debitCents: number;
  creditCents: number;
}

export interface StatementRow {
  code: string;
  labelFr: string;
  labelNl: string;
  depth: number;
  parentCode: string | null;
  amountCents: number;
}

export interface Section {
  rows: StatementRow[];
  totalCents: number;
}

export interface FundLine {
  code: string;
  labelFr: string;
  labelNl: string;
  amountCents: number;
}

export interface BalanceSheetBody {
  assets: Section;
  workingCapital: FundLine;
  reserveFund: FundLine;
  resultCents: number;
  liabilities: Section;
  totalAssetsCents: number;
  totalLiabilitiesAndFundsCents: number;
}

export interface IncomeStatementBody {
  expenses: Section;
  income: Section;
  resultCents: number;
}

/** Fonds de roulement / werkkapitaal and fonds de réserve / reservefonds (art. 3.86 §3 C.civ.). */
export const WORKING_CAPITAL_CODE = '100';
export const RESERVE_FUND_CODE = '160';

/**
 * Order of account codes: the PCMN number in character order (the chart is a prefix tree,
 * so 1 < 100 < 160 < 17 < 170), then the sub-account suffix, numbers by value
 * (4101-2 before 4101-10), other suffixes by code point.
 */
export function compareAccountCodes(a: string, b: string): number {
  const [baseA = '', sufA] = a.split('-', 2);
  const [baseB = '', sufB] = b.split('-', 2);
  if (baseA !== baseB) return baseA < baseB ? -1 : 1;
  if (sufA === undefined || sufB === undefined) return sufA === sufB ? 0 : sufA === undefined ? -1 : 1;
  const numeric = /^\d+$/;
  if (numeric.test(sufA) && numeric.test(sufB) && Number(sufA) !== Number(sufB)) return Number(sufA) - Number(sufB);
  return sufA < sufB ? -1 : sufA > sufB ? 1 : 0;
}

const classOf = (code: string) => code.charAt(0);

interface Tree {
  byCode: Map<string, ChartAccount>;
  /** The chart row that presents an account: itself, or the nearest chart ancestor of a sub-account. */
  presentedBy(code: string): ChartAccount | undefined;
  ancestors(code: string): ChartAccount[];
}

function tree(accounts: readonly ChartAccount[]): Tree {
  const byCode = new Map(accounts.map((a) => [a.code, a]));
  const presentedBy = (code: string) => {
    let a = byCode.get(code);
    const seen = new Set<string>();
    while (a && !a.fromChart && a.parentCode && byCode.has(a.parentCode) && !seen.has(a.code)) {
      seen.add(a.code);
      a = byCode.get(a.parentCode);
    }
    return a;
  };
  const ancestors = (code: string) => {
    const out: ChartAccount[] = [];
    const seen = new Set<string>([code]);
    let parent = byCode.get(code)?.parentCode ?? null;
    while (parent && !seen.has(parent)) {
      seen.add(parent);
      const p = byCode.get(parent);
      if (!p) break;
      out.push(p);
      parent = p.parentCode;
    }
    return out;
  };
  return { byCode, presentedBy, ancestors };
}

/** Adds `cents` to the chart row `code` in `to`. */
const add = (to: Map<string, number>, code: string, cents: number) => to.set(code, (to.get(code) ?? 0) + cents);

/**
 * A section of the accounts: the chart rows with a non-zero amount in `amounts`, under
 * their ancestors (class, group…), each with the total of its subtree, in chart order.
 */
function section(t: Tree, amounts: ReadonlyMap<string, number>): Section {
  const own = new Map<string, number>();
  for (const [code, cents] of amounts) if (cents !== 0 && t.byCode.has(code)) own.set(code, cents);
  const total = new Map<string, number>();
  const children = new Map<string | null, Set<string>>();
  const link = (parent: string | null, child: string) => {
    const set = children.get(parent) ?? new Set<string>();
    set.add(child);
    children.set(parent, set);
  };
  for (const [code, cents] of own) {
    add(total, code, cents);
    const chain = t.ancestors(code);
    link(chain[0]?.code ?? null, code);
    chain.forEach((a, i) => {
      add(total, a.code, cents);
      link(chain[i + 1]?.code ?? null, a.code);
    });
  }
  const rows: StatementRow[] = [];
  const walk = (parent: string | null, depth: number) => {
    for (const code of [...(children.get(parent) ?? [])].sort(compareAccountCodes)) {
      const a = t.byCode.get(code) as ChartAccount;
      rows.push({ code, labelFr: a.labelFr, labelNl: a.labelNl, depth, parentCode: parent, amountCents: total.get(code) ?? 0 });
      walk(code, depth + 1);
    }
  };
  walk(null, 0);
  let totalCents = 0;
  for (const code of children.get(null) ?? []) totalCents += total.get(code) ?? 0;
  return { rows, totalCents };
}

/** Is `code` the account `root` or under it (100, 100-01 …)? */
function within(t: Tree, code: string, root: string): boolean {
  return code === root || t.ancestors(code).some((a) => a.code === root);
}

/** The income statement: class 6 charges (debit − credit), class 7 income (credit − debit), result 7 − 6. */
export function incomeStatement(accounts: readonly ChartAccount[], movements: ReadonlyMap<string, Movement>): IncomeStatementBody {
  const t = tree(accounts);
  const charges = new Map<string, number>(), products = new Map<string, number>();
  for (const [code, m] of movements) {
    const row = t.presentedBy(code);
    if (row && classOf(row.code) === '6') add(charges, row.code, m.debitCents - m.creditCents);
    if (row && classOf(row.code) === '7') add(products, row.code, m.creditCents - m.debitCents);
  }
  const expenses = section(t, charges);
  const income = section(t, products);
  return { expenses, income, resultCents: income.totalCents - expenses.totalCents };
}

/**
 * The balance sheet: classes 1–5. A chart account goes to the assets when its type is
 * `asset` (a contra-asset such as 419 shows negative there), to the passif otherwise. The
 * building's individual accounts (an owner's 4100-x/4101-x, a supplier's 440-x, a bank's
 * 55x-xx) are not offset against each other: each goes to the side of its own balance —
 * an owner in credit is a debt of the ACP, a supplier paid in advance a receivable — under
 * its chart account. Mixed headings (class 4, group 49) appear on each side with what is
 * theirs there. The two funds are shown apart, and the result of the year (7 − 6) until
 * the AG allocates it.
 */
export function balanceSheet(accounts: readonly ChartAccount[], movements: ReadonlyMap<string, Movement>): BalanceSheetBody {
  const t = tree(accounts);
  const isFund = (code: string) => within(t, code, WORKING_CAPITAL_CODE) || within(t, code, RESERVE_FUND_CODE);
  const assetsBy = new Map<string, number>(), debtsBy = new Map<string, number>();
  const funds = { [WORKING_CAPITAL_CODE]: 0, [RESERVE_FUND_CODE]: 0 };
  for (const [code, m] of movements) {
    const row = t.presentedBy(code);
    const account = t.byCode.get(code);
    if (!row || !account || !['1', '2', '3', '4', '5'].includes(classOf(row.code))) continue;
    const debit = m.debitCents - m.creditCents;
    if (isFund(row.code)) funds[within(t, row.code, WORKING_CAPITAL_CODE) ? WORKING_CAPITAL_CODE : RESERVE_FUND_CODE] -= debit;
    else if (!account.fromChart) {
      if (debit > 0) add(assetsBy, row.code, debit);
      else if (debit < 0) add(debtsBy, row.code, -debit);
    } else if (row.type === 'asset') add(assetsBy, row.code, debit);
    else add(debtsBy, row.code, -debit);
  }
  const assets = section(t, assetsBy);
  const liabilities = section(t, debtsBy);
  const fund = (root: typeof WORKING_CAPITAL_CODE | typeof RESERVE_FUND_CODE): FundLine => {
    const a = t.byCode.get(root);
    return { code: root, labelFr: a?.labelFr ?? root, labelNl: a?.labelNl ?? root, amountCents: funds[root] + 0 };
  };
  const workingCapital = fund(WORKING_CAPITAL_CODE);
  const reserveFund = fund(RESERVE_FUND_CODE);
  const { resultCents } = incomeStatement(accounts, movements);
  return {
    assets, workingCapital, reserveFund, resultCents, liabilities,
    totalAssetsCents: assets.totalCents,
    totalLiabilitiesAndFundsCents: workingCapital.amountCents + reserveFund.amountCents + resultCents + liabilities.totalCents,
  };
}
