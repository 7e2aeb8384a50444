/**
 * The AcroForm fields of a PDF, read from the objects directly (ISO 32000-1 §12.7). pdf-lib's
 * form API is not used for signing: it adds objects (a default font) and rewrites fields
 * (/Kids, appearances) that an incremental update must leave alone.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString, type PDFDocument, type PDFObject } from 'pdf-lib';
import { FieldNameTakenError } from './errors.js';

export interface Widget {
  ref: PDFRef;
  dict: PDFDict;
}

export interface FormField {
  /** The fully qualified name: partial names joined by dots. */
  name: string;
  ref: PDFRef;
  dict: PDFDict;
  /** /FT, inherited: 'Sig', 'Tx', 'Btn', 'Ch'. */
  type: string | undefined;
  widgets: Widget[];
  /** /V resolved to a dictionary: for a signature field, its signature. */
  signature: PDFDict | undefined;
}

export const N = (name: string): PDFName => PDFName.of(name);

export function textOf(o: PDFObject | undefined): string | undefined {
  if (o instanceof PDFString || o instanceof PDFHexString) return o.decodeText();
  return undefined;
}

export function acroForm(doc: PDFDocument): PDFDict | undefined {
  return doc.catalog.lookupMaybe(N('AcroForm'), PDFDict);
}

/** Every terminal field of the form, with its widgets. */
export function listFields(doc: PDFDocument): FormField[] {
  const form = acroForm(doc);
  const fields = form?.lookupMaybe(N('Fields'), PDFArray);
  const out: FormField[] = [];
  const seen = new Set<string>();
  const visit = (ref: PDFObject | undefined, parentName: string | undefined, parentType: string | undefined, depth: number): void => {
    if (!(ref instanceof PDFRef) || seen.has(ref.tag) || depth > 32) return;
    seen.add(ref.tag);
    const dict = doc.context.lookup(ref);
    if (!(dict instanceof PDFDict)) return;
    const partial = textOf(dict.lookup(N('T')));
    const name = partial === undefined ? (parentName ?? '') : parentName ? `${parentName}.${partial}` : partial;
    const ft = dict.lookupMaybe(N('FT'), PDFName)?.decodeText() ?? parentType;
    const kids = dict.lookupMaybe(N('Kids'), PDFArray);
    const kidRefs = kids ? kids.asArray() : [];
    const fieldKids = kidRefs.filter((k) => {
      const d = doc.context.lookup(k);
      return d instanceof PDFDict && d.has(N('T'));
    });
    if (fieldKids.length > 0) {
      for (const k of fieldKids) visit(k, name, ft, depth + 1);
      return;
    }
    const widgets: Widget[] = kidRefs.length
      ? kidRefs.flatMap((k) => {
          const d = doc.context.lookup(k);
          return k instanceof PDFRef && d instanceof PDFDict ? [{ ref: k, dict: d }] : [];
        })
      : [{ ref, dict }];
    const v = dict.lookup(N('V'));
    out.push({ name, ref, dict, type: ft, widgets, signature: v instanceof PDFDict ? v : undefined });
  };
  for (const f of fields?.asArray() ?? []) visit(f, undefined, undefined, 0);
  return out;
}

/** The rectangle of a widget as [x1, y1, x2, y2] (normalised), or null when it has none. */
export function widgetRect(w: Widget): [number, number, number, number] | null {
  const rect = w.dict.lookupMaybe(N('Rect'), PDFArray);
  if (!rect || rect.size() !== 4) return null;
  const n = rect.asArray().map((x) => (x instanceof PDFNumber ? x.asNumber() : Number.NaN));
  if (n.some((x) => !Number.isFinite(x))) return null;
  const [a = 0, b = 0, c = 0, d = 0] = n;
  return [Math.min(a, c), Math.min(b, d), Math.max(a, c), Math.max(b, d)];
}

export interface NewSignatureField {
  /** 1-based page number. */
  page: number;
  /** [x, y, width, height] in PDF points from the page's lower-left corner. */
  rect: [number, number, number, number];
}

/**
 * Adds an empty signature field (field and widget merged) on a page. Used when the minutes
 * have no field for a signer, and to make test documents.
 */
export function addSignatureField(doc: PDFDocument, name: string, where: NewSignatureField): FormField {
  if (listFields(doc).some((f) => f.name === name)) throw new FieldNameTakenError(name);
  const context = doc.context;
  const page = doc.getPage(where.page - 1);
  const [x, y, w, h] = where.rect;
  const dict = context.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: /^[\w .-]*$/.test(name) ? PDFString.of(name) : PDFHexString.fromText(name),
    Rect: [x, y, x + w, y + h],
    F: 4, // Print
    P: page.ref,
  });
  const ref = context.register(dict);

  let form = acroForm(doc);
  if (!form) {
    form = context.obj({ Fields: [] });
    doc.catalog.set(N('AcroForm'), context.register(form));
  }
  const fields = form.lookupMaybe(N('Fields'), PDFArray);
  if (fields) fields.push(ref);
  else form.set(N('Fields'), context.obj([ref]));

  // Straight into /Annots: pdf-lib's page helpers would normalise the page (wrap its content).
  const annots = page.node.lookupMaybe(N('Annots'), PDFArray);
  if (annots) annots.push(ref);
  else page.node.set(N('Annots'), context.obj([ref]));
  return { name, ref, dict, type: 'Sig', widgets: [{ ref, dict }], signature: undefined };
}
