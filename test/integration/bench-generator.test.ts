import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startApp, type AppInstance } from '../../src-main/app/bootstrap.js';
import { memorySettings } from '../../src-main/app/local-settings.js';
import type { OpInput, OpOutput, OperationName } from '../../src-shared/contract/index.js';
import { BENCH_PASSWORD, BENCH_USERS, LAST_YEAR, seedBench, SeedRefusedError } from '../../bench/generate.js';
import { runCli } from '../support/cli.js';
import { resolutionTally, type MeetingFacts } from '../../src-main/domain/meeting.js';

/**
 * The benchmark firm is written in bulk, beside the handlers: these tests read a tiny one
 * back through the handlers (door "test": every output is checked against the contract)
 * and check what a user would see — balanced books, complete inbox pages, counts.
 */
const SCALE = 0.005;
const tmpSqlite = () => join(mkdtempSync(join(tmpdir(), 'koprogo-bench-')), 'bench.sqlite');
const rowsOf = <T>(app: AppInstance, sql: string) => app.db.em().getConnection().execute<T[]>(sql);

describe('the benchmark generator (seed-bench) on SQLite', () => {
  const path = tmpSqlite();
  let app: AppInstance;
  let token: string;
  let counts: Record<string, number>;
  const call = async <N extends OperationName>(name: N, input: OpInput<N>): Promise<OpOutput<N>> => {
    const r = await app.dispatcher.call(name, input, { sessionToken: token });
    if (!r.ok) throw new Error(`${name}: ${r.error.code} ${r.error.message}`);
    return r.value as OpOutput<N>;
  };

  beforeAll(async () => {
    counts = (await seedBench({ target: { driver: 'sqlite', path }, scale: SCALE })).counts;
    app = await startApp({ target: { driver: 'sqlite', path }, door: 'test', localSettings: memorySettings() });
    const r = await app.dispatcher.call('auth.signIn', { email: BENCH_USERS.syndic, password: BENCH_PASSWORD });
    if (!r.ok) throw new Error(r.error.message);
    token = (r.value as { sessionToken: string }).sessionToken;
  });
  afterAll(async () => {
    await app?.close();
  });

  it('lists every building with its lots, and the quote-parts add up', async () => {
    const buildings = await call('buildings.list', {});
    expect(buildings).toHaveLength(counts.building as number);
    expect(buildings.reduce((s, b) => s + b.lotCount, 0)).toBe(counts.lot);
    for (const b of buildings) {
      expect(b.sharesSum).toBe(b.totalShares);
      expect(b.ownerCount).toBeGreaterThan(0);
    }
  });

  it('keeps the books balanced: every trial balance of every building-year sums to zero', async () => {
    const buildings = await call('buildings.list', {});
    let years = 0;
    for (const b of buildings) {
      for (const fy of await call('ledger.fiscalYears', { buildingId: b.id })) {
        const tb = await call('ledger.trialBalance', { buildingId: b.id, fiscalYearId: fy.id });
        expect(tb.totalDebitCents).toBe(tb.totalCreditCents);
        expect(tb.rows.reduce((s, r) => s + r.balanceCents, 0)).toBe(0);
        expect(tb.totalDebitCents).toBeGreaterThan(0);
        years++;
      }
    }
    expect(years).toBe(buildings.length * 10);
  });

  it('numbers entries per journal and year from 1 without gaps, like postEntry', async () => {
    const gaps = await rowsOf<{ n: number }>(app, 'select count(*) as n from (select journal_id, fiscal_year_id, count(*) as c, min(number) as lo, max(number) as hi from journal_entry group by journal_id, fiscal_year_id) where lo <> 1 or hi <> c');
    expect(Number(gaps[0]?.n)).toBe(0);
  });

  it('pages the invoices by status to the end: every invoice once, in due-date order', async () => {
    const seen = new Set<number>();
    let pending = 0;
    for (const status of ['draft', 'pending_approval', 'approved', 'rejected', 'paid'] as const) {
      let cursor: string | null = null;
      let lastDue = '';
      do {
        const page: OpOutput<'invoices.list'> = await call('invoices.list', { status, sort: 'dueDate', limit: 50, cursor });
        for (const r of page.rows) {
          expect(r.status).toBe(status);
          expect(r.dueDate >= lastDue).toBe(true);
          lastDue = r.dueDate;
          expect(seen.has(r.id)).toBe(false);
          seen.add(r.id);
          if (status === 'pending_approval') pending++;
        }
        cursor = page.nextCursor;
      } while (cursor);
    }
    expect(seen.size).toBe(counts.invoice);
    expect(pending).toBeGreaterThan(0);
    expect((await call('invoices.inboxCount', {})).pending).toBe(pending);
    const first = await call('invoices.list', { status: 'paid', sort: 'dueDate', limit: 1 });
    const detail = await call('invoices.get', { id: first.rows[0]?.id as number });
    expect(detail.history.map((h) => h.action)).toEqual(['created', 'submitted', 'approved', 'paid']);
    expect(detail.entryId).not.toBeNull();
    expect(detail.paymentEntryId).not.toBeNull();
  });

  it('pages the bank account of the largest building to its balance, and calls reach every owner', async () => {
    const [largest] = (await call('buildings.list', { sort: 'lotCount', direction: 'desc' }));
    const b = largest as OpOutput<'buildings.list'>[number];
    const year = (await call('ledger.fiscalYears', { buildingId: b.id })).find((f) => f.startDate === `${LAST_YEAR - 1}-01-01`);
    if (!year) throw new Error('no fiscal year');
    let cursor: string | null = null, balance = 0, lines = 0;
    do {
      const page: OpOutput<'ledger.accountLines'> = await call('ledger.accountLines', { buildingId: b.id, fiscalYearId: year.id, accountCode: '551-01', cursor, limit: 100 });
      lines += page.lines.length;
      balance = page.lines.at(-1)?.balanceCents ?? balance;
      cursor = page.nextCursor;
    } while (cursor);
    expect(lines).toBeGreaterThan(100);
    const accounts = await call('ledger.accounts', { buildingId: b.id, fiscalYearId: year.id });
    expect(accounts.find((a) => a.code === '551-01')?.balanceCents).toBe(balance);
    expect(accounts.filter((a) => a.code.startsWith('4101-')).length).toBeGreaterThan(0);

    const preview = await call('calls.preview', { buildingId: b.id, kind: 'working', label: 'T4', callDate: `${LAST_YEAR}-10-01`, dueDate: `${LAST_YEAR}-10-28`, totalCents: 1_000_000, keyId: null });
    expect(preview.unownedCents).toBe(0);
    expect(preview.lines.reduce((s, l) => s + l.amountCents, 0)).toBe(1_000_000);
  });

  it('holds a closed general assembly the meeting room reads back: quorum, proxies, declared results that recount the same, minutes', async () => {
    const [largest] = await call('buildings.list', { sort: 'lotCount', direction: 'desc' });
    const list = await call('ag.list', { buildingId: (largest as OpOutput<'buildings.list'>[number]).id });
    expect(list).toHaveLength(counts.assembly as number);
    const ag = await call('ag.get', { id: list[0]?.id as number });
    expect(ag.status).toBe('closed');
    expect(ag.quorum.reached).toBe(true);
    expect(ag.checks.filter((c) => c.severity === 'error')).toEqual([]);
    expect(ag.voters.some((v) => v.mode === 'proxy' && v.proxy?.valid)).toBe(true);
    const voted = ag.items.filter((i) => i.voted);
    const facts: MeetingFacts = {
      session: 'first', totalShares: ag.voters.reduce((t, v) => t + v.shares, 0), people: ag.people,
      units: ag.voters.map((v) => ({ key: v.key, name: v.name, shares: v.shares, ownerIds: v.ownerIds, lotIds: [] })),
      attendance: ag.voters.filter((v) => v.mode !== 'absent').map((v) => ({ voterKey: v.key, mode: v.mode, holder: v.holder, fromItem: v.fromItem, untilItem: v.untilItem })),
    };
    expect(voted.length).toBeGreaterThanOrEqual(8);
    for (const item of ag.items) {
      expect(item.status).toBe(item.voted ? 'declared' : 'pending');
      if (!item.voted) continue;
      // The stored result is the one the engine gives for the stored votes and attendance.
      expect(item.result?.votesRecorded).toBe(Object.keys(item.votes).length);
      const recount = resolutionTally(facts, { id: String(item.id), position: item.position, majority: item.majority, votes: item.votes });
      expect(item.result?.resolution).toEqual(recount.resolutions[0]);
    }
    const [row] = await rowsOf<{ n: number }>(app, `select count(*) as n from vote v join agenda_item i on i.id = v.item_id where i.assembly_id = ${ag.id}`);
    expect(Number(row?.n)).toBe(voted.reduce((s, i) => s + Object.keys(i.votes).length, 0));
    const minutes = await call('ag.minutes', { assemblyId: ag.id, language: 'fr' });
    expect(Buffer.from(minutes.contentBase64, 'base64').subarray(0, 5).toString('latin1')).toBe('%PDF-');
  });

  it('refuses a database that is not empty, and changes nothing', async () => {
    const before = await rowsOf<{ n: number }>(app, 'select count(*) as n from journal_line');
    await expect(seedBench({ target: { driver: 'sqlite', path }, scale: SCALE })).rejects.toBeInstanceOf(SeedRefusedError);
    expect(await rowsOf<{ n: number }>(app, 'select count(*) as n from journal_line')).toEqual(before);
  });
});

