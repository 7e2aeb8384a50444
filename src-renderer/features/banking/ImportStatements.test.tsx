import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import type { Result } from '../../../src-shared/result.js';
import { formatMoney } from '../../../src-shared/values/money.js';
import { useServerEvents } from '../../api/hooks.js';
import { fakeServer, renderWithProviders } from '../../test-utils.js';
import { ImportStatements } from './ImportStatements.js';

/** bank.import answered when the test releases it; events pushed as the WebSocket does. */
function pushingServer() {
  const imports: { input: { fileName: string; progressToken?: string }; answer: (r: Result<unknown>) => void }[] = [];
  const server = fakeServer({ 'bank.import': (input) => new Promise((answer) => imports.push({ input: input as { fileName: string; progressToken?: string }, answer })) });
  return { imports, push: server.push };
}

function Listening() {
  useServerEvents(true);
  return <ImportStatements />;
}

const summary: OpOutput<'bank.import'> = {
  format: 'coda',
  statements: [
    { index: 0, status: 'duplicate', statementId: null, buildingId: 1, buildingName: 'Résidence Les Tilleuls', bankAccountId: 1, account: 'BE68539007547034', sequence: '011', date: '2026-10-31', openingBalanceCents: 0, closingBalanceCents: 0, movements: 19, matched: 0, ledgerBalanceCents: null },
    { index: 1, status: 'imported', statementId: 12, buildingId: 1, buildingName: 'Résidence Les Tilleuls', bankAccountId: 1, account: 'BE68539007547034', sequence: '012', date: '2026-11-26', openingBalanceCents: 6_005_090, closingBalanceCents: 7_095_075, movements: 33, matched: 31, ledgerBalanceCents: 7_095_075 },
  ],
  imported: 1, duplicates: 1, movements: 33, matched: 31, warnings: [{ line: 14, message: 'unknown transaction code 00199000' }],
};

