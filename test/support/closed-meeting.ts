import type { TestApp } from './app.js';

const address = { street: 'Rue des Tilleuls 12', postalCode: '1000', city: 'Bruxelles', country: 'BE' };

/**
 * A closed general assembly ready for its minutes: a building of four owners (250 shares
 * each), three present, one item voted, chaired by Jean Dupont with Marie Martin-Lefèvre as
 * secretary — the holders of the SoftHSM test cards (test/support/softhsm.ts).
 */
export async function closedMeeting(app: TestApp): Promise<{ assemblyId: number; voterKeys: string[] }> {
  await app.admin('firm.update', { name: 'Syndic Démo SRL', bce: null, address, ipiNumber: '504.321' });
  const b = (await app.admin('buildings.create', { name: 'Résidence Les Tilleuls', address, bce: null, totalShares: 1000, bankAccounts: [] })).id;
  const voterKeys: string[] = [];
  for (const [i, name] of ['Arnaud', 'Bosmans', 'Claes', 'Dupont'].entries()) {
    const o = await app.admin('owners.create', { kind: 'person', name, firstName: null, bce: null, language: 'fr', address, email: null, emailConsent: false, phone: null });
    const lot = await app.admin('lots.create', { buildingId: b, data: { number: `A${i + 1}`, kind: 'apartment', floor: i, shares: 250 } });
    await app.admin('lots.transfer', { lotId: lot.id, date: '2020-01-01', newOwners: [{ ownerId: o.id, fractionNum: 1, fractionDen: 1 }] });
    voterKeys.push(`o${o.id}`);
  }
  const assemblyId = (await app.admin('ag.create', { buildingId: b, kind: 'ordinary', place: 'Salle des fêtes', scheduledAt: '2026-03-20T18:00:00+01:00', convocationDate: '2026-03-02' })).id;
  const item = (await app.admin('ag.saveItem', { assemblyId, title: 'Approbation des comptes', majorityRule: 'absolute' })).id;
  for (const k of voterKeys.slice(0, 3)) await app.admin('ag.checkIn', { assemblyId, voterKey: k, mode: 'present' });
  await app.admin('ag.open', { assemblyId, chair: 'Jean Dupont', secretary: 'Marie Martin-Lefèvre' });
  await app.admin('ag.startVote', { itemId: item });
  await app.admin('ag.vote', { itemId: item, all: 'for', votes: [{ voterKey: voterKeys[1]!, choice: 'against' }] });
  await app.admin('ag.declare', { itemId: item });
  await app.admin('ag.close', { assemblyId });
  return { assemblyId, voterKeys };
}
