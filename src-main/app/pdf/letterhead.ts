import type { EntityManager } from '@mikro-orm/knex';
import type { PDFFont } from 'pdf-lib';
import { FirmSchema, type Building } from '../../db/entities/index.js';
import { A4, mm } from './document.js';
import { BLACK, type Flow } from './flow.js';
import { fit } from './text.js';

/** The firm and the building, as every letter and document shows them. */
export interface LetterHead {
  firm: { name: string; bce: string | null; ipiNumber: string | null; address: string | null };
  building: { name: string; address: string; bce: string | null };
}

export async function letterHeadFor(em: EntityManager, b: Building): Promise<LetterHead & { firmCity: string | null }> {
  const f = await em.findOne(FirmSchema, { id: { $gt: 0 } }, { orderBy: { id: 'asc' } });
  return {
    firm: { name: f?.name ?? '', bce: f?.bce ?? null, ipiNumber: f?.ipiNumber ?? null, address: f?.street && f.postalCode && f.city ? `${f.street}, ${f.postalCode} ${f.city}` : null },
    firmCity: f?.city ?? null,
    building: { name: b.name, address: `${b.street}, ${b.postalCode} ${b.city}`, bce: b.bce ?? null },
  };
}

/**
 * Address block for a window envelope with the window on the right (DL / C5-6, window
 * 100 × 45 mm, 20 mm from the right edge and 50 mm from the top — the usual Belgian
 * layout): the address starts 5 mm inside the window so that it never slips under its edge.
 */
const WINDOW = { left: mm(95), top: mm(55), width: mm(90) };

export function drawWindowAddress(flow: Flow, lines: readonly string[], mark: string | null, font: { regular: PDFFont; bold: PDFFont }): void {
  let y = A4[1] - WINDOW.top;
  if (mark) flow.page.drawText(mark, { x: WINDOW.left, y: y + 4, font: font.bold, size: 9, color: BLACK });
  y -= 14;
  for (const [i, line] of lines.entries()) {
    flow.page.drawText(fit(line, i === 0 ? font.bold : font.regular, 10.5, WINDOW.width), { x: WINDOW.left, y, font: i === 0 ? font.bold : font.regular, size: 10.5, color: BLACK });
    y -= 13.5;
  }
}

export const postalLines = (name: string, a: { street: string; postalCode: string; city: string; country?: string | null }) =>
  [name, a.street, `${a.postalCode} ${a.city}`, ...(a.country && a.country !== 'BE' ? [a.country] : [])];
