import { parse } from 'csv-parse/sync';
import type { z } from 'zod';
import type { Problem } from '../../../src-shared/result.js';
import { ownerInput, LOT_KINDS, type LotKind } from '../../../src-shared/contract/portfolio.js';
import { zodProblems } from '../dispatch.js';

/**
 * The owners CSV (docs/import-owners.md): one row per owner of a lot; joint owners of a
 * lot take one row each with their fraction. `;` or `,` separated, UTF-8 or Windows-1252.
 */
export const OWNERS_CSV_COLUMNS = [
  'lot', 'kind', 'floor', 'shares', 'owner_kind', 'name', 'first_name', 'bce', 'street', 'postal_code',
  'city', 'country', 'language', 'email', 'email_consent', 'fraction', 'since',
] as const;
type Column = (typeof OWNERS_CSV_COLUMNS)[number];
const REQUIRED: Column[] = ['lot', 'kind', 'shares', 'name', 'street', 'postal_code', 'city'];

/** Header words a firm's previous software may use, in FR and NL, mapped to ours. */
const ALIASES: Record<string, Column> = {
  lot: 'lot', lot_number: 'lot', kavel: 'lot', numero: 'lot', 'numéro': 'lot',
  kind: 'kind', type: 'kind', soort: 'kind',
  floor: 'floor', etage: 'floor', 'étage': 'floor', verdieping: 'floor',
  shares: 'shares', quotites: 'shares', 'quotités': 'shares', quote_part: 'shares', aandelen: 'shares', millièmes: 'shares', milliemes: 'shares',
  owner_kind: 'owner_kind', name: 'name', nom: 'name', naam: 'name', first_name: 'first_name', prenom: 'first_name', 'prénom': 'first_name', voornaam: 'first_name',
  bce: 'bce', kbo: 'bce', vat: 'bce', street: 'street', rue: 'street', adresse: 'street', straat: 'street', adres: 'street',
  postal_code: 'postal_code', code_postal: 'postal_code', postcode: 'postal_code', city: 'city', ville: 'city', localite: 'city', 'localité': 'city', gemeente: 'city', stad: 'city',
  country: 'country', pays: 'country', land: 'country', language: 'language', langue: 'language', taal: 'language',
  email: 'email', 'e-mail': 'email', mail: 'email', email_consent: 'email_consent', fraction: 'fraction', breuk: 'fraction', aandeel: 'fraction', since: 'since', depuis: 'since', sinds: 'since',
};

const KIND_WORDS: Record<string, LotKind> = {
  apartment: 'apartment', appartement: 'apartment', flat: 'apartment', commercial: 'commercial', commerce: 'commercial', handelspand: 'commercial', winkel: 'commercial',
  parking: 'parking', cellar: 'cellar', cave: 'cellar', kelder: 'cellar', garage: 'garage', box: 'garage', other: 'other', autre: 'other', ander: 'other', andere: 'other',
};
const YES = new Set(['1', 'yes', 'y', 'true', 'oui', 'o', 'ja', 'j', 'x']);
const NO = new Set(['', '0', 'no', 'n', 'false', 'non', 'nee']);

export interface OwnersCsvRow {
  line: number;
  lot: { number: string; kind: LotKind; floor: number | null; shares: number };
  owner: z.output<typeof ownerInput>;
  fraction: { fractionNum: number; fractionDen: number };
  since: string;
}

const normalizeHeader = (h: string) => h.trim().toLowerCase().replace(/\s+/g, '_');

/** Detects `;` or `,` from the header line (Excel in Belgium writes `;`). */
function detectDelimiter(text: string): string {
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  return (first.match(/;/g)?.length ?? 0) >= (first.match(/,/g)?.length ?? 0) ? ';' : ',';
}

