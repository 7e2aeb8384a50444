import { afterEach, describe, expect, it } from 'vitest';
import { render, screen, waitFor } from '@testing-library/react';
import type { OpOutput } from '../../../src-shared/contract/index.js';
import type { Result } from '../../../src-shared/result.js';
import { setTransport } from '../../api/client.js';
import { App } from '../../app/App.js';
import { createQueryClient, Providers } from '../../app/Providers.js';
import { createI18n } from '../../i18n/i18n.js';
import { renderWithProviders } from '../../test-utils.js';
import { TallyBars } from './TallyBars.js';

type View = OpOutput<'ag.projector'>;
const KEY = 'a1B2c3D4e5F6g7H8i9J0k1L2';

const view = (item: Partial<NonNullable<View['item']>> | null, status: View['status'] = 'open'): View => ({
  buildingName: 'Résidence Les Tilleuls', scheduledAt: '2026-06-18T16:30:00.000Z', status,
  quorum: { reached: true, rule: 'double', owners: { represented: 11, total: 20 }, shares: { represented: 6475, total: 10000 } },
  item: item ? { position: 2, title: 'Ravalement de la façade avant', majority: 'twoThirds', status: 'voting', for: 4050, against: 2425, abstain: 0, threshold: { num: 2, den: 3, strict: false }, outcome: null, ...item } : null,
});

/** A transport that answers from a function and can push events, as the WebSocket does. */
function pushingServer(answer: (op: string, input: unknown) => Result<unknown>) {
  const listeners = new Set<(event: string, payload: unknown) => void>();
  const calls: { op: string; input: unknown }[] = [];
  setTransport({
    kind: 'test',
    call: async (op, input) => {
      calls.push({ op, input });
      return answer(op, input);
    },
    onEvent: (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    setSessionToken: () => {},
  });
  return { calls, push: (event: string, payload: unknown) => listeners.forEach((l) => l(event, payload)) };
}

afterEach(() => {
  window.location.hash = '';
});

describe('the projector', () => {
  it('opens without signing in, shows the item and its bars in quote-parts with the two-thirds line, and the result once declared, in French and Dutch', async () => {
    let current = view({});
    const server = pushingServer((op) => {
      if (op === 'system.info') return { ok: true, value: { version: 'test', driver: 'sqlite', database: ':memory:', door: 'test', user: null } };
      if (op === 'ag.projector') return { ok: true, value: current };
      return { ok: false, error: { code: 'UNKNOWN_OPERATION', message: op } };
    });
    window.location.hash = `#/projector/7/${KEY}`;
    render(
      <Providers i18n={createI18n('fr')} queryClient={createQueryClient()}>
        <App />
      </Providers>,
    );
    expect(await screen.findByRole('heading', { name: 'Ravalement de la façade avant' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Se connecter' })).toBeNull();
    expect(server.calls.find((c) => c.op === 'ag.projector')?.input).toEqual({ assemblyId: 7, key: KEY });
    expect(screen.getByText('Majorité des deux tiers des voix exprimées')).toBeTruthy();
    expect(screen.getByText('Vote en cours')).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Pour' }).getAttribute('aria-valuenow')).toBe('4050');
    expect(screen.getByRole('meter', { name: 'Contre' }).getAttribute('aria-valuenow')).toBe('2425');
    // The line for must pass: two thirds of the 6 475 votes cast.
    expect(screen.getByText('Seuil : au moins 4 316,67 des 6 475 voix exprimées')).toBeTruthy();
    expect(screen.queryByText('REJETÉE')).toBeNull();

    // The chair declares: the room's event refreshes the projector at once.
    current = view({ status: 'declared', outcome: 'rejected' });
    server.push('tally-updated', { assemblyId: 7, itemId: 12 });
    expect(await screen.findByText('REJETÉE')).toBeTruthy();
    expect(screen.getByText('VERWORPEN')).toBeTruthy();
  });

  it('says when its link is not valid', async () => {
    pushingServer((op) => (op === 'ag.projector' ? { ok: false, error: { code: 'NOT_FOUND', message: 'Assembly 7 does not exist' } } : { ok: true, value: { version: 't', driver: 'sqlite', database: '', door: 'test', user: null } }));
    window.location.hash = `#/projector/7/${KEY}`;
    render(
      <Providers i18n={createI18n('fr')} queryClient={createQueryClient()}>
        <App />
      </Providers>,
    );
    await waitFor(() => expect(screen.getByRole('alert').textContent).toBe('Ce lien de projecteur n’est pas valable : rouvrez-le depuis la salle de séance.'));
  });
});

describe('the tally bars', () => {
  it('draw each choice on one scale and the majority line on the "for" bar', () => {
    const { container } = renderWithProviders(<TallyBars figures={{ for: 600, against: 200, abstain: 200 }} threshold={{ num: 1, den: 2, strict: true }} />);
    const width = (choice: string) => (container.querySelector(`[data-choice="${choice}"]`) as HTMLElement).style.width;
    expect([width('for'), width('against'), width('abstain')]).toEqual(['60%', '20%', '20%']);
    // Absolute majority: more than half of the 800 votes cast — abstentions are not votes cast.
    const line = screen.getByRole('meter', { name: 'Pour' }).querySelector('[aria-hidden]') as HTMLElement;
    expect(line.style.left).toBe('40%');
    expect(screen.getByText('Seuil : plus de 400 des 800 voix exprimées')).toBeTruthy();
    expect(screen.getByRole('meter', { name: 'Abstention' }).getAttribute('aria-valuetext')).toBe('200 quotes-parts');
  });

  it('draw no line before any vote is cast', () => {
    renderWithProviders(<TallyBars figures={{ for: 0, against: 0, abstain: 0 }} threshold={{ num: 4, den: 5, strict: false }} />, 'nl');
    expect(screen.getByRole('meter', { name: 'Voor' }).querySelector('[aria-hidden]')).toBeNull();
    expect(screen.getByText('Nog geen uitgebrachte stemmen')).toBeTruthy();
  });
});
