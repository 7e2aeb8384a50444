/**
 * `npm run bench [-- --scale 1 --driver sqlite|pg|both --only NAME --curve --explain --fresh --iterations N]`
 *
 * Generates (or reuses) the benchmark firm, opens it as the app does, and times the
 * screens' queries through the real handlers — in-process (as the Electron IPC door calls
 * them) and over the browser door's HTTP — against the same result by one hand-written SQL
 * query on the same connection; plus the pure domain computations and a command's event
 * reaching a WebSocket client. Prints a table, writes bench/results/latest.json.
 * Never fails on a time: targets are reported, not enforced. docs/performance.md.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus, totalmem } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import type { Knex } from 'knex';
import WebSocket from 'ws';
import { startApp } from '../src-main/app/bootstrap.js';
import { memorySettings } from '../src-main/app/local-settings.js';
import { startBrowserServer, SESSION_HEADER, TOKEN_HEADER } from '../src-main/transport/http-server.js';
import { BENCH_PASSWORD, BENCH_TODAY, BENCH_USERS, benchSizes } from './bench-firm.js';
import { CACHE_DIR, pgDatabase, ROOT, sqliteDatabase, startPg, type BenchDatabase, type Generated, type PgServer } from './databases.js';
import { DEFAULT_MEASURE, measure, measureRoundTrip, statsOf, type MeasureOptions, type Stats } from './measure.js';
import { importYearOfStatements } from '../src-main/app/banking/statement-generator.js';
import { buildScenarios, findFixture, rows, type Call, type Fixture, type Scenario } from './scenarios.js';
import { measureSigning, SIGNING_MEASURES } from './signing.js';

type Driver = 'sqlite' | 'postgresql';

// Memory is read after a full garbage collection: live memory, not garbage waiting for the collector.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;
const memory = () => {
  gc();
  return process.memoryUsage();
};
const PROCESS_START_RSS = process.memoryUsage().rss;

interface Args {
  scale: number;
  drivers: Driver[];
  only: string[];
  curve: boolean;
  explain: boolean;
  fresh: boolean;
  measure: MeasureOptions;
  out: string;
}

function parse(): Args {
  const { values } = parseArgs({
    options: {
      scale: { type: 'string', default: '1' },
      driver: { type: 'string', default: 'sqlite' },
      only: { type: 'string' },
      curve: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      fresh: { type: 'boolean', default: false },
      iterations: { type: 'string' },
      out: { type: 'string', default: join(ROOT, 'bench', 'results', 'latest.json') },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write('npm run bench -- [--scale 1] [--driver sqlite|pg|both] [--only NAME[,NAME]] [--curve] [--explain] [--fresh] [--iterations N] [--out FILE]\n');
    process.exit(0);
  }
  const scale = Number(values.scale);
  benchSizes(scale); // throws on a bad scale
  const drivers: Driver[] = values.driver === 'both' ? ['sqlite', 'postgresql'] : values.driver === 'pg' || values.driver === 'postgresql' ? ['postgresql'] : ['sqlite'];
  const iterations = values.iterations ? Number(values.iterations) : DEFAULT_MEASURE.iterations;
  return {
    scale, drivers, only: values.only ? values.only.split(',').map((s) => s.trim()).filter(Boolean) : [],
    curve: values.curve, explain: values.explain, fresh: values.fresh, out: values.out,
    measure: { ...DEFAULT_MEASURE, iterations, warmup: Math.min(DEFAULT_MEASURE.warmup, iterations) },
  };
}

// ---------------------------------------------------------------------------- one driver, one scale

interface QueryResult {
  name: string;
  what: string;
  paged: boolean;
  floor?: boolean;
  inProcess?: Stats;
  http?: Stats;
  raw?: Stats;
  /** in-process P50 / raw P50 */
  ratio?: number;
  httpRatio?: number;
  mismatch?: string | null;
  plans?: { source: 'handler' | 'raw'; sql: string; plan: string[] }[];
}

