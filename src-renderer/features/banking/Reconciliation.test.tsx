import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { MovementRow } from '../../../src-shared/contract/banking.js';
import { formatMoney } from '../../../src-shared/values/money.js';
import { AuthProvider, useAuth } from '../../app/AuthProvider.js';
import { fakeServer, renderWithProviders } from '../../test-utils.js';
import { mergeKeyset } from './movements.js';
import { Reconciliation } from './Reconciliation.js';

type TestUser = { id: number; email: string; displayName: string; language: string; roles: { role: string; buildingId: number | null; ownerId: number | null }[] };
const accountant: TestUser = { id: 3, email: 'comptable@example.be', displayName: 'Marc Dubois', language: 'fr', roles: [{ role: 'accountant', buildingId: null, ownerId: null }] };
const council: TestUser = { ...accountant, id: 9, displayName: 'Conseil', roles: [{ role: 'council', buildingId: 1, ownerId: null }] };

const movement = (id: number, counterpartyName: string, amountCents: number, extra: Partial<MovementRow> = {}): MovementRow => ({
  id, buildingId: 1, buildingName: 'Résidence Les Tilleuls', statementId: 12, account: 'BE68539007547034', sequence: String(id).padStart(4, '0'), date: '2026-11-20',
  amountCents, counterpartyName, counterpartyAccount: null, structuredReference: null, communication: null, bankReference: `KPG${id}`, status: 'unmatched', allocatedCents: 0, ...extra,
});
const line = (id: number, ownerId: number, ownerName: string, label: string, ogm: string, openCents: number) => ({
  id, callId: 7, label, kind: 'working' as const, ownerId, ownerName, ogm, amountCents: openCents, openCents, dueDate: '2026-10-28',
});
const LINES = [line(11, 1, 'Dupont Jean', '2026 T4', '000007001037', 58_500), line(21, 2, 'Peeters An', '2026 T4', '000007000146', 49_500), line(31, 4, 'Martin Claire', '2026 T4', '000007000449', 45_000)];
const alloc = (l: (typeof LINES)[number], amountCents: number) => ({ kind: 'call_line' as const, callLineId: l.id, invoiceId: null, ownerId: l.ownerId, amountCents, label: `${l.ownerName} — ${l.label} +++${l.ogm}+++` });

/** A server that keeps the movements' state, as the real one does: a match leaves the "to match" list. */
function bankServer(user: TestUser) {
  const movements = [
    movement(1, 'CLAIRE MARTIN', 30_000, { communication: 'charges', date: '2026-11-18' }),
    movement(2, 'M. PEETERS', 49_500, { communication: 'CHARGES APPARTEMENT', date: '2026-11-19' }),
    movement(3, 'DUPONT JEAN', 58_500, { structuredReference: '000007001037', date: '2026-11-20' }),
  ];
  const suggestions: Record<number, unknown[]> = {
    3: [
      { confidence: 95, rule: 'ogm', reason: 'Structured communication', allocations: [alloc(LINES[0]!, 58_500)] },
      { confidence: 60, rule: 'name', reason: 'The owner’s name', allocations: [alloc(LINES[0]!, 58_500)] },
    ],
    2: [{ confidence: 75, rule: 'name_amount', reason: 'The owner’s name and the exact amount', allocations: [alloc(LINES[1]!, 49_500)] }],
    1: [],
  };
  const allocations: Record<number, unknown[]> = {};
  const server = fakeServer({
    'system.info': { ok: true, value: { version: 'test', driver: 'sqlite', database: ':memory:', door: 'test', user } },
    'bank.movements': (input) => {
      const status = (input as { status?: string }).status;
      return { ok: true, value: { rows: movements.filter((m) => !status || m.status === status).sort((a, b) => b.id - a.id), nextCursor: null } };
    },
    'bank.statements': { ok: true, value: [{ id: 12, bankAccountId: 1, account: 'BE68539007547034', format: 'coda', sequence: '012', date: '2026-11-20', openingBalanceCents: 0, closingBalanceCents: 138_000, movements: 3, unmatched: 3, fileName: 'x.cod', importedAt: '2026-11-20T08:00:00.000Z' }] },
    'bank.movement': (input) => {
      const id = (input as { movementId: number }).movementId;
      return { ok: true, value: { ...movements.find((m) => m.id === id)!, allocations: allocations[id] ?? [] } };
    },
    'bank.suggestions': (input) => {
      const id = (input as { movementId: number }).movementId;
      return { ok: true, value: { movementId: id, threshold: 85, candidates: suggestions[id] ?? [] } };
    },
    'bank.match': (input) => {
      const { movementId, allocations: given } = input as { movementId: number; allocations: { callLineId?: number; amountCents: number }[] };
      const m = movements.find((x) => x.id === movementId)!;
      m.allocatedCents += given.reduce((s, a) => s + a.amountCents, 0);
      m.status = m.allocatedCents >= m.amountCents ? 'matched' : 'partial';
      allocations[movementId] = given.map((a, i) => ({
        ...alloc(LINES.find((l) => l.id === a.callLineId)!, a.amountCents), id: 100 + i, rule: 'manual', confidence: null, entryId: 500, reversalEntryId: null, createdAt: '2026-11-20T09:00:00.000Z', reversedAt: null,
      }));
      return { ok: true, value: { movementId, status: m.status, allocatedCents: m.allocatedCents, entryId: 500 } };
    },
    'bank.unmatch': (input) => {
      const m = movements.find((x) => x.id === (input as { movementId: number }).movementId)!;
      Object.assign(m, { status: 'unmatched', allocatedCents: 0 });
      allocations[m.id] = [];
      return { ok: true, value: { movementId: m.id, reversalEntryIds: [501] } };
    },
    'bank.openItems': { ok: true, value: { callLines: LINES, invoices: [] } },
    'owners.list': { ok: true, value: [] },
  });
  const commands = () => server.calls.filter((c) => c.op === 'bank.match' || c.op === 'bank.unmatch');
  return { server, commands };
}

