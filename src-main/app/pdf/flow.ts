import { rgb, type PDFDocument, type PDFFont, type PDFPage, type RGB } from 'pdf-lib';
import { A4 } from './document.js';
import { fit, oneLine, wrap } from './text.js';

export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);
export const RULE = rgb(0.55, 0.55, 0.55);

export interface TextStyle {
  size?: number;
  bold?: boolean;
  color?: RGB;
  /** Points from the left margin. */
  indent?: number;
  /** Space after the paragraph, in points. */
  after?: number;
  /** Lines kept together with what follows (headings). */
  keepWithNext?: number;
}

export interface Column {
  text: string;
  /** Share of the content width. */
  width: number;
  align?: 'left' | 'right';
  bold?: boolean;
}

/**
 * Running text on A4 pages: paragraphs wrapped to the width, new pages as needed, simple
 * rows of columns. Page furniture (footers "page X / Y") is drawn once all pages exist.
 */
export class Flow {
  page: PDFPage;
  y: number;
  /** The pages this flow made (a PDF may hold several flows: a batch of letters). */
  readonly pages: PDFPage[] = [];
  readonly margin = { left: 56, right: 50, top: 50, bottom: 60 };

  constructor(
    readonly pdf: PDFDocument,
    readonly fonts: { regular: PDFFont; bold: PDFFont },
    private readonly onNewPage: (flow: Flow) => void = () => undefined,
    page?: PDFPage,
  ) {
    this.page = page ?? pdf.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - this.margin.top;
    if (!page) this.onNewPage(this);
  }

  get left() {
    return this.margin.left;
  }
  get width() {
    return A4[0] - this.margin.left - this.margin.right;
  }

  newPage(): void {
    this.page = this.pdf.addPage(A4);
    this.pages.push(this.page);
    this.y = A4[1] - this.margin.top;
    this.onNewPage(this);
  }

  /** Starts a new page unless `height` points still fit on this one. */
  ensure(height: number): void {
    if (this.y - height < this.margin.bottom) this.newPage();
  }

  space(h: number): void {
    this.y -= h;
  }

  font(bold?: boolean): PDFFont {
    return bold ? this.fonts.bold : this.fonts.regular;
  }

  /** Draws one line at the cursor's baseline without moving it. */
  draw(s: string, x: number, style: TextStyle = {}): void {
    this.page.drawText(oneLine(s), { x, y: this.y, font: this.font(style.bold), size: style.size ?? 10, color: style.color ?? BLACK });
  }

  lineHeight(size: number): number {
    return size * 1.35;
  }

  /** A paragraph (line breaks kept), wrapped to the width, across pages. */
  text(s: string, style: TextStyle = {}): void {
    const size = style.size ?? 10;
    const font = this.font(style.bold);
    const indent = style.indent ?? 0;
    const lines = wrap(s, font, size, this.width - indent);
    const lh = this.lineHeight(size);
    this.ensure(lh * Math.min(lines.length, 2 + (style.keepWithNext ?? 0)));
    for (const line of lines) {
      this.ensure(lh);
      this.y -= size;
      if (line) this.page.drawText(line, { x: this.left + indent, y: this.y, font, size, color: style.color ?? BLACK });
      this.y -= lh - size;
    }
    this.y -= style.after ?? 0;
  }

  heading(s: string, size = 12): void {
    this.space(size * 0.6);
    this.text(s, { size, bold: true, after: 3, keepWithNext: 3 });
  }

  /** One row of columns, each wrapped in its share of the width; the row does not break across pages. */
  row(columns: Column[], style: { size?: number; bold?: boolean; indent?: number } = {}): void {
    const size = style.size ?? 9;
    const lh = this.lineHeight(size);
    const indent = style.indent ?? 0;
    const total = columns.reduce((s, c) => s + c.width, 0);
    let x = this.left + indent;
    const cells = columns.map((c) => {
      const w = ((this.width - indent) * c.width) / total;
      const font = this.font(c.bold ?? style.bold);
      const cell = { x, w, font, lines: wrap(c.text, font, size, w - 6), align: c.align ?? 'left' };
      x += w;
      return cell;
    });
    const height = Math.max(1, ...cells.map((c) => c.lines.length)) * lh;
    this.ensure(height);
    for (const c of cells) {
      let y = this.y;
      for (const line of c.lines) {
        y -= size;
        const lx = c.align === 'right' ? c.x + c.w - 6 - c.font.widthOfTextAtSize(line, size) : c.x;
        if (line) this.page.drawText(line, { x: lx, y, font: c.font, size, color: BLACK });
        y -= lh - size;
      }
    }
    this.y -= height;
  }

  rule(thickness = 0.5): void {
    this.page.drawLine({ start: { x: this.left, y: this.y }, end: { x: this.left + this.width, y: this.y }, thickness, color: RULE });
  }

  /** On every page of this flow: `left` and "page X / Y" at the foot, once all its pages are laid out. */
  footers(left: string, pageLabel: (page: number, pages: number) => string, size = 7.5): void {
    const pages = this.pages;
    pages.forEach((p, n) => {
      const label = pageLabel(n + 1, pages.length);
      const y = this.margin.bottom - 30;
      const font = this.fonts.regular;
      p.drawLine({ start: { x: this.left, y: y + 10 }, end: { x: this.left + this.width, y: y + 10 }, thickness: 0.4, color: RULE });
      const room = this.width - font.widthOfTextAtSize(label, size) - 12;
      p.drawText(fit(oneLine(left), font, size, room), { x: this.left, y, font, size, color: GREY });
      p.drawText(label, { x: this.left + this.width - font.widthOfTextAtSize(label, size), y, font, size, color: GREY });
    });
  }
}
