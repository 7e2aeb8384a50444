import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { operationNames, operations } from '../../src-shared/contract/index.js';
import { DRIVERS } from '../support/drivers.js';
import { testApp, type TestApp } from '../support/app.js';
import { seedDemo } from '../../src-main/app/demo/seed-demo.js';

const TABLES = ['building', 'bank_account', 'lot', 'owner', 'ownership', 'app_user', 'role_assignment', 'audit_record', 'setting'];

async function counts(app: TestApp): Promise<Record<string, number>> {
  const conn = app.db.em().getConnection();
  const out: Record<string, number> = {};
  for (const t of TABLES) out[t] = Number(((await conn.execute(`select count(*) as n from ${t}`)) as { n: number | string }[])[0]?.n);
  return out;
}

/** Values that no schema of the contract accepts as a whole input object. */
const notAnObject = fc.oneof(fc.constant(null), fc.string(), fc.integer(), fc.boolean(), fc.array(fc.anything(), { maxLength: 3 }));

describe.each(DRIVERS)('malformed input to every handler on %s', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(driver);
    await seedDemo(app.dispatcher);
  });
  afterAll(async () => app?.close());

  it('returns a validation error and changes nothing', async () => {
    const before = await counts(app);
    const withRequiredFields = operationNames.filter((n) => !operations[n].input.safeParse({}).success);
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...operationNames), notAnObject, async (op, input) => {
        const r = await app.dispatcher.call(op, input, { cli: true });
        return !r.ok && r.error.code === 'VALIDATION';
      }),
      { numRuns: 60 },
    );
    // Objects with fields of the wrong type, for operations that require fields.
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...withRequiredFields), fc.dictionary(fc.constantFrom('id', 'name', 'data', 'buildingId', 'lotId', 'email', 'csv'), fc.oneof(fc.string(), fc.constant(-1), fc.constant(null), fc.object())), async (op, input) => {
        // A generated input that happens to be valid (e.g. { name: "x" } for suppliers.create) is not malformed: skip it.
        if (operations[op].input.safeParse(input).success) return true;
        const r = await app.dispatcher.call(op, input, { cli: true });
        return !r.ok && r.error.code === 'VALIDATION' && (r.error.details?.problems?.length ?? 0) > 0;
      }),
      { numRuns: 80 },
    );
    expect(await counts(app)).toEqual(before);
  });

  it('an unknown operation is refused by name', async () => {
    const r = await app.dispatcher.call('buildings.drop', {}, { cli: true });
    expect(r.ok || r.error.code).toBe('UNKNOWN_OPERATION');
  });
});
