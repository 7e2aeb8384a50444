import { rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { formatMoney } from '../../../src-shared/values/money.js';
import { A4, createPdf } from '../pdf/document.js';
import { fit, localDate, oneLine } from '../pdf/text.js';
import type { Cell, ReportColumn, ReportDocument, ReportRow } from './report-document.js';
import { fill, printedDate, REPORT_CATALOGS } from './report-text.js';

/**
 * A report on A4 paper with pdf-lib: on every page the building (name, address, BCE), the
 * fiscal year and the title, then the table with its header repeated; amounts right-aligned
 * as 1.234,56 €; "page X / Y" and the printing date at the foot. Fonts: assets/fonts
 * (report-fonts.ts), embedded as subsets (src-main/app/pdf/document.ts).
 */
const MARGIN = { left: 40, right: 40, top: 40, bottom: 46 };
const SIZE = { building: 12, header: 8.5, title: 14, table: 8, foot: 7.5 };
const ROW_HEIGHT = 12;
const PAD = 3;
const INDENT = 9;
const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.55, 0.55, 0.55);
const SHADE = rgb(0.92, 0.92, 0.92);

export async function toPdf(doc: ReportDocument, printedAt: Date): Promise<Uint8Array> {
  const t = REPORT_CATALOGS[doc.language];
  const { pdf, regular, bold } = await createPdf({
    title: `${doc.title} — ${doc.buildingName}`, subject: doc.headerLines.join(' — '), language: doc.language === 'nl' ? 'nl-BE' : 'fr-BE', createdAt: printedAt,
  });

  const cellText = (cell: Cell, column: ReportColumn): string => {
    if (cell === null) return '';
    if (typeof cell === 'string') return cell;
    if ('cents' in cell) return formatMoney(cell.cents, doc.language);
    return column.kind === 'date' ? printedDate(cell.date) : cell.date;
  };

  // Columns: dates, codes and amounts as wide as their widest cell; the text columns share
  // the rest by weight, none wider than it needs.
  const contentWidth = A4[0] - MARGIN.left - MARGIN.right;
  const columns = doc.columns.map((c, i) => ({ c, i })).filter(({ c }) => c.pdf !== false);
  const natural = columns.map(({ c, i }) => {
    let w = bold.widthOfTextAtSize(c.header, SIZE.table);
    for (const row of doc.rows) {
      if (row.style === 'heading') continue;
      const s = cellText(row.cells[i] ?? null, c);
      if (!s) continue;
      const font = (row.style ?? 'normal') === 'normal' ? regular : bold;
      w = Math.max(w, font.widthOfTextAtSize(oneLine(s), SIZE.table) + (c.indents ? (row.depth ?? 0) * INDENT : 0));
    }
    return Math.ceil(w + 2 * PAD + 1);
  });
  const weightOf = (n: number) => columns[n]?.c.width ?? 1;
  const naturalOf = (n: number) => natural[n] ?? 0;
  const widths = columns.map(({ c }, n) => (c.kind === 'text' ? 0 : Math.min(naturalOf(n), contentWidth * 0.3)));
  let open = columns.map((_, n) => n).filter((n) => columns[n]?.c.kind === 'text');
  let room = contentWidth - widths.reduce((s, w) => s + w, 0);
  const need = open.reduce((s, n) => s + naturalOf(n), 0);
  if (need <= room) {
    // Everything fits: each its natural width, plus a share of what is left.
    const weight = open.reduce((s, n) => s + weightOf(n), 0);
    for (const n of open) widths[n] = naturalOf(n) + ((room - need) * weightOf(n)) / weight;
  } else {
    // Too wide: share by weight, but a column that needs less than its share keeps only what it needs.
    while (open.length) {
      const weight = open.reduce((s, n) => s + weightOf(n), 0);
      const small = open.filter((n) => naturalOf(n) <= (room * weightOf(n)) / weight);
      if (small.length === 0) {
        for (const n of open) widths[n] = (room * weightOf(n)) / weight;
        break;
      }
      for (const n of small) {
        widths[n] = naturalOf(n);
        room -= naturalOf(n);
      }
      open = open.filter((n) => !small.includes(n));
    }
  }
  let x = MARGIN.left;
  const layout = columns.map(({ c, i }, n) => {
    const w = widths[n] ?? 0;
    const col = { c, i, x, w };
    x += w;
    return col;
  });

  let page: PDFPage = pdf.addPage(A4);
  let y = 0;
  const text = (s: string, at: { x: number; y: number }, font: PDFFont, size: number, color = rgb(0, 0, 0)) => page.drawText(oneLine(s), { x: at.x, y: at.y, font, size, color });
  const rule = (yy: number, thickness = 0.5) => page.drawLine({ start: { x: MARGIN.left, y: yy }, end: { x: A4[0] - MARGIN.right, y: yy }, thickness, color: RULE });


  const drawCell = (col: (typeof layout)[number], value: string, font: PDFFont, depth: number, header = false) => {
    if (!value) return;
    const indent = !header && col.c.indents ? depth * INDENT : 0;
    const room = col.w - 2 * PAD - indent;
    const s = fit(oneLine(value), font, SIZE.table, room);
    const w = font.widthOfTextAtSize(s, SIZE.table);
    const left = col.c.kind === 'amount' ? col.x + col.w - PAD - w : col.x + PAD + indent;
    text(s, { x: left, y }, font, SIZE.table);
  };

  const startPage = () => {
    y = A4[1] - MARGIN.top - SIZE.building;
    text(fit(doc.buildingName, bold, SIZE.building, contentWidth), { x: MARGIN.left, y }, bold, SIZE.building);
    for (const line of doc.headerLines) {
      y -= SIZE.header + 3.5;
      text(fit(line, regular, SIZE.header, contentWidth), { x: MARGIN.left, y }, regular, SIZE.header, GREY);
    }
    y -= SIZE.title + 10;
    text(fit(doc.title, bold, SIZE.title, contentWidth), { x: MARGIN.left, y }, bold, SIZE.title);
    y -= 12;
    // Column headers on a shaded band.
    page.drawRectangle({ x: MARGIN.left, y: y - ROW_HEIGHT + 3, width: contentWidth, height: ROW_HEIGHT + 1, color: SHADE });
    y -= ROW_HEIGHT - 4;
    for (const col of layout) drawCell(col, col.c.header, bold, 0, true);
    y -= ROW_HEIGHT;
  };

  const ensureRoom = (height: number) => {
    if (y - height < MARGIN.bottom + 6) {
      page = pdf.addPage(A4);
      startPage();
    }
  };

  const drawRow = (row: ReportRow) => {
    const style = row.style ?? 'normal';
    if (style === 'heading') {
      ensureRoom(ROW_HEIGHT * 3.5); // a heading never ends a page alone
      y -= 4;
      text(fit(row.heading ?? '', bold, SIZE.table + 1, contentWidth), { x: MARGIN.left + PAD, y }, bold, SIZE.table + 1);
      y -= ROW_HEIGHT + 1;
      return;
    }
    ensureRoom(ROW_HEIGHT + (style === 'grandTotal' ? 6 : 0));
    if (style === 'total' || style === 'grandTotal') {
      rule(y + SIZE.table + 2.5);
      if (style === 'grandTotal') rule(y + SIZE.table + 4.5);
    }
    const font = style === 'normal' ? regular : bold;
    for (const col of layout) drawCell(col, cellText(row.cells[col.i] ?? null, col.c), font, row.depth ?? 0);
    y -= ROW_HEIGHT + (style === 'total' || style === 'grandTotal' ? 4 : 0);
  };

  startPage();
  for (const row of doc.rows) drawRow(row);

  // Page numbers once the number of pages is known.
  const pages = pdf.getPages();
  const printed = fill(t.text.printed, { date: localDate(printedAt) });
  pages.forEach((p, n) => {
    const label = fill(t.text.page, { page: n + 1, pages: pages.length });
    const footY = MARGIN.bottom - 22;
    p.drawLine({ start: { x: MARGIN.left, y: footY + 10 }, end: { x: A4[0] - MARGIN.right, y: footY + 10 }, thickness: 0.4, color: RULE });
    p.drawText(oneLine(`${printed} — KoproGo`), { x: MARGIN.left, y: footY, font: regular, size: SIZE.foot, color: GREY });
    p.drawText(label, { x: A4[0] - MARGIN.right - regular.widthOfTextAtSize(label, SIZE.foot), y: footY, font: regular, size: SIZE.foot, color: GREY });
  });
  return pdf.save({ useObjectStreams: true });
}
