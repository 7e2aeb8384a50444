import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runBankParse } from './bank-parse.js';
import { parseBankFile } from '../../domain/bank/parse.js';
import { ROOT, runCli } from '../../../test/support/cli.js';

const FIXTURES = join(ROOT, 'test', 'fixtures', 'bank');
const fixture = (name: string) => readFileSync(join(FIXTURES, name));

describe('runBankParse', () => {
  it('--json prints the normalized JSON of the spec, exit 0', () => {
    const r = runBankParse(fixture('kbc.cod'), { source: 'kbc.cod', json: true });
    expect(r.exitCode).toBe(0);
    expect(r.stderr).toBe('');
    expect(JSON.parse(r.stdout)).toStrictEqual(parseBankFile(fixture('kbc.cod')));
    expect(Object.keys(JSON.parse(r.stdout) as object)).toEqual(['format', 'statements', 'warnings']);
  });

  it('without --json, a table per statement; warnings on stderr with their line', () => {
    const r = runBankParse(fixture('bad-ogm.cod'), { source: 'bad-ogm.cod' });
    expect(r.stdout).toBe(
      [
        'CODA, 1 statement(s), amounts in EUR',
        'Account           Currency  Sequence  Date         Opening   Closing  Movements',
        'BE43731001234501  EUR       041       2026-03-31  5.020,00  5.345,00          1',
        '',
      ].join('\n'),
    );
    expect(r.stderr).toBe('bad-ogm.cod:3: warning: structured communication +++202/6000/01712+++ fails its mod-97 check (check digits should be 11): kept as text\n');
  });

  it('a refused file: one line naming the line (CODA) or the element path (CAMT), exit 2, nothing on stdout', () => {
    expect(runBankParse(fixture('wrong-balance.cod'), { source: 'wrong-balance.cod', json: true })).toEqual({
      stdout: '', exitCode: 2, stderr: 'wrong-balance.cod:12: the new balance 4931.89 is not the old balance 5020.00 plus the movements -88.10 (= 4931.90)\n',
    });
    const camt = fixture('camt053-v02.xml').toString('utf8').replace('<CdtDbtInd>DBIT</CdtDbtInd>', '<CdtDbtInd>D</CdtDbtInd>');
    expect(runBankParse(Buffer.from(camt), { source: 's.xml' }).stderr).toBe('s.xml:51: Document/BkToCstmrStmt/Stmt[0]/Ntry[1]/CdtDbtInd: CdtDbtInd must be CRDT or DBIT, found "D"\n');
  });
});

describe('koprogo bank parse, ogm new, ogm check through bin/koprogo', () => {
  it('bank parse FILE --json prints the JSON; the file name does not matter', async () => {
    const r = await runCli(['bank', 'parse', join(FIXTURES, 'camt053-v08-two-statements.xml'), '--json']);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout)).toStrictEqual(parseBankFile(fixture('camt053-v08-two-statements.xml')));
    expect(r.stderr).toBe(`${join(FIXTURES, 'camt053-v08-two-statements.xml')}:92: warning: Document/BkToCstmrStmt/Stmt[0]/Ntry[2]/NtryDtls[0]/TxDtls[0]/RmtInf/Strd[0]/CdtrRefInf/Ref: structured communication +++202/6000/01712+++ fails its mod-97 check (check digits should be 11): kept as text\n`);
    // stdin (runCli writes its input as UTF-8, so a CAMT document).
    const stdin = await runCli(['bank', 'parse', '-', '--json'], { input: fixture('camt053-v02.xml').toString('utf8') });
    expect(stdin.code).toBe(0);
    expect(JSON.parse(stdin.stdout).statements[0].movements[2].counterpartyName).toBe('Lefèvre-Noël Françoise');
    // Windows-1252 accents of a CODA file reach stdout as UTF-8 JSON.
    const kbc = await runCli(['bank', 'parse', join(FIXTURES, 'kbc.cod'), '--json']);
    expect(JSON.parse(kbc.stdout).statements[0].movements[1].counterpartyName).toBe('Françoise Lefèvre-Noël');
  }, 30_000);

  it('bank parse: a refused file, a forced wrong format, an unknown format, a missing file exit 2', async () => {
    const bad = await runCli(['bank', 'parse', join(FIXTURES, 'wrong-trailer-count.cod'), '--json']);
    expect(bad).toEqual({ code: 2, stdout: '', stderr: `${join(FIXTURES, 'wrong-trailer-count.cod')}:13: the trailer counts 12 records (1, 2.x, 3.x and 8) but the file has 11\n` });
    const forced = await runCli(['bank', 'parse', join(FIXTURES, 'kbc.cod'), '--format', 'camt053']);
    expect(forced.code).toBe(2);
    expect(forced.stderr).toContain('the file is not valid UTF-8 text');
    const unknown = await runCli(['bank', 'parse', join(FIXTURES, 'kbc.cod'), '--format', 'mt940']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toContain("Allowed choices are coda, camt053");
    const missing = await runCli(['bank', 'parse', join(FIXTURES, 'nope.cod')]);
    expect(missing).toMatchObject({ code: 2, stdout: '' });
    expect(missing.stderr).toMatch(/^Cannot read .*nope\.cod: no such file\.\n$/);
  }, 30_000);

  it('ogm new and ogm check', async () => {
    expect(await runCli(['ogm', 'new', '1234567890'])).toEqual({ code: 0, stdout: '+++123/4567/89002+++\n', stderr: '' });
    const wrong = await runCli(['ogm', 'new', '12345']);
    expect(wrong).toMatchObject({ code: 2, stdout: '' });
    expect(await runCli(['ogm', 'check', '***123/4567/89002***'])).toEqual({ code: 0, stdout: '+++123/4567/89002+++\n', stderr: '' });
    const digits = await runCli(['ogm', 'check', '+++123/4567/89003+++']);
    expect(digits).toMatchObject({ code: 2, stdout: '' });
    expect(digits.stderr).toMatch(/^wrong check digits: /);
    const format = await runCli(['ogm', 'check', 'hello']);
    expect(format).toMatchObject({ code: 2, stdout: '' });
    expect(format.stderr).toMatch(/^invalid format: /);
  }, 30_000);
});
