import { expect, test, type Locator, type Page } from '@playwright/test';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { signIn } from './helpers.js';

/** A real one-page invoice PDF, as a supplier sends it. */
async function invoicePdf(supplier: string, number: string, amount: string): Promise<Buffer> {
  const pdf = await PDFDocument.create();
  const page = pdf.addPage([595, 842]);
  const bold = await pdf.embedFont(StandardFonts.HelveticaBold);
  const font = await pdf.embedFont(StandardFonts.Helvetica);
  page.drawText(supplier, { x: 50, y: 780, size: 20, font: bold });
  page.drawText('Rue de la Traduction 12, 1000 Bruxelles · TVA BE 0403.170.701', { x: 50, y: 760, size: 9, font });
  page.drawText(`FACTURE ${number}`, { x: 50, y: 700, size: 16, font: bold });
  page.drawText('ACP Résidence Les Tilleuls, Avenue Louise 231, 1050 Ixelles', { x: 50, y: 670, size: 11, font });
  page.drawText('Traduction du règlement d’ordre intérieur, français - néerlandais', { x: 50, y: 600, size: 11, font });
  page.drawText(`Total TVAC : ${amount} EUR`, { x: 50, y: 560, size: 13, font: bold });
  return Buffer.from(await pdf.save());
}

/** Picks an option of a Mantine Select: opens it, types to filter, clicks the option. */
async function pick(page: Page, field: Locator, search: string, option: string | RegExp): Promise<void> {
  await field.click();
  await field.fill(search);
  await page.getByRole('option', { name: option }).first().click();
}

async function signOut(page: Page): Promise<void> {
  await page.getByRole('button', { name: /Menu de/ }).click();
  await page.getByRole('menuitem', { name: 'Se déconnecter' }).click();
  await expect(page.getByRole('button', { name: 'Se connecter' })).toBeVisible();
}

const suffix = () => Date.now().toString(36).slice(-5).toUpperCase();

