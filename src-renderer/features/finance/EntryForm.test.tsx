import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { Result } from '../../../src-shared/result.js';
import { fakeServer, renderWithProviders } from '../../test-utils.js';
import { EntryForm } from './EntryForm.js';
import { entryBalance } from './entry-balance.js';

const account = (code: string, labelFr: string, parentCode: string | null) => ({ id: code.length, code, labelFr, labelNl: labelFr, type: 'expense', parentCode, ownerId: null, debitCents: 0, creditCents: 0, balanceCents: 0 });
const ANSWERS: Record<string, Result<unknown>> = {
  'ledger.journals': { ok: true, value: [{ id: 1, code: 'OD', kind: 'misc', bankAccountId: null }, { id: 2, code: 'FIN1', kind: 'bank', bankAccountId: 1 }] },
  'ledger.accounts': {
    ok: true,
    value: [account('6', 'Charges', null), account('61', 'Services et biens divers', '6'), account('616', 'Frais d’administration', '61'), account('6161', 'Frais réunions', '616'), account('551', 'Fonds de roulement', '55'), account('551-01', 'Compte courant', '551')],
  },
};
const YEAR = { startDate: '2026-01-01', endDate: '2026-12-31' };

/**
 * Picks an account in a line's Select. jsdom does not lay the dropdown out (it stays
 * display: none), so the option of this Select's own listbox is clicked directly.
 */
async function chooseAccount(line: number, code: string) {
  const input = screen.getByRole('combobox', { name: `Compte, ligne ${line}` }) as HTMLInputElement;
  fireEvent.click(input);
  const listbox = await waitFor(() => {
    const found = document.getElementById(input.getAttribute('aria-controls') ?? '');
    if (!found) throw new Error(`no listbox for line ${line}`);
    return found;
  });
  fireEvent.click(within(listbox).getByRole('option', { hidden: true, name: new RegExp(`^${code} `) }));
  await waitFor(() => expect(input.value).toMatch(new RegExp(`^${code} `)));
}
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(new RegExp(`^${label}`)), { target: { value } });

describe('the live balance check of a miscellaneous entry', () => {
  it('adds the lines as they are typed (1.234,56 / 1234.5 / 12,3) and says the difference', () => {
    expect(entryBalance([{ debit: '1.234,56', credit: '' }, { debit: '', credit: '1234.5' }, { debit: '', credit: '0,06' }])).toMatchObject({ debitCents: 123_456, creditCents: 123_456, differenceCents: 0, ready: true });
    expect(entryBalance([{ debit: '12,3', credit: '' }, { debit: '', credit: '12' }])).toMatchObject({ differenceCents: 30, ready: false });
    expect(entryBalance([{ debit: 'douze', credit: '' }, { debit: '', credit: '12' }])).toMatchObject({ unreadable: [0], ready: false });
    expect(entryBalance([{ debit: '5', credit: '5' }, { debit: '', credit: '' }])).toMatchObject({ bothSides: [0], ready: false });
    expect(entryBalance([{ debit: '', credit: '' }, { debit: '', credit: '' }])).toMatchObject({ debitCents: 0, ready: false });
  });

  it('shows the difference while debit and credit differ, and posts only once they agree', async () => {
    const server = fakeServer({
      ...ANSWERS,
      'ledger.post': (input) => {
        const { lines } = input as { lines: { accountCode: string; debitCents: number; creditCents: number }[] };
        return { ok: true, value: { id: 9, journalCode: 'OD', number: 3, reference: 'OD-2026-0003', date: '2026-03-01', description: 'x', totalCents: lines[0]!.debitCents, reversalOfId: null, reversedById: null, sourceType: 'manual', postedAt: '2026-03-01T10:00:00Z', postedBy: 'user:2', lines: [] } };
      },
    });
    renderWithProviders(<EntryForm opened onClose={() => {}} buildingId={1} fiscalYear={YEAR} />);
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle écriture' });
    type('Libellé de l’écriture', 'Frais de réunion');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Compte, ligne 1' })).toBeTruthy());
    await chooseAccount(1, '6161');
    type('Débit, ligne 1', '1.234,56');
    await chooseAccount(2, '551-01');
    type('Crédit, ligne 2', '1234,5');

    const status = within(dialog).getByTestId('entry-balance');
    const post = within(dialog).getByRole('button', { name: 'Comptabiliser' }) as HTMLButtonElement;
    await waitFor(() => expect(status.textContent).toBe('Différence : 0,06\u00a0€ (le débit dépasse le crédit)'));
    expect(post.disabled).toBe(true);
    expect(screen.getByLabelText('Total débit').textContent).toBe('1.234,56\u00a0€');
    expect(screen.getByLabelText('Total crédit').textContent).toBe('1.234,50\u00a0€');

    type('Crédit, ligne 2', '1234.56');
    await waitFor(() => expect(status.textContent).toBe('Écriture équilibrée'));
    expect(post.disabled).toBe(false);
    fireEvent.click(post);
    await waitFor(() => expect(server.calls.some((c) => c.op === 'ledger.post')).toBe(true));
    const sent = server.calls.find((c) => c.op === 'ledger.post')!.input as { journalCode: string; lines: unknown[] };
    expect(sent.journalCode).toBe('OD');
    expect(sent.lines).toEqual([
      { accountCode: '6161', debitCents: 123_456, creditCents: 0, label: null },
      { accountCode: '551-01', debitCents: 0, creditCents: 123_456, label: null },
    ]);
  });

  it('puts the server’s refusal of an account on that line’s account field', async () => {
    fakeServer({
      ...ANSWERS,
      'ledger.post': {
        ok: false,
        error: {
          code: 'DOMAIN_RULE',
          message: 'Line 2: 551 is a heading; post to an account of at least three digits',
          details: { rule: 'heading_account', path: ['lines', 1, 'accountCode'], problems: [{ path: ['lines', 1, 'accountCode'], code: 'heading_account', message: 'Line 2: 551 is a heading' }] },
        },
      },
    });
    renderWithProviders(<EntryForm opened onClose={() => {}} buildingId={1} fiscalYear={YEAR} />);
    const dialog = await screen.findByRole('dialog', { name: 'Nouvelle écriture' });
    type('Libellé de l’écriture', 'Transfert');
    await waitFor(() => expect(screen.getByRole('combobox', { name: 'Compte, ligne 1' })).toBeTruthy());
    await chooseAccount(1, '6161');
    type('Débit, ligne 1', '50');
    await chooseAccount(2, '551-01');
    type('Crédit, ligne 2', '50');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Comptabiliser' }));

    const second = screen.getByRole('combobox', { name: 'Compte, ligne 2' });
    await waitFor(() => expect(second.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getByRole('combobox', { name: 'Compte, ligne 1' }).getAttribute('aria-invalid')).not.toBe('true');
    expect(within(dialog).getByText('C’est un compte de regroupement : choisissez un compte d’au moins trois chiffres.')).toBeTruthy();
  });
});