describe('koprogo seed-bench', () => {
  it('is reproducible: the same seed writes the same rows, from the command line too', async () => {
    const a = tmpSqlite(), b = tmpSqlite();
    await seedBench({ target: { driver: 'sqlite', path: a }, scale: SCALE });
    const cli = await runCli(['seed-bench', '--scale', String(SCALE), '--db', b, '--json']);
    expect(cli.code).toBe(0);
    expect(JSON.parse(cli.stdout).counts.building).toBeGreaterThan(0);
    const digest = async (path: string) => {
      const app = await startApp({ target: { driver: 'sqlite', path }, door: 'test', localSettings: memorySettings() });
      try {
        const h = createHash('sha256');
        for (const table of ['owner', 'lot', 'ownership', 'journal_entry', 'journal_line', 'invoice', 'fund_call_line', 'assembly', 'assembly_attendance', 'agenda_item', 'vote', 'vote_event']) {
          h.update(JSON.stringify(await rowsOf(app, `select * from ${table} order by id`)));
        }
        return h.digest('hex');
      } finally {
        await app.close();
      }
    };
    expect(await digest(b)).toBe(await digest(a));
  });

  it('refuses a scale out of range with exit 2', async () => {
    const r = await runCli(['seed-bench', '--scale', '0', '--db', tmpSqlite()]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('Expected a number above 0');
  });
});