test('a bookkeeper encodes and submits an invoice; the syndic approves it from the keyboard; the entry reaches the ledger and the trial balance', async ({ page }) => {
  const supplier = `Traductions Babel ${suffix()}`;
  const number = `TB-${suffix()}`;

  // The bookkeeper encodes it: building, a supplier created on the spot, euros with a comma, the PDF.
  await signIn(page, 'comptable@demo.koprogo.be');
  await page.getByRole('link', { name: 'Factures' }).click();
  await expect(page.getByRole('heading', { name: 'Factures fournisseurs', level: 1 })).toBeVisible();
  await page.getByRole('button', { name: 'Encoder une facture' }).click();
  const form = page.getByRole('dialog', { name: 'Encoder une facture' });
  await pick(page, form.getByRole('combobox', { name: 'Immeuble', exact: true }), 'Tilleuls', 'Résidence Les Tilleuls');
  await form.getByRole('button', { name: 'Nouveau fournisseur' }).click();
  const supplierDialog = page.getByRole('dialog', { name: 'Nouveau fournisseur' });
  await supplierDialog.getByLabel('Nom du fournisseur').fill(supplier);
  await supplierDialog.getByLabel('Compte de charge habituel').fill('6162');
  await supplierDialog.getByRole('button', { name: 'Créer le fournisseur' }).click();
  await expect(supplierDialog).toBeHidden();
  await expect(form.getByRole('combobox', { name: 'Fournisseur', exact: true })).toHaveValue(supplier);
  // The supplier's usual account is proposed: 6162 Traductions.
  await expect(form.getByRole('combobox', { name: 'Compte de charge', exact: true })).toHaveValue(/^6162/);
  await form.getByLabel('Numéro de facture').fill(number);
  await form.getByLabel('Montant TVAC').fill('1.234,56');
  await form.getByLabel('Dont TVA').fill('214,26');
  await form.getByLabel('Libellé').fill('Traduction du règlement d’ordre intérieur');
  await form.locator('input[type="file"]').setInputFiles({ name: `${number}.pdf`, mimeType: 'application/pdf', buffer: await invoicePdf(supplier, number, '1.234,56') });
  await form.getByRole('button', { name: 'Enregistrer et soumettre' }).click();
  await expect(form).toBeHidden();
  await expect(page.getByText(`Facture ${number} enregistrée et soumise pour approbation.`)).toBeVisible();

  // The same supplier's invoice number twice: refused on the number field.
  await page.getByRole('button', { name: 'Encoder une facture' }).click();
  await pick(page, form.getByRole('combobox', { name: 'Immeuble', exact: true }), 'Tilleuls', 'Résidence Les Tilleuls');
  await pick(page, form.getByRole('combobox', { name: 'Fournisseur', exact: true }), supplier.slice(0, 12), supplier);
  await form.getByLabel('Numéro de facture').fill(number);
  await form.getByLabel('Montant TVAC').fill('10');
  await form.getByRole('button', { name: 'Enregistrer le brouillon' }).click();
  await expect(form.getByLabel('Numéro de facture')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Numéro de facture')).toHaveAccessibleDescription(/Cette facture de ce fournisseur est déjà encodée\./);
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();
  await signOut(page);

  // The syndic sees it waiting (badge), with its PDF beside the data, and approves it with A.
  await signIn(page, 'syndic@demo.koprogo.be');
  await page.getByRole('link', { name: /^Factures \(\d+ en attente de votre approbation\)$/ }).click();
  await expect(page.getByRole('heading', { name: 'Factures fournisseurs', level: 1 })).toBeVisible();
  await page.getByRole('combobox', { name: 'Trier par', exact: true }).click();
  await page.getByRole('option', { name: 'Date de facture' }).click();
  await page.getByRole('button', { name: 'Ordre croissant' }).click(); // now the newest first
  const row = page.getByRole('row', { name: `${supplier} ${number}` });
  await expect(row).toBeVisible();
  await row.click();
  const detail = page.getByRole('region', { name: `${supplier} ${number}` });
  await expect(detail.getByRole('heading', { name: supplier })).toBeVisible();
  await expect(detail.getByText('1.234,56 €')).toBeVisible();
  await expect(detail.getByText('6162 Traductions')).toBeVisible();
  await expect(detail.locator(`iframe[title="PDF de la facture ${supplier} ${number}"]`)).toHaveAttribute('src', /^blob:/);
  await expect(detail.getByRole('link', { name: 'Télécharger' })).toHaveAttribute('download', `${number}.pdf`);
  await expect(detail.getByText('Soumise pour approbation')).toBeVisible();
  await expect(page.getByText('J K suivante / précédente')).toBeVisible();
  await page.waitForTimeout(1000); // let the PDF viewer paint for the screenshot
  await page.screenshot({ path: 'docs/screenshot-inbox.png' });

  await row.focus();
  await page.keyboard.press('a');
  await expect(page.getByText(`${supplier} ${number} approuvée : l’écriture d’achat est passée.`)).toBeVisible();
  await expect(row).toHaveCount(0); // it left the list of invoices to approve

  // The purchase entry, in the ledger of 6162…
  await page.getByRole('link', { name: /^Comptabilité/ }).click();
  await expect(page.getByRole('heading', { name: 'Comptabilité', level: 1 })).toBeVisible();
  await pick(page, page.getByRole('combobox', { name: 'Immeuble', exact: true }), 'Tilleuls', 'Résidence Les Tilleuls');
  await page.getByPlaceholder('Chercher un compte (numéro ou intitulé)').fill('6162');
  await page.getByRole('treeitem', { name: /^6162 Traductions/ }).click();
  const lines = page.getByRole('grid', { name: 'Grand livre du compte 6162' });
  const line = lines.getByRole('row', { name: new RegExp(`${supplier} ${number}`) });
  await expect(line).toContainText('1.234,56');
  await expect(line).toContainText(/ACH-\d{4}-\d{4}/);
  await line.click();
  const entry = page.getByRole('dialog', { name: /^Écriture ACH-/ });
  await expect(entry.getByRole('row', { name: /^6162/ })).toContainText('1.234,56');
  await expect(entry.getByRole('row', { name: /^440-/ })).toContainText('1.234,56');
  await page.keyboard.press('Escape');

  // …and in the trial balance, whose totals agree.
  await page.getByRole('tab', { name: 'Balance de vérification' }).click();
  await expect(page.getByRole('row', { name: '6162 Traductions' })).toContainText('1.234,56');
  await expect(page.getByText('Débit = crédit')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Exporter Balance de vérification en PDF' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Exporter Balance de vérification en CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);

  // The ledger screenshot, on the busiest account: the bank.
  await page.getByRole('tab', { name: 'Plan comptable et grand livre' }).click();
  await page.getByPlaceholder('Chercher un compte (numéro ou intitulé)').fill('551');
  await page.getByRole('treeitem', { name: /^551-01/ }).click();
  const bankLedger = page.getByRole('grid', { name: 'Grand livre du compte 551-01' });
  await expect(bankLedger.getByRole('row').nth(3)).toBeVisible();
  // The column header is shaded (light-dark() of the stylesheet kept by the build): Mantine's gray-0 in the light scheme.
  await expect(bankLedger.getByRole('row').first()).toHaveCSS('background-color', 'rgb(248, 249, 250)');
  await page.getByPlaceholder('Chercher un compte (numéro ou intitulé)').fill('');
  await expect(page.getByRole('treeitem', { name: /^551-01/ })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByText(/approuvée : l’écriture d’achat est passée/)).toBeHidden(); // notifications gone
  await page.screenshot({ path: 'docs/screenshot-ledger.png' });
});

test('four-eyes: the syndic who submitted an invoice is told in words that someone else must approve it, and can reject it with a reason', async ({ page }) => {
  const number = `NC-${suffix()}`;
  await signIn(page, 'syndic@demo.koprogo.be');
  await page.getByRole('link', { name: /^Factures/ }).click();
  await page.getByRole('button', { name: 'Encoder une facture' }).click();
  const form = page.getByRole('dialog', { name: 'Encoder une facture' });
  await pick(page, form.getByRole('combobox', { name: 'Immeuble', exact: true }), 'Tilleuls', 'Résidence Les Tilleuls');
  await pick(page, form.getByRole('combobox', { name: 'Fournisseur', exact: true }), 'Net', 'Net & Clair SRL');
  await expect(form.getByRole('combobox', { name: 'Compte de charge', exact: true })).toHaveValue(/^6105/);
  await form.getByLabel('Numéro de facture').fill(number);
  await form.getByLabel('Montant TVAC').fill('1234.5');
  await form.getByLabel('Montant TVAC').blur();
  await expect(form.getByLabel('Montant TVAC')).toHaveValue('1.234,50'); // read as euros, shown the Belgian way
  await form.getByLabel('Numéro de facture').press('Enter'); // Enter saves and submits
  await expect(form).toBeHidden();

  await page.getByLabel('Rechercher').fill(number);
  const row = page.getByRole('row', { name: `Net & Clair SRL ${number}` });
  await row.click();
  await page.keyboard.press('a');
  const refusal = page.getByRole('alert').filter({ hasText: 'Approbation refusée' });
  await expect(refusal).toContainText(`Approbation refusée : Net & Clair SRL ${number}`);
  await expect(refusal).toContainText('Vous avez soumis cette facture : une autre personne doit l’approuver (principe des quatre yeux).');
  await expect(row).toBeVisible(); // still waiting

  // R asks why, Ctrl+Enter confirms; the reason goes into the history.
  await row.focus();
  await page.keyboard.press('r');
  const reject = page.getByRole('dialog', { name: 'Rejeter la facture' });
  await reject.getByLabel('Motif du rejet').fill('Montant en double avec la facture de novembre');
  await page.keyboard.press('Control+Enter');
  await expect(reject).toBeHidden();
  await expect(page.getByText(`Facture ${number} rejetée.`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.getByRole('combobox', { name: 'Statut', exact: true }).click();
  await page.getByRole('option', { name: 'Rejetée' }).click();
  await row.click();
  await expect(page.getByText('Motif : « Montant en double avec la facture de novembre »')).toBeVisible();
});

test('a miscellaneous entry posts only once it balances; the difference shows as one types', async ({ page }) => {
  await signIn(page, 'comptable@demo.koprogo.be');
  await page.getByRole('link', { name: /^Comptabilité/ }).click();
  await pick(page, page.getByRole('combobox', { name: 'Immeuble', exact: true }), 'Tilleuls', 'Résidence Les Tilleuls');
  await page.getByRole('button', { name: 'Écriture diverse' }).click();
  const form = page.getByRole('dialog', { name: 'Nouvelle écriture' });
  await expect(form.getByRole('combobox', { name: 'Journal', exact: true })).toHaveValue(/^OD/);
  await form.getByLabel('Libellé de l’écriture').fill('Régularisation frais de réunion');
  await pick(page, form.getByRole('combobox', { name: 'Compte, ligne 1', exact: true }), '6161', /^6161/);
  await form.getByLabel('Débit, ligne 1').fill('100');
  await pick(page, form.getByRole('combobox', { name: 'Compte, ligne 2', exact: true }), '551-01', /^551-01/);
  await form.getByLabel('Crédit, ligne 2').fill('99,99');

  const status = form.getByTestId('entry-balance');
  const post = form.getByRole('button', { name: 'Comptabiliser' });
  await expect(status).toHaveText('Différence : 0,01 € (le débit dépasse le crédit)');
  await expect(post).toBeDisabled();
  // Ctrl+Enter adds a line carrying the 0,01 € that balances; Ctrl+Delete takes it away again.
  await form.getByLabel('Crédit, ligne 2').press('Control+Enter');
  await expect(form.getByLabel('Crédit, ligne 3')).toHaveValue('0,01');
  await expect(form.getByRole('combobox', { name: 'Compte, ligne 3', exact: true })).toBeFocused();
  await expect(status).toHaveText('Écriture équilibrée');
  await form.getByRole('combobox', { name: 'Compte, ligne 3', exact: true }).press('Control+Delete');
  await expect(form.getByRole('combobox', { name: 'Compte, ligne 3', exact: true })).toHaveCount(0);
  await expect(post).toBeDisabled();

  await form.getByLabel('Crédit, ligne 2').fill('100,00');
  await expect(status).toHaveText('Écriture équilibrée');
  await expect(form.getByLabel('Total débit')).toHaveText('100,00 €');
  // A date outside every fiscal year: the server refuses it, on the date field.
  await form.getByLabel('Date').fill('2031-01-15');
  await post.click();
  await expect(form.getByLabel('Date')).toHaveAttribute('aria-invalid', 'true');
  await expect(form.getByLabel('Date')).toHaveAccessibleDescription(/Aucun exercice de l’immeuble ne couvre cette date/);
  await form.getByLabel('Date').fill(new Date().toISOString().slice(0, 10));
  await post.click();
  await expect(form).toBeHidden();
  await expect(page.getByText(/^Écriture OD-\d{4}-\d{4} comptabilisée\.$/)).toBeVisible();
  // The ledger opens on the entry's first account.
  await expect(page.getByRole('grid', { name: 'Grand livre du compte 6161' }).getByRole('row', { name: /Régularisation frais de réunion/ })).toContainText('100,00');
});
