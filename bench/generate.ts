/**
 * The benchmark portfolio: a large syndic firm, generated reproducibly (fixed seed, no clock)
 * and written in bulk through the migrated schema — `koprogo seed-bench --scale N`.
 *
 * Scale 1: 300 buildings, 12 000 lots, 15 000 owners (joint ownerships, transfers over the
 * years), 10 fiscal years per building (2017–2025 closed, 2026 open), quarterly calls for
 * funds and a yearly reserve-fund call with their OGM, owners' payments on monthly bank
 * statements, ~60 000 supplier invoices (most paid, a few hundred waiting for approval)
 * with their purchase and payment entries, monthly bank charges: about 2 million journal
 * lines; a closed ordinary general assembly of 2026 in one building in six (50 at scale 1,
 * generate-assemblies.ts). Charge statements, documents and the audit trail of the
 * generated rows are not generated.
 *
 * The rows follow the handlers' conventions, so that the handlers read them as their own:
 * the chart, journals and bank sub-accounts of ensureBookkeeping, 4100-/4101-<owner> and
 * 440-<supplier> sub-accounts, entries numbered per journal and fiscal year without gaps
 * in date order (postEntry), lines carrying building, year and date, invoices and their
 * events as invoices.handlers.ts writes them, call amounts computed by the same allocate().
 * The handlers would take hours for this; bulk inserts in transactions take a minute or two.
 */
import { fakerFR_BE, fakerNL_BE, type Faker } from '@faker-js/faker';
import cliProgress from 'cli-progress';
import type { Knex } from 'knex';
import { startApp } from '../src-main/app/bootstrap.js';
import { memorySettings } from '../src-main/app/local-settings.js';
import { ownerDisplayName } from '../src-main/app/portfolio/mappers.js';
import { JOURNALS } from '../src-main/app/finance/bookkeeping-setup.js';
import { PCMN_ACP_ROWS } from '../src-main/domain/chart/pcmn-acp.data.js';
import { allocate, type LotOwnerShare } from '../src-main/domain/allocation.js';
import { distribute } from '../src-main/domain/distribution.js';
import { ogmCheckDigits } from '../src-shared/values/ogm.js';
import { mod97 } from '../src-shared/values/iban.js';
import type { DbTarget } from '../src-main/db/orm.js';
import { ASSEMBLY_TABLES, generateAssembly, type AssemblyWriter } from './generate-assemblies.js';
import { BENCH_NOW, BENCH_PASSWORD, BENCH_TODAY, BENCH_USERS, benchSizes, DEFAULT_SEED, FIRST_YEAR, GENERATOR_VERSION, LAST_YEAR } from './bench-firm.js';

export { BENCH_NOW, BENCH_PASSWORD, BENCH_TODAY, BENCH_USERS, benchSizes, DEFAULT_SEED, FIRST_YEAR, GENERATOR_VERSION, LAST_YEAR, type BenchSizes } from './bench-firm.js';

export interface SeedBenchOptions {
  target: DbTarget;
  scale: number;
  seed?: number;
  /** A progress bar on stderr (when stderr is a terminal). */
  progress?: boolean;
}

export interface SeedBenchResult {
  scale: number;
  seed: number;
  seconds: number;
  counts: Record<string, number>;
}

// ---------------------------------------------------------------------------- randomness

/** mulberry32: a small seeded PRNG; the same seed gives the same portfolio. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1));
  const normal = () => Math.sqrt(-2 * Math.log(1 - next())) * Math.cos(2 * Math.PI * next());
  return {
    next,
    int,
    chance: (p: number) => next() < p,
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] as T,
    /** A log-normal value around `median`. */
    around: (median: number, sigma: number) => median * Math.exp(sigma * normal()),
    weighted: <T>(items: readonly (readonly [T, number])[]): T => {
      const total = items.reduce((s, [, w]) => s + w, 0);
      let r = next() * total;
      for (const [v, w] of items) if ((r -= w) < 0) return v;
      return (items[items.length - 1] as readonly [T, number])[0];
    },
  };
}
type Rng = ReturnType<typeof prng>;

// ---------------------------------------------------------------------------- dates

const DAY = 86_400_000;
const toMs = (iso: string) => Date.parse(`${iso}T00:00:00Z`);
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const addDays = (iso: string, days: number) => isoOf(toMs(iso) + days * DAY);
const lastDayOfMonth = (year: number, month: number) => isoOf(Date.UTC(year, month, 0));
const minIso = (a: string, b: string) => (a < b ? a : b);

// ---------------------------------------------------------------------------- reference data

/** Postal code, municipality, language of the building's ACP. */
const CITIES: readonly (readonly [string, string, 'fr' | 'nl'])[] = [
  ['1000', 'Bruxelles', 'fr'], ['1050', 'Ixelles', 'fr'], ['1060', 'Saint-Gilles', 'fr'], ['1030', 'Schaerbeek', 'fr'],
  ['1180', 'Uccle', 'fr'], ['1200', 'Woluwe-Saint-Lambert', 'fr'], ['1150', 'Woluwe-Saint-Pierre', 'fr'], ['1040', 'Etterbeek', 'fr'],
  ['1190', 'Forest', 'fr'], ['1090', 'Jette', 'nl'], ['4000', 'Liège', 'fr'], ['5000', 'Namur', 'fr'], ['6000', 'Charleroi', 'fr'],
  ['7000', 'Mons', 'fr'], ['1300', 'Wavre', 'fr'], ['1348', 'Louvain-la-Neuve', 'fr'], ['9000', 'Gent', 'nl'], ['2000', 'Antwerpen', 'nl'],
  ['2018', 'Antwerpen', 'nl'], ['8000', 'Brugge', 'nl'], ['3000', 'Leuven', 'nl'], ['2800', 'Mechelen', 'nl'], ['8400', 'Oostende', 'nl'],
  ['3500', 'Hasselt', 'nl'], ['1800', 'Vilvoorde', 'nl'], ['8300', 'Knokke-Heist', 'nl'], ['8370', 'Blankenberge', 'nl'], ['8670', 'Koksijde', 'nl'],
];

