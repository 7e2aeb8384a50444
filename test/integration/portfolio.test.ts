import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BuildingSchema, AuditRecordSchema } from '../../src-main/db/entities/index.js';
import { DRIVERS } from '../support/drivers.js';
import { testApp, type TestApp } from '../support/app.js';

const building = {
  name: 'Résidence Test', address: { street: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' },
  bce: null, totalShares: 1000, bankAccounts: [{ iban: 'BE68 5390 0754 7034', label: 'Courant', purpose: 'working' as const }],
};
const person = (name: string, extra: Record<string, unknown> = {}) => ({
  kind: 'person' as const, name, firstName: 'Test', bce: null, language: 'fr' as const,
  address: { street: 'Rue Haute 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, email: null, emailConsent: false, phone: null, ...extra,
});

describe.each(DRIVERS)('portfolio on %s', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(driver);
  });
  afterAll(async () => app?.close());

  it('creates a building with its bank account, lists and finds it', async () => {
    const { id } = await app.admin('buildings.create', building);
    const list = await app.admin('buildings.list', { search: 'résidence' });
    expect(list.map((b) => b.name)).toContain('Résidence Test');
    const detail = await app.admin('buildings.get', { id });
    expect(detail.bankAccounts).toEqual([{ id: expect.any(Number), iban: 'BE68539007547034', label: 'Courant', purpose: 'working' }]);
    expect(detail.sharesCheck).toMatchObject({ balanced: false, sum: 0, total: 1000, difference: -1000 });
  });

  it('sorts the list the same way on both databases: names as people read them, lots by number', async () => {
    for (const name of ['résidence Zénith', 'Residentie Aa', 'Résidence 10', 'Résidence 9']) await app.admin('buildings.create', { ...building, name, bankAccounts: [] });
    const names = (await app.admin('buildings.list', { search: 'resid' })).map((b) => b.name).filter((n) => n !== 'Résidence Test');
    // Accents and case do not split the R's; numbers in names sort as numbers.
    expect(names.indexOf('Résidence 9')).toBeLessThan(names.indexOf('Résidence 10'));
    expect(names.indexOf('Résidence 10')).toBeLessThan(names.indexOf('résidence Zénith'));
    expect(names.indexOf('résidence Zénith')).toBeLessThan(names.indexOf('Residentie Aa'));
    const byLots = await app.admin('buildings.list', { sort: 'lotCount', direction: 'desc' });
    expect(byLots.map((b) => b.lotCount)).toEqual([...byLots.map((b) => b.lotCount)].sort((a, b) => b - a));
  });

  it('refuses a bad IBAN and BCE naming the field, and writes nothing', async () => {
    const before = await app.db.em().count(BuildingSchema, {});
    const r = await app.dispatcher.call('buildings.create', { ...building, bce: '0123.456.789', bankAccounts: [{ iban: 'BE68 5390 0754 7035' }] }, { cli: true });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.details?.problems?.map((p) => p.path?.join('.'))).toEqual(['bce', 'bankAccounts.0.iban']);
    expect(await app.db.em().count(BuildingSchema, {})).toBe(before);
  });

  it('refuses an IBAN that belongs to another building', async () => {
    const r = await app.dispatcher.call('buildings.create', { ...building, name: 'Autre' }, { cli: true });
    expect(r.ok || r.error).toMatchObject({ code: 'CONFLICT', details: { problems: [{ path: ['bankAccounts', 0, 'iban'], code: 'iban_taken' }] } });
  });

  it('tells which lots are off and by how much until the quote-parts add up', async () => {
    const { id } = await app.admin('buildings.create', { ...building, name: 'Quotités', bankAccounts: [] });
    await app.admin('lots.create', { buildingId: id, data: { number: '1', kind: 'apartment', floor: 1, shares: 600 } });
    const { id: cellar } = await app.admin('lots.create', { buildingId: id, data: { number: 'C1', kind: 'cellar', floor: -1, shares: 0 } });
    let check = (await app.admin('buildings.get', { id })).sharesCheck;
    expect(check).toMatchObject({ balanced: false, sum: 600, difference: -400, lotsOff: [{ lotId: cellar, number: 'C1', issue: 'zero_shares' }] });
    await app.admin('lots.update', { id: cellar, data: { number: 'C1', kind: 'cellar', floor: -1, shares: 400 } });
    check = (await app.admin('buildings.get', { id })).sharesCheck;
    expect(check).toMatchObject({ balanced: true, sum: 1000, difference: 0, lotsOff: [] });
  });

  it('refuses a second lot with the same number in a building', async () => {
    const { id } = await app.admin('buildings.create', { ...building, name: 'Doublons', bankAccounts: [] });
    await app.admin('lots.create', { buildingId: id, data: { number: 'A1', kind: 'apartment', floor: 0, shares: 10 } });
    const r = await app.dispatcher.call('lots.create', { buildingId: id, data: { number: 'A1', kind: 'garage', floor: 0, shares: 1 } }, { cli: true });
    expect(r.ok || r.error).toMatchObject({ code: 'CONFLICT', details: { problems: [{ path: ['number'], code: 'lot_number_taken' }] } });
  });

  it('a sale closes the ownership the day before and opens the next; joint owners must make a whole', async () => {
    const { id } = await app.admin('buildings.create', { ...building, name: 'Vente', bankAccounts: [] });
    const { id: lotId } = await app.admin('lots.create', { buildingId: id, data: { number: '2', kind: 'apartment', floor: 2, shares: 1000 } });
    const a = await app.admin('owners.create', person('Seller'));
    const b = await app.admin('owners.create', person('Buyer1'));
    const c = await app.admin('owners.create', person('Buyer2'));
    await app.admin('lots.transfer', { lotId, date: '2020-01-01', newOwners: [{ ownerId: a.id, fractionNum: 1, fractionDen: 1 }] });
    const bad = await app.dispatcher.call('lots.transfer', { lotId, date: '2024-05-01', newOwners: [{ ownerId: b.id, fractionNum: 1, fractionDen: 2 }, { ownerId: c.id, fractionNum: 1, fractionDen: 3 }] }, { cli: true });
    expect(bad.ok || bad.error).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'fractions_not_whole' } });
    await app.admin('lots.transfer', { lotId, date: '2024-05-01', newOwners: [{ ownerId: b.id, fractionNum: 1, fractionDen: 2 }, { ownerId: c.id, fractionNum: 1, fractionDen: 2 }] });
    const history = await app.admin('lots.history', { lotId });
    expect(history.map((h) => [h.ownerId, h.from, h.to])).toEqual([[b.id, '2024-05-01', null], [c.id, '2024-05-01', null], [a.id, '2020-01-01', '2024-04-30']]);
    const lot = (await app.admin('buildings.get', { id })).lots[0];
    expect(lot?.owners.map((o) => o.ownerId).sort()).toEqual([b.id, c.id].sort());
  });

  it('an owner agreeing to e-mail convocations needs an e-mail, and the consent date is kept', async () => {
    const r = await app.dispatcher.call('owners.create', person('NoMail', { emailConsent: true }), { cli: true });
    expect(r.ok || r.error).toMatchObject({ code: 'VALIDATION', details: { problems: [{ path: ['email'], code: 'email_required_for_consent' }] } });
    const { id } = await app.admin('owners.create', person('Mail', { email: 'mail@example.be', emailConsent: true }));
    const o = (await app.admin('owners.list', { search: 'Mail' })).find((x) => x.id === id);
    expect(o?.emailConsentAt).toMatch(/^\d{4}-/);
  });

  it('every change leaves an audit record with who and the values before and after', async () => {
    const { id } = await app.admin('buildings.create', { ...building, name: 'Audit', bankAccounts: [] });
    await app.admin('buildings.update', { id, data: { ...building, name: 'Audit 2', bankAccounts: [] } });
    const rows = await app.db.em().find(AuditRecordSchema, { entity: 'building', entityId: id }, { orderBy: { id: 'asc' } });
    expect(rows.map((r) => [r.action, r.actor])).toEqual([['building.create', 'cli'], ['building.update', 'cli']]);
    expect(rows[1]?.before).toMatchObject({ name: 'Audit' });
    expect(rows[1]?.after).toMatchObject({ name: 'Audit 2' });
  });
});