describe('importing statements', () => {
  it('shows a progress bar driven by the progress events of its own import (indeterminate until one arrives), then the summary per statement and the refused file’s problems in words', async () => {
    const server = pushingServer();
    renderWithProviders(<Listening />);
    const input = screen.getByLabelText('Extraits de compte (CODA ou CAMT.053)');
    fireEvent.change(input, { target: { files: [new File(['0000…'], 'b-013.cod'), new File(['0000…'], 'a-012.cod')] } });

    // In the order of their names: a-012 first. No event yet: the bar has no value.
    const bar = await screen.findByRole('progressbar', { name: 'Import de a-012.cod' });
    expect(screen.getByText('Fichier 1 sur 2 : a-012.cod')).toBeTruthy();
    expect(bar.getAttribute('aria-valuenow')).toBeNull();
    expect(bar.getAttribute('aria-valuetext')).toBe('Import en cours…');
    expect(bar.hasAttribute('data-indeterminate')).toBe(true);
    await waitFor(() => expect(server.imports).toHaveLength(1));
    const first = server.imports[0]!;
    expect(first.input.fileName).toBe('a-012.cod');
    const token = first.input.progressToken!;
    expect(token).toMatch(/^[0-9a-f]{32}$/);

    // Another import's events (another window, another token) do not move this bar; its own do.
    server.push('progress', { operation: 'bank.import', token: 'someone-else', done: 5, total: 9, label: 'x' });
    server.push('progress', { operation: 'bank.import', token, done: 1, total: 2, label: 'BE68539007547034 011' });
    await waitFor(() => expect(bar.getAttribute('aria-valuenow')).toBe('1'));
    expect(bar.getAttribute('aria-valuemax')).toBe('2');
    expect(bar.getAttribute('aria-valuetext')).toBe('Extrait 1 sur 2 : BE68539007547034 011');
    expect(bar.hasAttribute('data-indeterminate')).toBe(false);
    server.push('progress', { operation: 'bank.import', token, done: 2, total: 2, label: 'BE68539007547034 012' });
    await waitFor(() => expect(bar.getAttribute('aria-valuetext')).toBe('Extrait 2 sur 2 : BE68539007547034 012'));

    first.answer({ ok: true, value: summary });
    const result = await screen.findByRole('region', { name: 'Résultat de l’import de a-012.cod' });
    expect(within(result).getByTestId('import-matched').textContent).toBe('Rapprochés automatiquement : 31 / 33 (93 %)');
    expect(result.textContent).toContain('Extraits importés : 1 · doublons refusés : 1 · mouvements : 33 · à rapprocher : 2');
    const row = within(result).getByRole('row', { name: 'Résidence Les Tilleuls BE68 5390 0754 7034 · n° 012 · 26/11/2026' });
    expect([...row.querySelectorAll('td')].map((td) => td.textContent)).toEqual(['Résidence Les Tilleuls', 'BE68 5390 0754 7034 · n° 012 · 26/11/2026', '33', '31', '2', formatMoney(7_095_075, 'fr'), formatMoney(7_095_075, 'fr')]);
    expect(within(result).getByText('Doublon : déjà importé, laissé de côté')).toBeTruthy();
    expect(within(result).getByText('Ligne 14 : unknown transaction code 00199000')).toBeTruthy();
    expect(within(result).getByRole('link', { name: 'Rapprocher les mouvements restants de Résidence Les Tilleuls' }).getAttribute('href')).toBe('#/bank?building=1');

    // The second file: a new token, a new bar; refused whole, each problem placed and said in words.
    await screen.findByRole('progressbar', { name: 'Import de b-013.cod' });
    await waitFor(() => expect(server.imports).toHaveLength(2));
    expect(server.imports[1]!.input.progressToken).not.toBe(token);
    server.imports[1]!.answer({
      ok: false,
      error: {
        code: 'IMPORT_INVALID', message: 'b-013.cod: the file was refused',
        details: {
          problems: [
            { path: ['statements', 0, 'openingBalanceCents'], code: 'balance_gap', message: 'Statement 1 of BE68539007547034 (013, 2026-11-30) opens at 70950.00 but the previous statement of this account (012, 2026-11-26) closed at 70950.75: a statement is missing in between' },
            { path: ['statements', 1, 'account'], code: 'unknown_account', message: 'Statement 2 (001, 2026-11-30): the account BE43068999999501 is not the bank account of any building; add it to its building first' },
            { path: ['statements', 0, 'movements', 2, 'bookingDate'], code: 'no_fiscal_year', message: 'Movement 0003 of BE68539007547034 is dated 2027-01-02: no open fiscal year of Résidence Les Tilleuls contains it' },
          ],
        },
      },
    });
    const refused = (await screen.findByText('Fichier refusé : b-013.cod')).closest<HTMLElement>('[role="alert"]')!;
    const problems = within(refused).getAllByRole('listitem').map((li) => li.textContent);
    expect(problems[0]).toMatch(/^Extrait 1, solde d’ouverture — Le solde d’ouverture ne suit pas le solde de clôture du dernier extrait de ce compte : un extrait manque entre les deux\.Statement 1 of BE68539007547034/);
    expect(problems[1]).toMatch(/^Extrait 2, compte — Ce compte n’est celui d’aucun immeuble : ajoutez-le d’abord à son immeuble\./);
    expect(problems[2]).toMatch(/^Extrait 1, mouvement 3 — Aucun exercice ouvert de l’immeuble ne couvre la date de ce mouvement/);
    await waitFor(() => expect(screen.queryByRole('progressbar')).toBeNull());
  });

  it('names the line of an unreadable CODA file', async () => {
    const server = pushingServer();
    renderWithProviders(<Listening />);
    fireEvent.change(screen.getByLabelText('Extraits de compte (CODA ou CAMT.053)'), { target: { files: [new File(['x'], 'broken.cod')] } });
    await waitFor(() => expect(server.imports).toHaveLength(1));
    server.imports[0]!.answer({
      ok: false,
      error: { code: 'IMPORT_INVALID', message: 'broken.cod:7: refused', details: { problems: [{ line: 7, code: 'bank_file', message: 'record 2.1: the amount is not a number' }] } },
    });
    const refused = await screen.findByRole('alert');
    expect(within(refused).getByRole('listitem').textContent).toBe('Ligne 7 — Le fichier n’est pas un extrait CODA ou CAMT.053 lisible : enregistrement, totaux ou soldes incorrects.record 2.1: the amount is not a number');
  });
});
