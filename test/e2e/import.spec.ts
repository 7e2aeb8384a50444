import { expect, test, type Page } from '@playwright/test';
import { createBuilding, signIn, unique } from './helpers.js';

const HEADER = 'lot;kind;floor;shares;owner_kind;name;first_name;bce;street;postal_code;city;country;language;email;email_consent;fraction;since';

// Three lots, 1 000 quote-parts; lot 2 in indivision (1/2 each); the parking owned by a company.
const VALID = [
  HEADER,
  '1;appartement;0;400;personne;Lejeune;Marie;;Rue de la Loi 16;1000;Bruxelles;BE;fr;marie.lejeune@example.be;oui;1;2020-01-15',
  '2;appartement;1;350;personne;Van Damme;Pieter;;Wetstraat 16;1000;Brussel;BE;nl;;non;1/2;15/03/2019',
  '2;appartement;1;350;personne;Van Damme;Els;;Wetstraat 16;1000;Brussel;BE;nl;;non;1/2;15/03/2019',
  'P1;parking;-1;250;société;Immo Loi SRL;;0403.123.486;Rue de la Loi 16;1000;Bruxelles;BE;fr;;non;1;2018-06-01',
].join('\r\n');

// Line 3 has words where quote-parts go: the whole file is refused, line 2 included.
const BAD = [
  HEADER,
  '10;appartement;2;300;personne;Dupuis;Anne;;Rue Haute 1;1000;Bruxelles;BE;fr;;non;1;2021-01-01',
  '11;appartement;2;trois cents;personne;Leroy;Paul;;Rue Haute 1;1000;Bruxelles;BE;fr;;non;1;2021-01-01',
].join('\r\n');

async function importCsv(page: Page, name: string, content: string) {
  await page.getByRole('button', { name: 'Importer un CSV' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importer les lots et copropriétaires (CSV)' });
  // Windows-1252 is what Excel writes on Belgian machines; the dialog decodes it.
  await dialog.locator('input[type="file"]').setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(content, 'latin1') });
  await dialog.getByRole('button', { name: 'Importer' }).click();
  return dialog;
}

test('importing a CSV creates lots and owners; a bad row rejects the whole file with its line and column', async ({ page }) => {
  await signIn(page, 'syndic@demo.koprogo.be');
  const name = unique('Résidence Import');
  await createBuilding(page, name, { totalShares: 1000 });
  await page.getByRole('row', { name }).click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();

  const dialog = await importCsv(page, 'coproprietaires.csv', VALID);
  await expect(dialog.getByRole('status')).toContainText('Lots créés : 3 · copropriétaires créés : 4 · déjà connus : 0 · droits de propriété : 4');
  await dialog.getByRole('button', { name: 'Fermer' }).click();
  await expect(dialog).toBeHidden();

  await expect(page.getByRole('row', { name: 'Lot 1' })).toContainText('Marie Lejeune');
  await expect(page.getByRole('row', { name: 'Lot 2' })).toContainText('Pieter Van Damme (1/2), Els Van Damme (1/2)');
  await expect(page.getByRole('row', { name: 'Lot P1' })).toContainText('Parking');
  await expect(page.getByText('Quotités équilibrées')).toBeVisible();
  await page.getByRole('tab', { name: /Copropriétaires/ }).click();
  await expect(page.getByRole('row', { name: 'Immo Loi SRL' })).toContainText('P1');
  await expect(page.getByRole('row', { name: 'Els Van Damme' })).toContainText('2 (1/2)');
  await page.getByRole('tab', { name: /Lots/ }).click();

  const rejected = await importCsv(page, 'erreur.csv', BAD);
  await expect(rejected.getByRole('alert')).toContainText('Le fichier a été refusé : rien n’a été importé.');
  await expect(rejected.getByRole('list', { name: 'Problèmes du fichier' })).toContainText(
    'Ligne 3, colonne 4 (shares) : Les quotités doivent être un nombre entier positif ou nul.',
  );
  await page.keyboard.press('Escape');
  await expect(rejected).toBeHidden();
  // Nothing of the file was written: not even its good line 2.
  await expect(page.getByRole('row', { name: 'Lot 10' })).toHaveCount(0);
  await expect(page.getByRole('tab', { name: /Lots/ })).toContainText('3');
});