describe.each(DRIVERS)('permissions on %s', (driver) => {
  let app: TestApp;
  let bxl: number, other: number;
  beforeAll(async () => {
    app = await testApp(driver);
    bxl = (await app.admin('buildings.create', { ...building, name: 'Bxl', bankAccounts: [] })).id;
    other = (await app.admin('buildings.create', { ...building, name: 'Other', bankAccounts: [] })).id;
  });
  afterAll(async () => app?.close());

  it('refuses everything but sign-in without a session', async () => {
    const r = await app.as(undefined, 'buildings.list', {});
    expect(r.ok || r.error.code).toBe('UNAUTHENTICATED');
  });

  it('an accountant may edit, a council member only reads its own building', async () => {
    const acc = await app.signedIn('accountant');
    expect((await app.as(acc, 'lots.create', { buildingId: bxl, data: { number: 'X', kind: 'other', floor: null, shares: 1 } })).ok).toBe(true);
    const council = await app.signedIn('council', { buildingId: bxl });
    const list = await app.as(council, 'buildings.list', {});
    expect(list.ok && list.value.map((b) => b.id)).toEqual([bxl]);
    const denied = await app.as(council, 'buildings.get', { id: other });
    expect(denied.ok || denied.error.code).toBe('NOT_FOUND');
    const write = await app.as(council, 'buildings.update', { id: bxl, data: { ...building, name: 'Hacked', bankAccounts: [] } });
    expect(write.ok || write.error.code).toBe('FORBIDDEN');
  });

  it('an owner sees only its own lots', async () => {
    const mine = await app.admin('owners.create', person('Mine'));
    const theirs = await app.admin('owners.create', person('Theirs'));
    const l1 = await app.admin('lots.create', { buildingId: bxl, data: { number: 'M1', kind: 'apartment', floor: 1, shares: 1 } });
    const l2 = await app.admin('lots.create', { buildingId: bxl, data: { number: 'T1', kind: 'apartment', floor: 1, shares: 1 } });
    await app.admin('lots.transfer', { lotId: l1.id, date: '2021-01-01', newOwners: [{ ownerId: mine.id, fractionNum: 1, fractionDen: 1 }] });
    await app.admin('lots.transfer', { lotId: l2.id, date: '2021-01-01', newOwners: [{ ownerId: theirs.id, fractionNum: 1, fractionDen: 1 }] });
    const tok = await app.signedIn('owner', { ownerId: mine.id });
    const r = await app.as(tok, 'buildings.get', { id: bxl });
    expect(r.ok && r.value.lots.map((l) => l.number)).toEqual(['M1']);
    expect(r.ok && r.value.owners.map((o) => o.id)).toEqual([mine.id]);
    const owners = await app.as(tok, 'owners.list', {});
    expect(owners.ok && owners.value.map((o) => o.id)).toEqual([mine.id]);
  });

  it('only an admin manages users; a wrong password is refused and audited', async () => {
    const syn = await app.signedIn('syndic');
    const r = await app.as(syn, 'users.list', {});
    expect(r.ok || r.error.code).toBe('FORBIDDEN');
    const bad = await app.as(undefined, 'auth.signIn', { email: 'admin1@test.koprogo.be', password: 'nope' });
    expect(bad.ok || bad.error.details?.rule).toBe('bad_credentials');
    const audit = await app.db.em().find(AuditRecordSchema, { action: 'auth.signIn.failed' });
    expect(audit.length).toBeGreaterThan(0);
  });
});