interface DriverRun {
  driver: Driver;
  scale: number;
  generated: Generated;
  dbBytes: number;
  rss: { processStartMb: number; startMb: number; openMb: number; endMb: number; heapOpenMb: number; heapEndMb: number; points: MemoryPoint[] };
  fixture: Fixture;
  results: QueryResult[];
  /** Measures not taken, and why (a tool not installed). */
  notes: string[];
}

const mb = (bytes: number) => Math.round(bytes / 1048576);
const PAGES_DONE = 'after the page and query measures';

/**
 * Process memory after a full GC at one point of the run: RSS; the JS heap live (used) and
 * reserved by V8 (committed, kept after a peak); memory V8 knows outside it (buffers).
 * The rest of the RSS is native: code, the SQLite driver, what the allocator keeps.
 */
interface MemoryPoint { at: string; rssMb: number; heapMb: number; heapCommittedMb: number; externalMb: number }
const memoryPoint = (at: string, m: NodeJS.MemoryUsage = memory()): MemoryPoint =>
  ({ at, rssMb: mb(m.rss), heapMb: mb(m.heapUsed), heapCommittedMb: mb(m.heapTotal), externalMb: mb(m.external) });
const selected = (name: string, only: string[]) => only.length === 0 || only.some((o) => name.includes(o));

async function explain(knex: Knex, driver: Driver, sql: string, bindings: readonly unknown[]): Promise<string[]> {
  try {
    return await explainOrThrow(knex, driver, sql, bindings);
  } catch (e) {
    return [`(no plan: ${(e as Error).message.split('\n')[0]})`];
  }
}

async function explainOrThrow(knex: Knex, driver: Driver, sql: string, bindings: readonly unknown[]): Promise<string[]> {
  // knex reports PostgreSQL statements in their native form ($1, $2…): back to knex's ? placeholders.
  if (driver === 'postgresql' && /\$\d/.test(sql)) {
    const ordered: unknown[] = [];
    sql = sql.replace(/\?/g, '\\?').replace(/\$(\d+)/g, (_, n: string) => {
      ordered.push(bindings[Number(n) - 1]);
      return '?';
    });
    bindings = ordered;
  } else if (bindings.length === 0) sql = sql.replace(/\?/g, '\\?'); // values inlined by the ORM: a literal ? is not a placeholder
  if (driver === 'sqlite') return (await rows<{ detail: string }>(knex, `explain query plan ${sql}`, bindings)).map((r) => r.detail);
  return (await rows<{ 'QUERY PLAN': string }>(knex, `explain (analyze, costs off, timing on) ${sql}`, bindings)).map((r) => r['QUERY PLAN']);
}

/** The SQL statements `fn` sends through knex, with their bindings. */
async function captureSql(knex: Knex, fn: () => Promise<unknown>): Promise<{ sql: string; bindings: unknown[] }[]> {
  const seen: { sql: string; bindings: unknown[] }[] = [];
  const listener = (q: { sql: string; bindings?: unknown[] }) => seen.push({ sql: q.sql, bindings: q.bindings ?? [] });
  knex.on('query', listener);
  try {
    await fn();
  } finally {
    knex.off('query', listener);
  }
  return seen;
}

