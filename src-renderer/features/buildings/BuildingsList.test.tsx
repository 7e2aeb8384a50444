import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { AuthProvider, useAuth } from '../../app/AuthProvider.js';
import { BuildingsList } from './BuildingsList.js';
import { fakeServer, renderWithProviders } from '../../test-utils.js';

const syndic = { id: 2, email: 'syndic@example.be', displayName: 'Sophie', language: 'fr', roles: [{ role: 'syndic', buildingId: null, ownerId: null }] };
const council = { ...syndic, roles: [{ role: 'council', buildingId: 1, ownerId: null }] };

function SignedIn() {
  const { user } = useAuth();
  return user ? <BuildingsList onOpen={() => {}} /> : null;
}

describe('BuildingsList', () => {
  it('shows an empty state with a “create building” action that opens the form', async () => {
    fakeServer({
      'system.info': { ok: true, value: { version: 'test', driver: 'sqlite', database: ':memory:', door: 'test', user: syndic } },
      'buildings.list': { ok: true, value: [] },
    });
    renderWithProviders(<AuthProvider><SignedIn /></AuthProvider>);
    const action = await screen.findByRole('button', { name: 'Créer un immeuble' });
    expect(screen.getByText('Aucun immeuble pour l’instant')).toBeTruthy();
    fireEvent.click(action);
    await waitFor(() => expect(screen.getByRole('dialog', { name: 'Nouvel immeuble' })).toBeTruthy());
  });

  it('asks the server to sort by the clicked column, and flags unbalanced quote-parts', async () => {
    const server = fakeServer({
      'system.info': { ok: true, value: { version: 'test', driver: 'sqlite', database: ':memory:', door: 'test', user: council } },
      'buildings.list': {
        ok: true,
        value: [{ id: 1, name: 'Résidence Les Tilleuls', street: 'Avenue Louise 231', postalCode: '1050', city: 'Ixelles', lotCount: 25, ownerCount: 21, totalShares: 10000, sharesSum: 9875 }],
      },
    });
    renderWithProviders(<AuthProvider><SignedIn /></AuthProvider>);
    const row = await screen.findByRole('row', { name: 'Résidence Les Tilleuls' });
    expect(row.textContent).toMatch(/9\s875 \/ 10\s000/); // fr-BE groups with a narrow no-break space
    expect(row.textContent).toContain('Non équilibré');
    // A council member reads only: no create button.
    expect(screen.queryByRole('button', { name: 'Nouvel immeuble' })).toBeNull();
    fireEvent.click(screen.getByRole('button', { name: 'Trier par Commune' }));
    await waitFor(() => expect(server.calls.some((c) => c.op === 'buildings.list' && (c.input as { sort?: string }).sort === 'city')).toBe(true));
  });
});
