import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DRIVERS } from '../support/drivers.js';
import { testApp, type TestApp } from '../support/app.js';

const NOW = new Date('2026-03-01T09:00:00Z');
const person = (name: string) => ({ kind: 'person' as const, name, firstName: null, bce: null, language: 'fr' as const, address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, email: null, emailConsent: false, phone: null });

describe.each(DRIVERS)('general assembly on %s', (driver) => {
  let app: TestApp;
  let b: number;
  const units: string[] = [];
  beforeAll(async () => {
    app = await testApp(driver, () => NOW);
    b = (await app.admin('buildings.create', { name: 'Résidence AG', address: { street: 'Rue 1', postalCode: '1000', city: 'Bruxelles', country: 'BE' }, bce: null, totalShares: 1000, bankAccounts: [] })).id;
    // Ten lots of 100: nine owners alone, the tenth held jointly by two owners.
    const names = ['Arnaud', 'Bosmans', 'Claes', 'Dupont', 'Evrard', 'Fontaine', 'Goossens', 'Hermans', 'Istace', 'Jacobs', 'Kinet'];
    const ids: number[] = [];
    for (const n of names) ids.push((await app.admin('owners.create', person(n))).id);
    for (let i = 0; i < 10; i++) {
      const lot = await app.admin('lots.create', { buildingId: b, data: { number: `${i + 1}`, kind: 'apartment', floor: i, shares: 100 } });
      const newOwners = i < 9 ? [{ ownerId: ids[i]!, fractionNum: 1, fractionDen: 1 }] : [{ ownerId: ids[9]!, fractionNum: 1, fractionDen: 2 }, { ownerId: ids[10]!, fractionNum: 1, fractionDen: 2 }];
      await app.admin('lots.transfer', { lotId: lot.id, date: '2020-01-01', newOwners });
    }
    for (let i = 0; i < 9; i++) units.push(`o${ids[i]}`);
    units.push(`j${ids[9]}-${ids[10]}`);
  });
  afterAll(async () => app?.close());

  it('prepares a meeting: voters per lot ownership, a majority per item with its article, and checks', async () => {
    const { id } = await app.admin('ag.create', { buildingId: b, kind: 'ordinary', place: 'Salle des fêtes', scheduledAt: '2026-03-20T18:00:00+01:00', convocationDate: '2026-03-10' });
    await app.admin('ag.saveItem', { assemblyId: id, title: 'Approbation des comptes', majorityRule: 'absolute' });
    await app.admin('ag.saveItem', { assemblyId: id, title: 'Ravalement de façade', majorityRule: 'works_common' });
    await app.admin('ag.saveItem', { assemblyId: id, title: 'Nouvelle répartition des quotités', majorityRule: 'quota_change' });
    const ag = await app.admin('ag.get', { id });
    expect(ag.voters).toHaveLength(10);
    expect(ag.voters.find((v) => v.key === units[9])).toMatchObject({ name: 'Jacobs & Kinet', shares: 100, lots: ['10'] });
    expect(ag.items.map((i) => i.majority)).toEqual(['absolute', 'twoThirds', 'unanimity']);
    expect(ag.checks.map((c) => c.code)).toContain('convocation_too_late');
    expect(ag.status).toBe('convened');
  });

  it('runs the meeting: proxies checked live, quorum frozen at the opening, fast votes with undo, results declared and locked', async () => {
    const { id } = await app.admin('ag.create', { buildingId: b, kind: 'ordinary', place: 'Salle', scheduledAt: '2026-04-20T18:00:00+02:00', convocationDate: '2026-04-01' });
    const i1 = (await app.admin('ag.saveItem', { assemblyId: id, title: 'Comptes', majorityRule: 'absolute' })).id;
    const i2 = (await app.admin('ag.saveItem', { assemblyId: id, title: 'Façade', majorityRule: 'works_common' })).id;
    const i3 = (await app.admin('ag.saveItem', { assemblyId: id, title: 'Quotités', majorityRule: 'quota_change' })).id;
    for (const k of units.slice(0, 6)) await app.admin('ag.checkIn', { assemblyId: id, voterKey: k, mode: 'present' });
    const valid = await app.admin('ag.checkIn', { assemblyId: id, voterKey: units[6]!, mode: 'proxy', holder: units[0]! });
    expect(valid.proxy).toEqual({ valid: true });
    const refused = await app.admin('ag.checkIn', { assemblyId: id, voterKey: units[7]!, mode: 'proxy', holder: { name: 'Syndic Démo SRL', syndic: true } });
    expect(refused.proxy).toEqual({ valid: false, reason: 'syndic_cannot_be_proxy' });
    const absentHolder = await app.admin('ag.checkIn', { assemblyId: id, voterKey: units[8]!, mode: 'proxy', holder: units[9]! });
    expect(absentHolder.proxy).toEqual({ valid: false, reason: 'holder_not_present' });
    expect(absentHolder.quorum).toMatchObject({ reached: true, rule: 'double', owners: { represented: 7, total: 10 }, shares: { represented: 700 } });

    const opened = await app.admin('ag.open', { assemblyId: id, chair: 'M. Arnaud', secretary: 'Syndic Démo SRL' });
    expect(opened).toMatchObject({ status: 'open', quorum: { reached: true, rule: 'double' } });

    const events: unknown[] = [];
    const unsubscribe = app.services.events.subscribe((name, payload) => name === 'tally-updated' && events.push(payload));
    await app.admin('ag.startVote', { itemId: i1 });
    let r = await app.admin('ag.vote', { itemId: i1, all: 'for', votes: [{ voterKey: units[1]!, choice: 'against' }, { voterKey: units[2]!, choice: 'abstain' }] });
    expect(r).toMatchObject({ resolution: { for: 500, against: 100, abstain: 100, outcome: 'adopted' }, against: ['Bosmans'], abstained: ['Claes'], represented: 7, votesRecorded: 7 });
    r = await app.admin('ag.vote', { itemId: i1, votes: [{ voterKey: units[3]!, choice: 'against' }] });
    expect(r.resolution).toMatchObject({ for: 400, against: 200 });
    r = await app.admin('ag.undo', { itemId: i1 });
    expect(r.resolution).toMatchObject({ for: 500, against: 100 });
    const outsider = await app.dispatcher.call('ag.vote', { itemId: i1, votes: [{ voterKey: units[8]!, choice: 'for' }] }, { cli: true });
    expect(outsider.ok || outsider.error).toMatchObject({ details: { rule: 'voter_not_represented', path: ['votes', 0, 'voterKey'] } });
    await app.admin('ag.declare', { itemId: i1 });
    const locked = await app.dispatcher.call('ag.vote', { itemId: i1, all: 'against' }, { cli: true });
    expect(locked.ok || locked.error).toMatchObject({ details: { rule: 'result_declared' } });
    expect(events.length).toBeGreaterThanOrEqual(4);
    unsubscribe();

    // A late arrival counts from item 2 on.
    await app.admin('ag.checkIn', { assemblyId: id, voterKey: units[9]!, mode: 'present', fromItem: 2 });
    await app.admin('ag.startVote', { itemId: i2 });
    r = await app.admin('ag.vote', { itemId: i2, all: 'for', votes: [{ voterKey: units[1]!, choice: 'against' }, { voterKey: units[2]!, choice: 'against' }] });
    // Represented at item 2: six present, the valid proxy, the late arrival, and the proxy it now holds → 900.
    expect(r.resolution).toMatchObject({ for: 700, against: 200, outcome: 'adopted' });
    expect(r.represented).toBe(9);
    await app.admin('ag.declare', { itemId: i2 });

    // Unanimity in a first session: an absent owner makes it fail, and says so.
    await app.admin('ag.startVote', { itemId: i3 });
    r = await app.admin('ag.vote', { itemId: i3, all: 'for' });
    expect(r.resolution).toMatchObject({ outcome: 'rejected', failedOnlyByAbsentees: true });
    await app.admin('ag.declare', { itemId: i3 });
    await app.admin('ag.close', { assemblyId: id });
    const ag = await app.admin('ag.get', { id });
    expect(ag.items.map((i) => [i.status, i.result?.resolution.outcome])).toEqual([['declared', 'adopted'], ['declared', 'adopted'], ['declared', 'rejected']]);
    expect(ag.voters.find((v) => v.key === units[7])?.proxy).toEqual({ valid: false, reason: 'syndic_cannot_be_proxy' });
  });

  it('the projector shows the current item without personal data, only with its key', async () => {
    const { id } = await app.admin('ag.create', { buildingId: b, kind: 'extraordinary', place: 'Salle', scheduledAt: '2026-05-20T18:00:00+02:00', convocationDate: '2026-05-01' });
    const item = (await app.admin('ag.saveItem', { assemblyId: id, title: 'Ascenseur', majorityRule: 'works_common' })).id;
    for (const k of units.slice(0, 8)) await app.admin('ag.checkIn', { assemblyId: id, voterKey: k, mode: 'present' });
    await app.admin('ag.open', { assemblyId: id, chair: 'A', secretary: 'B' });
    await app.admin('ag.startVote', { itemId: item });
    await app.admin('ag.vote', { itemId: item, all: 'for', votes: [{ voterKey: units[0]!, choice: 'against' }] });
    const { projectorKey } = await app.admin('ag.get', { id });
    const view = await app.as(undefined, 'ag.projector', { assemblyId: id, key: projectorKey });
    expect(view.ok && view.value.item).toEqual({ position: 1, title: 'Ascenseur', majority: 'twoThirds', status: 'voting', for: 700, against: 100, abstain: 0, threshold: { num: 2, den: 3, strict: false }, outcome: null });
    expect(JSON.stringify(view)).not.toMatch(/Arnaud|Bosmans|Dupont/);
    const wrong = await app.as(undefined, 'ag.projector', { assemblyId: id, key: 'x'.repeat(32) });
    expect(wrong.ok || wrong.error.code).toBe('NOT_FOUND');
  });

  it('a failed quorum is recorded; the second session comes at least 15 days later and deliberates whatever the attendance', async () => {
    const { id } = await app.admin('ag.create', { buildingId: b, kind: 'ordinary', place: 'Salle', scheduledAt: '2026-06-10T18:00:00+02:00', convocationDate: '2026-05-20' });
    const item = (await app.admin('ag.saveItem', { assemblyId: id, title: 'Budget', majorityRule: 'absolute' })).id;
    for (const k of units.slice(0, 2)) await app.admin('ag.checkIn', { assemblyId: id, voterKey: k, mode: 'present' });
    const opened = await app.admin('ag.open', { assemblyId: id, chair: 'A', secretary: 'B' });
    expect(opened).toMatchObject({ status: 'failed', quorum: { reached: false, rule: 'none' } });
    const vote = await app.dispatcher.call('ag.startVote', { itemId: item }, { cli: true });
    expect(vote.ok || vote.error).toMatchObject({ details: { rule: 'meeting_not_open' } });
    const soon = await app.dispatcher.call('ag.secondSession', { assemblyId: id, scheduledAt: '2026-06-20T18:00:00+02:00', place: 'Salle' }, { cli: true });
    expect(soon.ok || soon.error).toMatchObject({ details: { rule: 'second_session_too_soon' } });
    const second = await app.admin('ag.secondSession', { assemblyId: id, scheduledAt: '2026-06-26T18:00:00+02:00', place: 'Salle', convocationDate: '2026-06-11' });
    const ag2 = await app.admin('ag.get', { id: second.id });
    expect(ag2).toMatchObject({ session: 'second', firstSessionId: id, items: [{ title: 'Budget', status: 'pending' }] });
    await app.admin('ag.checkIn', { assemblyId: second.id, voterKey: units[0]!, mode: 'present' });
    const open2 = await app.admin('ag.open', { assemblyId: second.id, chair: 'A', secretary: 'B' });
    expect(open2).toMatchObject({ status: 'open', quorum: { reached: true, rule: 'secondSession' } });
  });

  it('a meeting cannot open while the quote-parts do not add up', async () => {
    const other = (await app.admin('buildings.create', { name: 'Bancal', address: { street: 'R', postalCode: '1000', city: 'B', country: 'BE' }, bce: null, totalShares: 1000, bankAccounts: [] })).id;
    const o = await app.admin('owners.create', person('Seul'));
    const lot = await app.admin('lots.create', { buildingId: other, data: { number: '1', kind: 'apartment', floor: 0, shares: 900 } });
    await app.admin('lots.transfer', { lotId: lot.id, date: '2020-01-01', newOwners: [{ ownerId: o.id, fractionNum: 1, fractionDen: 1 }] });
    const { id } = await app.admin('ag.create', { buildingId: other, kind: 'ordinary', place: 'S', scheduledAt: '2026-07-01T18:00:00+02:00', convocationDate: '2026-06-01' });
    const r = await app.dispatcher.call('ag.open', { assemblyId: id, chair: 'A', secretary: 'B' }, { cli: true });
    expect(r.ok || r.error).toMatchObject({ code: 'DOMAIN_RULE', details: { rule: 'shares_unbalanced' } });
  });
});