/** Supplier trades: the expense account (PCMN ACP), invoices a year in a 40-lot building, median amount in euros. */
const TRADES = [
  { trade: 'cleaning', account: '6105', perYear: 6, median: 650, fr: 'Nettoyage des communs', nl: 'Schoonmaak gemeenschappelijke delen', suffix: ['Net', 'Clean', 'Propreté'] },
  { trade: 'lift', account: '6101', perYear: 2.5, median: 750, fr: 'Entretien ascenseur', nl: 'Onderhoud lift', suffix: ['Lift', 'Elevators', 'Ascenseurs'] },
  { trade: 'electricity', account: '6121', perYear: 2.5, median: 1_100, fr: 'Électricité des communs', nl: 'Elektriciteit gemeenschappelijke delen', suffix: ['Energy', 'Power'] },
  { trade: 'water', account: '6120', perYear: 1.2, median: 900, fr: 'Eau', nl: 'Water', suffix: ['Water', 'Eaux'] },
  { trade: 'heating', account: '6122', perYear: 1.5, median: 2_800, fr: 'Gaz chauffage', nl: 'Gas verwarming', suffix: ['Gaz', 'Gas'] },
  { trade: 'insurance', account: '614', perYear: 0.5, median: 4_500, fr: 'Assurance incendie immeuble', nl: 'Brandverzekering gebouw', suffix: ['Assurances', 'Verzekeringen'] },
  { trade: 'garden', account: '6106', perYear: 1, median: 600, fr: 'Entretien jardin', nl: 'Tuinonderhoud', suffix: ['Jardins', 'Tuinen'] },
  { trade: 'maintenance', account: '6107', perYear: 1.5, median: 950, fr: 'Petites réparations', nl: 'Kleine herstellingen', suffix: ['Bâtiment', 'Bouw'] },
  { trade: 'fire', account: '6100', perYear: 0.4, median: 380, fr: 'Contrôle extincteurs', nl: 'Controle brandblussers', suffix: ['Fire', 'Sécurité'] },
  { trade: 'plumbing', account: '6103', perYear: 0.8, median: 520, fr: 'Sanitaire et chauffage', nl: 'Sanitair en verwarming', suffix: ['Chauffage', 'Sanitair'] },
  { trade: 'electrical', account: '6102', perYear: 0.6, median: 430, fr: 'Installation électrique', nl: 'Elektrische installatie', suffix: ['Elec', 'Elektro'] },
  { trade: 'joinery', account: '6104', perYear: 0.3, median: 1_200, fr: 'Menuiserie', nl: 'Schrijnwerk', suffix: ['Menuiserie', 'Schrijnwerk'] },
  { trade: 'studies', account: '6110', perYear: 0.1, median: 3_500, fr: "Bureau d'études", nl: 'Studiebureau', suffix: ['Ingénierie', 'Studies'] },
  { trade: 'lawyer', account: '6163', perYear: 0.1, median: 1_500, fr: 'Honoraires avocat', nl: 'Erelonen advocaat', suffix: ['Avocats', 'Advocaten'] },
] as const;

/** Belgian IBAN of a counter: bank code, account, national check, ISO check digits. */
function belgianIban(n: number): string {
  const banks = ['001', '063', '068', '310', '363', '732', '735', '091', '143', '751'];
  const bban10 = `${banks[n % banks.length]}${String(Math.floor(n / banks.length) + 1_000_000).slice(-7)}`;
  const national = String(Number(BigInt(bban10) % 97n) || 97).padStart(2, '0');
  const bban = bban10 + national;
  const check = String(98 - mod97(`${bban}111400`)).padStart(2, '0');
  return `BE${check}${bban}`;
}

function bce(rng: Rng, first: '0' | '1' = '0'): string {
  const base = Number(`${first}${String(rng.int(2_000_000, 9_999_999))}`);
  return `${String(base).padStart(8, '0')}${String(97 - (base % 97)).padStart(2, '0')}`;
}

const ascii = (s: string) => s.normalize('NFD').replace(/[^\w]/g, '').toLowerCase();

// ---------------------------------------------------------------------------- bulk writer

/** Columns of every table written, in the order rows are pushed (and FK order). */
const TABLES = {
  owner: ['id', 'kind', 'name', 'first_name', 'bce', 'street', 'postal_code', 'city', 'country', 'language', 'email', 'email_consent', 'email_consent_at', 'phone', 'created_at', 'updated_at'],
  supplier: ['id', 'name', 'bce', 'iban', 'default_expense_account', 'email', 'created_at'],
  building: ['id', 'name', 'street', 'postal_code', 'city', 'country', 'bce', 'total_shares', 'created_at', 'updated_at'],
  bank_account: ['id', 'building_id', 'iban', 'label', 'purpose'],
  lot: ['id', 'building_id', 'number', 'kind', 'floor', 'shares'],
  ownership: ['id', 'lot_id', 'owner_id', 'fraction_num', 'fraction_den', 'valid_from', 'valid_to'],
  ledger_account: ['id', 'building_id', 'code', 'label_fr', 'label_nl', 'type', 'parent_code', 'owner_id', 'supplier_id', 'bank_account_id', 'from_chart'],
  journal: ['id', 'building_id', 'code', 'kind', 'bank_account_id'],
  fiscal_year: ['id', 'building_id', 'start_date', 'end_date', 'status', 'closed_at'],
  journal_entry: ['id', 'building_id', 'journal_id', 'fiscal_year_id', 'number', 'date', 'description', 'total_cents', 'reversal_of_id', 'reversed_by_id', 'source_type', 'source_id', 'posted_at', 'posted_by'],
  journal_line: ['id', 'entry_id', 'building_id', 'fiscal_year_id', 'account_id', 'date', 'debit_cents', 'credit_cents', 'label'],
  fund_call: ['id', 'building_id', 'kind', 'label', 'call_date', 'due_date', 'total_cents', 'key_id', 'entry_id', 'created_at'],
  fund_call_line: ['id', 'call_id', 'owner_id', 'amount_cents', 'ogm'],
  invoice: ['id', 'building_id', 'supplier_id', 'number', 'invoice_date', 'due_date', 'amount_cents', 'vat_cents', 'expense_account', 'distribution_key_id', 'period_start', 'period_end', 'description', 'document_id', 'status', 'submitted_by', 'approvals', 'rejection_reason', 'entry_id', 'payment_entry_id', 'created_at', 'updated_at', 'statement_id'],
  invoice_event: ['id', 'invoice_id', 'at', 'actor', 'action', 'from_status', 'to_status', 'note'],
  ...ASSEMBLY_TABLES,
} as const;
type Table = keyof typeof TABLES;
type Cell = string | number | boolean | null | Date;

