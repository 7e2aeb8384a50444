/**
 * Every operation of the contract refuses malformed input, names the field, and changes
 * nothing. The inputs come from the operations' own zod schemas (test/support/
 * zod-violations.ts): a valid input is built from each schema, then each field path is
 * broken in turn — fixed examples first, then random ones from fast-check — and sent
 * through the dispatcher as the command line (the most privileged caller) on a SQLite
 * database seeded with the demo firm.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../src-main/app/demo/seed-demo.js';
import { operationNames, operations, type OperationName } from '../../src-shared/contract/index.js';
import type { Problem } from '../../src-shared/result.js';
import { testApp, type TestApp } from '../support/app.js';
import { breakAt, violates, violationsOf, type Violation } from '../support/zod-violations.js';

type Row = Record<string, unknown>;

/** Every table's row count, and the audit trail itself. */
async function snapshot(app: TestApp): Promise<{ counts: Record<string, number>; audit: Row[] }> {
  const conn = app.db.em().getConnection();
  const tables = ((await conn.execute("select name from sqlite_master where type = 'table' order by name")) as { name: string }[]).map((t) => t.name);
  const counts: Record<string, number> = {};
  for (const t of tables) counts[t] = Number(((await conn.execute(`select count(*) as n from "${t}"`)) as { n: number }[])[0]?.n);
  const audit = (await conn.execute('select * from audit_record order by id')) as Row[];
  return { counts, audit };
}

const plans = new Map(operationNames.map((op) => [op, violationsOf(operations[op].input)] as const));
const startsWith = (path: (string | number)[] | undefined, prefix: (string | number)[]) => path !== undefined && prefix.every((p, i) => path[i] === p);

describe('malformed input to every operation, generated from the contract’s zod schemas (SQLite, demo firm)', () => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp('sqlite');
    const seeded = await seedDemo(app.dispatcher);
    expect(seeded.created).toBe(true);
  });
  afterAll(async () => app?.close());

  it('builds a valid input and ways to break it for every operation', () => {
    const without = operationNames.filter((op) => !plans.get(op));
    expect(without).toEqual([]);
    for (const op of operationNames) {
      const plan = plans.get(op)!;
      expect(operations[op].input.safeParse(plan.base).success, op).toBe(true);
      expect(plan.violations.length, op).toBeGreaterThan(0);
    }
    const kinds = new Set(operationNames.flatMap((op) => plans.get(op)!.violations.map((v) => v.kind)));
    for (const k of ['not an object', 'missing', 'wrong type', 'too short', 'too long', 'wrong format', 'below the minimum', 'above the maximum', 'not whole', 'not a finite number', 'a number as text', 'not one of the choices', 'too few items', 'too many items']) {
      expect(kinds, k).toContain(k);
    }
  });

  it('refuses each with VALIDATION naming the broken field, and changes no table nor the audit trail', async () => {
    const before = await snapshot(app);
    let calls = 0;
    for (const op of operationNames as OperationName[]) {
      const { base, violations } = plans.get(op)!;
      const pick = fc.integer({ min: 0, max: violations.length - 1 }).chain((i) => violations[i]!.arbitrary.map((value) => [i, value] as const));
      await fc.assert(
        fc.asyncProperty(pick, async ([i, value]) => {
          const v: Violation = violations[i]!;
          fc.pre(violates(v, value)); // a random value the field happens to accept is not malformed
          const input = breakAt(base, v.path, value);
          calls++;
          const r = await app.dispatcher.call(op, input, { cli: true });
          const where = `${op} ${v.kind} at ${v.path.join('.') || '(input)'}`;
          expect(r.ok, where).toBe(false);
          if (r.ok) return;
          expect(r.error.code, `${where}: ${r.error.message}`).toBe('VALIDATION');
          const problems: Problem[] = r.error.details?.problems ?? [];
          expect(problems.some((p) => startsWith(p.path, v.path)), `${where}: ${JSON.stringify(problems.map((p) => p.path))}`).toBe(true);
        }),
        { numRuns: 25, examples: violations.map((v, i) => [[i, v.example] as const]) },
      );
    }
    expect(calls).toBeGreaterThan(operationNames.length * 10);
    expect(await snapshot(app)).toEqual(before);
  }, 60_000);

  it('refuses an unknown operation by name', async () => {
    const r = await app.dispatcher.call('buildings.drop', {}, { cli: true });
    expect(r.ok || r.error.code).toBe('UNKNOWN_OPERATION');
  });
});