describe.each(DRIVERS)('the syndic firm on %s', (driver) => {
  let app: TestApp;
  beforeAll(async () => {
    app = await testApp(driver);
  });
  afterAll(async () => app?.close());

  it('starts empty, is set once and read by any signed-in user; only an admin changes it', async () => {
    expect(await app.admin('firm.get', {})).toMatchObject({ name: '', address: null });
    await app.admin('firm.update', { name: 'Syndic SRL', bce: '0417.497.106', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, ipiNumber: '500.123', email: '', phone: null });
    const acc = await app.signedIn('accountant');
    const r = await app.as(acc, 'firm.get', {});
    expect(r).toMatchObject({ ok: true, value: { name: 'Syndic SRL', bce: '0417497106', email: null, address: { city: 'Bruxelles' } } });
    const denied = await app.as(acc, 'firm.update', { name: 'Mine' });
    expect(denied.ok || denied.error.code).toBe('FORBIDDEN');
  });
});

describe('my profile (SQLite)', () => {
  it('a user changes their own language; a rule naming a field is also given as a problem on that field', async () => {
    const app = await testApp('sqlite');
    const tok = await app.signedIn('accountant');
    const r = await app.as(tok, 'auth.updateProfile', { language: 'nl' });
    expect(r.ok && r.value.language).toBe('nl');
    const info = await app.as(tok, 'system.info', {});
    expect(info.ok && info.value.user?.language).toBe('nl');
    // A change of role takes effect on the next call (the roles cached for the session are dropped).
    const users = await app.admin('users.list', {});
    const me = users.find((u) => u.roles.some((r) => r.role === 'accountant'))!;
    expect((await app.as(tok, 'buildings.create', { name: 'X', address: { street: 'R', postalCode: '1000', city: 'B', country: 'BE' }, bce: null, totalShares: 1, bankAccounts: [] })).ok).toBe(true);
    await app.admin('users.update', { id: me.id, roles: [{ role: 'council', buildingId: 1, ownerId: null }] });
    const now = await app.as(tok, 'buildings.create', { name: 'Y', address: { street: 'R', postalCode: '1000', city: 'B', country: 'BE' }, bce: null, totalShares: 1, bankAccounts: [] });
    expect(now.ok || now.error.code).toBe('FORBIDDEN');
    const bad = await app.as(tok, 'auth.changePassword', { current: 'wrong password', next: 'a new long password' });
    expect(bad.ok || bad.error.details?.problems).toEqual([{ path: ['current'], code: 'bad_credentials', message: expect.any(String) }]);
    await app.close();
  });
});
