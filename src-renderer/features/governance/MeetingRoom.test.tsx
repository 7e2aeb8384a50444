import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { AuthProvider, useAuth } from '../../app/AuthProvider.js';
import { fakeServer, renderWithProviders } from '../../test-utils.js';
import { AssemblyPage } from './AssemblyPage.js';
import { itemResult, meeting, syndicUser } from './fixtures.js';

function SignedIn({ view }: { view: 'meeting' }) {
  const { user } = useAuth();
  return user ? <AssemblyPage id={7} view={view} navigate={() => {}} /> : null;
}

const info = { ok: true as const, value: { version: 'test', driver: 'sqlite', database: ':memory:', door: 'test', user: syndicUser } };
const votesOf = (calls: { op: string; input: unknown }[]) => calls.filter((c) => ['ag.vote', 'ag.undo', 'ag.declare', 'ag.checkIn'].includes(c.op));

describe('the meeting room, from the keyboard', () => {
  it('records "everyone for", then an exception typed by name and F/C/A, undoes with Ctrl+Z and declares with Ctrl+Enter', async () => {
    // A server that keeps the votes, as the real one does: the room refetches after each entry.
    const state = meeting();
    const item = state.items[0]!;
    const record = (votes: Record<string, 'for' | 'against' | 'abstain'>) => {
      item.votes = votes;
      const sum = (c: string) => Object.entries(votes).filter(([, v]) => v === c).reduce((n, [k]) => n + (state.voters.find((x) => x.key === k)?.shares ?? 0), 0);
      item.result = itemResult({ for: sum('for'), against: sum('against'), abstain: sum('abstain') }, sum('for') > sum('against') ? 'adopted' : 'rejected');
      return { ok: true as const, value: item.result };
    };
    const everyone = { o1: 'for', o2: 'for', o3: 'for' } as const;
    const server = fakeServer({
      'system.info': info,
      'ag.get': () => ({ ok: true, value: structuredClone(state) }),
      'ag.vote': (input) => {
        const v = input as { all?: 'for'; votes?: { voterKey: string; choice: 'against' }[] };
        return record(v.all ? { ...everyone } : { ...item.votes, ...Object.fromEntries((v.votes ?? []).map((x) => [x.voterKey, x.choice])) });
      },
      'ag.undo': () => record({ ...everyone }),
      'ag.declare': () => ({ ok: true, value: item.result! }),
    });
    renderWithProviders(<AuthProvider><SignedIn view="meeting" /></AuthProvider>);
    const list = await screen.findByRole('listbox', { name: 'Votes' });
    // Only who takes part in the item: the refused proxy (to the syndic) is not in the list.
    expect(within(list).getAllByRole('option').map((o) => o.querySelector('p')?.textContent)).toEqual(['Jean Arnaud', 'An Bosmans', 'Luc Claes']);

    fireEvent.click(screen.getByRole('button', { name: 'Tout le monde pour' }));
    await waitFor(() => expect(votesOf(server.calls)).toEqual([{ op: 'ag.vote', input: { itemId: 11, all: 'for' } }]));
    expect(within(list).getByRole('button', { name: 'An Bosmans : Pour' }).getAttribute('aria-pressed')).toBe('true');

    // Type a name, Enter: the first match is the focused voter; C records "contre".
    const filter = screen.getByRole('textbox', { name: 'Filtrer : Votes' });
    fireEvent.change(filter, { target: { value: 'bos' } });
    fireEvent.keyDown(filter, { key: 'Enter' });
    expect(document.activeElement).toBe(list);
    expect(within(list).getByRole('option', { selected: true }).textContent).toContain('An Bosmans');
    fireEvent.keyDown(list, { key: 'c' });
    await waitFor(() => expect(votesOf(server.calls).at(-1)).toEqual({ op: 'ag.vote', input: { itemId: 11, votes: [{ voterKey: 'o2', choice: 'against' }] } }));
    expect(within(list).getByRole('button', { name: 'An Bosmans : Contre' }).getAttribute('aria-pressed')).toBe('true');
    // Back to the filter, its text selected: the next name replaces it.
    expect(document.activeElement).toBe(filter);
    // The bars follow the server's result.
    await waitFor(() => expect(screen.getByRole('meter', { name: 'Contre' }).getAttribute('aria-valuenow')).toBe('250'));
    expect(screen.getByText('Seuil : plus de 375 des 750 voix exprimées')).toBeTruthy();

    // Letters that are not votes do nothing; Shift+F is "everyone for", not "for" on the focused voter.
    list.focus();
    fireEvent.keyDown(list, { key: 'x' });
    fireEvent.keyDown(list, { key: 'F', shiftKey: true });
    await waitFor(() => expect(votesOf(server.calls).at(-1)).toEqual({ op: 'ag.vote', input: { itemId: 11, all: 'for' } }));

    fireEvent.keyDown(list, { key: 'z', code: 'KeyZ', ctrlKey: true });
    await waitFor(() => expect(votesOf(server.calls).at(-1)).toEqual({ op: 'ag.undo', input: { itemId: 11 } }));

    fireEvent.keyDown(list, { key: 'Enter', code: 'Enter', ctrlKey: true });
    const confirm = await screen.findByRole('dialog', { name: 'Déclarer le résultat du point 1' });
    expect(confirm.textContent).toContain('ADOPTÉE');
    fireEvent.click(within(confirm).getByRole('button', { name: 'Déclarer' }));
    await waitFor(() => expect(votesOf(server.calls).at(-1)).toEqual({ op: 'ag.declare', input: { itemId: 11 } }));
    expect(votesOf(server.calls).map((c) => c.op)).toEqual(['ag.vote', 'ag.vote', 'ag.vote', 'ag.undo', 'ag.declare']);
  });

  it('checks owners in with one key, says a refused proxy in words, and asks the holder of a proxy', async () => {
    const before = meeting({ status: 'convened', chair: null, secretary: null, currentItemId: null, items: meeting().items.map((i) => ({ ...i, status: 'pending', result: null })) });
    const server = fakeServer({
      'system.info': info,
      'ag.get': { ok: true, value: before },
      'ag.checkIn': { ok: true, value: { proxy: null, quorum: before.quorum } },
    });
    renderWithProviders(<AuthProvider><SignedIn view="meeting" /></AuthProvider>);
    const list = await screen.findByRole('listbox', { name: 'Présences' });
    expect(within(list).getByRole('option', { name: /Marc Dupont/ }).textContent).toContain('Procuration à Syndic Démo SRL refusée : le syndic ne peut pas être mandataire d’un copropriétaire (art. 3.87 §7)');
    expect(screen.getByRole('region', { name: 'Quorum' }).textContent).toContain('Plus de la moitié des copropriétaires, détenant au moins la moitié des quotes-parts (art. 3.87 §5).');

    const filter = screen.getByRole('textbox', { name: 'Filtrer : Présences' });
    fireEvent.change(filter, { target: { value: 'dupont' } });
    fireEvent.keyDown(filter, { key: 'ArrowDown' });
    fireEvent.keyDown(list, { key: 'p' });
    await waitFor(() => expect(votesOf(server.calls)).toEqual([{ op: 'ag.checkIn', input: { assemblyId: 7, voterKey: 'o4', mode: 'present', fromItem: 1 } }]));

    list.focus();
    fireEvent.keyDown(list, { key: 'r' });
    expect(await screen.findByRole('dialog', { name: 'Procuration de Marc Dupont' })).toBeTruthy();
  });
});

describe('the projector button', () => {
  it('in the desktop app, asks the main process for the projector window of this meeting instead of following the link', async () => {
    const opened: [number, string][] = [];
    const bridge = { openProjector: (id: number, key: string) => void opened.push([id, key]) };
    fakeServer({ 'system.info': info, 'ag.get': () => ({ ok: true, value: meeting() }) });
    renderWithProviders(<AuthProvider><SignedIn view="meeting" /></AuthProvider>);
    const button = await screen.findByRole('link', { name: 'Ouvrir le projecteur' });
    expect(button.getAttribute('href')).toMatch(/#\/projector\/7\/k{32}$/);
    // Browser mode: the link opens a tab (the default action is kept).
    expect(fireEvent.click(button)).toBe(true);
    // Electron: the preload's bridge is there (its call is not used by this test's transport).
    (globalThis as { koprogo?: unknown }).koprogo = { ...bridge, call: () => Promise.reject(new Error('unused')), onEvent: () => () => {}, platform: 'linux' };
    try {
      expect(fireEvent.click(button)).toBe(false);
      expect(opened).toEqual([[7, 'k'.repeat(32)]]);
    } finally {
      delete (globalThis as { koprogo?: unknown }).koprogo;
    }
  });
});
