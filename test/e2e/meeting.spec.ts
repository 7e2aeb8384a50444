import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { signIn } from './helpers.js';

/**
 * A general assembly of the demo building, from the keyboard, as a syndic runs it: prepared
 * through the screens, ten owners checked in and two proxies (one refused: to the syndic),
 * opened with its quorum, three resolutions of different majorities voted ("everyone for",
 * then the exceptions typed), each result seen on the projector — a second page of the same
 * browser with only its address — then closed, and the minutes drafted: their text shows the
 * results and the names of those against.
 */

// Times are typed and read as a Belgian syndic sees them, whatever the machine running the tests.
test.use({ timezoneId: 'Europe/Brussels' });

const PRESENT = ['Jean Dupont', 'Luc Janssens', 'Claire Martin', 'Pierre Lambert', 'Isabelle Dubois', 'Koen Maes', 'Nathalie Leclercq', 'Tom Jacobs', 'Sarah Willems', 'Boulangerie Louise SRL'];

const ITEMS = [
  { title: 'Approbation des comptes 2025', rule: /^Majorité absolue/ },
  { title: 'Ravalement de la façade avant', rule: /^Travaux aux parties communes/ },
  { title: 'Répartition des charges d’ascenseur', rule: /^Autres modifications des statuts/ },
];

/** Types a name in the list's filter, goes to the first match with Enter, presses one key on it. */
async function onVoter(page: Page, list: string, name: string, key: string): Promise<void> {
  const filter = page.getByRole('textbox', { name: `Filtrer : ${list}` });
  await filter.fill(name);
  await filter.press('Enter');
  const listbox = page.getByRole('listbox', { name: list });
  await expect(listbox).toBeFocused();
  await expect(listbox.getByRole('option', { selected: true })).toContainText(name);
  await page.keyboard.press(key);
}

const option = (page: Page, list: string, name: string): Locator => page.getByRole('listbox', { name: list }).getByRole('option', { name: new RegExp(name) });

