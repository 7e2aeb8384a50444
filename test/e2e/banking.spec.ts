import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { codaStatement, type PaymentSpec } from '../../src-main/app/banking/statement-generator.js';
import type { OpInput, OpOutput, OperationName } from '../../src-shared/contract/index.js';
import { freshBelgianIban, signIn } from './helpers.js';

/** The API as the signed-in page calls it (same session, same launch cookie). */
async function api<N extends OperationName>(page: Page, op: N, input: OpInput<N>): Promise<OpOutput<N>> {
  const r = await page.evaluate(async ([op, input]) => {
    const res = await fetch('/api/call', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-koprogo-session': sessionStorage.getItem('koprogo.session') ?? '' },
      body: JSON.stringify({ op, input }),
    });
    return (await res.json()) as { ok: boolean; value?: unknown; error?: { message: string } };
  }, [op, input] as const);
  if (!r.ok) throw new Error(`${op}: ${r.error?.message}`);
  return r.value as OpOutput<N>;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
const ogmText = (d: string) => `+++${d.slice(0, 3)}/${d.slice(3, 7)}/${d.slice(7)}+++`;

test('a CODA statement of the demo building: imported with its progress and summary, ≥ 90 % matched at import, the rest matched from the keyboard (one key on a suggestion, one by hand with a credit), the payer’s account settled in the ledger', async ({ page }) => {
  test.setTimeout(120_000);
  await signIn(page, 'comptable@demo.koprogo.be');

  // What the books say before: the building, its working account, its last statement, what is open, the owners' balances.
  const building = (await api(page, 'buildings.list', {})).find((b) => b.name === 'Résidence Les Tilleuls');
  if (!building) throw new Error('demo building missing');
  const detail = await api(page, 'buildings.get', { id: building.id });
  const iban = (detail.bankAccounts.find((a) => a.purpose === 'working') ?? detail.bankAccounts[0])!.iban.replace(/\s/g, '');
  const last = (await api(page, 'bank.statements', { buildingId: building.id })).find((s) => s.account === iban);
  if (!last) throw new Error('the demo has no statement for its working account');
  const open = await api(page, 'bank.openItems', { buildingId: building.id });
  const today = new Date().toISOString().slice(0, 10);
  const year = (await api(page, 'ledger.fiscalYears', { buildingId: building.id })).find((y) => y.startDate <= today && today <= y.endDate);
  if (!year) throw new Error('no fiscal year today');
  const balances = new Map((await api(page, 'ledger.accounts', { buildingId: building.id, fiscalYearId: year.id })).map((a) => [a.code, a.balanceCents]));
  const linesOf = (ownerId: number) => open.callLines.filter((l) => l.ownerId === ownerId);
  const people = [...new Map(open.callLines.filter((l) => l.ownerName.split(' ').length === 2).map((l) => [l.ownerId, l.ownerName])).entries()];

  // The payer matched by hand: owes a balance on 4101 (calls and the statement of charges) that is no open call's
  // amount, and pays exactly that balance without a reference.
  const byHand = people
    .map(([ownerId, name]) => ({ ownerId, name, owed: balances.get(`4101-${ownerId}`) ?? 0, line: linesOf(ownerId).filter((l) => l.kind === 'working').sort((a, b) => (a.dueDate < b.dueDate ? -1 : 1))[0] }))
    .filter((o) => o.owed > 0 && o.line && !linesOf(o.ownerId).some((l) => l.openCents === o.owed))
    .sort((a, b) => b.owed - a.owed)[0];
  if (!byHand?.line) throw new Error('no owner with a balance to settle by hand');
  // The payer found by a suggestion (from an account not seen before): only the surname and the exact amount of an open call (75 %: below the 85 % of auto-matching).
  const suggested = people
    .filter(([ownerId]) => ownerId !== byHand.ownerId)
    .map(([ownerId, name]) => ({ ownerId, name, surname: name.split(' ')[0]!, line: linesOf(ownerId).find((l) => l.kind === 'working') }))
    .find((o) => o.line && people.filter(([, n]) => n.split(' ')[0] === o.surname).length === 1);
  if (!suggested?.line) throw new Error('no owner for the suggestion');

  // Everyone else pays every open call with its OGM, from their own account; one types it in the free communication.
  const accounts = new Map<number, string>();
  const accountOf = (ownerId: number) => accounts.get(ownerId) ?? accounts.set(ownerId, freshBelgianIban().replace(/\s/g, '')).get(ownerId)!;
  const payments: PaymentSpec[] = [];
  const others = open.callLines.filter((l) => l.ownerId !== byHand.ownerId && l.id !== suggested.line!.id);
  others.forEach((l, i) => {
    const base = { date: today, amountCents: l.openCents, counterpartyName: l.ownerName.toUpperCase(), counterpartyAccount: accountOf(l.ownerId) };
    payments.push(i === 3 ? { ...base, communication: `PROVISIONS ${ogmText(l.ogm)}` } : { ...base, ogm: l.ogm });
  });
  const suggestedPayer = `M. ${suggested.surname.toUpperCase()}`;
  payments.push({ date: today, amountCents: suggested.line.openCents, counterpartyName: suggestedPayer, counterpartyAccount: freshBelgianIban().replace(/\s/g, ''), communication: 'CHARGES APPARTEMENT' });
  const byHandPayer = byHand.name.toUpperCase();
  payments.push({ date: today, amountCents: byHand.owed, counterpartyName: byHandPayer, counterpartyAccount: freshBelgianIban().replace(/\s/g, ''), communication: 'SOLDE DECOMPTE' });

  const sequence = Number(last.sequence ?? 0) + 1;
  const fileName = `${iban}-${today.slice(0, 4)}-${String(sequence).padStart(3, '0')}.cod`;
  const path = join(mkdtempSync(join(tmpdir(), 'koprogo-coda-')), fileName);
  writeFileSync(path, codaStatement({ account: iban, holderName: 'ACP RESIDENCE LES TILLEULS', sequence, date: today, openingCents: last.closingBalanceCents, payments }));

  // Import through the screen's file input.
  await page.getByRole('link', { name: /^Banque/ }).click();
  await expect(page.getByRole('heading', { name: 'Banque', level: 1 })).toBeVisible();
  await page.getByRole('tab', { name: 'Importer des extraits' }).click();
  await page.getByLabel('Extraits de compte (CODA ou CAMT.053)').setInputFiles(path);
  const summary = page.getByRole('region', { name: `Résultat de l’import de ${fileName}` });
  await expect(summary).toBeVisible({ timeout: 30_000 });
  const statement = summary.getByRole('row', { name: new RegExp(`^Résidence Les Tilleuls BE\\d\\d`) });
  await expect(statement).toContainText(String(payments.length));
  const share = (await summary.getByTestId('import-matched').textContent()) ?? '';
  const [, matched, movements] = /^Rapprochés automatiquement : (\d+) \/ (\d+) /.exec(share) ?? [];
  expect(Number(movements)).toBe(payments.length);
  expect(Number(matched) / payments.length).toBeGreaterThanOrEqual(0.9);
  expect(Number(matched)).toBe(payments.length - 2);
  await expect(summary).toContainText('doublons refusés : 0');

  // The rest, from the building's list: the one with a suggestion first.
  await summary.getByRole('link', { name: 'Rapprocher les mouvements restants de Résidence Les Tilleuls' }).click();
  const list = page.getByRole('listbox', { name: 'Mouvements bancaires' });
  const suggestedRow = list.getByRole('option', { name: new RegExp(`^${escape(suggestedPayer)},`) });
  await suggestedRow.click();
  const pane = page.getByRole('region', { name: `Mouvement ${suggestedPayer}` });
  const best = pane.getByRole('article', { name: 'Suggestion 1, confiance 75 %' });
  await expect(best).toContainText('Nom du copropriétaire dans le donneur d’ordre ou la communication, et montant exact d’un appel ouvert');
  await expect(best).toContainText(suggested.line.label);
  await expect(best.getByRole('meter', { name: 'Confiance' })).toHaveAttribute('aria-valuenow', '75');
  await page.waitForTimeout(300);
  await page.screenshot({ path: 'docs/screenshot-reconciliation.png' });

  await page.keyboard.press('a');
  await expect(page.getByText(new RegExp(`^Rapproché : ${escape(suggestedPayer)} → ${escape(suggested.name)}`))).toBeVisible();
  await expect(suggestedRow).toHaveCount(0);

  // By hand: M, the owner's oldest open call, the rest kept as a credit on the owner's account.
  const byHandRow = list.getByRole('option', { name: new RegExp(`^${escape(byHandPayer)},`) });
  await byHandRow.click();
  await expect(page.getByRole('region', { name: `Mouvement ${byHandPayer}` })).toBeVisible();
  await page.keyboard.press('m');
  const dialog = page.getByRole('dialog', { name: 'Rapprocher à la main' });
  await dialog.getByLabel('Appels de fonds ouverts').fill(byHand.name.split(' ')[0]!);
  await dialog.getByRole('checkbox', { name: new RegExp(`^Imputer sur ${escape(byHand.name)} — ${escape(byHand.line.label)} ·`) }).check();
  if (byHand.owed > byHand.line.openCents) await dialog.getByRole('button', { name: 'Mettre le reste en avoir' }).click();
  await expect(dialog.getByTestId('manual-totals')).toContainText('Tout le montant est imputé');
  await page.keyboard.press('Control+Enter');
  await expect(dialog).toBeHidden();
  await expect(page.getByText(`Rapproché à la main : ${byHandPayer}`)).toBeVisible();
  await expect(byHandRow).toHaveCount(0);

  // The payer's account in the ledger, from the movement: settled.
  await page.locator('label', { hasText: /^Tous$/ }).click();
  await list.getByRole('option', { name: new RegExp(`^${escape(byHandPayer)},`) }).click();
  const matchedPane = page.getByRole('region', { name: `Mouvement ${byHandPayer}` });
  await expect(matchedPane.getByText('Rapproché avec')).toBeVisible();
  await matchedPane.getByRole('link', { name: `Compte 4101-${byHand.ownerId} de ${byHand.name} au grand livre` }).first().click();
  const ledger = page.getByRole('region', { name: 'Grand livre du compte' });
  await expect(ledger.getByRole('heading', { name: new RegExp(`^4101-${byHand.ownerId}`) })).toBeVisible();
  await expect(ledger.getByText('Solde', { exact: true }).first().locator('xpath=..')).toHaveText(/^Solde\s*0,00$/);
  await expect(page.getByRole('grid', { name: `Grand livre du compte 4101-${byHand.ownerId}` })).toContainText('SOLDE DECOMPTE');
});