function parseDate(raw: string): string | null {
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw);
  const be = /^(\d{1,2})[/.](\d{1,2})[/.](\d{4})$/.exec(raw);
  const [y, mo, d] = iso ? [iso[1], iso[2], iso[3]] : be ? [be[3], be[2]?.padStart(2, '0'), be[1]?.padStart(2, '0')] : [];
  if (!y || !mo || !d) return null;
  const out = `${y}-${mo}-${d}`;
  const date = new Date(`${out}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === out ? out : null;
}

export function parseOwnersCsv(text: string, today: string): { rows: OwnersCsvRow[]; problems: Problem[] } {
  const problems: Problem[] = [];
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(text, { delimiter: detectDelimiter(text), bom: true, info: true, skip_empty_lines: true, relax_column_count: true, trim: true }) as unknown as typeof records;
  } catch (e) {
    const err = e as { lines?: number; message: string };
    return { rows: [], problems: [{ line: err.lines ?? 1, code: 'csv_syntax', message: err.message }] };
  }
  const header = records[0];
  if (!header) return { rows: [], problems: [{ line: 1, code: 'csv_empty', message: 'The file is empty' }] };
  const colIndex = new Map<Column, number>();
  header.record.forEach((h, i) => {
    const col = ALIASES[normalizeHeader(h)];
    if (!col) problems.push({ line: header.info.lines, column: i + 1, path: [h], code: 'csv_unknown_column', message: `Unknown column "${h}" (expected: ${OWNERS_CSV_COLUMNS.join(', ')})` });
    else if (colIndex.has(col)) problems.push({ line: header.info.lines, column: i + 1, path: [h], code: 'csv_duplicate_column', message: `Column "${col}" appears twice` });
    else colIndex.set(col, i);
  });
  for (const c of REQUIRED) if (!colIndex.has(c)) problems.push({ line: header.info.lines, path: [c], code: 'csv_missing_column', message: `Required column "${c}" is missing` });
  if (problems.length) return { rows: [], problems };

  const rows: OwnersCsvRow[] = [];
  for (const { record, info } of records.slice(1)) {
    const line = info.lines;
    const get = (c: Column) => {
      const i = colIndex.get(c);
      return i === undefined ? '' : (record[i] ?? '').trim();
    };
    const at = (c: Column, code: string, message: string) => problems.push({ line, column: (colIndex.get(c) ?? -1) + 1, path: [c], code, message });
    const before = problems.length;

    const kindRaw = get('kind').toLowerCase();
    const kind = KIND_WORDS[kindRaw];
    if (!kind) at('kind', 'lot_kind', `Unknown lot kind "${get('kind')}" (one of ${LOT_KINDS.join(', ')})`);
    const sharesRaw = get('shares');
    const shares = /^\d+$/.test(sharesRaw) ? Number(sharesRaw) : NaN;
    if (!Number.isSafeInteger(shares)) at('shares', 'shares_integer', `Quote-parts must be a whole number ≥ 0, not "${sharesRaw}"`);
    const floorRaw = get('floor');
    const floor = floorRaw === '' ? null : /^-?\d+$/.test(floorRaw) ? Number(floorRaw) : NaN;
    if (floor !== null && Number.isNaN(floor)) at('floor', 'floor_integer', `Floor must be a whole number, not "${floorRaw}"`);
    if (get('lot') === '') at('lot', 'required', 'The lot number is missing');
    else if (get('lot').length > 20) at('lot', 'too_big', 'A lot number has at most 20 characters');

    const consentRaw = get('email_consent').toLowerCase();
    if (!YES.has(consentRaw) && !NO.has(consentRaw)) at('email_consent', 'boolean', `E-mail consent is yes or no, not "${get('email_consent')}"`);
    const ownerKindRaw = get('owner_kind').toLowerCase();
    const ownerKind = ownerKindRaw === '' || ['person', 'personne', 'persoon'].includes(ownerKindRaw) ? 'person' : ['company', 'société', 'societe', 'bedrijf', 'vennootschap'].includes(ownerKindRaw) ? 'company' : null;
    if (!ownerKind) at('owner_kind', 'owner_kind', `Owner kind is person or company, not "${get('owner_kind')}"`);
    const owner = ownerInput.safeParse({
      kind: ownerKind ?? 'person', name: get('name'), firstName: get('first_name') || null, bce: get('bce') || null,
      address: { street: get('street'), postalCode: get('postal_code'), city: get('city'), country: get('country') || 'BE' },
      language: (get('language') || 'fr').toLowerCase(), email: get('email') || null, emailConsent: YES.has(consentRaw), phone: null,
    });
    if (!owner.success) {
      const toColumn: Record<string, Column> = { name: 'name', firstName: 'first_name', bce: 'bce', street: 'street', postalCode: 'postal_code', city: 'city', country: 'country', language: 'language', email: 'email', kind: 'owner_kind' };
      for (const p of zodProblems(owner.error)) {
        const field = String(p.path?.[p.path.length - 1] ?? 'name');
        at(toColumn[field] ?? 'name', p.code, p.message);
      }
    }
    const fractionRaw = get('fraction') || '1';
    const fm = /^(\d+)(?:\s*\/\s*(\d+))?$/.exec(fractionRaw);
    const fraction = fm ? { fractionNum: Number(fm[1]), fractionDen: Number(fm[2] ?? '1') } : null;
    if (!fraction || fraction.fractionNum <= 0 || fraction.fractionDen <= 0 || fraction.fractionNum > fraction.fractionDen) at('fraction', 'fraction', `A fraction looks like 1/2 and is at most 1, not "${fractionRaw}"`);
    const since = get('since') === '' ? today : parseDate(get('since'));
    if (!since) at('since', 'date', `A date is YYYY-MM-DD or DD/MM/YYYY, not "${get('since')}"`);

    if (problems.length === before && kind && owner.success && fraction && since) {
      rows.push({ line, lot: { number: get('lot'), kind, floor, shares }, owner: owner.data, fraction, since });
    }
  }
  if (records.length === 1 && !problems.length) problems.push({ line: 2, code: 'csv_no_rows', message: 'The file has a header but no rows' });
  return { rows, problems };
}