async function runDriver(driver: Driver, scale: number, args: Args, pg: PgServer | null, pagedOnly: boolean): Promise<DriverRun> {
  const db: BenchDatabase = driver === 'sqlite' ? await sqliteDatabase(scale, args.fresh) : await pgDatabase(pg as PgServer, scale, args.fresh);
  const points: MemoryPoint[] = [{ at: 'process start (no GC)', rssMb: mb(PROCESS_START_RSS), heapMb: NaN, heapCommittedMb: NaN, externalMb: NaN }];
  const rssStart = memory().rss;
  points.push(memoryPoint('before opening the database'));
  const app = await startApp({ target: db.target, door: 'browser', localSettings: memorySettings() });
  const server = await startBrowserServer({ dispatcher: app.dispatcher, staticDir: null });
  const knex = app.db.em().getKnex();
  const signIn = await app.dispatcher.call('auth.signIn', { email: BENCH_USERS.syndic, password: BENCH_PASSWORD });
  if (!signIn.ok) throw new Error(`sign-in failed: ${signIn.error.message}`);
  const session = (signIn.value as { sessionToken: string }).sessionToken;
  const call: Call = async (op, input) => {
    const r = await app.dispatcher.call(op, input, { sessionToken: session });
    if (!r.ok) throw new Error(`${op}: ${r.error.code} ${r.error.message}`);
    return r.value;
  };
  const apiUrl = `http://127.0.0.1:${server.port}/api/call`;
  const headers = { 'content-type': 'application/json', [TOKEN_HEADER]: server.token, [SESSION_HEADER]: session };
  const httpCall: Call = async (op, input) => {
    const res = await fetch(apiUrl, { method: 'POST', headers, body: JSON.stringify({ op, input }) });
    const body = (await res.json()) as { ok: boolean; value?: unknown; error?: { code: string; message: string } };
    if (!body.ok) throw new Error(`${op} over HTTP: ${body.error?.code} ${body.error?.message}`);
    return body.value;
  };
  const results: QueryResult[] = [];
  const notes: string[] = [];
  let fixture: Fixture;
  let run: DriverRun;
  let rssOpen = 0, heapOpen = 0;
  try {
    // Open the portfolio as a user does: the building list, then the largest building's accounts.
    await call('buildings.list', {});
    fixture = await findFixture(knex, call);
    await call('ledger.accounts', { buildingId: fixture.buildingId, fiscalYearId: fixture.fiscalYearId });
    const open = memory();
    rssOpen = open.rss;
    heapOpen = open.heapUsed;
    points.push(memoryPoint('portfolio open', open));

    const scenarios: Scenario[] = (await buildScenarios(knex, fixture, call)).filter((s) => selected(s.name, args.only) && (!pagedOnly || (s.kind === 'query' && s.paged)));
    // The queries first (the memory point after them is the one of a portfolio in use), then the rest.
    scenarios.sort((a, b) => Number(a.kind !== 'query') - Number(b.kind !== 'query'));
    const queries = scenarios.filter((s) => s.kind === 'query').length;
    for (const [k, s] of scenarios.entries()) {
      if (k === queries && queries > 0) points.push(memoryPoint(PAGES_DONE));
      process.stderr.write(`  ${driver} s${scale} ${s.name}…\n`);
      if (s.kind === 'pure') {
        results.push({ name: s.name, what: s.what, paged: false, inProcess: await measure(s.run, args.measure) });
        continue;
      }
      if (s.kind === 'handler') {
        const opts = s.iterations ? { ...args.measure, iterations: Math.min(args.measure.iterations, s.iterations), warmup: Math.min(args.measure.warmup, 5) } : args.measure;
        results.push({ name: s.name, what: s.what, paged: false, inProcess: await measure(() => call(s.op, s.input), opts), http: await measure(() => httpCall(s.op, s.input), opts) });
        continue;
      }
      const r: QueryResult = { name: s.name, what: s.what, paged: s.paged, ...(s.floor ? { floor: true } : {}) };
      r.mismatch = s.compare ? s.compare(await call(s.op, s.input), await s.raw()) : null;
      r.inProcess = await measure(() => call(s.op, s.input), args.measure);
      if (!pagedOnly) r.http = await measure(() => httpCall(s.op, s.input), args.measure);
      r.raw = await measure(s.raw, args.measure);
      r.ratio = r.inProcess.p50 / r.raw.p50;
      if (r.http) r.httpRatio = r.http.p50 / r.raw.p50;
      if (args.explain) {
        r.plans = [];
        for (const [source, fn] of [['handler', () => call(s.op, s.input)], ['raw', s.raw]] as const) {
          for (const q of await captureSql(knex, fn)) {
            if (!/^\s*select/i.test(q.sql)) continue;
            r.plans.push({ source, sql: q.sql, plan: await explain(knex, driver, q.sql, q.bindings) });
          }
        }
      }
      results.push(r);
    }

    if (queries > 0 && !points.some((p) => p.at === PAGES_DONE)) points.push(memoryPoint(PAGES_DONE)); // only queries were run
    if (scenarios.length > queries) points.push(memoryPoint(`after the ${scenarios.length - queries} domain, meeting and minutes measures`));

    // Signing one PDF with a SoftHSM2 token standing in for the eID card (bench/signing.ts).
    const signing = SIGNING_MEASURES.filter((n) => selected(n, args.only));
    if (!pagedOnly && signing.length > 0) {
      const log = (line: string) => process.stderr.write(`  ${driver} s${scale} ${line}…\n`);
      const { results: signed, skipped, notes: signingNotes } = await measureSigning({
        app, knex, call, httpCall, minutes: fixture.assemblies?.minutes ?? null, measure: args.measure, wanted: (n) => signing.includes(n), log,
      });
      if (skipped) {
        process.stderr.write(`  ${driver} s${scale} signing measures skipped: ${skipped}\n`);
        notes.push(`signing not measured: ${skipped}`);
      }
      notes.push(...signingNotes);
      for (const r of signed) results.push({ ...r, paged: false });
      if (signed.length) points.push(memoryPoint('after the signing measures'));
    }

    // A command's event reaching the screens: ledger.post → data-changed. The real measure
    // (a vote registered → the projector page) comes with the governance screens.
    if (!pagedOnly && selected('event', args.only)) {
      const post = {
        buildingId: fixture.buildingId, journalCode: 'OD', date: BENCH_TODAY, description: 'Bench: stand-in for a vote registered',
        lines: [{ accountCode: '6166', debitCents: 100 }, { accountCode: fixture.busyAccount, creditCents: 100 }],
      };
      const eventOpts = { ...args.measure, iterations: Math.min(args.measure.iterations, 100), warmup: 5 };
      process.stderr.write(`  ${driver} s${scale} events…\n`);
      const bus = await measureRoundTrip((done) => {
        const off = app.services.events.subscribe(() => {
          off();
          done();
        });
        return call('ledger.post', post);
      }, eventOpts);
      results.push({ name: 'event.post→bus', what: 'ledger.post in-process until the event bus emits data-changed', paged: false, inProcess: bus });
      const ws = new WebSocket(`ws://127.0.0.1:${server.port}/api/events`, { headers: { [TOKEN_HEADER]: server.token } });
      await new Promise<void>((resolve, reject) => {
        ws.once('open', () => resolve());
        ws.once('error', reject);
      });
      const wsStats = await measureRoundTrip((done) => {
        ws.once('message', () => done());
        return httpCall('ledger.post', post);
      }, eventOpts);
      results.push({ name: 'event.post→websocket', what: 'ledger.post over HTTP until a WebSocket client of the browser door receives data-changed', paged: false, http: wsStats });

      // The meeting room: a vote registered until the projector page has its new bars
      // (ag.vote over HTTP → tally-updated on the WebSocket → ag.projector, as the page does).
      const meeting = await benchMeeting(call, fixture.buildingId).catch((e: Error) => {
        process.stderr.write(`  ${driver} s${scale} vote→projector skipped: ${e.message}\n`);
        return null;
      });
      if (meeting) {
        let k = 0;
        const projector = await measureRoundTrip((done) => {
          const voter = meeting.voters[k++ % meeting.voters.length] as string;
          ws.once('message', () => void httpCall('ag.projector', { assemblyId: meeting.assemblyId, key: meeting.key }).then(() => done()));
          return httpCall('ag.vote', { itemId: meeting.itemId, votes: [{ voterKey: voter, choice: k % 2 ? 'against' : 'for' }] });
        }, eventOpts);
        results.push({ name: 'vote→projector', what: `a vote registered in a ${meeting.voters.length}-voter meeting until the projector page has re-read its bars (HTTP + WebSocket)`, paged: false, http: projector });
      }
      ws.close();
      points.push(memoryPoint('after the event and vote→projector measures'));
    }

    // Banking: a year of statements for every building, imported file by file and auto-matched
    // (one sample per building: its year of monthly statements).
    if (!pagedOnly && selected('banking', args.only)) {
      process.stderr.write(`  ${driver} s${scale} a year of bank statements…\n`);
      const ids = (await rows<{ id: number }>(knex, 'select id from building order by id')).map((r) => Number(r.id));
      const samples: number[] = [];
      const total = { statements: 0, movements: 0, matched: 0 };
      const t0 = performance.now();
      for (const id of ids) {
        const t = performance.now();
        const r = await importYearOfStatements(app.dispatcher, [id], { year: Number(BENCH_TODAY.slice(0, 4)), statementsPerYear: 12, sessionToken: session });
        samples.push(performance.now() - t);
        total.statements += r.statements;
        total.movements += r.movements;
        total.matched += r.matched;
      }
      const seconds = Math.round((performance.now() - t0) / 100) / 10;
      const rate = total.movements ? Math.round((100 * total.matched) / total.movements) : 0;
      points.push(memoryPoint('after a year of bank statements per building'));
      results.push({
        name: 'bank.year', paged: false, inProcess: statsOf(samples),
        what: `a year of monthly statements per building, imported and auto-matched: ${ids.length} buildings, ${total.statements} statements, ${total.movements} movements, ${rate} % matched, ${seconds} s in all`,
      });
    }
    const end = memory();
    points.push(memoryPoint('end of the run, app open', end));
    run = {
      driver, scale, generated: db.generated, dbBytes: await db.size(),
      rss: { processStartMb: mb(PROCESS_START_RSS), startMb: mb(rssStart), openMb: mb(rssOpen), endMb: mb(end.rss), heapOpenMb: mb(heapOpen), heapEndMb: mb(end.heapUsed), points },
      fixture, results, notes,
    };
  } finally {
    await server.close();
    await app.close();
    await db.dispose();
  }
  // What stays once the app is closed is the bench's own (its results, the modules loaded)
  // or memory the allocator keeps: the part of the end RSS that is not the app's.
  points.push(memoryPoint('app closed (the bench alone)'));
  return run;
}