test('a lot is created, then transferred to a new owner created from the transfer dialog', async ({ page }) => {
  await signIn(page, 'syndic@demo.koprogo.be');
  const name = unique('Résidence Transfert');
  await createBuilding(page, name, { totalShares: 100 });
  await page.getByRole('row', { name }).click();

  await page.getByRole('button', { name: 'Nouveau lot' }).click();
  const lotDialog = page.getByRole('dialog', { name: 'Nouveau lot' });
  await lotDialog.getByLabel('Numéro du lot').fill('A1');
  await lotDialog.getByLabel('Étage').fill('1');
  await lotDialog.getByLabel('Quotités').fill('100');
  await lotDialog.getByLabel('Quotités').press('Enter');
  await expect(lotDialog).toBeHidden();
  await expect(page.getByRole('row', { name: 'Lot A1' })).toContainText('Aucun propriétaire');
  await expect(page.getByText('Quotités équilibrées')).toBeVisible();

  // The same number twice is refused on the number field.
  await page.getByRole('button', { name: 'Nouveau lot' }).click();
  await lotDialog.getByLabel('Numéro du lot').fill('A1');
  await lotDialog.getByLabel('Quotités').fill('10');
  await lotDialog.getByRole('button', { name: 'Créer' }).click();
  await expect(lotDialog.getByLabel('Numéro du lot')).toHaveAccessibleDescription('Ce numéro de lot existe déjà dans cet immeuble.');
  await page.keyboard.press('Escape');

  await page.getByRole('row', { name: 'Lot A1' }).click();
  await page.getByRole('button', { name: 'Transférer le lot' }).click();
  const transfer = page.getByRole('dialog', { name: 'Transférer le lot A1' });
  await transfer.getByLabel('Date du transfert').fill('2024-09-01');
  await transfer.getByRole('button', { name: 'Nouveau copropriétaire' }).click();
  const ownerDialog = page.getByRole('dialog', { name: 'Nouveau copropriétaire' });
  await ownerDialog.getByRole('textbox', { name: 'Nom', exact: true }).fill('Hendrickx');
  await ownerDialog.getByLabel('Prénom').fill('Sofie');
  await ownerDialog.getByLabel('Rue et numéro').fill('Rue de la Loi 16');
  await ownerDialog.getByLabel('Code postal').fill('1000');
  await ownerDialog.getByLabel('Commune').fill('Bruxelles');
  // Consent without an address is refused on the e-mail field (art. 3.87 § 3).
  await ownerDialog.getByLabel(/A accepté, individuellement et par écrit/).check();
  await ownerDialog.getByRole('button', { name: 'Créer' }).click();
  await expect(ownerDialog.getByLabel('Adresse e-mail')).toHaveAccessibleDescription('Les convocations par e-mail nécessitent une adresse e-mail.');
  await ownerDialog.getByLabel('Adresse e-mail').fill('sofie.hendrickx@example.be');
  await ownerDialog.getByRole('button', { name: 'Créer' }).click();
  await expect(ownerDialog).toBeHidden();
  await expect(transfer.getByRole('combobox', { name: 'Copropriétaire' })).toHaveValue(/Sofie Hendrickx/);
  await expect(transfer.getByText('Les fractions couvrent le lot entier.')).toBeVisible();
  await transfer.getByRole('button', { name: 'Transférer' }).click();
  await expect(transfer).toBeHidden();

  const drawer = page.getByRole('dialog', { name: 'Lot A1' });
  await expect(drawer.getByRole('table')).toContainText('Sofie Hendrickx');
  await expect(drawer.getByRole('table')).toContainText('01/09/2024');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('row', { name: 'Lot A1' })).toContainText('Sofie Hendrickx');
});
