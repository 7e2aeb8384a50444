import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { SignatureFieldStatus } from '../../../src-shared/contract/signing.js';
import { fakeServer, renderWithProviders } from '../../test-utils.js';
import { useServerEvents } from '../../api/hooks.js';
import { SigningPanel } from './SigningPanel.js';

function Listening() {
  useServerEvents(true);
  return <SigningPanel assemblyId={7} canWrite />;
}

const field = (name: string, role: SignatureFieldStatus['role'], label: string, signed = false): SignatureFieldStatus => ({
  name, role, label, signed, signer: signed ? label : null, signingTime: signed ? '2026-06-18T21:05:00Z' : null,
  integrity: signed ? 'valid' : null, chain: signed ? 'trusted' : null, problem: null,
});
const status = (fields: SignatureFieldStatus[]) => ({
  ok: true as const,
  value: { assemblyId: 7, status: 'closed', archived: false, document: { id: 31, fileName: 'pv-ag-2026-06-18-residence-les-tilleuls.pdf', sha256: 'ab'.repeat(32), size: 48_213 }, fields },
});

describe('signing the minutes', () => {
  it('lists who signs each field, says a wrong PIN with the tries left, and archives only once the chair and the secretary signed', async () => {
    const server = fakeServer({
      'pv.status': status([field('Sig_President', 'chair', 'Jean Dupont', true), field('Sig_Secretaire', 'secretary', 'Sophie Lambert'), field('Sig_o12', 'owner', 'Koen Maes')]),
      'pv.sign': { ok: false, error: { code: 'DOMAIN_RULE', message: 'Wrong PIN.', details: { rule: 'signing_wrong_pin', triesLeft: 1, path: ['pin'] } } },
    });
    renderWithProviders(<SigningPanel assemblyId={7} canWrite />);
    const table = await screen.findByRole('table', { name: 'Champs de signature' });
    expect(within(table).getByRole('row', { name: /Président de séance — Jean Dupont/ }).textContent).toContain('Carte eID belge reconnue');
    expect(screen.getByRole('button', { name: 'Archiver' }).hasAttribute('disabled')).toBe(true);

    fireEvent.click(screen.getByRole('button', { name: 'Signer : Secrétaire — Sophie Lambert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Signer : Secrétaire — Sophie Lambert' });
    fireEvent.click(within(dialog).getByText('Carte de test et options'));
    fireEvent.change(within(dialog).getByLabelText('Code PIN (cartes de test uniquement)'), { target: { value: '0000' } });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Signer' }));
    const alert = await within(dialog).findByRole('alert');
    expect(alert.textContent).toContain('Il ne reste qu’un essai');
    expect(server.calls.find((c) => c.op === 'pv.sign')?.input).toEqual({ assemblyId: 7, field: 'Sig_Secretaire', pin: '0000', progressToken: expect.stringMatching(/^[0-9a-f]{32}$/) });
    // The PIN is not kept after the attempt.
    await waitFor(() => expect((within(dialog).getByLabelText('Code PIN (cartes de test uniquement)') as HTMLInputElement).value).toBe(''));
  });

  it('with a real card, sends no PIN, tells the person to look at the reader, and follows the signature step by step', async () => {
    // The card waits for its PIN on the reader: the answer comes when it is typed there.
    let release: (v: unknown) => void = () => {};
    const server = fakeServer({
      'pv.status': status([field('Sig_President', 'chair', 'Jean Dupont'), field('Sig_Secretaire', 'secretary', 'Sophie Lambert')]),
      'pv.sign': () => new Promise((resolve) => (release = resolve)) as never,
    });
    renderWithProviders(<Listening />);
    fireEvent.click(await screen.findByRole('button', { name: 'Signer : Président de séance — Jean Dupont' }));
    const dialog = await screen.findByRole('dialog', { name: 'Signer : Président de séance — Jean Dupont' });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Signer' }));
    await waitFor(() => expect(server.calls.find((c) => c.op === 'pv.sign')?.input).toEqual({ assemblyId: 7, field: 'Sig_President', progressToken: expect.any(String) }));
    // Before any event the middleware may already be asking: look at the reader.
    expect((await within(dialog).findByRole('status')).textContent).toContain('Regardez le lecteur de cartes');
    const token = (server.calls.find((c) => c.op === 'pv.sign')!.input as { progressToken: string }).progressToken;
    const step = (done: number, label: string, t = token) => act(() => server.push('progress', { operation: 'pv.sign', token: t, done, total: 3, label }));
    step(0, 'card');
    expect(within(dialog).getByRole('status').textContent).toContain('Ouverture de la carte');
    step(1, 'pin');
    expect(within(dialog).getByRole('status').textContent).toContain('Regardez le lecteur de cartes');
    expect(within(dialog).getByRole('progressbar').getAttribute('aria-valuenow')).toBe('33');
    step(2, 'saving', 'another-signature');
    expect(within(dialog).getByRole('status').textContent).toContain('Regardez le lecteur de cartes');
    step(2, 'saving');
    expect(within(dialog).getByRole('status').textContent).toContain('Enregistrement du procès-verbal signé');
    release({ ok: true, value: { documentId: 32, sha256: 'cd'.repeat(32), field: 'Sig_President', signer: 'Jean Dupont', signingTime: '2026-06-18T21:05:00Z' } });
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull());
  });
});
