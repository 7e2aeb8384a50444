import { expect, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'koprogo-demo';

export function launchUrl(): string {
  const url = process.env.KOPROGO_E2E_URL;
  if (!url) throw new Error('KOPROGO_E2E_URL is not set: run through playwright.config.ts (global setup)');
  return url;
}

export function origin(): string {
  return process.env.KOPROGO_E2E_ORIGIN ?? new URL(launchUrl()).origin;
}

/** Opens the launch link (sets the token cookie) and signs in with the FR labels. */
export async function signIn(page: Page, email: string, password = DEMO_PASSWORD): Promise<void> {
  await page.goto(launchUrl());
  await page.getByLabel('Adresse e-mail').fill(email);
  await page.getByLabel('Mot de passe').fill(password);
  await page.getByLabel('Mot de passe').press('Enter');
  await expect(page.getByRole('heading', { name: 'Immeubles', level: 1 })).toBeVisible();
}

/** A name no other test uses (tests share one database). */
export const unique = (prefix: string) => `${prefix} ${Date.now().toString(36).slice(-5)}`;

/** Creates a building through the form and waits for its row in the list. */
export async function createBuilding(page: Page, name: string, opts: { totalShares?: number; iban?: string } = {}): Promise<void> {
  await page.getByRole('button', { name: 'Nouvel immeuble' }).click();
  const dialog = page.getByRole('dialog', { name: 'Nouvel immeuble' });
  await dialog.getByLabel('Nom de l’immeuble').fill(name);
  await dialog.getByLabel('Rue et numéro').fill('Rue de la Loi 16');
  await dialog.getByLabel('Code postal').fill('1000');
  await dialog.getByLabel('Commune').fill('Bruxelles');
  await dialog.getByLabel('Total des quotités').fill(String(opts.totalShares ?? 1000));
  await dialog.getByLabel('IBAN').fill(opts.iban ?? '');
  await dialog.getByRole('button', { name: 'Créer l’immeuble' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('row', { name })).toBeVisible();
}

const mod97 = (digits: string) => [...digits].reduce((r, d) => (r * 10 + Number(d)) % 97, 0);

/** A valid Belgian IBAN nobody else uses: account number with its mod-97 check, then the IBAN check. */
export function freshBelgianIban(): string {
  const base = String(Math.floor(Math.random() * 1e10)).padStart(10, '0');
  const check = mod97(base) || 97;
  const bban = `${base}${String(check).padStart(2, '0')}`;
  const ibanCheck = 98 - mod97(`${bban}111400`); // "BE00" → B=11, E=14
  return `BE${String(ibanCheck).padStart(2, '0')}${bban}`.replace(/(.{4})/g, '$1 ').trim();
}