// ---------------------------------------------------------------------------- targets and printing

interface TargetCheck { what: string; value: string; target: string; met: boolean }

/** The targets on SQLite (docs/performance.md); on PostgreSQL they are shown for reference. */
function targets(run: DriverRun): TargetCheck[] {
  const out: TargetCheck[] = [];
  for (const r of run.results) {
    if (r.paged && r.inProcess) out.push({ what: `${r.name} P99`, value: `${r.inProcess.p99.toFixed(2)} ms`, target: '< 5 ms', met: r.inProcess.p99 < 5 });
    if (r.ratio !== undefined && !r.floor) out.push({ what: `${r.name} handler / raw SQL`, value: r.ratio.toFixed(2), target: '≤ 2', met: r.ratio <= 2 });
    if (r.name === 'ledger.trialBalance' && r.inProcess) out.push({ what: 'trial balance P99', value: `${r.inProcess.p99.toFixed(2)} ms`, target: '< 50 ms', met: r.inProcess.p99 < 50 });
  }
  out.push({ what: 'process RSS, portfolio open', value: `${run.rss.openMb} MB`, target: '< 300 MB', met: run.rss.openMb < 300 });
  const pages = run.rss.points.find((p) => p.at === PAGES_DONE);
  if (pages) out.push({ what: 'process RSS, after the page queries', value: `${pages.rssMb} MB`, target: '< 300 MB', met: pages.rssMb < 300 });
  out.push({ what: 'process RSS, end of run', value: `${run.rss.endMb} MB`, target: '< 300 MB', met: run.rss.endMb < 300 });
  if (Number.isFinite(run.generated.seconds)) out.push({ what: `generator (scale ${run.scale})`, value: `${run.generated.seconds} s`, target: run.scale === 1 ? '< 180 s' : '(scale 1 only)', met: run.scale !== 1 || run.generated.seconds < 180 });
  return out;
}

