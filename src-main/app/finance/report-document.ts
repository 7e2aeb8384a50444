import type { BalanceSheet, GeneralLedger, IncomeStatement, OwnerStatement, ReportHeader, ReportKind, ReportLanguage, StatementRow } from '../../../src-shared/contract/reports.js';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import { accountLabel, fill, printedDate, REPORT_CATALOGS } from './report-text.js';

/**
 * A report laid out once as a table, then written as CSV or PDF (csv-export.ts,
 * pdf-export.ts): the same columns, rows and totals in both, in one language.
 */
export type Cell = string | { cents: number } | { date: string } | null;

export interface ReportColumn {
  header: string;
  kind: 'text' | 'code' | 'date' | 'amount';
  /** Relative width on paper. */
  width: number;
  /** Hidden on paper (shown by a heading row instead); CSV has every column. */
  pdf?: false;
  /** On paper, this column's text is indented by the row's depth (the chart's levels). */
  indents?: true;
}

export interface ReportRow {
  cells: Cell[];
  /** heading: a title line on paper (not a CSV row); subtotal: bold; total: bold under a rule; grandTotal: bold under a double rule. */
  style?: 'normal' | 'heading' | 'subtotal' | 'total' | 'grandTotal';
  /** Text of a heading row on paper. */
  heading?: string;
  depth?: number;
}

export interface ReportDocument {
  kind: ReportKind;
  language: ReportLanguage;
  title: string;
  buildingName: string;
  /** Address, BCE, fiscal year, owner…: under the building's name on every page. */
  headerLines: string[];
  columns: ReportColumn[];
  rows: ReportRow[];
  /** File name without extension. */
  fileStem: string;
}