function SignedIn() {
  const { user } = useAuth();
  return user ? <Reconciliation buildingId={1} /> : null;
}

/** Testing Library reads text with its non-breaking spaces made plain. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const key = (k: string) => fireEvent.keyDown(document.documentElement, { key: k, code: `Key${k.toUpperCase()}` });
const option = (name: string, cents: number, date: string) => screen.getByRole('option', { name: `${name}, ${formatMoney(cents, 'fr')}, ${date}` });

describe('reconciliation from the keyboard', () => {
  it('moves with J and K, accepts the best suggestion with Enter then A, matches by hand with M (partial, the rest shown) and un-matches with U after a confirmation', async () => {
    const { commands } = bankServer(accountant);
    renderWithProviders(<AuthProvider><SignedIn /></AuthProvider>);
    const list = await screen.findByRole('listbox', { name: 'Mouvements bancaires' });
    // Newest first; the first one is current, its suggestions beside it with their confidence and reason in words.
    await waitFor(() => expect(option('DUPONT JEAN', 58_500, '20/11/2026').getAttribute('aria-selected')).toBe('true'));
    const best = await screen.findByRole('article', { name: 'Suggestion 1, confiance 95 %' });
    expect(best.textContent).toContain('Communication structurée +++000/0070/01037+++ de l’appel : autre montant (paiement partiel ou groupé ; un surplus reste en avoir)');
    expect(within(best).getByRole('meter', { name: 'Confiance' }).getAttribute('aria-valuenow')).toBe('95');
    expect(screen.getByRole('article', { name: 'Suggestion 2, confiance 60 %' }).textContent).toContain('Nom du copropriétaire seulement');
    expect(screen.getByText('Mouvements importés').nextElementSibling?.textContent).toBe('3');

    key('j');
    await waitFor(() => expect(option('M. PEETERS', 49_500, '19/11/2026').getAttribute('aria-selected')).toBe('true'));
    await screen.findByRole('heading', { name: 'M. PEETERS' });
    key('k');
    await screen.findByRole('heading', { name: 'DUPONT JEAN' });

    // Enter on the list accepts the best suggestion, with its rule and confidence; the next movement becomes current.
    list.focus();
    fireEvent.keyDown(list, { key: 'Enter' });
    await waitFor(() => expect(commands()).toEqual([{ op: 'bank.match', input: { movementId: 3, allocations: [{ callLineId: 11, amountCents: 58_500 }], rule: 'ogm', confidence: 95 } }]));
    await screen.findByText('Rapproché : DUPONT JEAN → Dupont Jean — 2026 T4 +++000007001037+++');
    await waitFor(() => expect(screen.queryByRole('option', { name: /^DUPONT JEAN/ })).toBeNull());
    await screen.findByRole('heading', { name: 'M. PEETERS' });

    // A: the same, one key.
    await screen.findByRole('article', { name: 'Suggestion 1, confiance 75 %' });
    key('a');
    await waitFor(() => expect(commands()[1]).toEqual({ op: 'bank.match', input: { movementId: 2, allocations: [{ callLineId: 21, amountCents: 49_500 }], rule: 'name_amount', confidence: 75 } }));
    await screen.findByRole('heading', { name: 'CLAIRE MARTIN' });
    expect(await screen.findByText('Aucune suggestion : rapprochez ce mouvement à la main (M).')).toBeTruthy();

    // M: by hand. Keys typed in the dialog are text, not shortcuts.
    key('m');
    const dialog = await screen.findByRole('dialog', { name: 'Rapprocher à la main' });
    const search = within(dialog).getByRole('textbox', { name: 'Appels de fonds ouverts' });
    fireEvent.change(search, { target: { value: 'mart' } });
    fireEvent.keyDown(search, { key: 'a', code: 'KeyA' });
    expect(within(dialog).queryByRole('checkbox', { name: /Dupont Jean/ })).toBeNull();
    // The payer's name sorts its calls first; ticking one proposes what the movement has left (300,00 of 450,00 open).
    fireEvent.click(within(dialog).getByRole('checkbox', { name: 'Imputer sur Martin Claire — 2026 T4 · +++000/0070/00449+++' }));
    const amount = within(dialog).getByRole('textbox', { name: 'Montant pour Martin Claire — 2026 T4 · +++000/0070/00449+++' }) as HTMLInputElement;
    expect(amount.value).toBe('300,00');
    expect(within(dialog).getByTestId('manual-totals').textContent).toContain('Tout le montant est imputé');
    fireEvent.change(amount, { target: { value: '200' } });
    expect(within(dialog).getByTestId('manual-totals').textContent).toContain(`Reste ${formatMoney(10_000, 'fr')} sur le compte d’attente 499`);
    fireEvent.change(amount, { target: { value: '500' } });
    fireEvent.keyDown(amount, { key: 'Enter', ctrlKey: true });
    expect(await within(dialog).findByText(plain(`Plus que le montant ouvert (${formatMoney(45_000, 'fr')})`))).toBeTruthy();
    fireEvent.change(amount, { target: { value: '200' } });
    fireEvent.keyDown(amount, { key: 'Enter', ctrlKey: true });
    await waitFor(() => expect(commands()[2]).toEqual({ op: 'bank.match', input: { movementId: 1, allocations: [{ callLineId: 31, amountCents: 20_000 }] } }));
    await screen.findByText(plain(`Rapproché en partie : ${formatMoney(10_000, 'fr')} restent sur le compte d’attente.`));
    expect(commands()).toHaveLength(3);

    // Partly matched, it stays to match; U asks first, then reverses.
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Rapproché avec' })).toBeTruthy());
    key('u');
    const confirm = await screen.findByRole('dialog', { name: 'Annuler le rapprochement ?' });
    expect(commands()).toHaveLength(3);
    fireEvent.click(within(confirm).getByRole('button', { name: 'Annuler le rapprochement' }));
    await waitFor(() => expect(commands()[3]).toEqual({ op: 'bank.unmatch', input: { movementId: 1 } }));
    await screen.findByText('Rapprochement annulé : CLAIRE MARTIN');
  });

  it('lets the council read the suggestions but accept nothing', async () => {
    const { commands } = bankServer(council);
    renderWithProviders(<AuthProvider><SignedIn /></AuthProvider>);
    await screen.findByRole('article', { name: 'Suggestion 1, confiance 95 %' });
    expect(screen.queryByRole('button', { name: /^Accepter/ })).toBeNull();
    expect(screen.queryByRole('button', { name: /^Rapprocher à la main/ })).toBeNull();
    key('a');
    key('m');
    await new Promise((r) => setTimeout(r, 50));
    expect(commands()).toEqual([]);
    expect(screen.queryByRole('dialog')).toBeNull();
  });
});

describe('merging two keyset streams', () => {
  const rows = (...ids: number[]) => ids.map((id) => movement(id, `M${id}`, 100));
  it('shows only what no unloaded page can precede, and asks the stream that stops highest', () => {
    const merged = mergeKeyset([{ rows: rows(90, 80, 70), hasMore: true }, { rows: rows(85, 40), hasMore: true }]);
    expect(merged.rows.map((r) => r.id)).toEqual([90, 85, 80, 70]);
    expect(merged.next).toBe(0);
    const done = mergeKeyset([{ rows: rows(90, 80), hasMore: false }, { rows: rows(85, 40), hasMore: false }]);
    expect(done).toEqual({ rows: rows(90, 85, 80, 40), next: null });
  });
});
