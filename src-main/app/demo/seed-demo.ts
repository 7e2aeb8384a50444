import type { Dispatcher } from '../dispatch.js';
import type { OpInput, OpOutput, OperationName } from '../../../src-shared/contract/index.js';
import { UserSchema } from '../../db/entities/index.js';
import { seedDemoFinance } from './seed-demo-finance.js';

/** Password of every demo user (README): only for the demo database. */
export const DEMO_PASSWORD = 'koprogo-demo';
export const DEMO_USERS = [
  { email: 'admin@demo.koprogo.be', displayName: 'Admin Démo', role: 'admin' },
  { email: 'syndic@demo.koprogo.be', displayName: 'Sophie Lambert (syndic)', role: 'syndic' },
  { email: 'comptable@demo.koprogo.be', displayName: 'Marc Dubois (comptable)', role: 'accountant' },
  { email: 'boekhouder@demo.koprogo.be', displayName: 'Els Vermeulen (boekhouder)', role: 'accountant', language: 'nl' },
] as const;

async function call<N extends OperationName>(d: Dispatcher, name: N, input: OpInput<N>): Promise<OpOutput<N>> {
  const r = await d.call(name, input, { cli: true });
  if (!r.ok) throw new Error(`seed-demo: ${name} failed: ${r.error.message} ${JSON.stringify(r.error.details ?? {})}`);
  return r.value as OpOutput<N>;
}

const BXL_OWNERS: [string, string, string][] = [
  ['Dupont', 'Jean', 'fr'], ['Peeters', 'An', 'nl'], ['Janssens', 'Luc', 'nl'], ['Martin', 'Claire', 'fr'], ['Lambert', 'Pierre', 'fr'],
  ['Dubois', 'Isabelle', 'fr'], ['Maes', 'Koen', 'nl'], ['Leclercq', 'Nathalie', 'fr'], ['Jacobs', 'Tom', 'nl'], ['Willems', 'Sarah', 'nl'],
  ['Laurent', 'Michel', 'fr'], ['Goossens', 'Eva', 'nl'], ['Simon', 'François', 'fr'], ['Renard', 'Anne', 'fr'], ['Mertens', 'Bart', 'nl'],
  ['Hermans', 'Lotte', 'nl'], ['Fontaine', 'Olivier', 'fr'], ['Claes', 'Ines', 'nl'], ['Lemaire', 'Julie', 'fr'], ['Wouters', 'Pieter', 'nl'],
];
const GENT_OWNERS: [string, string][] = [
  ['De Smet', 'Jan'], ['Van den Broeck', 'Lies'], ['Vandenberghe', 'Wim'], ['De Vos', 'Katrien'], ['Verhoeven', 'Stijn'], ['Desmet', 'Hanne'],
];

/**
 * A realistic demo: "Résidence Les Tilleuls" in Ixelles (24 lots: flats, a shop,
 * parkings and cellars, 10 000 quote-parts) and "Residentie Leie" in Ghent (8 lots,
 * Dutch-speaking owners, 1 000 quote-parts), with demo users of every firm role.
 * Idempotent: does nothing when the database already has users.
 */