/** ASCII slug for file names: "Résidence Les Tilleuls" → "residence-les-tilleuls". */
export const slug = (s: string): string =>
  s.normalize('NFD').replace(/\p{M}+/gu, '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'immeuble';

const yearLabel = (h: ReportHeader) => {
  const [a, b] = [h.fiscalYear.startDate.slice(0, 4), h.fiscalYear.endDate.slice(0, 4)];
  return a === b ? a : `${a}-${b}`;
};

function frame(kind: ReportKind, h: ReportHeader, language: ReportLanguage, extra: string[] = [], stemSuffix = '') {
  const t = REPORT_CATALOGS[language];
  const b = h.building;
  const year = fill(t.text.fiscalYear, { start: printedDate(h.fiscalYear.startDate), end: printedDate(h.fiscalYear.endDate) });
  return {
    kind, language, title: t.titles[kind], buildingName: b.name,
    headerLines: [
      `${b.street}, ${b.postalCode} ${b.city}${b.bce ? ` — ${fill(t.text.bce, { bce: b.bce })}` : ''}`,
      h.fiscalYear.status === 'open' ? `${year} — ${t.text.provisional}` : year,
      ...extra,
    ],
    fileStem: `${t.files[kind]}-${yearLabel(h)}-${slug(b.name)}${stemSuffix}`,
  };
}

const money = (cents: number): Cell => ({ cents });

export function trialBalanceDocument(h: ReportHeader, tb: OpOutput<'ledger.trialBalance'>, language: ReportLanguage): ReportDocument {
  const t = REPORT_CATALOGS[language];
  return {
    ...frame('trialBalance', h, language),
    columns: [
      { header: t.columns.account, kind: 'code', width: 1.1 },
      { header: t.columns.label, kind: 'text', width: 4.2 },
      { header: t.columns.debit, kind: 'amount', width: 1.6 },
      { header: t.columns.credit, kind: 'amount', width: 1.6 },
      { header: t.columns.balance, kind: 'amount', width: 1.6 },
    ],
    rows: [
      ...tb.rows.map((r): ReportRow => ({ cells: [r.code, accountLabel(r, language), money(r.debitCents), money(r.creditCents), money(r.balanceCents)] })),
      { style: 'grandTotal', cells: ['', t.text.total, money(tb.totalDebitCents), money(tb.totalCreditCents), money(tb.totalDebitCents - tb.totalCreditCents)] },
    ],
  };
}

const lineText = (l: { description: string; label: string | null }) => (l.label && l.label !== l.description ? `${l.description} — ${l.label}` : l.description);

export function generalLedgerDocument(gl: GeneralLedger, language: ReportLanguage): ReportDocument {
  const t = REPORT_CATALOGS[language];
  const rows: ReportRow[] = [];
  for (const a of gl.accounts) {
    const label = accountLabel(a, language);
    rows.push({ style: 'heading', heading: `${a.code}  ${label}`, cells: [] });
    for (const l of a.lines) rows.push({ cells: [a.code, label, { date: l.date }, l.reference, lineText(l), money(l.debitCents), money(l.creditCents), money(l.balanceCents)] });
    rows.push({ style: 'total', cells: [a.code, label, null, null, fill(t.text.totalOf, { what: a.code }), money(a.totalDebitCents), money(a.totalCreditCents), money(a.closingCents)] });
  }
  rows.push({ style: 'grandTotal', cells: ['', '', null, null, t.text.grandTotal, money(gl.totalDebitCents), money(gl.totalCreditCents), money(gl.totalDebitCents - gl.totalCreditCents)] });
  return {
    ...frame('generalLedger', gl, language),
    columns: [
      { header: t.columns.account, kind: 'code', width: 1, pdf: false },
      { header: t.columns.accountLabel, kind: 'text', width: 3, pdf: false },
      { header: t.columns.date, kind: 'date', width: 1.15 },
      { header: t.columns.reference, kind: 'text', width: 1.6 },
      { header: t.columns.description, kind: 'text', width: 3.6 },
      { header: t.columns.debit, kind: 'amount', width: 1.45 },
      { header: t.columns.credit, kind: 'amount', width: 1.45 },
      { header: t.columns.balance, kind: 'amount', width: 1.5 },
    ],
    rows,
  };
}

export function ownerStatementDocument(s: OwnerStatement, language: ReportLanguage): ReportDocument {
  const t = REPORT_CATALOGS[language];
  const fundName = (f: 'reserve' | 'working') => t.sections[f];
  const rows: ReportRow[] = s.combined.lines.map((l) => ({
    cells: [t.fundShort[l.fund], l.accountCode, { date: l.date }, l.reference, lineText(l), money(l.debitCents), money(l.creditCents), money(l.balanceCents)],
  }));
  if (rows.length === 0) rows.push({ style: 'heading', heading: t.text.noLines, cells: [] });
  for (const f of ['reserve', 'working'] as const) {
    const x = s[f];
    rows.push({ style: 'total', cells: [t.fundShort[f], x.accountCode, null, null, fill(t.text.dueFund, { fund: fundName(f).toLowerCase() }), money(x.totalDebitCents), money(x.totalCreditCents), money(x.balanceCents)] });
  }
  rows.push({ style: 'grandTotal', cells: ['', '', null, null, s.dueCents < 0 ? t.text.inCredit : t.text.due, money(s.combined.totalDebitCents), money(s.combined.totalCreditCents), money(s.dueCents)] });
  return {
    ...frame('ownerStatement', s, language, [fill(t.text.owner, { name: s.owner.displayName })], `-${s.owner.id}`),
    columns: [
      { header: t.columns.fund, kind: 'text', width: 1.7 },
      { header: t.columns.account, kind: 'code', width: 1.1, pdf: false },
      { header: t.columns.date, kind: 'date', width: 1.15 },
      { header: t.columns.reference, kind: 'text', width: 1.55 },
      { header: t.columns.description, kind: 'text', width: 3 },
      { header: t.columns.debit, kind: 'amount', width: 1.4 },
      { header: t.columns.credit, kind: 'amount', width: 1.4 },
      { header: t.columns.balance, kind: 'amount', width: 1.45 },
    ],
    rows,
  };
}

/** Columns of the annual accounts: section and level for spreadsheets, account, label indented by level, amount. */
function statementColumns(language: ReportLanguage): ReportColumn[] {
  const t = REPORT_CATALOGS[language];
  return [
    { header: t.columns.section, kind: 'text', width: 2, pdf: false },
    { header: t.columns.level, kind: 'code', width: 0.6, pdf: false },
    { header: t.columns.account, kind: 'code', width: 1 },
    { header: t.columns.label, kind: 'text', width: 6, indents: true },
    { header: t.columns.amount, kind: 'amount', width: 1.9 },
  ];
}

const statementRows = (section: string, rows: StatementRow[], language: ReportLanguage): ReportRow[] =>
  rows.map((r) => ({ style: r.depth === 0 ? 'subtotal' : 'normal', depth: r.depth, cells: [section, String(r.depth), r.code, accountLabel(r, language), money(r.amountCents)] }));

export function balanceSheetDocument(b: BalanceSheet, language: ReportLanguage): ReportDocument {
  const t = REPORT_CATALOGS[language];
  const s = t.sections;
  const fund = (f: { code: string; labelFr: string; labelNl: string; amountCents: number }): ReportRow => ({ style: 'subtotal', depth: 0, cells: [s.funds, '0', f.code, accountLabel(f, language), money(f.amountCents)] });
  return {
    ...frame('balanceSheet', b, language),
    columns: statementColumns(language),
    rows: [
      { style: 'heading', heading: s.assets.toUpperCase(), cells: [] },
      ...statementRows(s.assets, b.assets.rows, language),
      { style: 'grandTotal', cells: [s.assets, '', '', t.text.totalAssets, money(b.totalAssetsCents)] },
      { style: 'heading', heading: s.liabilitiesAndFunds.toUpperCase(), cells: [] },
      { style: 'heading', heading: s.funds, cells: [] },
      fund(b.workingCapital),
      fund(b.reserveFund),
      { style: 'subtotal', depth: 0, cells: [s.funds, '0', '', s.result, money(b.resultCents)] },
      ...(b.liabilities.rows.length ? [{ style: 'heading', heading: s.debts, cells: [] } as ReportRow] : []),
      ...statementRows(s.debts, b.liabilities.rows, language),
      { style: 'grandTotal', cells: [s.liabilitiesAndFunds, '', '', t.text.totalLiabilitiesAndFunds, money(b.totalLiabilitiesAndFundsCents)] },
    ],
  };
}

export function incomeStatementDocument(st: IncomeStatement, language: ReportLanguage): ReportDocument {
  const t = REPORT_CATALOGS[language];
  const s = t.sections;
  return {
    ...frame('incomeStatement', st, language),
    columns: statementColumns(language),
    rows: [
      { style: 'heading', heading: s.expenses.toUpperCase(), cells: [] },
      ...statementRows(s.expenses, st.expenses.rows, language),
      { style: 'total', cells: [s.expenses, '', '', t.text.totalExpenses, money(st.expenses.totalCents)] },
      { style: 'heading', heading: s.income.toUpperCase(), cells: [] },
      ...statementRows(s.income, st.income.rows, language),
      { style: 'total', cells: [s.income, '', '', t.text.totalIncome, money(st.income.totalCents)] },
      { style: 'grandTotal', cells: ['', '', '', st.resultCents < 0 ? t.text.deficit : t.text.surplus, money(st.resultCents)] },
    ],
  };
}
