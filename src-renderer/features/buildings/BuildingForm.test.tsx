import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { BuildingForm } from './BuildingForm.js';
import { fakeServer, renderWithProviders } from '../../test-utils.js';

function fill(label: RegExp | string, value: string, nth = 0) {
  const input = screen.getAllByLabelText(label)[nth] as HTMLInputElement;
  fireEvent.change(input, { target: { value } });
  return input;
}

describe('BuildingForm', () => {
  it('shows the server’s IBAN and BCE problems on their own fields', async () => {
    const server = fakeServer({
      'buildings.create': {
        ok: false,
        error: {
          code: 'VALIDATION',
          message: 'Invalid input (bce): Invalid BCE/KBO number (checksum)',
          details: {
            problems: [
              { path: ['bce'], code: 'bce_checksum', message: 'Invalid BCE/KBO number (checksum)' },
              { path: ['bankAccounts', 1, 'iban'], code: 'iban_checksum', message: 'Invalid IBAN (checksum)' },
            ],
          },
        },
      },
    });
    renderWithProviders(<BuildingForm opened onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog');
    fill(/Nom de l’immeuble/, 'Résidence Test');
    fill(/Rue et numéro/, 'Rue Haute 1');
    fill(/Code postal/, '1000');
    fill(/Commune/, 'Bruxelles');
    fill(/Numéro d’entreprise/, '0850.123.441');
    fill(/^IBAN/, 'BE68 5390 0754 7034', 0);
    fireEvent.click(within(dialog).getByRole('button', { name: /Ajouter un compte/ }));
    fill(/^IBAN/, 'BE71 0961 2345 6768', 1);
    fireEvent.click(within(dialog).getByRole('button', { name: /Créer l’immeuble/ }));

    await waitFor(() => expect(screen.getAllByLabelText(/^IBAN/)[1]!.getAttribute('aria-invalid')).toBe('true'));
    const ibans = screen.getAllByLabelText(/^IBAN/);
    // The second account carries the error, in French, from errors.iban_checksum; the first does not.
    expect(ibans[1]!.getAttribute('aria-invalid')).toBe('true');
    expect(ibans[0]!.getAttribute('aria-invalid')).not.toBe('true');
    const ibanError = document.getElementById(ibans[1]!.getAttribute('aria-describedby')!.split(' ').find((id) => id.includes('error'))!);
    expect(ibanError?.textContent).toBe('IBAN invalide : les chiffres de contrôle ne correspondent pas.');
    expect(screen.getByLabelText(/Numéro d’entreprise/).getAttribute('aria-invalid')).toBe('true');
    expect(screen.getByText('Numéro d’entreprise invalide : les chiffres de contrôle ne correspondent pas.')).toBeTruthy();

    // What was sent follows the contract: totals as numbers, accounts in form order.
    const sent = server.calls.find((c) => c.op === 'buildings.create')?.input as { totalShares: number; bankAccounts: { iban: string }[] };
    expect(sent.totalShares).toBe(1000);
    expect(sent.bankAccounts.map((a) => a.iban)).toEqual(['BE68 5390 0754 7034', 'BE71 0961 2345 6768']);
  });

  it('maps problems back to the right row when a blank account row was left out', async () => {
    fakeServer({
      'buildings.create': {
        ok: false,
        error: { code: 'CONFLICT', message: 'This IBAN belongs to another building', details: { problems: [{ path: ['bankAccounts', 0, 'iban'], code: 'iban_taken', message: 'This IBAN belongs to another building' }] } },
      },
    });
    renderWithProviders(<BuildingForm opened onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog');
    fill(/Nom de l’immeuble/, 'Résidence Test');
    fill(/Rue et numéro/, 'Rue Haute 1');
    fill(/Code postal/, '1000');
    fill(/Commune/, 'Bruxelles');
    fireEvent.click(within(dialog).getByRole('button', { name: /Ajouter un compte/ }));
    fill(/^IBAN/, 'BE68 5390 0754 7034', 1); // row 0 stays blank and is not sent
    fireEvent.click(within(dialog).getByRole('button', { name: /Créer l’immeuble/ }));
    await waitFor(() => expect(screen.getAllByLabelText(/^IBAN/)[1]!.getAttribute('aria-invalid')).toBe('true'));
    expect(screen.getAllByLabelText(/^IBAN/)[0]!.getAttribute('aria-invalid')).not.toBe('true');
    expect(screen.getByText('Ce compte appartient déjà à un autre immeuble.')).toBeTruthy();
  });

  it('refuses to send without the required fields', async () => {
    const server = fakeServer({});
    renderWithProviders(<BuildingForm opened onClose={() => {}} />);
    const dialog = await screen.findByRole('dialog');
    fireEvent.click(within(dialog).getByRole('button', { name: /Créer l’immeuble/ }));
    await waitFor(() => expect(screen.getAllByText('Ce champ est obligatoire.').length).toBeGreaterThanOrEqual(4));
    expect(server.calls).toEqual([]);
  });
});