test('a general assembly from the keyboard: attendance, proxies, quorum, three majorities, the projector, the minutes', async ({ page, context }) => {
  test.setTimeout(180_000);
  await signIn(page, 'syndic@demo.koprogo.be');

  // Preparation: the demo building has no assembly yet.
  await page.getByRole('row', { name: /Résidence Les Tilleuls/ }).click();
  await page.getByRole('tab', { name: 'Assemblées générales' }).click();
  await page.getByRole('button', { name: 'Nouvelle assemblée générale' }).click();
  const form = page.getByRole('dialog', { name: 'Nouvelle assemblée générale' });
  await form.getByLabel('Lieu').fill('Salle polyvalente, rez-de-chaussée');
  await form.getByLabel('Date et heure de la séance').fill('2026-06-18T18:30');
  await form.getByLabel('Date des convocations').fill('2026-05-28');
  await form.getByRole('button', { name: 'Créer l’assemblée' }).click();
  await expect(page.getByRole('heading', { name: 'Assemblée générale ordinaire', level: 1 })).toBeVisible();
  for (const item of ITEMS) {
    await page.getByRole('button', { name: 'Ajouter un point' }).click();
    const dialog = page.getByRole('dialog', { name: 'Ajouter un point' });
    await dialog.getByLabel('Intitulé du point').fill(item.title);
    await dialog.getByRole('combobox', { name: 'Majorité requise' }).click();
    await page.getByRole('option', { name: item.rule }).click();
    await dialog.getByRole('button', { name: 'Ajouter', exact: true }).click();
    await expect(dialog).toBeHidden();
  }
  const agenda = page.getByRole('list', { name: 'Ordre du jour' });
  await expect(agenda.getByRole('listitem')).toHaveCount(3);
  await expect(agenda.getByRole('listitem').nth(1)).toContainText('Deux tiers · art. 3.88 §1, 1°');
  await expect(agenda.getByRole('listitem').nth(2)).toContainText('Quatre cinquièmes · art. 3.88 §1, 2°');
  await expect(page.getByText('Tout est prêt')).toBeVisible();

  // Convocations: who by e-mail (written consent), who by registered mail and why.
  await page.getByRole('tab', { name: 'Convocations' }).click();
  const recipients = page.getByRole('table', { name: 'Copropriétaires à convoquer' });
  await expect(recipients.getByRole('row', { name: /Boulangerie Louise SRL/ })).toContainText('E-mail');
  await expect(recipients.getByRole('row', { name: /Luc Janssens/ })).toContainText('pas d’adresse e-mail');

  // The meeting room: attendance, one key per owner.
  await page.getByRole('tab', { name: 'Séance' }).click();
  const list = 'Présences';
  await expect(page.getByRole('listbox', { name: list })).toBeVisible();
  for (const name of PRESENT) {
    await onVoter(page, list, name, 'p');
    await expect(option(page, list, name)).toContainText('Présent');
  }
  // A valid proxy to an owner present…
  await onVoter(page, list, 'An Peeters', 'r');
  let proxy = page.getByRole('dialog', { name: 'Procuration de An Peeters' });
  await proxy.getByRole('combobox', { name: 'Copropriétaire mandataire' }).fill('Jean Dup');
  await page.getByRole('option', { name: /^Jean Dupont/ }).click();
  await proxy.getByRole('button', { name: 'Enregistrer la procuration' }).click();
  await expect(proxy).toBeHidden();
  await expect(option(page, list, 'An Peeters')).toContainText('par Jean Dupont');
  // …and one to the syndic, refused at once, with the reason in words.
  await onVoter(page, list, 'Michel Laurent', 'r');
  proxy = page.getByRole('dialog', { name: 'Procuration de Michel Laurent' });
  await proxy.getByText('Une autre personne', { exact: true }).click();
  await proxy.getByLabel('Nom du mandataire').fill('Syndic Démo SRL');
  await proxy.getByRole('checkbox', { name: /Le mandataire est le syndic/ }).check();
  await proxy.getByRole('button', { name: 'Enregistrer la procuration' }).click();
  await expect(proxy).toBeHidden();
  await expect(option(page, list, 'Michel Laurent')).toContainText('Procuration à Syndic Démo SRL refusée : le syndic ne peut pas être mandataire d’un copropriétaire (art. 3.87 §7)');

  // The quorum, live: 11 of 20 owners (ten present, one represented) holding 6 475 of 10 000.
  const quorum = page.getByRole('region', { name: 'Quorum' });
  await expect(quorum).toContainText('Quorum atteint');
  await expect(quorum).toContainText('11 / 20');
  await expect(quorum).toContainText(/6\s475 \/ 10\s000/);
  await expect(quorum).toContainText('Plus de la moitié des copropriétaires, détenant au moins la moitié des quotes-parts (art. 3.87 §5).');

  // The projector, in a second page of the same browser, with nothing but its address.
  const projectorUrl = await page.getByRole('link', { name: 'Ouvrir le projecteur' }).getAttribute('href');
  expect(projectorUrl).toMatch(/#\/projector\/\d+\/[A-Za-z0-9_-]{16,}$/);
  const projector = await context.newPage();
  await projector.goto(projectorUrl!);
  await expect(projector.getByText('La séance n’est pas encore ouverte.')).toBeVisible();
  await expect(projector.getByText('Jean Dupont')).toHaveCount(0);

  // Opening: chair and secretary; the quorum is frozen.
  await page.getByRole('combobox', { name: 'Président de séance' }).fill('Jean Dupont');
  await page.getByRole('combobox', { name: 'Président de séance' }).press('Tab');
  await page.getByRole('combobox', { name: 'Secrétaire' }).fill('Sophie Lambert');
  await page.getByRole('combobox', { name: 'Secrétaire' }).press('Tab');
  await page.getByRole('button', { name: 'Ouvrir la séance' }).click();
  await expect(page.getByText('Séance ouverte', { exact: true })).toBeVisible();

  // Three resolutions: "everyone for", then the exceptions typed, then declared with Ctrl+Enter.
  const votes = 'Votes';
  const vote = async (n: number, exceptions: [string, 'c' | 'a'][], outcome: 'ADOPTÉE' | 'REJETÉE', bars: { for: string | RegExp; against: string | RegExp }) => {
    const start = n === 1 ? page.getByRole('button', { name: 'Mettre au vote' }) : page.getByRole('button', { name: `Point suivant (${n})` });
    await start.click();
    await expect(page.getByText('Vote en cours', { exact: true })).toBeVisible();
    await expect(projector.getByRole('heading', { name: ITEMS[n - 1]!.title })).toBeVisible();
    await page.getByRole('button', { name: 'Tout le monde pour' }).click();
    await expect(page.getByRole('listbox', { name: votes }).getByRole('option').first()).toContainText('Pour');
    for (const [name, key] of exceptions) {
      await onVoter(page, votes, name, key);
      await expect(option(page, votes, name).getByRole('button', { pressed: true })).toHaveText(key === 'c' ? 'Contre' : 'Abstention');
    }
    await expect(page.getByRole('meter', { name: 'Pour' }).first()).toHaveAttribute('aria-valuetext', bars.for);
    await expect(page.getByRole('meter', { name: 'Contre' }).first()).toHaveAttribute('aria-valuetext', bars.against);
    if (n === 2) {
      // The room while a vote runs: the exceptions typed, the bars below the two-thirds line.
      await page.getByRole('textbox', { name: `Filtrer : ${votes}` }).fill('');
      // Notifications may close by themselves while we close them: retry until none is left.
      await expect(async () => {
        const close = page.locator('.mantine-Notification-root button');
        if (await close.count()) await close.first().click({ timeout: 1_000 }).catch(() => undefined);
        await expect(page.locator('.mantine-Notification-root')).toHaveCount(0, { timeout: 500 });
      }).toPass({ timeout: 20_000 });
      await page.getByRole('listbox', { name: votes }).focus();
      await page.evaluate(() => window.scrollTo(0, 0));
      await page.waitForTimeout(400);
      await page.screenshot({ path: 'docs/screenshot-meeting.png' });
    }
    await page.keyboard.press('Control+Enter');
    const confirm = page.getByRole('dialog', { name: `Déclarer le résultat du point ${n}` });
    await expect(confirm).toContainText(outcome);
    await confirm.getByRole('button', { name: 'Déclarer' }).click();
    await expect(confirm).toBeHidden();
    await expect(page.getByRole('status').filter({ hasText: outcome })).toBeVisible();
    // The projector shows the result, in French and Dutch, with no names.
    await expect(projector.getByText(outcome, { exact: true })).toBeVisible();
    await expect(projector.getByText(outcome === 'ADOPTÉE' ? 'AANGENOMEN' : 'VERWORPEN', { exact: true })).toBeVisible();
    await expect(projector.getByRole('meter', { name: 'Pour' })).toHaveAttribute('aria-valuetext', bars.for);
  };
  // Absolute majority: one against, one abstention.
  await vote(1, [['Koen Maes', 'c'], ['Tom Jacobs', 'a']], 'ADOPTÉE', { for: /5\s425 quotes-parts/, against: '525 quotes-parts' });
  // Two thirds: four against is too many (4 050 for, 2 425 against).
  await vote(2, [['Luc Janssens', 'c'], ['Claire Martin', 'c'], ['Isabelle Dubois', 'c'], ['Boulangerie Louise SRL', 'c']], 'REJETÉE', { for: /4\s050 quotes-parts/, against: /2\s425 quotes-parts/ });
  // Four fifths: one against (5 900 for, 575 against).
  await vote(3, [['Sarah Willems', 'c']], 'ADOPTÉE', { for: /5\s900 quotes-parts/, against: '575 quotes-parts' });

  await projector.setViewportSize({ width: 1600, height: 900 });
  await projector.waitForTimeout(400);
  await projector.screenshot({ path: 'docs/screenshot-projector.png' });
  expect(await projector.content()).not.toMatch(/Sarah Willems|Jean Dupont|Koen Maes/);

  // Closing, then the minutes with a remark, drafted in French and downloaded.
  await page.getByRole('button', { name: 'Lever la séance' }).click();
  await page.getByRole('dialog', { name: 'Lever la séance' }).getByRole('button', { name: 'Lever la séance' }).click();
  await expect(page.getByRole('heading', { name: 'Décisions' })).toBeVisible();
  await expect(projector.getByText('La séance est levée.')).toBeVisible();
  await page.getByLabel('Déclarations et remarques à consigner').fill('M. Maes demande que les comptes détaillés soient joints au procès-verbal.');
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Rédiger en français' }).click();
  const download = await downloading;
  const file = join(mkdtempSync(join(tmpdir(), 'koprogo-minutes-')), download.suggestedFilename());
  await download.saveAs(file);
  expect(readFileSync(file).subarray(0, 5).toString('latin1')).toBe('%PDF-');
  const text = execFileSync('pdftotext', ['-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/\s+/g, ' ');
  expect(text).toContain('Approbation des comptes 2025');
  expect(text).toContain('ADOPTÉE');
  expect(text).toContain('REJETÉE');
  for (const name of ['Maes', 'Janssens', 'Martin', 'Dubois', 'Boulangerie Louise SRL', 'Willems']) expect(text).toContain(name);
  expect(text).toContain('Jacobs'); // abstained
  expect(text).toContain('Syndic Démo SRL'); // the refused proxy, with its reason
  expect(text).toContain('M. Maes demande que les comptes détaillés soient joints');

  // The signatures screen lists the fields of the drafted minutes, none signed yet.
  await page.getByRole('tab', { name: 'Signatures' }).click();
  const fields = page.getByRole('table', { name: 'Champs de signature' });
  await expect(fields.getByRole('row', { name: /Président de séance — Jean Dupont/ })).toContainText('À signer');
  await expect(page.getByRole('button', { name: 'Archiver' })).toBeDisabled();

  // The chair signs with his eID card (a SoftHSM2 test card in the reader, its PIN typed in
  // the test-card options): the readers list both cards by holder; another holder's card
  // is flagged; the chair's card signs and the field shows it signed, intact.
  await page.getByRole('button', { name: 'Signer : Président de séance — Jean Dupont' }).click();
  const sign = page.getByRole('dialog', { name: 'Signer : Président de séance — Jean Dupont' });
  const readers = sign.getByRole('radiogroup', { name: 'Lecteur de cartes' });
  await expect(readers.getByRole('radio')).toHaveCount(2);
  // Whatever the readers' order, the chair's own card is the one chosen.
  await expect(readers.getByRole('radio', { name: /^Jean Dupont — / })).toBeChecked();
  await readers.getByRole('radio', { name: /^Marie Martin-Lefèvre — / }).check();
  await expect(sign.getByText('Ce n’est pas la carte du signataire attendu')).toBeVisible();
  await readers.getByRole('radio', { name: /^Jean Dupont — / }).check();
  await expect(sign.getByText('Ce n’est pas la carte du signataire attendu')).toBeHidden();
  await expect(page.getByText(/^Procès-verbal rédigé/)).toBeHidden(); // its notification gone, for the screenshot
  await page.screenshot({ path: 'docs/screenshot-signing.png' });
  await sign.getByText('Carte de test et options').click();
  await sign.getByLabel('Code PIN (cartes de test uniquement)').fill(process.env.KOPROGO_E2E_CARD_PIN ?? '');
  await sign.getByRole('button', { name: 'Signer', exact: true }).click();
  await expect(sign).toBeHidden({ timeout: 30_000 });
  await expect(page.getByText('Signé par Jean Dupont.')).toBeVisible();
  const chair = fields.getByRole('row', { name: /Président de séance — Jean Dupont/ });
  await expect(chair).toContainText('Document intact depuis la signature');
  // A test card does not chain to the Belgian roots shipped with the app: said, not hidden.
  await expect(chair).toContainText('Certificat non reconnu');
  await expect(page.getByRole('button', { name: 'Archiver' })).toBeDisabled(); // the secretary has not signed
});