const f2 = (n: number | undefined) => (n === undefined || !Number.isFinite(n) ? '' : n < 10 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(1));
const pad = (s: string, n: number, right = false) => (right ? s.padStart(n) : s.padEnd(n));

function table(headers: string[], rowsIn: string[][], right: number[]): string {
  const w = headers.map((h, i) => Math.max(h.length, ...rowsIn.map((r) => (r[i] ?? '').length)));
  const line = (r: string[]) => r.map((c, i) => pad(c, w[i] as number, right.includes(i))).join('  ').trimEnd();
  return [line(headers), line(w.map((n) => '-'.repeat(n))), ...rowsIn.map(line)].join('\n');
}

function printRun(run: DriverRun): string {
  const c = run.generated.counts;
  const lines = [
    `\n== ${run.driver}, scale ${run.scale}: ${c.building} buildings, ${c.lot} lots, ${c.owner} owners, ${c.invoice} invoices, ${c.journal_entry} entries, ${c.journal_line} journal lines`,
    `   generator ${run.generated.seconds} s${run.generated.cached ? ' (earlier run, cached)' : ''} · database ${mb(run.dbBytes)} MB on disk · RSS ${run.rss.processStartMb} MB at start, ${run.rss.startMb} MB before opening, ${run.rss.openMb} MB portfolio open, ${run.rss.endMb} MB at the end (heap ${run.rss.heapOpenMb} → ${run.rss.heapEndMb} MB)`,
    `   memory (after a full GC): ${run.rss.points.map((p) => `${p.at} ${p.rssMb} MB${Number.isFinite(p.heapMb) ? ` (heap ${p.heapMb}/${p.heapCommittedMb}, external ${p.externalMb})` : ''}`).join(' · ')}`,
    `   largest building #${run.fixture.buildingId} (${run.fixture.buildingLots} lots), year #${run.fixture.fiscalYearId}, account ${run.fixture.busyAccount} (${run.fixture.busyAccountLines} lines)\n`,
  ];
  const body: string[][] = [];
  for (const r of run.results) {
    const doors: [string, Stats | undefined][] = [['in-process', r.inProcess], ['http', r.http], ['raw SQL', r.raw]];
    let first = true;
    for (const [door, s] of doors) {
      if (!s) continue;
      const ratio = door === 'in-process' ? r.ratio : door === 'http' ? r.httpRatio : undefined;
      body.push([first ? r.name : '', door, f2(s.p50), f2(s.p99), f2(s.mean), String(Math.round(s.opsPerSec)), String(s.n), ratio === undefined ? '' : `${ratio.toFixed(2)}×`, first && r.mismatch ? `≠ ${r.mismatch}` : '']);
      first = false;
    }
  }
  lines.push(table(['measure', 'door', 'P50 ms', 'P99 ms', 'mean ms', 'ops/s', 'n', '÷ raw', ''], body, [2, 3, 4, 5, 6, 7]));
  for (const n of run.notes) lines.push(`   ${n}`);
  const checks = targets(run);
  lines.push(`\n   targets${run.driver === 'sqlite' ? '' : ' (set for SQLite; for reference)'}:`);
  for (const t of checks) lines.push(`   ${t.met ? '✓' : '✗'} ${pad(t.what, 44)} ${pad(t.value, 12, true)}  ${t.target}`);
  for (const r of run.results) {
    for (const p of r.plans ?? []) lines.push(`\n   plan ${r.name} (${p.source}): ${p.sql.replace(/\s+/g, ' ').slice(0, 220)}\n${p.plan.map((l) => `     ${l}`).join('\n')}`);
  }
  return lines.join('\n');
}

