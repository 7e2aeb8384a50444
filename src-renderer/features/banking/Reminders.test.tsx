import { afterEach, describe, expect, it, vi } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AuthProvider, useAuth } from '../../app/AuthProvider.js';
import { fakeServer, renderWithProviders } from '../../test-utils.js';
import { Reminders } from './Reminders.js';

const accountant = { id: 3, email: 'comptable@example.be', displayName: 'Marc Dubois', language: 'fr', roles: [{ role: 'accountant', buildingId: null, ownerId: null }] };
const line = { callLineId: 11, callId: 7, label: '2026 T3', dueDate: '2026-07-28', ogm: '000005000146', amountCents: 49_500, openCents: 49_500 };
const due = (ownerId: number, name: string, currentLevel: number, nextLevel: number | null) => ({
  ownerId, name, language: 'fr', currentLevel, lastReminderDate: currentLevel ? '2026-10-01' : null, nextLevel, daysLate: 121, openCents: 49_500, feeCents: 0, interestCents: 0, lines: [line],
});
const DEFAULT_POLICY = { levels: [{ days: 15, feeCents: 0 }, { days: 30, feeCents: 0 }, { days: 45, feeCents: 0 }, { days: 60, feeCents: 0 }], interestApplies: false, interestRateBp: 0 };

function SignedIn() {
  const { user } = useAuth();
  return user ? <Reminders buildingId={1} /> : null;
}

afterEach(() => vi.restoreAllMocks());

describe('reminders', () => {
  it('sends the level due to the owners ticked, downloads the letters and says who was left out; the policy is saved as typed (euros, a rate in %)', async () => {
    const created = vi.fn(() => 'blob:letters');
    Object.assign(URL, { createObjectURL: created, revokeObjectURL: () => {} });
    const clicked = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {});
    const server = fakeServer({
      'system.info': { ok: true, value: { version: 'test', driver: 'sqlite', database: ':memory:', door: 'test', user: accountant } },
      'reminders.due': { ok: true, value: [due(1, 'Jean Dupont', 1, 2), due(2, 'An Peeters', 1, 2), due(3, 'Luc Janssens', 2, null)] },
      'reminders.list': { ok: true, value: [{ id: 5, ownerId: 1, ownerName: 'Jean Dupont', level: 1, date: '2026-10-01', dueCents: 49_500, feeCents: 0, interestCents: 0, entryId: null, documentId: 40, ogms: ['000005000146'] }] },
      'reminders.policy': { ok: true, value: DEFAULT_POLICY },
      'reminders.issue': {
        ok: true,
        value: { reminders: [{ id: 6, ownerId: 1, level: 2, dueCents: 49_500, feeCents: 0, interestCents: 0, entryId: null }], skipped: [{ ownerId: 2, reason: 'nothing overdue: paid since' }], letters: { fileName: 'rappel-2-2026-11-26-tilleuls.pdf', mimeType: 'application/pdf', contentBase64: 'JVBERi0=' } },
      },
      'reminders.setPolicy': (input) => ({ ok: true, value: (input as { policy: unknown }).policy }),
    });
    renderWithProviders(<AuthProvider><SignedIn /></AuthProvider>);

    // The level due by most is chosen; only the owners due for it can be ticked.
    const table = await screen.findByRole('table', { name: 'Copropriétaires en retard de paiement' });
    expect((screen.getByRole('radio', { name: '2 (2)' }) as HTMLInputElement).checked).toBe(true);
    expect((within(table).getByRole('checkbox', { name: 'Sélectionner Luc Janssens' }) as HTMLInputElement).disabled).toBe(true);
    expect(within(table).getByRole('row', { name: 'Luc Janssens' }).textContent).toContain('2 · Mise en demeure');
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Sélectionner tous ceux dus au niveau 2' }));
    fireEvent.click(screen.getByRole('button', { name: 'Envoyer : Mise en demeure (2)' }));

    await waitFor(() => expect(server.calls.find((c) => c.op === 'reminders.issue')?.input).toEqual({ buildingId: 1, level: 2, ownerIds: [1, 2] }));
    await waitFor(() => expect(clicked).toHaveBeenCalledOnce());
    expect(created).toHaveBeenCalledOnce();
    expect((await screen.findByText('Laissés de côté')).closest('[role="alert"]')?.textContent).toContain('An Peeters — nothing overdue: paid since');
    expect(screen.getByText('Lettres préparées (Mise en demeure) : 1 ; laissés de côté : 1')).toBeTruthy();
    expect(screen.getByRole('table', { name: 'Rappels envoyés' }).textContent).toContain('1 · Rappel');

    // The policy: days, a fee typed the Belgian way, interest at 8,5 %.
    const policy = screen.getByRole('form', { name: 'Politique de rappel de l’immeuble' });
    fireEvent.change(within(policy).getByRole('textbox', { name: 'Jours après l’échéance, 1 · Rappel' }), { target: { value: '20' } });
    fireEvent.change(within(policy).getByRole('textbox', { name: 'Frais, 2 · Mise en demeure' }), { target: { value: '7,50' } });
    fireEvent.click(within(policy).getByRole('switch', { name: /Intérêts de retard/ }));
    fireEvent.change(within(policy).getByRole('textbox', { name: 'Taux annuel' }), { target: { value: '8,5' } });
    fireEvent.click(within(policy).getByRole('button', { name: 'Enregistrer la politique' }));
    await waitFor(() =>
      expect(server.calls.find((c) => c.op === 'reminders.setPolicy')?.input).toEqual({
        buildingId: 1,
        policy: { levels: [{ days: 20, feeCents: 0 }, { days: 30, feeCents: 750 }, { days: 45, feeCents: 0 }, { days: 60, feeCents: 0 }], interestApplies: true, interestRateBp: 850 },
      }),
    );
    await screen.findByText('Politique de rappel enregistrée.');
  });
});
