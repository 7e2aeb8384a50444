import { createHash } from 'node:crypto';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, type PDFFont } from 'pdf-lib';
import { reportFonts } from '../finance/report-fonts.js';
import { APP_VERSION } from '../version.js';

export const A4: [number, number] = [595.28, 841.89];
/** Millimetres to PDF points. */
export const mm = (n: number) => (n * 72) / 25.4;

export interface PdfMeta {
  title: string;
  subject?: string;
  /** BCP 47: fr-BE, nl-BE. */
  language: string;
  author?: string;
  createdAt: Date;
}

export interface NewPdf {
  pdf: PDFDocument;
  regular: PDFFont;
  bold: PDFFont;
}

const xmlEscape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
/** XMP dates carry the offset; ours are UTC. */
const xmpDate = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * XMP metadata matching the document information dictionary (title, author, subject,
 * language, dates, tools), as PDF/A asks (ISO 19005-2 §6.6.2). Uncompressed.
 */
function xmp(meta: PdfMeta, producer: string, creator: string): string {
  const alt = (s: string) => `<rdf:Alt><rdf:li xml:lang="x-default">${xmlEscape(s)}</rdf:li></rdf:Alt>`;
  return `<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
 <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
  <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
   <dc:format>application/pdf</dc:format>
   <dc:title>${alt(meta.title)}</dc:title>
${meta.subject ? `   <dc:description>${alt(meta.subject)}</dc:description>\n` : ''}${meta.author ? `   <dc:creator><rdf:Seq><rdf:li>${xmlEscape(meta.author)}</rdf:li></rdf:Seq></dc:creator>\n` : ''}   <dc:language><rdf:Bag><rdf:li>${xmlEscape(meta.language)}</rdf:li></rdf:Bag></dc:language>
   <xmp:CreateDate>${xmpDate(meta.createdAt)}</xmp:CreateDate>
   <xmp:ModifyDate>${xmpDate(meta.createdAt)}</xmp:ModifyDate>
   <xmp:MetadataDate>${xmpDate(meta.createdAt)}</xmp:MetadataDate>
   <xmp:CreatorTool>${xmlEscape(creator)}</xmp:CreatorTool>
   <pdf:Producer>${xmlEscape(producer)}</pdf:Producer>
  </rdf:Description>
 </rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>`;
}

/**
 * A new PDF with the report fonts (DejaVu, assets/fonts) embedded as subsets and its
 * metadata set: title, language, dates, XMP, a file identifier. Only embedded fonts and
 * opaque colours are used by our layouts, the things PDF/A cares most about (an output
 * intent with an ICC profile is still missing: see docs/governance.md).
 */
export async function createPdf(meta: PdfMeta): Promise<NewPdf> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(fontkit);
  const fonts = reportFonts();
  const regular = await pdf.embedFont(fonts.regular, { subset: true });
  const bold = await pdf.embedFont(fonts.bold, { subset: true });
  const creator = `KoproGo ${APP_VERSION}`;
  const producer = 'KoproGo (pdf-lib)';
  pdf.setTitle(meta.title, { showInWindowTitleBar: true });
  if (meta.subject) pdf.setSubject(meta.subject);
  if (meta.author) pdf.setAuthor(meta.author);
  pdf.setLanguage(meta.language);
  pdf.setCreator(creator);
  pdf.setProducer(producer);
  pdf.setCreationDate(meta.createdAt);
  pdf.setModificationDate(meta.createdAt);
  const stream = pdf.context.stream(Buffer.from(xmp(meta, producer, creator), 'utf8'), { Type: 'Metadata', Subtype: 'XML' });
  pdf.catalog.set(PDFName.of('Metadata'), pdf.context.register(stream));
  const id = createHash('sha256').update(`${meta.title}\n${meta.createdAt.toISOString()}\n${meta.subject ?? ''}`).digest('hex').slice(0, 32);
  pdf.context.trailerInfo.ID = pdf.context.obj([PDFHexString.of(id), PDFHexString.of(id)]);
  return { pdf, regular, bold };
}