/**
 * Buffers rows per table and writes them as multi-row INSERTs of a few thousand rows, in
 * foreign-key order, inside the caller's transaction. The INSERT text of a given size is
 * built once. Datetimes: epoch milliseconds on SQLite (what MikroORM stores), Date on PG.
 */
class BulkWriter {
  private readonly rows = new Map<Table, Cell[][]>();
  private readonly sqlCache = new Map<string, string>();
  readonly written: Record<string, number> = {};
  constructor(private readonly driver: DbTarget['driver']) {}

  /** A datetime cell as the driver stores it. */
  at(ms: number): Cell {
    return this.driver === 'sqlite' ? ms : new Date(ms);
  }

  bool(v: boolean): Cell {
    return this.driver === 'sqlite' ? (v ? 1 : 0) : v;
  }

  add(table: Table, row: Cell[]): void {
    let list = this.rows.get(table);
    if (!list) this.rows.set(table, (list = []));
    list.push(row);
  }

  /** Writes everything buffered, parents before children. */
  async flush(trx: Knex.Transaction): Promise<void> {
    for (const table of Object.keys(TABLES) as Table[]) {
      const list = this.rows.get(table);
      if (!list?.length) continue;
      const cols = TABLES[table];
      // SQLite takes 32 766 parameters a statement, PostgreSQL 65 535.
      const perBatch = Math.min(2_000, Math.floor(30_000 / cols.length));
      for (let i = 0; i < list.length; i += perBatch) {
        const chunk = list.slice(i, i + perBatch);
        const bindings: Cell[] = [];
        for (const r of chunk) for (const c of r) bindings.push(c);
        await trx.raw(this.insertSql(table, chunk.length), bindings as Knex.RawBinding[]);
      }
      this.written[table] = (this.written[table] ?? 0) + list.length;
      this.rows.set(table, []);
    }
  }

  private insertSql(table: Table, n: number): string {
    const key = `${table}:${n}`;
    let text = this.sqlCache.get(key);
    if (!text) {
      const cols = TABLES[table];
      const one = `(${cols.map(() => '?').join(',')})`;
      text = `insert into "${table}" (${cols.map((c) => `"${c}"`).join(',')}) values ${new Array<string>(n).fill(one).join(',')}`;
      this.sqlCache.set(key, text);
    }
    return text;
  }
}

// ---------------------------------------------------------------------------- the model

interface OwnerRec { id: number; name: string; display: string; language: 'fr' | 'nl' }
interface Period { owners: LotOwnerShare[]; from: string; to: string | null }
interface LotRec { id: number; number: string; kind: string; shares: number; periods: Period[] }
interface SupplierRec { id: number; name: string; trade: (typeof TRADES)[number]; seq: number }

interface LineSpec { account: number; d: number; c: number; label: string | null }
interface EntrySpec {
  journal: string;
  date: string;
  order: number;
  description: string;
  sourceType: string;
  sourceId: number | null;
  postedBy: string;
  lines: LineSpec[];
  /** Told the entry id once it is numbered. */
  onId?: (id: number) => void;
}

/** Ids are given here (the database is empty), so rows reference each other without reading back. */
class Ids {
  private readonly next = new Map<string, number>();
  take(table: Table): number {
    const n = (this.next.get(table) ?? 0) + 1;
    this.next.set(table, n);
    return n;
  }
  last(table: Table): number {
    return this.next.get(table) ?? 0;
  }
}

/** Lots of a building: flats by floor, then parkings, cellars, garages, a shop or two. */
function planLots(rng: Rng, count: number): { number: string; kind: string; floor: number | null; weight: number }[] {
  const out: { number: string; kind: string; floor: number | null; weight: number }[] = [];
  const parking = Math.round(count * 0.12), cellar = Math.round(count * 0.1), garage = Math.round(count * 0.04);
  const commercial = count >= 20 ? Math.max(1, Math.round(count * 0.03)) : 0;
  const flats = Math.max(1, count - parking - cellar - garage - commercial);
  const perFloor = flats > 40 ? 6 : flats > 12 ? 4 : 2;
  for (let i = 0; i < flats; i++) {
    const floor = Math.floor(i / perFloor) + 1;
    out.push({ number: `${floor}.${String.fromCharCode(65 + (i % perFloor))}`, kind: 'apartment', floor, weight: rng.int(45, 140) });
  }
  for (let i = 0; i < commercial; i++) out.push({ number: `R.${String.fromCharCode(65 + i)}`, kind: 'commercial', floor: 0, weight: rng.int(60, 200) });
  const rest = count - out.length;
  const kinds: [string, string, number, number][] = [['P', 'parking', 5, 9], ['C', 'cellar', 2, 5], ['G', 'garage', 7, 12]];
  const wanted = [parking, cellar, garage];
  for (let k = 0, made = 0; k < kinds.length && made < rest; k++) {
    const [prefix, kind, lo, hi] = kinds[k] as [string, string, number, number];
    const n = k === kinds.length - 1 ? rest - made : Math.min(wanted[k] ?? 0, rest - made);
    for (let i = 0; i < n; i++) out.push({ number: `${prefix}${String(i + 1).padStart(2, '0')}`, kind, floor: -1, weight: rng.int(lo, hi) });
    made += n;
  }
  return out.slice(0, count);
}

