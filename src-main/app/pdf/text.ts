import type { PDFFont } from 'pdf-lib';

/** One line of text: no control characters (pdf-lib would break lines on them). */
export const oneLine = (s: string) => [...s].map((ch) => (ch < ' ' || ch === '\u007f' ? ' ' : ch)).join('');

/** The text cut to fit `width`, with an ellipsis. */
export function fit(text: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(text, size) <= width) return text;
  const chars = [...text];
  let lo = 0, hi = chars.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (font.widthOfTextAtSize(`${chars.slice(0, mid).join('')}…`, size) <= width) lo = mid;
    else hi = mid - 1;
  }
  return `${chars.slice(0, lo).join('').trimEnd()}…`;
}

/**
 * Widths at size 1 of the strings a document measures, per font. Measuring shapes the text
 * with fontkit (OpenType lookups), which was most of the time of a PDF: wrapping measured
 * every line again for each word added. A width scales with the size; the cache goes with
 * the font, that is with its document.
 */
const widths = new WeakMap<PDFFont, Map<string, number>>();
function widthAtOne(font: PDFFont, s: string): number {
  let m = widths.get(font);
  if (!m) widths.set(font, (m = new Map()));
  let w = m.get(s);
  if (w === undefined) m.set(s, (w = font.widthOfTextAtSize(s, 1)));
  return w;
}

/**
 * The text broken into lines no wider than `width`: at spaces, keeping the author's line
 * breaks; a word wider than the line is cut where it must be. A line's width is the sum of
 * its words' and spaces' (our fonts do not kern across a space); near the limit the line is
 * measured whole, so the breaks are those of measuring every candidate line.
 */
export function wrap(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  const space = widthAtOne(font, ' ') * size;
  const NEAR = 0.05; // points: rounding of the sums, far below any glyph's width
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '', lineWidth = 0;
    for (const word of oneLine(paragraph).split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      let w = (line ? lineWidth + space : 0) + widthAtOne(font, word) * size;
      if (Math.abs(w - width) <= NEAR) w = font.widthOfTextAtSize(candidate, size);
      if (w <= width) {
        line = candidate;
        lineWidth = w;
        continue;
      }
      if (line) out.push(line);
      line = '';
      let rest = word;
      while (!fits(rest)) {
        const chars = [...rest];
        let n = chars.length - 1;
        while (n > 1 && !fits(chars.slice(0, n).join(''))) n--;
        out.push(chars.slice(0, n).join(''));
        rest = chars.slice(n).join('');
      }
      line = rest;
      lineWidth = widthAtOne(font, rest) * size;
    }
    out.push(line);
  }
  return out;
}

/** The day of `d` on this machine's clock, as the person printing sees it: 31/12/2026. */
export const localDate = (d: Date) => `${String(d.getDate()).padStart(2, '0')}/${String(d.getMonth() + 1).padStart(2, '0')}/${d.getFullYear()}`;

/** Date and time of an instant in Belgium (Europe/Brussels), whatever this machine's zone: 20/03/2026, 18:00. */
export function brusselsDateTime(d: Date): { date: string; time: string; iso: string } {
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).formatToParts(d);
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  return { date: `${p('day')}/${p('month')}/${p('year')}`, time: `${p('hour')}:${p('minute')}`, iso: `${p('year')}-${p('month')}-${p('day')}` };
}