function printCurve(curve: DriverRun[]): string {
  const names = [...new Set(curve.flatMap((r) => r.results.filter((x) => x.paged).map((x) => x.name)))];
  const body = names.map((n) => [n, ...curve.flatMap((run) => {
    const r = run.results.find((x) => x.name === n);
    return [f2(r?.inProcess?.p50), f2(r?.inProcess?.p99), f2(r?.raw?.p50)];
  })]);
  const head = ['paged query', ...curve.flatMap((r) => [`${r.generated.counts.building}b P50`, 'P99', 'raw P50'])];
  return `\n== ${curve[0]?.driver}: paged queries by portfolio size (in-process, ms)\n${table(head, body, head.map((_, i) => i).slice(1))}`;
}

// ---------------------------------------------------------------------------- main

async function main() {
  const args = parse();
  const started = new Date();
  const runs: DriverRun[] = [];
  const curves: Record<string, DriverRun[]> = {};
  let pg: PgServer | null = null;
  try {
    for (const driver of args.drivers) {
      if (driver === 'postgresql' && !pg) {
        process.stderr.write('postgresql: starting embedded PostgreSQL…\n');
        pg = await startPg();
      }
      const run = await runDriver(driver, args.scale, args, pg, false);
      runs.push(run);
      process.stdout.write(`${printRun(run)}\n`);
      if (args.curve) {
        const curve: DriverRun[] = [];
        for (const s of [0.033, 0.33, 1]) curve.push(s === args.scale ? run : await runDriver(driver, s, args, pg, true));
        curves[driver] = curve;
        process.stdout.write(`${printCurve(curve)}\n`);
      }
    }
  } finally {
    if (pg) await pg.stop();
  }
  const machine = { cpus: cpus().length, cpu: cpus()[0]?.model ?? '', memoryGb: Math.round(totalmem() / 1073741824), node: process.version, platform: `${process.platform}-${process.arch}` };
  const report = {
    date: started.toISOString(), machine, args: { scale: args.scale, drivers: args.drivers, only: args.only, curve: args.curve, iterations: args.measure.iterations },
    runs: runs.map((r) => ({ ...r, targets: targets(r) })),
    curves: Object.fromEntries(Object.entries(curves).map(([d, c]) => [d, c.map((r) => ({ scale: r.scale, buildings: r.generated.counts.building, results: r.results.filter((x) => x.paged).map(({ name, inProcess, raw }) => ({ name, inProcess, raw })) }))])),
  };
  mkdirSync(join(args.out, '..'), { recursive: true });
  writeFileSync(args.out, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`\n${machine.cpus} cores (${machine.cpu}), ${machine.memoryGb} GB, Node ${machine.node}; results in ${args.out}; cache in ${CACHE_DIR}\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`bench failed: ${e.stack ?? e.message}\n`);
  process.exitCode = 1;
});

/** An open meeting on the bench building: every voter present, one resolution put to the vote. */
async function benchMeeting(call: Call, buildingId: number): Promise<{ assemblyId: number; itemId: number; key: string; voters: string[] }> {
  const day = new Date(Date.parse(`${BENCH_TODAY}T12:00:00Z`) + 20 * 86_400_000).toISOString().slice(0, 10);
  const { id: assemblyId } = (await call('ag.create', { buildingId, kind: 'ordinary', place: 'Bench', scheduledAt: `${day}T18:00:00+01:00`, convocationDate: BENCH_TODAY })) as { id: number };
  const { id: itemId } = (await call('ag.saveItem', { assemblyId, title: 'Bench', majorityRule: 'absolute' })) as { id: number };
  const ag = (await call('ag.get', { id: assemblyId })) as { voters: { key: string }[]; projectorKey: string };
  for (const v of ag.voters) await call('ag.checkIn', { assemblyId, voterKey: v.key, mode: 'present' });
  await call('ag.open', { assemblyId, chair: 'Bench', secretary: 'Bench' });
  await call('ag.startVote', { itemId });
  await call('ag.vote', { itemId, all: 'for' });
  return { assemblyId, itemId, key: ag.projectorKey, voters: ag.voters.map((v) => v.key) };
}
