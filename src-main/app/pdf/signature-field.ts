import { PDFArray, PDFDict, PDFName, PDFNumber, PDFString, type PDFDocument, type PDFPage } from 'pdf-lib';
import { RULE } from './flow.js';

/** Field names stay ASCII letters, digits, `_` and `-`: the signing module finds fields by name. */
export const SIGNATURE_FIELD_NAME = /^[A-Za-z0-9_-]{1,60}$/;

/**
 * An empty signature field (AcroForm /FT /Sig, ISO 32000-1 §12.7.4.5) with its widget
 * merged into it, over a box drawn in the page's content — so the box prints even where a
 * viewer does not draw empty fields, and is still there under the signature's appearance.
 * The widget has an empty normal appearance (PDF/A wants one on every visible annotation).
 * The eID signing module (src-main/signing) fills the field by name, by incremental update.
 */
export function addEmptySignatureField(pdf: PDFDocument, page: PDFPage, name: string, rect: { x: number; y: number; width: number; height: number }): void {
  if (!SIGNATURE_FIELD_NAME.test(name)) throw new Error(`Signature field names are plain ASCII: ${name}`);
  page.drawRectangle({ x: rect.x, y: rect.y, width: rect.width, height: rect.height, borderColor: RULE, borderWidth: 0.75 });
  const context = pdf.context;
  const bbox = [0, 0, rect.width, rect.height];
  const appearance = context.register(context.stream(new Uint8Array(0), { Type: 'XObject', Subtype: 'Form', BBox: bbox }));
  const widget = context.obj({
    Type: 'Annot', Subtype: 'Widget', FT: 'Sig', T: PDFString.of(name),
    Rect: [rect.x, rect.y, rect.x + rect.width, rect.y + rect.height], F: 4, P: page.ref,
    AP: { N: appearance },
  });
  const ref = context.register(widget);
  let form = pdf.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!form) {
    form = context.obj({ Fields: [] });
    pdf.catalog.set(PDFName.of('AcroForm'), context.register(form));
  }
  // SignaturesExist (bit 1): the document has signature fields.
  form.set(PDFName.of('SigFlags'), PDFNumber.of(1));
  const fields = form.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (fields) fields.push(ref);
  else form.set(PDFName.of('Fields'), context.obj([ref]));
  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray);
  if (annots) annots.push(ref);
  else page.node.set(PDFName.of('Annots'), context.obj([ref]));
}
