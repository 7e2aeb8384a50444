import { expect, test } from '@playwright/test';
import { createBuilding, freshBelgianIban, signIn, unique } from './helpers.js';

test.beforeEach(async ({ page }) => {
  await signIn(page, 'syndic@demo.koprogo.be');
});

test('creating a building shows it in the list, with its quote-parts not yet balanced', async ({ page }) => {
  const name = unique('Résidence Les Érables');
  await createBuilding(page, name, { totalShares: 1000, iban: freshBelgianIban() });
  const row = page.getByRole('row', { name });
  await expect(row).toContainText('0 / 1 000');
  await expect(row).toContainText('Non équilibré');
  await row.click();
  await expect(page.getByRole('heading', { name, level: 1 })).toBeVisible();
  await expect(page.getByText('Aucun lot n’est encore encodé : les 1 000 quotités ne sont pas réparties.')).toBeVisible();
});

test('an invalid IBAN or BCE is reported on its field and nothing is created', async ({ page }) => {
  const name = unique('Résidence Invalide');
  await page.getByRole('button', { name: 'Nouvel immeuble' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel immeuble' });
  await dialog.getByLabel('Nom de l’immeuble').fill(name);
  await dialog.getByLabel('Rue et numéro').fill('Chaussée de Wavre 100');
  await dialog.getByLabel('Code postal').fill('1050');
  await dialog.getByLabel('Commune').fill('Ixelles');
  await dialog.getByLabel('Numéro d’entreprise de l’ACP (BCE)').fill('0850.123.441'); // check digits wrong
  await dialog.getByLabel('IBAN').fill('BE68 5390 0754 7035'); // check digits wrong
  await dialog.getByLabel('IBAN').press('Enter'); // forms submit with Enter

  const iban = dialog.getByLabel('IBAN');
  await expect(iban).toHaveAttribute('aria-invalid', 'true');
  await expect(iban).toHaveAccessibleDescription(/IBAN invalide : les chiffres de contrôle ne correspondent pas\./);
  const bce = dialog.getByLabel('Numéro d’entreprise de l’ACP (BCE)');
  await expect(bce).toHaveAttribute('aria-invalid', 'true');
  await expect(bce).toHaveAccessibleDescription(/Numéro d’entreprise invalide/);
  await expect(dialog.getByLabel('Nom de l’immeuble')).not.toHaveAttribute('aria-invalid', 'true');

  // Escape closes the dialog; the building was not created.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await page.getByRole('searchbox', { name: 'Rechercher' }).fill(name);
  await expect(page.getByText(`Aucun immeuble ne correspond à « ${name} ».`)).toBeVisible();
});

test('the building detail shows address, BCE, accounts, quote-parts and lots (screenshot for the README)', async ({ page }) => {
  await page.getByRole('row', { name: 'Résidence Les Tilleuls' }).click();
  await expect(page.getByRole('heading', { name: 'Résidence Les Tilleuls', level: 1 })).toBeVisible();
  await expect(page.getByText('Avenue Louise 231, 1050 Ixelles')).toBeVisible();
  await expect(page.getByText('0850.123.440')).toBeVisible();
  await expect(page.getByText('BE68 5390 0754 7034')).toBeVisible();
  await expect(page.getByText('Quotités équilibrées')).toBeVisible();
  await expect(page.getByRole('row', { name: 'Lot 3.A' })).toContainText('(1/2)');
  await page.screenshot({ path: 'docs/screenshot.png' });

  // Ownership history of a lot, opened from the keyboard.
  await page.getByRole('row', { name: 'Lot R.01' }).focus();
  await page.keyboard.press('Enter');
  const drawer = page.getByRole('dialog', { name: 'Lot R.01' });
  await expect(drawer.getByText('Boulangerie Louise SRL').first()).toBeVisible();
  await expect(drawer.getByRole('heading', { name: 'Historique de propriété' })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(drawer).toBeHidden();
});
