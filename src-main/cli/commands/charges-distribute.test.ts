import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { register, runChargesDistribute } from './charges-distribute.js';
import { CliExit } from '../run.js';

describe('runChargesDistribute', () => {
  it('prints the split of the spec example, exit 0', () => {
    const r = runChargesDistribute('{ "amountCents": 100001, "weights": { "A1": 125, "A2": 125, "B1": 250, "P1": 0 } }');
    expect(r).toEqual({ stdout: `${JSON.stringify({ shares: { A1: 25000, A2: 25000, B1: 50001, P1: 0 } }, null, 2)}\n`, stderr: '', exitCode: 0 });
  });

  it('distributes a credit note', () => {
    expect(JSON.parse(runChargesDistribute('{"amountCents": -10, "weights": {"a": 1, "b": 1, "c": 1}}').stdout)).toEqual({ shares: { a: -4, b: -3, c: -3 } });
  });

  it('refuses {} naming both fields, exit 2', () => {
    expect(runChargesDistribute('{}')).toEqual({
      stdout: '',
      stderr: 'amountCents: must be a JSON integer, got missing\nweights: must be a JSON object of lot id → weight, got missing\n',
      exitCode: 2,
    });
  });

  it.each([
    ['{"amountCents": "100", "weights": {"A1": 1}}', 'amountCents: must be a JSON integer, got the string "100"'],
    ['{"amountCents": 1e300, "weights": {"A1": 1}}', 'amountCents: must satisfy |amountCents| < 2^53, got 1e+300'],
    ['{"amountCents": 9007199254740992, "weights": {"A1": 1}}', 'amountCents: must satisfy |amountCents| < 2^53, got 9007199254740992'],
    ['{"amountCents": 1, "weights": {"A1": -1}}', 'weights.A1: must be a non-negative integer, got -1'],
    ['{"amountCents": 1, "weights": {"A1": 0}}', 'weights: all weights are 0 (at least one must be positive)'],
    ['{"amountCents": 1, "weights": {}}', 'weights: no lots (at least one lot is required)'],
  ])('refuses %s', (text, line) => {
    expect(runChargesDistribute(text)).toEqual({ stdout: '', stderr: `${line}\n`, exitCode: 2 });
  });

  it('refuses invalid JSON', () => {
    const r = runChargesDistribute('{"amountCents": 1,}', 'stdin');
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^stdin: invalid JSON/);
  });
});

describe('koprogo charges distribute FILE', () => {
  afterEach(() => vi.restoreAllMocks());

  async function run(args: string[]) {
    let stdout = '';
    let stderr = '';
    vi.spyOn(process.stdout, 'write').mockImplementation((s) => ((stdout += String(s)), true));
    vi.spyOn(process.stderr, 'write').mockImplementation((s) => ((stderr += String(s)), true));
    const program = new Command('koprogo').exitOverride();
    register(program);
    let exitCode = 0;
    try {
      await program.parseAsync(['charges', 'distribute', ...args], { from: 'user' });
    } catch (e) {
      if (!(e instanceof CliExit)) throw e;
      exitCode = e.exitCode;
    }
    return { stdout, stderr, exitCode };
  }

  it('reads a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'koprogo-charges-')), 'split.json');
    writeFileSync(file, '{"amountCents": 3, "weights": {"b": 1, "a": 1, "c": 1}}');
    const r = await run([file]);
    expect(r).toEqual({ stdout: `${JSON.stringify({ shares: { b: 1, a: 1, c: 1 } }, null, 2)}\n`, stderr: '', exitCode: 0 });
  });

  it('reads stdin with -', async () => {
    vi.spyOn(process, 'stdin', 'get').mockReturnValue(Readable.from([Buffer.from('{}')]) as unknown as typeof process.stdin);
    const r = await run(['-']);
    expect(r.exitCode).toBe(2);
    expect(r.stderr).toMatch(/^amountCents: /);
  });
});
