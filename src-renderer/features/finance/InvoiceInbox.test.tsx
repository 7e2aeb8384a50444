import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AuthProvider, useAuth } from '../../app/AuthProvider.js';
import { fakeServer, renderWithProviders } from '../../test-utils.js';
import { InvoiceInbox } from './InvoiceInbox.js';

const syndic = { id: 2, email: 'syndic@example.be', displayName: 'Sophie Lambert', language: 'fr', roles: [{ role: 'syndic', buildingId: null, ownerId: null }] };
const accountant = { ...syndic, id: 3, displayName: 'Marc Dubois', roles: [{ role: 'accountant', buildingId: null, ownerId: null }] };

const row = (id: number, supplierName: string, number: string, amountCents: number) => ({
  id, buildingId: 1, buildingName: 'Résidence Les Tilleuls', supplierId: id, supplierName, number, invoiceDate: '2026-10-05', dueDate: '2026-11-04', amountCents, status: 'pending_approval', description: '', hasDocument: false,
});
const ROWS = [row(1, 'Ascenseurs Brabant SA', 'ASC-2026-0040', 62_920), row(2, 'Net & Clair SRL', 'CLE-2026-0011', 50_820), row(3, 'Énergie Bruxelles SA', 'ENE-2026-0023', 154_500)];
const detail = (id: number) => {
  const r = ROWS.find((x) => x.id === id)!;
  return {
    ...r, vatCents: 0, expenseAccount: '6101', distributionKeyId: null, periodStart: null, periodEnd: null, documentId: null, documentSha256: null, submittedBy: 3,
    approvals: [], needsCouncil: id === 3, rejectionReason: null, entryId: null, paymentEntryId: null,
    history: [{ at: '2026-10-05T09:00:00Z', actor: 'user:3', action: 'created', fromStatus: null, toStatus: 'draft', note: null }],
  };
};

function answers(user: typeof syndic) {
  return {
    'system.info': { ok: true as const, value: { version: 'test', driver: 'sqlite', database: ':memory:', door: 'test', user } },
    'invoices.list': { ok: true as const, value: { rows: ROWS, nextCursor: null } },
    'invoices.get': (input: unknown) => ({ ok: true as const, value: detail((input as { id: number }).id) }),
    'buildings.list': { ok: true as const, value: [] },
    'suppliers.list': { ok: true as const, value: [] },
    'ledger.accounts': { ok: true as const, value: [] },
    'charges.keys': { ok: true as const, value: [] },
  };
}

function SignedIn() {
  const { user } = useAuth();
  return user ? <InvoiceInbox /> : null;
}

describe('InvoiceInbox', () => {
  it('approves the ticked invoices at once and says what happened to each, refusals in words', async () => {
    const server = fakeServer({
      ...answers(syndic),
      'invoices.approve': {
        ok: true,
        value: { done: [1], waiting: [3], refused: [{ id: 2, rule: 'four_eyes', message: 'You submitted this invoice: someone else must approve it (four-eyes rule)' }] },
      },
    });
    renderWithProviders(<AuthProvider><SignedIn /></AuthProvider>);
    await screen.findByRole('row', { name: 'Ascenseurs Brabant SA ASC-2026-0040' });
    // Pending approval is what the inbox shows first.
    expect(server.calls.find((c) => c.op === 'invoices.list')?.input).toMatchObject({ status: 'pending_approval', sort: 'dueDate', direction: 'asc' });

    fireEvent.click(screen.getByRole('checkbox', { name: 'Sélectionner toutes les factures affichées' }));
    const approve = screen.getByRole('button', { name: 'Approuver la sélection (3)' });
    fireEvent.click(approve);

    const outcome = await screen.findByRole('alert');
    expect(within(outcome).getByText('Résultat de l’approbation')).toBeTruthy();
    expect(outcome.textContent).toContain('Approuvées : 1 · en attente de l’autre approbation : 1 · refusées : 1');
    expect(outcome.textContent).toContain('le conseil de copropriété doit encore co-approuver : Énergie Bruxelles SA ENE-2026-0023.');
    const refusals = within(outcome).getByRole('list', { name: 'Approbations refusées' });
    expect(refusals.textContent).toBe('Net & Clair SRL CLE-2026-0011 — Vous avez soumis cette facture : une autre personne doit l’approuver (principe des quatre yeux).');
    expect(server.calls.find((c) => c.op === 'invoices.approve')?.input).toEqual({ ids: [1, 2, 3] });
    // What was approved or recorded leaves the selection; the refused one stays ticked.
    await waitFor(() => expect(screen.getByRole('button', { name: 'Approuver la sélection (1)' })).toBeTruthy());
  });

  it('moves with J and K and approves the current invoice with A', async () => {
    const server = fakeServer({ ...answers(syndic), 'invoices.approve': { ok: true, value: { done: [2], waiting: [], refused: [] } } });
    renderWithProviders(<AuthProvider><SignedIn /></AuthProvider>);
    const first = await screen.findByRole('row', { name: 'Ascenseurs Brabant SA ASC-2026-0040' });
    await waitFor(() => expect(first.getAttribute('aria-current')).toBe('true'));
    fireEvent.keyDown(document.documentElement, { key: 'j', code: 'KeyJ' });
    await waitFor(() => expect(screen.getByRole('row', { name: 'Net & Clair SRL CLE-2026-0011' }).getAttribute('aria-current')).toBe('true'));
    await screen.findByRole('heading', { name: 'Net & Clair SRL' });
    fireEvent.keyDown(document.documentElement, { key: 'a', code: 'KeyA' });
    await waitFor(() => expect(server.calls.find((c) => c.op === 'invoices.approve')?.input).toEqual({ ids: [2] }));
  });

  it('gives a bookkeeper no approval button, checkbox or shortcut', async () => {
    const server = fakeServer(answers(accountant));
    renderWithProviders(<AuthProvider><SignedIn /></AuthProvider>);
    await screen.findByRole('heading', { name: 'Ascenseurs Brabant SA' });
    expect(screen.queryByRole('button', { name: /^Approuver/ })).toBeNull();
    expect(screen.queryByRole('checkbox')).toBeNull();
    expect(screen.getByRole('button', { name: 'Encoder une facture' })).toBeTruthy();
    fireEvent.keyDown(document.documentElement, { key: 'a', code: 'KeyA' });
    await new Promise((r) => setTimeout(r, 50));
    expect(server.calls.some((c) => c.op === 'invoices.approve')).toBe(false);
  });
});
