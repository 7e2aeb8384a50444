import { describe, expect, it } from 'vitest';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { ImportOwnersDialog } from './ImportOwnersDialog.js';
import { fakeServer, renderWithProviders } from '../../test-utils.js';

function pickFile(content: Uint8Array<ArrayBuffer>, name = 'owners.csv') {
  const input = document.querySelector('input[type="file"]') as HTMLInputElement;
  fireEvent.change(input, { target: { files: [new File([content], name, { type: 'text/csv' })] } });
}

describe('ImportOwnersDialog', () => {
  it('lists the rejected file’s problems as “Line, column (name): message”, translated', async () => {
    fakeServer({
      'import.owners': {
        ok: false,
        error: {
          code: 'IMPORT_INVALID',
          message: 'The file was rejected: 2 problem(s); nothing was imported',
          details: {
            problems: [
              { line: 5, column: 4, path: ['shares'], code: 'shares_integer', message: 'Quote-parts must be a whole number ≥ 0, not "x"' },
              { line: 7, path: ['fraction'], code: 'some_new_code', message: 'The fractions of lot 3 do not add up to 1' },
            ],
          },
        },
      },
    });
    renderWithProviders(<ImportOwnersDialog opened onClose={() => {}} buildingId={1} />);
    const dialog = await screen.findByRole('dialog');
    pickFile(Uint8Array.from(new TextEncoder().encode('lot;kind\n')));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importer' }));
    const list = await screen.findByRole('list', { name: 'Problèmes du fichier' });
    const items = within(list).getAllByRole('listitem').map((li) => li.textContent);
    expect(items).toEqual([
      'Ligne 5, colonne 4 (shares) : Les quotités doivent être un nombre entier positif ou nul.',
      // A code the catalog does not know falls back to the server's message.
      'Ligne 7 (fraction) : The fractions of lot 3 do not add up to 1',
    ]);
  });

  it('decodes a Windows-1252 file before sending it, and shows the summary', async () => {
    const server = fakeServer({ 'import.owners': { ok: true, value: { lotsCreated: 2, ownersCreated: 1, ownersReused: 1, ownershipsCreated: 2 } } });
    renderWithProviders(<ImportOwnersDialog opened onClose={() => {}} buildingId={42} />);
    const dialog = await screen.findByRole('dialog');
    // "Hélène" in Windows-1252: é = 0xE9, è = 0xE8 (not valid UTF-8).
    pickFile(Uint8Array.from([0x48, 0xe9, 0x6c, 0xe8, 0x6e, 0x65]));
    fireEvent.click(within(dialog).getByRole('button', { name: 'Importer' }));
    await waitFor(() => expect(screen.getByText(/Lots créés : 2/)).toBeTruthy());
    expect(server.calls[0]).toEqual({ op: 'import.owners', input: { buildingId: 42, csv: 'Hélène', fileName: 'owners.csv' } });
  });
});