/** Joint ownership (indivision / onverdeeldheid): one owner mostly, sometimes two or three equal shares. */
function jointCount(rng: Rng): number {
  const r = rng.next();
  return r < 0.88 ? 1 : r < 0.97 ? 2 : 3;
}

// ---------------------------------------------------------------------------- generation

export async function seedBench(opts: SeedBenchOptions): Promise<SeedBenchResult> {
  const started = performance.now();
  const seed = opts.seed ?? DEFAULT_SEED;
  const sizes = benchSizes(opts.scale);
  const rng = prng(seed);
  fakerFR_BE.seed(seed);
  fakerNL_BE.seed(seed + 1);
  const fakers: Record<'fr' | 'nl', Faker> = { fr: fakerFR_BE, nl: fakerNL_BE };

  const app = await startApp({ target: opts.target, door: 'cli', localSettings: memorySettings(), now: () => BENCH_NOW });
  const driver = opts.target.driver;
  const knex = app.db.em().getKnex();
  const bar = opts.progress && process.stderr.isTTY
    ? new cliProgress.SingleBar({ format: 'seed-bench |{bar}| {value}/{total} buildings · {phase} · {duration_formatted}', hideCursor: true, stream: process.stderr }, cliProgress.Presets.shades_classic)
    : null;
  try {
    const [{ n }] = (await knex('building').count({ n: '*' })) as [{ n: number | string }];
    if (Number(n) > 0) throw new SeedRefusedError('seed-bench fills an empty database: this one already has buildings.');

    // Two people of the firm, through the handlers: the accountant encodes, the syndic approves.
    const users: Record<'syndic' | 'accountant', number> = { syndic: 0, accountant: 0 };
    for (const role of ['syndic', 'accountant'] as const) {
      const r = await app.dispatcher.call('users.create', { email: BENCH_USERS[role], displayName: `Bench ${role}`, language: 'fr', password: BENCH_PASSWORD, roles: [{ role, buildingId: null, ownerId: null }] }, { cli: true });
      if (!r.ok) throw new Error(`users.create: ${r.error.message}`);
      users[role] = (r.value as { id: number }).id;
    }
    const accountantLabel = `user:${users.accountant}`, syndicLabel = `user:${users.syndic}`;

    if (driver === 'sqlite') {
      // Only while generating: no fsync, a large page cache. Restored below.
      await knex.raw('PRAGMA synchronous=OFF');
      await knex.raw('PRAGMA cache_size=-1000000');
      await knex.raw('PRAGMA temp_store=MEMORY');
    }
    const w = new BulkWriter(driver);
    const ids = new Ids();
    bar?.start(sizes.buildings, 0, { phase: 'owners and suppliers' });

    // ---- owners and suppliers (firm-wide)
    const owners: OwnerRec[] = [];
    for (let i = 0; i < sizes.owners; i++) {
      const language = rng.chance(0.55) ? 'fr' : 'nl';
      const fk = fakers[language];
      const company = rng.chance(0.06);
      const id = ids.take('owner');
      const name = company ? fk.company.name().slice(0, 160) : fk.person.lastName();
      const firstName = company ? null : fk.person.firstName();
      const [postalCode, city] = rng.pick(CITIES);
      const email = rng.chance(0.65) ? `${ascii(firstName ?? 'contact')}.${ascii(name).slice(0, 20)}.${id}@example.be` : null;
      const consent = email !== null && rng.chance(0.7);
      const createdMs = toMs('2016-09-01') + rng.int(0, 60) * DAY;
      w.add('owner', [id, company ? 'company' : 'person', name, firstName, company ? bce(rng) : null, `${fk.location.street()} ${fk.location.buildingNumber()}`.slice(0, 200),
        postalCode, city, 'BE', language, email, w.bool(consent), consent ? w.at(createdMs) : null, rng.chance(0.5) ? `04${rng.int(70, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)} ${rng.int(10, 99)}` : null, w.at(createdMs), w.at(createdMs)]);
      owners.push({ id, name, display: ownerDisplayName({ kind: company ? 'company' : 'person', name, firstName }), language });
    }
    const suppliersByTrade = new Map<string, SupplierRec[]>();
    let ibanSeq = 1;
    for (let i = 0; i < sizes.suppliers; i++) {
      const trade = TRADES[i % TRADES.length] as (typeof TRADES)[number];
      const id = ids.take('supplier');
      const lang = rng.chance(0.5) ? 'fr' : 'nl';
      const name = `${fakers[lang].person.lastName()} ${rng.pick(trade.suffix)} ${rng.pick(['SRL', 'SA', 'BV', 'NV', 'SPRL'])}`;
      w.add('supplier', [id, name, bce(rng), belgianIban(ibanSeq++), trade.account, rng.chance(0.7) ? `factures${id}@example.be` : null, w.at(toMs('2016-06-01'))]);
      const list = suppliersByTrade.get(trade.trade) ?? [];
      list.push({ id, name, trade, seq: 0 });
      suppliersByTrade.set(trade.trade, list);
    }
    await knex.transaction((trx) => w.flush(trx));

    // ---- how the firm is spread: a flagship of 240 lots, the others log-normal around the mean
    const lotCounts: number[] = [];
    if (sizes.buildings === 1) lotCounts.push(sizes.lots);
    else {
      const flagship = Math.min(240, Math.floor(sizes.lots / 2));
      lotCounts.push(flagship);
      const others = sizes.buildings - 1;
      const spare = sizes.lots - flagship - others * 4;
      const weights: Record<string, number> = {};
      for (let i = 0; i < others; i++) weights[`b${i}`] = Math.max(1, Math.round(Math.min(4, rng.around(1, 0.6)) * 1000));
      const split = distribute(spare, weights);
      for (let i = 0; i < others; i++) lotCounts.push(4 + (split[`b${i}`] ?? 0));
    }
    const invoiceWeights: Record<string, number> = {};
    lotCounts.forEach((l, i) => (invoiceWeights[`b${i}`] = l + 10));
    const invoicesPerBuilding = distribute(sizes.invoices, invoiceWeights);
    // Owners are handed out in order; when the pool runs out, a building's own owners take more lots.
    let nextOwner = 0, formers = 0, lotsDone = 0;
    const collator = new Intl.Collator('fr');
    const years = Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i);

    // General assemblies: in as many buildings as the scale asks (the flagship first, the
    // others spread evenly), from their own random stream so that the rest of the firm is
    // the same with or without them.
    const agRng = prng(seed ^ 0x0a6e0a6e);
    const withAssembly = new Set(Array.from({ length: Math.min(sizes.buildings, sizes.assemblies) }, (_, k) => Math.floor((k * sizes.buildings) / Math.min(sizes.buildings, sizes.assemblies))));
    const agWriter: AssemblyWriter = {
      rng: agRng, add: (t, r) => w.add(t, r), take: (t) => ids.take(t), at: (ms) => w.at(ms), bool: (v) => w.bool(v), actor: syndicLabel, secretary: 'Bench syndic',
    };

    for (let b = 0; b < sizes.buildings; b++) {
      bar?.update(b, { phase: 'buildings' });
      const buildingId = ids.take('building');
      const [postalCode, city, language] = rng.pick(CITIES);
      const fk = fakers[language];
      const street = `${fk.location.street()} ${rng.int(1, 250)}`;
      const name = `${language === 'fr' ? 'Résidence' : 'Residentie'} ${fk.person.lastName()}`;
      const totalShares = (lotCounts[b] as number) > 100 ? 100_000 : 10_000;
      const createdMs = toMs('2016-10-01') + b * 3_600_000;
      w.add('building', [buildingId, name, street, postalCode, city, 'BE', bce(rng, '0'), totalShares, w.at(createdMs), w.at(createdMs)]);
      const working = ids.take('bank_account'), reserve = ids.take('bank_account');
      const workingIban = belgianIban(ibanSeq++), reserveIban = belgianIban(ibanSeq++);
      w.add('bank_account', [working, buildingId, workingIban, language === 'fr' ? 'Compte courant' : 'Zichtrekening', 'working']);
      w.add('bank_account', [reserve, buildingId, reserveIban, language === 'fr' ? 'Fonds de réserve' : 'Reservefonds', 'reserve']);

      // Lots and their ownership over time: initial owners (1995–2016), a transfer for one lot in six.
      const plan = planLots(rng, lotCounts[b] as number);
      const shares = distribute(totalShares, Object.fromEntries(plan.map((l, i) => [String(i), l.weight])));
      const lots: LotRec[] = [];
      const buildingOwners: number[] = [];
      const takeOwners = (k: number, reuseFrom: LotOwnerShare[] | null): LotOwnerShare[] => {
        if (reuseFrom) return reuseFrom.map((o) => ({ ...o }));
        const ids2: number[] = [];
        for (let j = 0; j < k; j++) {
          let owner: number;
          if (nextOwner < owners.length) owner = (owners[nextOwner++] as OwnerRec).id;
          else owner = buildingOwners.length ? rng.pick(buildingOwners) : (rng.pick(owners) as OwnerRec).id;
          if (!ids2.includes(owner)) ids2.push(owner);
        }
        for (const o of ids2) buildingOwners.push(o);
        return ids2.map((ownerId) => ({ ownerId, fractionNum: 1, fractionDen: ids2.length }));
      };
      for (const [i, p] of plan.entries()) {
        const id = ids.take('lot');
        w.add('lot', [id, buildingId, p.number, p.kind, p.floor, shares[String(i)] as number]);
        const flat = lots.find((l) => l.kind === 'apartment' && l.id % 7 === id % 7);
        const reuse = p.kind !== 'apartment' && p.kind !== 'commercial' && flat && rng.chance(0.5) ? (flat.periods[0] as Period).owners : null;
        const periods: Period[] = [{ owners: takeOwners(jointCount(rng), reuse), from: isoOf(toMs('1995-01-01') + rng.int(0, 21 * 365) * DAY), to: null }];
        const transfers = rng.chance(0.16) ? (rng.chance(0.15) ? 2 : 1) : 0;
        const dates = Array.from({ length: transfers }, () => isoOf(toMs(`${FIRST_YEAR}-02-01`) + rng.int(0, Math.floor((toMs(BENCH_TODAY) - toMs(`${FIRST_YEAR}-02-01`)) / DAY)) * DAY)).sort();
        for (const d of [...new Set(dates)]) {
          (periods[periods.length - 1] as Period).to = addDays(d, -1);
          periods.push({ owners: takeOwners(jointCount(rng), null), from: d, to: null });
        }
        lots.push({ id, number: p.number, kind: p.kind, shares: shares[String(i)] as number, periods });
      }
      // Owners the lots did not need become former owners (before 1995), spread over the
      // buildings so that every generated owner has owned something; the last building takes the rest.
      lotsDone += lots.length;
      const lotsLeft = lotCounts.slice(b + 1).reduce((s2, n2) => s2 + n2, 0);
      const spare = owners.length - nextOwner;
      const needLater = Math.ceil(lotsLeft * ((nextOwner - formers) / lotsDone) * 1.05);
      let extra = b === sizes.buildings - 1 ? spare : Math.max(0, Math.ceil((spare - needLater) / (sizes.buildings - b)));
      for (let k = 0; extra > 0; k++, extra--) {
        const lot = lots[k % lots.length] as LotRec;
        const first = lot.periods[0] as Period;
        const to = addDays(first.from, -1);
        lot.periods.unshift({ owners: [{ ownerId: (owners[nextOwner++] as OwnerRec).id, fractionNum: 1, fractionDen: 1 }], from: addDays(to, -rng.int(365, 3650)), to });
        formers++;
      }
      for (const lot of lots) {
        for (const p of lot.periods) for (const o of p.owners) w.add('ownership', [ids.take('ownership'), lot.id, o.ownerId, o.fractionNum, o.fractionDen, p.from, p.to]);
      }
      if (withAssembly.has(b)) {
        generateAssembly(agWriter, {
          id: buildingId, language, street, city, lots,
          ownerName: (id) => (owners[id - 1] as OwnerRec).display, outsider: () => agRng.pick(owners).display,
        });
      }
      const lotWeights = Object.fromEntries(lots.map((l) => [String(l.id), l.shares]));
      const ownersOn = (date: string) => {
        const m = new Map<string, LotOwnerShare[]>();
        for (const l of lots) {
          const p = l.periods.find((x) => x.from <= date && (x.to === null || x.to >= date));
          if (p) m.set(String(l.id), p.owners);
        }
        return m;
      };

      // Chart, journals, bank sub-accounts, fiscal years — as ensureBookkeeping and ledger.openYear make them.
      const account = new Map<string, number>();
      const addAccount = (code: string, labelFr: string, labelNl: string, type: string, parent: string | null, ownerId: number | null, supplierId: number | null, bankId: number | null, fromChart: boolean) => {
        const id = ids.take('ledger_account');
        w.add('ledger_account', [id, buildingId, code, labelFr, labelNl, type, parent, ownerId, supplierId, bankId, w.bool(fromChart)]);
        account.set(code, id);
        return id;
      };
      for (const [code, labelFr, labelNl, type, parent] of PCMN_ACP_ROWS) addAccount(code, labelFr, labelNl || labelFr, type, parent, null, null, null, true);
      const journal = new Map<string, number>();
      for (const j of JOURNALS) {
        const id = ids.take('journal');
        w.add('journal', [id, buildingId, j.code, j.kind, null]);
        journal.set(j.code, id);
      }
      for (const [bankId, parent, code, iban, label] of [[working, '551', 'FIN1', workingIban, language === 'fr' ? 'Compte courant' : 'Zichtrekening'], [reserve, '550', 'FIN2', reserveIban, language === 'fr' ? 'Fonds de réserve' : 'Reservefonds']] as const) {
        const text = `${label} (${iban})`;
        addAccount(`${parent}-01`, text, text, 'asset', parent, null, null, bankId, false);
        const id = ids.take('journal');
        w.add('journal', [id, buildingId, code, 'bank', bankId]);
        journal.set(code, id);
      }
      const fiscalYears = new Map<number, number>();
      for (const y of years) {
        const id = ids.take('fiscal_year');
        const closed = y < LAST_YEAR;
        w.add('fiscal_year', [id, buildingId, `${y}-01-01`, `${y}-12-31`, closed ? 'closed' : 'open', closed ? w.at(toMs(`${y + 1}-05-15`) + 15 * 3_600_000) : null]);
        fiscalYears.set(y, id);
      }
      const ownerAccount = (kind: '4100' | '4101', ownerId: number) => {
        const code = `${kind}-${ownerId}`;
        const have = account.get(code);
        if (have) return have;
        const o = owners[ownerId - 1] as OwnerRec;
        return addAccount(code, o.display, o.display, 'asset', kind, ownerId, null, null, false);
      };
      const supplierAccount = (s: SupplierRec) => account.get(`440-${s.id}`) ?? addAccount(`440-${s.id}`, s.name, s.name, 'liability', '440', null, s.id, null, false);

      const entries: EntrySpec[] = [];
      const bankMoves: { journal: 'FIN1' | 'FIN2'; date: string; bank: number; other: number; cents: number; label: string; ownerPaid: boolean }[] = [];
      const sizeFactor = Math.pow((lotCounts[b] as number) / 40, 0.75);
      const budgetPerYear = Math.round(rng.around(1_450, 0.25) * (lotCounts[b] as number)) * 100;

      // ---- calls for funds: four working-capital provisions and one reserve-fund call a year (APF)
      for (const y of years) {
        const growth = Math.pow(1.025, y - FIRST_YEAR);
        const calls: { kind: 'working' | 'reserve'; date: string; label: string; total: number }[] = [
          { kind: 'reserve', date: `${y}-01-15`, label: language === 'fr' ? `Fonds de réserve ${y}` : `Reservefonds ${y}`, total: Math.round((budgetPerYear * 0.08 * growth) / 100) * 100 },
          ...[1, 4, 7, 10].map((m, q) => ({ kind: 'working' as const, date: `${y}-${String(m).padStart(2, '0')}-01`, label: `${y} ${language === 'fr' ? 'T' : 'K'}${q + 1}`, total: Math.round((budgetPerYear * growth) / 400) * 100 })),
        ];
        for (const call of calls) {
          if (call.date > BENCH_TODAY) continue;
          const callId = ids.take('fund_call');
          const alloc = allocate(call.total, lotWeights, ownersOn(call.date));
          const lines = [...alloc.byOwner.entries()].map(([ownerId, cents]) => ({ ownerId, cents, name: (owners[ownerId - 1] as OwnerRec).display }))
            .sort((x, z) => collator.compare(x.name, z.name));
          const parent = call.kind === 'reserve' ? '4100' : '4101';
          const due = addDays(call.date, 27);
          const spec: EntrySpec = {
            journal: 'APF', date: call.date, order: 0, description: `${call.kind === 'reserve' ? 'Appel fonds de réserve' : 'Appel de provisions'} ${call.label}`,
            sourceType: 'call', sourceId: callId, postedBy: accountantLabel, lines: [],
          };
          for (const [i, l] of lines.entries()) {
            const base10 = `${String(callId).padStart(6, '0')}${String(i + 1).padStart(4, '0')}`;
            const ogm = base10 + ogmCheckDigits(base10);
            w.add('fund_call_line', [ids.take('fund_call_line'), callId, l.ownerId, l.cents, ogm]);
            const acc = ownerAccount(parent, l.ownerId);
            spec.lines.push({ account: acc, d: l.cents, c: 0, label: call.label });
            // Nine owners in ten pay within five weeks, some late, a few not at all.
            const r = rng.next();
            const paid = r < 0.9 ? addDays(call.date, rng.int(3, 35)) : r < 0.96 ? addDays(call.date, rng.int(45, 150)) : null;
            if (paid && paid <= BENCH_TODAY) {
              bankMoves.push({ journal: call.kind === 'reserve' ? 'FIN2' : 'FIN1', date: paid, bank: account.get(call.kind === 'reserve' ? '550-01' : '551-01') as number, other: acc, cents: l.cents, label: `Paiement +++${ogm.slice(0, 3)}/${ogm.slice(3, 7)}/${ogm.slice(7)}+++`, ownerPaid: true });
            }
          }
          spec.lines.push({ account: account.get(call.kind === 'reserve' ? '700' : '701') as number, d: 0, c: call.total, label: call.label });
          spec.onId = (entryId) => w.add('fund_call', [callId, buildingId, call.kind, call.label, call.date, due, call.total, null, entryId, w.at(toMs(call.date) - 2 * DAY)]);
          entries.push(spec);
        }
      }

      // ---- supplier invoices: purchase entries (ACH) and their payments (FIN1), handler by handler
      const perBuilding = invoicesPerBuilding[`b${b}`] ?? 0;
      const trades = TRADES.map((t) => [t, t.perYear] as const);
      const mySuppliers = new Map(TRADES.map((t) => [t.trade, rng.pick(suppliersByTrade.get(t.trade) ?? [])]));
      const spanDays = Math.floor((toMs(BENCH_TODAY) - toMs(`${FIRST_YEAR}-01-01`)) / DAY);
      const recentFrom = addDays(BENCH_TODAY, -60);
      const invoiceDates = Array.from({ length: perBuilding }, () => addDays(`${FIRST_YEAR}-01-01`, rng.int(0, spanDays))).sort();
      for (const invoiceDate of invoiceDates) {
        const trade = rng.weighted(trades);
        const s = mySuppliers.get(trade.trade) as SupplierRec;
        const id = ids.take('invoice');
        const year = Number(invoiceDate.slice(0, 4));
        const number = `F${year}-${String(++s.seq).padStart(5, '0')}`;
        const amount = Math.max(2_500, Math.round(rng.around(trade.median * sizeFactor, 0.45)) * 100 + rng.int(0, 99));
        const vat = Math.round((amount * 21) / 121);
        const due = addDays(invoiceDate, 30);
        const description = `${language === 'fr' ? trade.fr : trade.nl} ${invoiceDate.slice(0, 7)}`;
        let status: string;
        if (invoiceDate < recentFrom) status = rng.chance(0.007) ? 'rejected' : 'paid';
        else status = rng.weighted([['pending_approval', 38], ['approved', 22], ['draft', 6], ['rejected', 2], ['paid', 32]] as const);
        const createdMs = toMs(invoiceDate) + DAY + 9 * 3_600_000;
        const approvedMs = createdMs + 2 * DAY;
        const payDate = minIso(addDays(invoiceDate, rng.int(7, 45)), BENCH_TODAY);
        const inv: Cell[] = [id, buildingId, s.id, number, invoiceDate, due, amount, vat, trade.account, null, null, null, description, null, status,
          status === 'draft' ? null : users.accountant, status === 'approved' || status === 'paid' ? JSON.stringify([{ userId: users.syndic, as: 'approver' }]) : '[]',
          status === 'rejected' ? (language === 'fr' ? 'Montant non conforme au devis' : 'Bedrag wijkt af van de offerte') : null, null, null,
          w.at(createdMs), w.at(Math.min(status === 'paid' ? toMs(payDate) + 10 * 3_600_000 : status === 'approved' ? approvedMs : createdMs, BENCH_NOW.getTime())), null];
        w.add('invoice', inv);
        const event = (at: number, action: string, from: string | null, to: string, note: string | null = null, actor = accountantLabel) =>
          w.add('invoice_event', [ids.take('invoice_event'), id, w.at(Math.min(at, BENCH_NOW.getTime())), actor, action, from, to, note]);
        event(createdMs, 'created', null, 'draft');
        if (status !== 'draft') event(createdMs + 60_000, 'submitted', 'draft', 'pending_approval');
        if (status === 'rejected') event(approvedMs, 'rejected', 'pending_approval', 'rejected', inv[17] as string, syndicLabel);
        if (status === 'approved' || status === 'paid') {
          event(approvedMs, 'approved', 'pending_approval', 'approved', null, syndicLabel);
          const supplierAcc = supplierAccount(s);
          const label = `${s.name} ${number}`;
          entries.push({
            journal: 'ACH', date: invoiceDate, order: 1, description: `${label} — ${description}`.slice(0, 300), sourceType: 'invoice', sourceId: id, postedBy: syndicLabel,
            lines: [{ account: account.get(trade.account) as number, d: amount, c: 0, label }, { account: supplierAcc, d: 0, c: amount, label }],
            onId: (entryId) => (inv[18] = entryId),
          });
          if (status === 'paid') {
            event(toMs(payDate) + 10 * 3_600_000, 'paid', 'approved', 'paid', payDate);
            const payLabel = `Paiement ${number}`;
            entries.push({
              journal: 'FIN1', date: payDate, order: 3, description: payLabel, sourceType: 'payment', sourceId: id, postedBy: accountantLabel,
              lines: [{ account: supplierAcc, d: amount, c: 0, label: payLabel }, { account: account.get('551-01') as number, d: 0, c: amount, label: payLabel }],
              onId: (entryId) => (inv[19] = entryId),
            });
          }
        }
      }

      // ---- owners' payments: one bank statement a month per account, a line pair per transfer
      const statements = new Map<string, typeof bankMoves>();
      for (const m of bankMoves) {
        const key = `${m.journal}:${m.date.slice(0, 7)}`;
        const list = statements.get(key) ?? [];
        list.push(m);
        statements.set(key, list);
      }
      for (const [key, moves] of statements) {
        const [code, month] = key.split(':') as ['FIN1' | 'FIN2', string];
        moves.sort((x, z) => (x.date < z.date ? -1 : x.date > z.date ? 1 : 0));
        const date = minIso(lastDayOfMonth(Number(month.slice(0, 4)), Number(month.slice(5, 7))), BENCH_TODAY);
        const lines: LineSpec[] = [];
        for (const m of moves) {
          lines.push({ account: m.bank, d: m.cents, c: 0, label: m.label });
          lines.push({ account: m.other, d: 0, c: m.cents, label: m.label });
        }
        entries.push({ journal: code, date, order: 2, description: `${language === 'fr' ? 'Extrait' : 'Uittreksel'} ${month}`, sourceType: 'import', sourceId: null, postedBy: accountantLabel, lines });
      }

      // ---- bank charges, monthly (OD)
      for (const y of years) {
        for (let m = 1; m <= 12; m++) {
          const date = lastDayOfMonth(y, m);
          if (date > BENCH_TODAY) break;
          const cents = rng.int(450, 1_600);
          const label = language === 'fr' ? `Frais bancaires ${y}-${String(m).padStart(2, '0')}` : `Bankkosten ${y}-${String(m).padStart(2, '0')}`;
          entries.push({ journal: 'OD', date, order: 4, description: label, sourceType: 'manual', sourceId: null, postedBy: accountantLabel,
            lines: [{ account: account.get('6166') as number, d: cents, c: 0, label }, { account: account.get('551-01') as number, d: 0, c: cents, label }] });
        }
      }

      // ---- number the entries per journal and year in date order (postEntry's rule), then write
      entries.sort((x, z) => (x.date < z.date ? -1 : x.date > z.date ? 1 : x.order - z.order));
      const numbers = new Map<string, number>();
      for (const e of entries) {
        const fy = fiscalYears.get(Number(e.date.slice(0, 4))) as number;
        const jId = journal.get(e.journal) as number;
        const key = `${jId}:${fy}`;
        const number = (numbers.get(key) ?? 0) + 1;
        numbers.set(key, number);
        const id = ids.take('journal_entry');
        let total = 0, credit = 0;
        for (const l of e.lines) {
          total += l.d;
          credit += l.c;
        }
        if (total !== credit) throw new Error(`bench generator: unbalanced entry ${e.journal} ${e.date}`);
        const postedMs = Math.min(toMs(e.date) + 14 * 3_600_000, BENCH_NOW.getTime());
        w.add('journal_entry', [id, buildingId, jId, fy, number, e.date, e.description, total, null, null, e.sourceType, e.sourceId, w.at(postedMs), e.postedBy]);
        for (const l of e.lines) w.add('journal_line', [ids.take('journal_line'), id, buildingId, fy, l.account, e.date, l.d, l.c, l.label]);
        e.onId?.(id);
      }
      await knex.transaction((trx) => w.flush(trx));
    }
    bar?.update(sizes.buildings, { phase: 'finishing' });

    await knex.transaction(async (trx) => {
      // One audit record says what was generated; the rows themselves have none.
      const after = JSON.stringify({ scale: opts.scale, seed, generator: GENERATOR_VERSION, rows: w.written });
      await trx('audit_record').insert({ at: w.at(BENCH_NOW.getTime()), actor: 'cli', action: 'bench.seed', entity: 'firm', entity_id: null, before: null, after });
    });
    if (driver === 'postgresql') {
      // Ids were given explicitly: move every serial sequence past them; then the planner's statistics.
      for (const table of Object.keys(TABLES) as Table[]) {
        await knex.raw(`select setval(pg_get_serial_sequence('"${table}"', 'id'), greatest((select max(id) from "${table}"), 1))`);
      }
      await knex.raw('analyze');
    } else {
      await knex.raw('PRAGMA synchronous=FULL');
      await knex.raw('PRAGMA cache_size=-2000');
      await knex.raw('PRAGMA temp_store=DEFAULT');
      await knex.raw('PRAGMA wal_checkpoint(TRUNCATE)');
    }
    bar?.stop();
    return { scale: opts.scale, seed, seconds: Math.round((performance.now() - started) / 100) / 10, counts: { ...w.written, app_user: 2 } };
  } finally {
    bar?.stop();
    await app.close();
  }
}

/** The database was not empty: nothing was written. */
export class SeedRefusedError extends Error {
  override name = 'SeedRefusedError';
}
