import { expect, test } from '@playwright/test';
import { DEMO_PASSWORD, launchUrl, signIn } from './helpers.js';

test('switching to Dutch shows Dutch labels, and the choice survives a reload', async ({ page }) => {
  await signIn(page, 'syndic@demo.koprogo.be');
  await page.getByRole('button', { name: 'Changer de langue' }).click();
  await page.getByRole('menuitem', { name: 'Nederlands' }).click();

  await expect(page.getByRole('heading', { name: 'Gebouwen', level: 1 })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Instellingen' })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Gemeente/ })).toBeVisible();
  await expect(page.getByRole('columnheader', { name: /Aandelen/ })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'nl');

  await page.getByRole('row', { name: 'Residentie Leie' }).click();
  await expect(page.getByRole('tab', { name: /Kavels/ })).toBeVisible();
  await expect(page.getByRole('tab', { name: /Mede-eigenaars/ })).toBeVisible();
  await expect(page.getByText('Aandelen in evenwicht')).toBeVisible();

  await page.reload();
  await expect(page.getByRole('tab', { name: /Kavels/ })).toBeVisible();
});

test('a Dutch-speaking user gets Dutch at sign-in on a computer with no chosen language', async ({ page }) => {
  await page.goto(launchUrl());
  await page.getByLabel('Adresse e-mail').fill('boekhouder@demo.koprogo.be');
  await page.getByLabel('Mot de passe').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('heading', { name: 'Gebouwen', level: 1 })).toBeVisible();
});

test('an administrator sees users, settings and the database panel', async ({ page }) => {
  await signIn(page, 'admin@demo.koprogo.be');
  await page.getByRole('link', { name: 'Utilisateurs' }).click();
  await expect(page.getByRole('row', { name: /Sophie Lambert/ })).toContainText('Syndic');
  await expect(page.getByRole('row', { name: /Claire Martin/ })).toContainText('Résidence Les Tilleuls');
  await page.getByRole('link', { name: 'Paramètres' }).click();
  await expect(page.getByRole('heading', { name: 'Base de données et sauvegardes' })).toBeVisible();
  await expect(page.getByText('Locale (SQLite)')).toBeVisible();
  await page.getByRole('button', { name: 'Sauvegarder maintenant' }).click();
  await expect(page.getByText(/Sauvegarde créée :/)).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Base de données partagée (PostgreSQL)' })).toBeVisible();

  // Signature (eID): the module in use (here the test cards' module, named by the variable);
  // a path that is not a library is refused on its field; the module itself is loaded in
  // the signing process and says what it is and how many readers hold a card.
  await expect(page.getByRole('heading', { name: 'Signature (eID)' })).toBeVisible();
  await expect(page.getByText(/Utilisé : \/usr\/lib\/softhsm\/libsofthsm2\.so/)).toBeVisible();
  const modulePath = page.getByRole('textbox', { name: 'Module PKCS#11' });
  await modulePath.fill('/etc/hostname');
  await page.getByRole('button', { name: 'Tester et enregistrer' }).click();
  await expect(page.getByText('Un module PKCS#11 est une bibliothèque : son nom se termine par .dll (Windows), .dylib (macOS) ou .so (Linux).')).toBeVisible();
  await modulePath.fill('/usr/lib/softhsm/libsofthsm2.so');
  await page.getByRole('button', { name: 'Tester et enregistrer' }).click();
  await expect(page.getByText('Le module a répondu')).toBeVisible();
  await expect(page.getByText('Lecteurs avec une carte : 2 (sur 3)')).toBeVisible();
  // Back to the usual place (the variable's module for the other specs).
  await modulePath.fill('');
  await page.getByRole('button', { name: 'Tester et enregistrer' }).click();
  await expect(page.getByText('Retour à l’emplacement habituel.')).toBeVisible();
});
