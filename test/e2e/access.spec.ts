import { expect, test } from '@playwright/test';
import { launchUrl, origin, signIn } from './helpers.js';

test('a request without the launch token is refused', async ({ playwright }) => {
  // A fresh request context: no cookie from the launch link, no token header.
  const api = await playwright.request.newContext();
  const res = await api.post(`${origin()}/api/call`, { data: { op: 'buildings.list', input: {} } });
  expect(res.status()).toBe(401);
  const page = await api.get(`${origin()}/`);
  expect(page.status()).toBe(401);
  await api.dispose();
});

test('a wrong launch token is refused', async ({ page }) => {
  const url = new URL(launchUrl());
  url.searchParams.set('token', 'not-the-token');
  const res = await page.goto(url.toString());
  expect(res?.status()).toBe(401);
});

test('a wrong password is refused with a message, then the syndic signs in and sees the demo buildings', async ({ page }) => {
  // The page runs under the app's CSP (no inline script, no remote anything): nothing may be refused.
  const refused: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy|Refused to/i.test(m.text())) refused.push(m.text());
  });
  await page.goto(launchUrl());
  await expect(page).toHaveURL(/\/(#.*)?$/); // the token left the address bar
  await page.getByLabel('Adresse e-mail').fill('syndic@demo.koprogo.be');
  await page.getByLabel('Mot de passe').fill('not-the-password');
  await page.getByRole('button', { name: 'Se connecter' }).click();
  await expect(page.getByRole('alert')).toHaveText('Adresse e-mail ou mot de passe incorrect.');

  await signIn(page, 'syndic@demo.koprogo.be');
  await expect(page.getByRole('row', { name: 'Résidence Les Tilleuls' })).toContainText('Ixelles');
  await expect(page.getByRole('row', { name: 'Résidence Les Tilleuls' })).toContainText('10 000 / 10 000');
  await expect(page.getByRole('row', { name: 'Residentie Leie' })).toContainText('Gent');
  // A syndic does not manage users.
  await expect(page.getByRole('link', { name: 'Utilisateurs' })).toHaveCount(0);

  // Keyboard: "/" focuses the search, typing filters, Enter on a row opens it.
  await page.keyboard.press('/');
  await expect(page.getByRole('searchbox', { name: 'Rechercher' })).toBeFocused();
  await page.keyboard.type('Leie');
  await expect(page.getByRole('row', { name: 'Résidence Les Tilleuls' })).toHaveCount(0);
  await page.getByRole('row', { name: 'Residentie Leie' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Residentie Leie', level: 1 })).toBeVisible();

  // Ctrl+K from any screen goes back to the search.
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('searchbox', { name: 'Rechercher' })).toBeFocused();

  // Signing out returns to the sign-in screen.
  await page.getByRole('button', { name: /Menu de/ }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
  expect(refused).toEqual([]);
});
