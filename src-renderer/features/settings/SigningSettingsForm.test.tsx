import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { fakeServer, renderWithProviders } from '../../test-utils.js';
import { SigningSettingsForm } from './SigningSettingsForm.js';

const SOFTHSM = '/usr/lib/softhsm/libsofthsm2.so';

describe('the signing module in Settings', () => {
  it('says the usual place and the download site, refuses a library that is not a module on the field, then shows what the saved module answered', async () => {
    let attempt = 0;
    const server = fakeServer({
      'settings.signing.get': { ok: true, value: { modulePath: null, effectivePath: 'libbeidpkcs11.so.0', source: 'default', found: false, defaults: ['libbeidpkcs11.so.0'] } },
      'settings.signing.save': () =>
        ++attempt === 1
          ? { ok: false, error: { code: 'DOMAIN_RULE', message: '/usr/lib/libz.so.1 is not a PKCS#11 module', details: { rule: 'module_not_pkcs11', path: ['modulePath'] } } }
          : { ok: true, value: { modulePath: SOFTHSM, probe: { manufacturer: 'SoftHSM', description: 'Implementation of PKCS11', cryptokiVersion: '2.40', libraryVersion: '2.06', slots: 3, slotsWithToken: 3 } } },
    });
    renderWithProviders(<SigningSettingsForm />);
    const form = await screen.findByRole('form', { name: 'Signature (eID)' });
    const field = within(form).getByLabelText('Module PKCS#11');
    expect(form.textContent).toContain('l’emplacement habituel sur cet ordinateur (libbeidpkcs11.so.0)');
    expect(form.textContent).toContain('eid.belgium.be');
    expect(form.textContent).toContain('Utilisé : libbeidpkcs11.so.0');
    expect(form.textContent).toContain('introuvable sur cet ordinateur');

    fireEvent.change(field, { target: { value: '/usr/lib/libz.so.1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Tester et enregistrer' }));
    await waitFor(() => expect(field.getAttribute('aria-invalid')).toBe('true'));
    expect(form.textContent).toContain('n’est pas un module PKCS#11 que cet ordinateur peut charger');

    fireEvent.change(field, { target: { value: SOFTHSM } });
    fireEvent.click(within(form).getByRole('button', { name: 'Tester et enregistrer' }));
    const answered = await within(form).findByRole('alert');
    expect(answered.textContent).toContain('Le module a répondu');
    expect(answered.textContent).toContain('Fabricant : SoftHSM');
    expect(answered.textContent).toContain('Bibliothèque : Implementation of PKCS11 (version 2.06, PKCS#11 2.40)');
    expect(answered.textContent).toContain('Lecteurs avec une carte : 3 (sur 3)');
    expect(field.getAttribute('aria-invalid')).not.toBe('true');
    expect(server.calls.filter((c) => c.op === 'settings.signing.save').map((c) => c.input)).toEqual([{ modulePath: '/usr/lib/libz.so.1' }, { modulePath: SOFTHSM }]);
  });
});
