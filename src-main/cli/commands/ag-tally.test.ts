import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { Command } from 'commander';
import { register, runAgTally } from './ag-tally.js';
import { CliExit } from '../run.js';

const EXAMPLE = `{
  "session": "first",
  "totalShares": 1000,
  "owners": [
    { "id": "o1", "name": "Dupont", "shares": 400 },
    { "id": "o2", "name": "Peeters", "shares": 350 },
    { "id": "o3", "name": "Janssens", "shares": 250 }
  ],
  "people": [ { "id": "s", "name": "Syndic SRL", "role": "syndic" },
              { "id": "p1", "name": "Mme Martin" } ],
  "attendance": [
    { "owner": "o1", "present": true },
    { "owner": "o2", "proxyHolder": "p1" }
  ],
  "resolutions": [
    { "id": "r1", "majority": "absolute",
      "votes": { "o1": "for", "o2": "against" } }
  ]
}`;
const EXPECTED = {
  quorum: { reached: true, rule: 'double', owners: { represented: 2, total: 3 }, shares: { represented: 750, total: 1000 } },
  proxies: [{ owner: 'o2', holder: 'p1', valid: true }],
  capped: [{ participant: 'o1', shares: 400, cappedTo: 350 }],
  resolutions: [{ id: 'r1', majority: 'absolute', for: 350, against: 350, abstain: 0, outcome: 'rejected' }],
  warnings: [],
};

describe('runAgTally', () => {
  it('prints the output of the spec for the spec example, exit 0', () => {
    const r = runAgTally(EXAMPLE);
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toStrictEqual(EXPECTED);
    expect(r.stdout.endsWith('}\n')).toBe(true);
  });

  it('prints one line per problem naming the field, exit 2, nothing on stdout', () => {
    const bad = JSON.parse(EXAMPLE);
    bad.owners[1].shares = 0;
    bad.attendance.push({ owner: 'o9', present: true });
    bad.resolutions[0].votes.o4 = 'for';
    bad.resolutions[0].majority = 'simple';
    const r = runAgTally(JSON.stringify(bad));
    expect(r).toEqual({
      stdout: '',
      exitCode: 2,
      stderr: [
        'owners[1].shares: must be a positive integer, got 0',
        'attendance[2].owner: unknown owner "o9"',
        'resolutions[0].majority: unknown majority "simple" (expected absolute, twoThirds, fourFifths or unanimity)',
        'resolutions[0].votes.o4: unknown owner',
        '',
      ].join('\n'),
    });
  });

  it('refuses invalid JSON with a clear message, exit 2', () => {
    const r = runAgTally('{ "session": ', 'meeting.json');
    expect(r.exitCode).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^meeting\.json: invalid JSON \(.+\)\.\n$/);
  });

  it('refuses a JSON value that is not an object', () => {
    expect(runAgTally('[]')).toMatchObject({ exitCode: 2, stderr: '(input): must be a JSON object, got an array\n' });
  });
});

describe('koprogo ag tally FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-ag-'));
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
      await program.parseAsync(['ag', 'tally', ...args], { from: 'user' });
    } catch (e) {
      if (!(e instanceof CliExit)) throw e;
      exitCode = e.exitCode;
    }
    return { stdout, stderr, exitCode };
  }

  it('reads the file and prints the result', async () => {
    const file = join(dir, 'example.json');
    writeFileSync(file, `\uFEFF${EXAMPLE}`); // a BOM from a Windows editor is accepted
    const r = await run([file]);
    expect(r.exitCode).toBe(0);
    expect(JSON.parse(r.stdout)).toStrictEqual(EXPECTED);
  });

  it('an unreadable file: exit 2 with a message', async () => {
    const r = await run([join(dir, 'missing.json')]);
    expect(r).toMatchObject({ exitCode: 2, stdout: '' });
    expect(r.stderr).toMatch(/^Cannot read .*missing\.json: no such file\.\n$/);
    expect((await run([dir])).stderr).toMatch(/it is a folder/);
  });

  it('a file that is not UTF-8: exit 2', async () => {
    const file = join(dir, 'latin1.json');
    writeFileSync(file, Buffer.from([0x7b, 0x22, 0xe9, 0x22, 0x3a, 0x31, 0x7d])); // {"é":1} in Latin-1
    const r = await run([file]);
    expect(r).toMatchObject({ exitCode: 2 });
    expect(r.stderr).toMatch(/not valid UTF-8/);
  });

  it('the ag group is shared: a second ag command lands in the same group', () => {
    const program = new Command('koprogo');
    program.command('ag').command('convene');
    register(program);
    expect(program.commands.filter((c) => c.name() === 'ag')).toHaveLength(1);
    expect(program.commands.find((c) => c.name() === 'ag')!.commands.map((c) => c.name())).toEqual(['convene', 'tally']);
  });
});
