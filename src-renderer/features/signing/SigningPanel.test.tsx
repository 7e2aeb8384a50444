import { describe, expect, it } from 'vitest';
import { act, fireEvent, screen, waitFor, within } from '@testing-library/react';
import type { CardInfo, SignatureFieldStatus } from '../../../src-shared/contract/signing.js';
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

const card = (slot: string, holder: string | null, reader: string, extra: Partial<CardInfo> = {}): CardInfo => ({
  slot, reader, label: 'BELPIC', eid: true, pinBlocked: false, holder, notAfter: '2031-05-12T10:00:00.000Z', expired: false, problem: null, ...extra,
});
const cards = (...list: CardInfo[]) => ({ ok: true as const, value: { module: 'libbeidpkcs11.so.0', readers: Math.max(list.length, 1), cards: list } });

describe('signing the minutes', () => {
  it('lists who signs each field, says a wrong PIN with the tries left, and archives only once the chair and the secretary signed', async () => {
    const server = fakeServer({
      'pv.status': status([field('Sig_President', 'chair', 'Jean Dupont', true), field('Sig_Secretaire', 'secretary', 'Sophie Lambert'), field('Sig_o12', 'owner', 'Koen Maes')]),
      'pv.sign': { ok: false, error: { code: 'DOMAIN_RULE', message: 'Wrong PIN.', details: { rule: 'signing_wrong_pin', triesLeft: 1, path: ['pin'] } } },
      'pv.cards': cards(card('0x1', 'Sophie Lambert', 'SoftHSM slot ID 0x1')),
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
    expect(server.calls.find((c) => c.op === 'pv.sign')?.input).toEqual({ assemblyId: 7, field: 'Sig_Secretaire', pin: '0000', slot: '0x1', progressToken: expect.stringMatching(/^[0-9a-f]{32}$/) });
    // The PIN is not kept after the attempt.
    await waitFor(() => expect((within(dialog).getByLabelText('Code PIN (cartes de test uniquement)') as HTMLInputElement).value).toBe(''));
  });

  it('with a real card, sends no PIN, tells the person to look at the reader, and follows the signature step by step', async () => {
    // The card waits for its PIN on the reader: the answer comes when it is typed there.
    let release: (v: unknown) => void = () => {};
    const server = fakeServer({
      'pv.status': status([field('Sig_President', 'chair', 'Jean Dupont'), field('Sig_Secretaire', 'secretary', 'Sophie Lambert')]),
      'pv.sign': () => new Promise((resolve) => (release = resolve)) as never,
      'pv.cards': cards(card('0x2669d1e3', 'Jean Dupont', 'ACS ACR38U-CCID 00 00')),
    });
    renderWithProviders(<Listening />);
    fireEvent.click(await screen.findByRole('button', { name: 'Signer : Président de séance — Jean Dupont' }));
    const dialog = await screen.findByRole('dialog', { name: 'Signer : Président de séance — Jean Dupont' });
    await within(dialog).findByRole('radio', { name: 'Jean Dupont — ACS ACR38U-CCID 00 00', checked: true });
    fireEvent.click(within(dialog).getByRole('button', { name: 'Signer' }));
    await waitFor(() => expect(server.calls.find((c) => c.op === 'pv.sign')?.input).toEqual({ assemblyId: 7, field: 'Sig_President', slot: '0x2669d1e3', progressToken: expect.any(String) }));
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

  it('lists the cards in the readers, chooses the first usable eID card, says why others cannot sign, warns when the card is someone else’s, and signs with the chosen slot', async () => {
    const server = fakeServer({
      'pv.status': status([field('Sig_President', 'chair', 'Jean Dupont', true), field('Sig_Secretaire', 'secretary', 'Sophie Lambert')]),
      'pv.cards': cards(
        card('0x11', 'Anne Peeters', 'Gemalto PC Twin Reader 00 00', { pinBlocked: true }),
        card('0x12', 'LAMBERT Sophie', 'ACS ACR38U-CCID 01 00'),
        card('0x13', null, 'Yubico YubiKey OTP+FIDO+CCID 02 00', { label: 'PIV_II', eid: false, notAfter: null, problem: 'no_certificate' }),
        card('0x14', 'Koen Maes', 'Cherry ST-2000 03 00'),
        card('0x15', 'Marc Janssens', 'Cherry ST-2000 04 00', { notAfter: '2025-11-03T10:00:00.000Z', expired: true }),
      ),
      'pv.sign': { ok: true, value: { documentId: 32, sha256: 'cd'.repeat(32), field: 'Sig_Secretaire', signer: 'Koen Maes', signingTime: '2026-06-18T21:05:00Z' } },
    });
    renderWithProviders(<SigningPanel assemblyId={7} canWrite />);
    fireEvent.click(await screen.findByRole('button', { name: 'Signer : Secrétaire — Sophie Lambert' }));
    const dialog = await screen.findByRole('dialog', { name: 'Signer : Secrétaire — Sophie Lambert' });
    // The first eID card that can sign is chosen: the name written another way is the same person, no warning.
    const sophie = await within(dialog).findByRole('radio', { name: 'LAMBERT Sophie — ACS ACR38U-CCID 01 00', description: 'Certificat de signature valable jusqu’au 12/05/2031' });
    expect((sophie as HTMLInputElement).checked).toBe(true);
    expect(within(dialog).queryByRole('alert')).toBeNull();
    const disabled = (name: string, description: RegExp) => (within(dialog).getByRole('radio', { name, description }) as HTMLInputElement).disabled;
    expect(disabled('Anne Peeters — Gemalto PC Twin Reader 00 00', /Code PIN bloqué/)).toBe(true);
    expect(disabled('PIV_II — Yubico YubiKey OTP+FIDO+CCID 02 00', /Pas une carte eID belge/)).toBe(true);
    expect(disabled('Marc Janssens — Cherry ST-2000 04 00', /expiré le 03\/11\/2025/)).toBe(true);
    expect(disabled('Koen Maes — Cherry ST-2000 03 00', /valable/)).toBe(false);

    // Another person's card: said clearly, not blocking (the name on the card may be written differently).
    fireEvent.click(within(dialog).getByRole('radio', { name: 'Koen Maes — Cherry ST-2000 03 00' }));
    expect((await within(dialog).findByRole('alert')).textContent).toContain('Cette carte est celle de Koen Maes ; ce champ est celui de Sophie Lambert.');
    fireEvent.click(within(dialog).getByRole('button', { name: 'Signer' }));
    await waitFor(() => expect(server.calls.find((c) => c.op === 'pv.sign')?.input).toEqual({ assemblyId: 7, field: 'Sig_Secretaire', slot: '0x14', progressToken: expect.any(String) }));
  });

  it('no middleware says how to install it; no reader says to connect one; no card says to insert it; Refresh finds the card once inserted', async () => {
    const answers = [
      { ok: false as const, error: { code: 'DOMAIN_RULE' as const, message: 'No middleware.', details: { rule: 'signing_middleware_not_found' } } },
      { ok: true as const, value: { module: 'libbeidpkcs11.so.0', readers: 0, cards: [] } },
      cards(),
      cards(card('0x1', 'Jean Dupont', 'ACS ACR38U-CCID 00 00')),
    ];
    let n = 0;
    const server = fakeServer({
      'pv.status': status([field('Sig_President', 'chair', 'Jean Dupont')]),
      'pv.cards': () => answers[Math.min(n++, answers.length - 1)]!,
    });
    renderWithProviders(<SigningPanel assemblyId={7} canWrite />, 'en');
    fireEvent.click(await screen.findByRole('button', { name: /^Sign: / }));
    const dialog = await screen.findByRole('dialog');
    expect(await within(dialog).findByText(/https:\/\/eid\.belgium\.be/)).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'I inserted a card' }));
    expect(await within(dialog).findByText('No card reader is connected. Connect the reader (install its driver if the computer asks for one), insert Jean Dupont’s eID card, then click “I inserted a card”.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'I inserted a card' }));
    expect(await within(dialog).findByText('No card found. Connect the reader, insert Jean Dupont’s eID card, then click “I inserted a card”.')).toBeTruthy();
    fireEvent.click(within(dialog).getByRole('button', { name: 'I inserted a card' }));
    expect(((await within(dialog).findByRole('radio', { name: 'Jean Dupont — ACS ACR38U-CCID 00 00' })) as HTMLInputElement).checked).toBe(true);
    expect(server.calls.filter((c) => c.op === 'pv.cards').map((c) => c.input)).toEqual([{}, {}, {}, {}]);
  });
});
