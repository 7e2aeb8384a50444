import { centsToDecimal } from '../../../src-shared/values/money.js';
import type { Cell, ReportColumn, ReportDocument } from './report-document.js';

/**
 * A report as CSV for Excel with Belgian settings: `;` between fields, amounts as decimal
 * euros with a comma (1234,56), dates ISO (2026-01-31, which Excel reads as dates), UTF-8
 * with a BOM (without it Excel reads Windows-1252), CRLF line ends, a header line first.
 * Heading rows of the printed report are not rows of the CSV: every row carries its
 * account and section in its own columns.
 */
const BOM = '\ufeff';

/** Quotes a field that holds `;`, `"` or a line break (RFC 4180, with `;`). */
function quote(s: string): string {
  return /[;"\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/**
 * Free text (a description, an owner's name) that starts like a formula would run as one
 * in a spreadsheet (CSV injection): a leading apostrophe makes it text.
 */
const defuse = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function text(cell: Cell, column: ReportColumn | undefined): string {
  if (cell === null) return '';
  if (typeof cell === 'string') return quote(column?.kind === 'text' ? defuse(cell) : cell);
  if ('cents' in cell) return centsToDecimal(cell.cents);
  return cell.date;
}

export function toCsv(doc: ReportDocument): Uint8Array {
  const lines = [doc.columns.map((c) => quote(c.header)).join(';')];
  for (const row of doc.rows) {
    if (row.style === 'heading') continue;
    lines.push(doc.columns.map((c, i) => text(row.cells[i] ?? null, c)).join(';'));
  }
  return new TextEncoder().encode(`${BOM}${lines.join('\r\n')}\r\n`);
}