export async function seedDemo(d: Dispatcher): Promise<{ created: boolean; buildings: number[] }> {
  const em = d.services.db.em();
  if ((await em.count(UserSchema, {})) > 0) return { created: false, buildings: [] };
  await call(d, 'firm.update', {
    name: 'Syndic Démo SRL', bce: '0314.159.244', ipiNumber: '512.345',
    address: { street: 'Rue de la Loi 16', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, email: 'info@syndic-demo.example.be', phone: '+32 2 123 45 67',
  });
  for (const u of DEMO_USERS) {
    await call(d, 'users.create', { email: u.email, displayName: u.displayName, language: 'language' in u ? u.language : 'fr', password: DEMO_PASSWORD, roles: [{ role: u.role, buildingId: null, ownerId: null }] });
  }

  const bxl = await call(d, 'buildings.create', {
    name: 'Résidence Les Tilleuls', address: { street: 'Avenue Louise 231', postalCode: '1050', city: 'Ixelles', country: 'BE' },
    bce: '0850.123.440', totalShares: 10000,
    bankAccounts: [
      { iban: 'BE68 5390 0754 7034', label: 'Compte courant', purpose: 'working' },
      { iban: 'BE71 0961 2345 6769', label: 'Fonds de réserve', purpose: 'reserve' },
    ],
  });
  const ownerIds: number[] = [];
  for (const [i, [name, firstName, lang]] of BXL_OWNERS.entries()) {
    const email = i % 3 === 2 ? null : `${firstName.toLowerCase().normalize('NFD').replace(/[^a-z]/g, '')}.${name.toLowerCase().replace(/[^a-z]/g, '')}@example.be`;
    const o = await call(d, 'owners.create', {
      kind: 'person', name, firstName, bce: null, language: lang as 'fr' | 'nl',
      address: { street: i % 4 === 0 ? `Rue du Bailli ${10 + i}` : 'Avenue Louise 231', postalCode: '1050', city: 'Ixelles', country: 'BE' },
      email, emailConsent: email !== null && i % 2 === 0, phone: null,
    });
    ownerIds.push(o.id);
  }
  const company = await call(d, 'owners.create', {
    kind: 'company', name: 'Boulangerie Louise SRL', firstName: null, bce: '0417.497.106', language: 'fr',
    address: { street: 'Avenue Louise 231', postalCode: '1050', city: 'Ixelles', country: 'BE' }, email: 'gerance@boulangerie-louise.example.be', emailConsent: true, phone: null,
  });
  // 16 flats over 8 floors (525 or 575), a shop (700), 4 parkings (75), 3 cellars (25).
  const lots: { number: string; kind: 'apartment' | 'commercial' | 'parking' | 'cellar'; floor: number | null; shares: number }[] = [];
  lots.push({ number: 'R.01', kind: 'commercial', floor: 0, shares: 700 });
  for (let floor = 1; floor <= 8; floor++) {
    lots.push({ number: `${floor}.A`, kind: 'apartment', floor, shares: 575 });
    lots.push({ number: `${floor}.B`, kind: 'apartment', floor, shares: 525 });
  }
  for (let p = 1; p <= 4; p++) lots.push({ number: `P${p}`, kind: 'parking', floor: -1, shares: 75 });
  for (let c = 1; c <= 3; c++) lots.push({ number: `C${c}`, kind: 'cellar', floor: -1, shares: 25 });
  // 700 + 8 × 1100 + 300 + 75 = 9875: the concierge flat completes 10 000.
  lots.push({ number: '0.C', kind: 'apartment', floor: 0, shares: 125 });
  let k = 0;
  for (const lot of lots) {
    const { id: lotId } = await call(d, 'lots.create', { buildingId: bxl.id, data: lot });
    if (lot.kind === 'commercial') {
      await call(d, 'lots.transfer', { lotId, date: '2015-06-01', newOwners: [{ ownerId: company.id, fractionNum: 1, fractionDen: 1 }] });
    } else if (lot.number === '3.A') {
      // Joint owners (indivision): half each.
      await call(d, 'lots.transfer', { lotId, date: '2012-09-15', newOwners: [{ ownerId: ownerIds[18] as number, fractionNum: 1, fractionDen: 2 }, { ownerId: ownerIds[19] as number, fractionNum: 1, fractionDen: 2 }] });
    } else {
      const owner = ownerIds[k++ % 18] as number;
      await call(d, 'lots.transfer', { lotId, date: `20${String(10 + (k % 14)).padStart(2, '0')}-0${1 + (k % 9)}-01`, newOwners: [{ ownerId: owner, fractionNum: 1, fractionDen: 1 }] });
    }
  }

  const gent = await call(d, 'buildings.create', {
    name: 'Residentie Leie', address: { street: 'Coupure Links 118', postalCode: '9000', city: 'Gent', country: 'BE' },
    bce: null, totalShares: 1000, bankAccounts: [{ iban: 'BE43 0689 9999 9501', label: 'Werkrekening', purpose: 'working' }],
  });
  const gentOwners: number[] = [];
  for (const [i, [name, firstName]] of GENT_OWNERS.entries()) {
    const o = await call(d, 'owners.create', {
      kind: 'person', name, firstName, bce: null, language: 'nl',
      address: { street: 'Coupure Links 118', postalCode: '9000', city: 'Gent', country: 'BE' },
      email: `${firstName.toLowerCase()}.${name.toLowerCase().replace(/[^a-z]/g, '')}@example.be`, emailConsent: i % 2 === 1, phone: null,
    });
    gentOwners.push(o.id);
  }
  const gentLots = [
    { number: '1', kind: 'apartment' as const, floor: 0, shares: 160 }, { number: '2', kind: 'apartment' as const, floor: 1, shares: 170 },
    { number: '3', kind: 'apartment' as const, floor: 1, shares: 170 }, { number: '4', kind: 'apartment' as const, floor: 2, shares: 180 },
    { number: '5', kind: 'apartment' as const, floor: 2, shares: 180 }, { number: '6', kind: 'apartment' as const, floor: 3, shares: 100 },
    { number: 'G1', kind: 'garage' as const, floor: -1, shares: 20 }, { number: 'G2', kind: 'garage' as const, floor: -1, shares: 20 },
  ];
  for (const [i, lot] of gentLots.entries()) {
    const { id: lotId } = await call(d, 'lots.create', { buildingId: gent.id, data: lot });
    await call(d, 'lots.transfer', { lotId, date: '2019-03-01', newOwners: [{ ownerId: gentOwners[i % gentOwners.length] as number, fractionNum: 1, fractionDen: 1 }] });
  }

  // A council member of the Brussels building and an owner account (read-only, own lots).
  await call(d, 'users.create', { email: 'conseil@demo.koprogo.be', displayName: 'Claire Martin (conseil)', language: 'fr', password: DEMO_PASSWORD, roles: [{ role: 'council', buildingId: bxl.id, ownerId: null }] });
  await call(d, 'users.create', { email: 'proprietaire@demo.koprogo.be', displayName: 'Jean Dupont', language: 'fr', password: DEMO_PASSWORD, roles: [{ role: 'owner', buildingId: null, ownerId: ownerIds[0] as number }] });

  const signIn = async (email: string) => {
    const r = await d.call('auth.signIn', { email, password: DEMO_PASSWORD });
    if (!r.ok) throw new Error(`seed-demo: sign-in of ${email} failed`);
    return (r.value as { sessionToken: string }).sessionToken;
  };
  const tokens = { accountant: await signIn('comptable@demo.koprogo.be'), syndic: await signIn('syndic@demo.koprogo.be') };
  await seedDemoFinance(d, { bxl: bxl.id, gent: gent.id }, tokens);
  for (const t of Object.values(tokens)) d.services.sessions.close(t);
  return { created: true, buildings: [bxl.id, gent.id] };
}
