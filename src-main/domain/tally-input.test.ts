import { describe, expect, it } from 'vitest';
import { parseTallyInput } from './tally-input.js';

const valid = () => ({
  session: 'first',
  totalShares: 1000,
  owners: [
    { id: 'o1', name: 'Dupont', shares: 400 },
    { id: 'o2', name: 'Peeters', shares: 350 },
    { id: 'o3', name: 'Janssens', shares: 250 },
  ],
  people: [{ id: 's', name: 'Syndic SRL', role: 'syndic' }, { id: 'p1', name: 'Mme Martin' }],
  attendance: [{ owner: 'o1', present: true }, { owner: 'o2', proxyHolder: 'p1' }] as Record<string, unknown>[],
  resolutions: [{ id: 'r1', majority: 'absolute', votes: { o1: 'for', o2: 'against' } }] as { id: string; majority: string; votes: Record<string, unknown> }[],
});
type Input = ReturnType<typeof valid>;

const problemsOf = (edit: (i: Input) => unknown) => {
  const input = valid();
  const json = edit(input) ?? input;
  const r = parseTallyInput(JSON.parse(JSON.stringify(json)));
  return r.ok ? [] : r.problems;
};

describe('parseTallyInput', () => {
  it('accepts the example of the spec and returns it typed', () => {
    const r = parseTallyInput(valid());
    expect(r).toEqual({ ok: true, value: valid() });
  });

  it('people is optional; unknown keys are ignored', () => {
    const input: Record<string, unknown> = { ...valid(), note: 'x' };
    delete input.people;
    input.attendance = [{ owner: 'o1', present: true }];
    const r = parseTallyInput(input);
    expect(r.ok).toBe(true);
    if (r.ok) expect(r.value).not.toHaveProperty('note');
  });

  it.each<[string, (i: Input) => unknown, string]>([
    ['a duplicate owner id', (i) => void i.owners.push({ id: 'o1', name: 'x', shares: 1 }), 'owners[3].id: duplicate owner id "o1" (already owners[0])'],
    ['a duplicate person id', (i) => void i.people.push({ id: 'p1', name: 'x' }), 'people[2].id: duplicate person id "p1" (already people[1])'],
    ['an id both owner and person', (i) => void i.people.push({ id: 'o3', name: 'x' }), 'people[2].id: "o3" is already an owner id (owners[2])'],
    ['a zero totalShares', (i) => void (i.totalShares = 0), 'totalShares: must be a positive integer, got 0'],
    ['a string totalShares', (i) => ({ ...i, totalShares: '1000' }), 'totalShares: must be a positive integer, got the string "1000"'],
    ['a fractional totalShares', (i) => void (i.totalShares = 999.5), 'totalShares: must be a positive integer, got 999.5'],
    ['a unsafe totalShares', (i) => void (i.totalShares = 2 ** 53), `totalShares: must be a positive integer, got ${2 ** 53}`],
    ['shares of 0', (i) => void (i.owners[1]!.shares = 0), 'owners[1].shares: must be a positive integer, got 0'],
    ['negative shares', (i) => void (i.owners[1]!.shares = -350), 'owners[1].shares: must be a positive integer, got -350'],
    ['shares not summing to totalShares', (i) => void (i.owners[2]!.shares = 240), "totalShares: 1000 but the owners' shares sum to 990"],
    ['an attendance entry for an unknown owner', (i) => void i.attendance.push({ owner: 'o9', present: true }), 'attendance[2].owner: unknown owner "o9"'],
    ['an attendance entry for a person', (i) => void i.attendance.push({ owner: 'p1', present: true }), 'attendance[2].owner: unknown owner "p1"'],
    ['a vote by an unknown owner', (i) => void (i.resolutions[0]!.votes.o4 = 'for'), 'resolutions[0].votes.o4: unknown owner'],
    ['a vote by a person', (i) => void (i.resolutions[0]!.votes.p1 = 'for'), 'resolutions[0].votes.p1: unknown owner'],
    ['an unknown proxy holder', (i) => void (i.attendance[1]!.proxyHolder = 'x'), 'attendance[1].proxyHolder: unknown holder "x" (neither an owner nor a person)'],
    ['an unknown session', (i) => void (i.session = 'third'), 'session: unknown session "third" (expected "first" or "second")'],
    ['a missing session', (i) => ({ ...i, session: undefined }), 'session: must be "first" or "second", got missing'],
    ['an unknown majority', (i) => void (i.resolutions[0]!.majority = 'simple'), 'resolutions[0].majority: unknown majority "simple" (expected absolute, twoThirds, fourFifths or unanimity)'],
    ['an unknown vote value', (i) => void (i.resolutions[0]!.votes.o1 = 'yes'), 'resolutions[0].votes.o1: unknown vote "yes" (expected for, against or abstain)'],
    ['a non-string vote', (i) => void (i.resolutions[0]!.votes.o1 = true), 'resolutions[0].votes.o1: must be "for", "against" or "abstain", got true'],
    ['an owner listed twice in attendance', (i) => void i.attendance.push({ owner: 'o1', proxyHolder: 'p1' }), 'attendance[2].owner: owner "o1" is already listed in attendance[0]'],
    ['a non-boolean present', (i) => void (i.attendance[0]!.present = 'yes'), 'attendance[0].present: must be true or false, got the string "yes"'],
    ['a null proxy holder', (i) => void (i.attendance[1]!.proxyHolder = null), 'attendance[1].proxyHolder: must be an owner or person id, got null'],
    ['owners not an array', (i) => ({ ...i, owners: {}, attendance: [], resolutions: [] }), 'owners: must be an array, got an object'],
    ['a missing attendance', (i) => ({ ...i, attendance: undefined }), 'attendance: must be an array, got missing'],
    ['votes not an object', (i) => void ((i.resolutions[0] as { votes: unknown }).votes = ['o1']), 'resolutions[0].votes: must be an object of owner id → vote, got an array'],
    ['a numeric owner id', (i) => void ((i.owners[2] as { id: unknown }).id = 3), 'owners[2].id: must be a string, got 3'],
    ['a non-string name', (i) => void ((i.owners[0] as { name: unknown }).name = 1), 'owners[0].name: must be a string, got 1'],
  ])('refuses %s', (_label, edit, expected) => {
    expect(problemsOf(edit)).toContain(expected);
  });

  it('refuses a non-object input', () => {
    expect(parseTallyInput([])).toEqual({ ok: false, problems: ['(input): must be a JSON object, got an array'] });
  });

  it('reports all the problems, in document order, one per violation', () => {
    const problems = problemsOf((i) => {
      i.session = 'third';
      i.owners[1]!.shares = 0;
      i.people.push({ id: 'o1', name: 'x' });
      i.attendance.push({ owner: 'o9', present: true }, { owner: 'o1', present: true });
      i.resolutions.push({ id: 'r2', majority: 'simple', votes: { o4: 'yes' } });
    });
    expect(problems).toEqual([
      'session: unknown session "third" (expected "first" or "second")',
      'owners[1].shares: must be a positive integer, got 0',
      'people[2].id: "o1" is already an owner id (owners[0])',
      'attendance[2].owner: unknown owner "o9"',
      'attendance[3].owner: owner "o1" is already listed in attendance[0]',
      'resolutions[1].majority: unknown majority "simple" (expected absolute, twoThirds, fourFifths or unanimity)',
      'resolutions[1].votes.o4: unknown owner',
      'resolutions[1].votes.o4: unknown vote "yes" (expected for, against or abstain)',
    ]);
  });

  it('quotes an id that is not a plain name in a path', () => {
    expect(problemsOf((i) => void (i.resolutions[0]!.votes['Mme Dupont'] = 'for'))).toEqual(['resolutions[0].votes["Mme Dupont"]: unknown owner']);
  });

  it('keeps an owner id "__proto__" as data', () => {
    const json = JSON.parse(`{"session":"second","totalShares":10,"owners":[{"id":"__proto__","shares":10}],
      "attendance":[{"owner":"__proto__","present":true}],"resolutions":[{"id":"r","majority":"absolute","votes":{"__proto__":"for"}}]}`);
    const r = parseTallyInput(json);
    expect(r.ok).toBe(true);
    if (r.ok) expect(Object.keys(r.value.resolutions[0]!.votes)).toEqual(['__proto__']);
  });
});
