import fc from 'fast-check';
import type { PDFFont } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { createPdf } from './document.js';
import { oneLine, wrap } from './text.js';

/** Wrapping as it was: every candidate line measured whole. The fast wrap must break the same. */
function wrapMeasuringEveryLine(text: string, font: PDFFont, size: number, width: number): string[] {
  const out: string[] = [];
  const fits = (s: string) => font.widthOfTextAtSize(s, size) <= width;
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    for (const word of oneLine(paragraph).split(/ +/).filter(Boolean)) {
      const candidate = line ? `${line} ${word}` : word;
      if (fits(candidate)) {
        line = candidate;
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
    }
    out.push(line);
  }
  return out;
}

describe('wrap', () => {
  let fonts: PDFFont[];
  beforeAll(async () => {
    const { regular, bold } = await createPdf({ title: 'wrap', language: 'fr', createdAt: new Date('2026-05-01T10:00:00Z') });
    fonts = [regular, bold];
  });

  it('breaks minutes-like text where measuring every line would, in both fonts and any size and width', () => {
    const word = fc.constantFrom('Décharge', 'au', 'syndic', 'VAN', 'DE', 'VELDE', 'Mme', 'Dubois-Lefèvre', '«', 'oui', '»', '12,5 %', '3.87', 'copropriété', 'W', 'AV', 'l’assemblée', 'œuvre', 'ffi', '—', 'x');
    const text = fc.array(fc.oneof(word, fc.constant('\n'), fc.constant('  ')), { maxLength: 60 }).map((ws) => ws.join(' '));
    fc.assert(
      fc.property(text, fc.constantFrom(0, 1), fc.constantFrom(8, 8.5, 9, 10, 11), fc.integer({ min: 20, max: 480 }), (t, f, size, width) => {
        const font = fonts[f] as PDFFont;
        expect(wrap(t, font, size, width)).toEqual(wrapMeasuringEveryLine(t, font, size, width));
      }),
      { numRuns: 400 },
    );
  });
});
