/**
 * The visible appearance of a signature: who signed, when, in what role, where. Data only —
 * no fixed words, so nothing here needs translating. DejaVu Sans (assets/fonts, subset)
 * covers every name an eID certificate can carry in Latin, Greek or Cyrillic script.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import {
  beginText,
  endText,
  fill,
  popGraphicsState,
  pushGraphicsState,
  rectangle,
  setFillingGrayscaleColor,
  setFillingRgbColor,
  setFontAndSize,
  setLineWidth,
  setStrokingRgbColor,
  setTextMatrix,
  showText,
  stroke,
  type PDFDocument,
  type PDFFont,
  type PDFOperator,
  type PDFRef,
} from 'pdf-lib';
import { assetDir } from './assets.js';

export interface AppearanceText {
  name: string;
  /** Already formatted (formatSigningTime). */
  when: string;
  reason?: string;
  location?: string;
}

let fontBytes: Buffer | null = null;
function appearanceFont(): Buffer {
  fontBytes ??= readFileSync(join(assetDir('fonts', 'DejaVuSans.ttf'), 'DejaVuSans.ttf'));
  return fontBytes;
}

/** "2026-03-01 18:02:11 +01:00" in `timeZone` (Europe/Brussels by default). */
export function formatSigningTime(date: Date, timeZone = 'Europe/Brussels'): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    second: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'longOffset',
  }).formatToParts(date);
  const p = (type: Intl.DateTimeFormatPartTypes) => parts.find((x) => x.type === type)?.value ?? '';
  const offset = p('timeZoneName').replace(/^GMT/, '') || '+00:00';
  return `${p('year')}-${p('month')}-${p('day')} ${p('hour')}:${p('minute')}:${p('second')} ${offset}`;
}

function fitted(font: PDFFont, text: string, maxSize: number, width: number): { text: string; size: number } {
  const minSize = 5;
  const atOne = font.widthOfTextAtSize(text, 1);
  const size = atOne > 0 ? Math.min(maxSize, width / atOne) : maxSize;
  if (size >= minSize) return { text, size };
  let t = text;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, minSize) > width) t = t.slice(0, -1);
  return { text: `${t}…`, size: minSize };
}

/**
 * A form XObject of `width` × `height` points showing the signature's text; returns its
 * reference, to be set as the widget's /AP /N.
 */
export async function signatureAppearance(doc: PDFDocument, width: number, height: number, text: AppearanceText): Promise<PDFRef> {
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(appearanceFont(), { subset: true });
  const pad = Math.min(4, width / 10, height / 10);
  const inner = Math.max(1, width - 2 * pad);
  const lines = [
    { text: text.name, max: 11 },
    { text: text.when, max: 8 },
    ...(text.reason ? [{ text: text.reason, max: 8 }] : []),
    ...(text.location ? [{ text: text.location, max: 8 }] : []),
  ].map((l) => fitted(font, l.text, l.max, inner));
  // Shrink everything together when the lines are taller than the box.
  const total = lines.reduce((sum, l) => sum + l.size * 1.25, 0);
  const k = Math.min(1, (height - 2 * pad) / total);

  const ops: PDFOperator[] = [
    pushGraphicsState(),
    setFillingGrayscaleColor(0.97),
    rectangle(0, 0, width, height),
    fill(),
    setStrokingRgbColor(0.16, 0.33, 0.6),
    setLineWidth(0.8),
    rectangle(0.4, 0.4, width - 0.8, height - 0.8),
    stroke(),
    setFillingRgbColor(0, 0, 0),
    beginText(),
  ];
  let top = height - pad;
  for (const l of lines) {
    const size = Math.max(1, l.size * k);
    top -= size * 1.25;
    ops.push(setFontAndSize('F1', size), setTextMatrix(1, 0, 0, 1, pad, top + size * 0.25), showText(font.encodeText(l.text)));
  }
  ops.push(endText(), popGraphicsState());

  await font.embed();
  const stream = doc.context.formXObject(ops, {
    BBox: [0, 0, width, height],
    Resources: { Font: { F1: font.ref } },
  });
  return doc.context.register(stream);
}
