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
});
