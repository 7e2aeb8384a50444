import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { MAJORITIES, tally, type Majority, type TallyAttendance, type TallyInput, type TallyOutput, type VoteChoice } from './tally.js';

/** Owners o1..oN with the given shares; totalShares = their sum. */
function building(shares: number[], extra: Partial<TallyInput> = {}): TallyInput {
  return {
    session: 'first',
    totalShares: shares.reduce((s, v) => s + v, 0),
    owners: shares.map((s, i) => ({ id: `o${i + 1}`, name: `Owner ${i + 1}`, shares: s })),
    attendance: [],
    resolutions: [],
    ...extra,
  };
}
const present = (...ids: string[]): TallyAttendance[] => ids.map((owner) => ({ owner, present: true }));
const proxy = (owner: string, proxyHolder: string): TallyAttendance => ({ owner, proxyHolder });
const resolution = (votes: Record<string, VoteChoice>, majority: Majority = 'absolute', id = 'r1') => ({ id, majority, votes });

describe('the example of the spec', () => {
  const input = JSON.parse(`{
    "session": "first",
    "totalShares": 1000,
    "owners": [
      { "id": "o1", "name": "Dupont", "shares": 400 },
      { "id": "o2", "name": "Peeters", "shares": 350 },
      { "id": "o3", "name": "Janssens", "shares": 250 }
    ],
    "people": [ { "id": "s", "name": "Syndic SRL", "role": "syndic" },
                { "id": "p1", "name": "Mme Martin" } ],
    "attendance": [
      { "owner": "o1", "present": true },
      { "owner": "o2", "proxyHolder": "p1" }
    ],
    "resolutions": [
      { "id": "r1", "majority": "absolute",
        "votes": { "o1": "for", "o2": "against" } }
    ]
  }`) as TallyInput;
  const expected = JSON.parse(`{
    "quorum": { "reached": true, "rule": "double",
                "owners": { "represented": 2, "total": 3 },
                "shares": { "represented": 750, "total": 1000 } },
    "proxies": [ { "owner": "o2", "holder": "p1", "valid": true } ],
    "capped": [ { "participant": "o1", "shares": 400, "cappedTo": 350 } ],
    "resolutions": [
      { "id": "r1", "majority": "absolute", "for": 350, "against": 350, "abstain": 0,
        "outcome": "rejected" }
    ],
    "warnings": []
  }`) as TallyOutput;

  it('gives exactly the output of the spec, key order included', () => {
    const out = tally(input);
    expect(out).toStrictEqual(expected);
    expect(JSON.stringify(out)).toBe(JSON.stringify(expected));
  });
});

describe('rule 1 — proxies (art. 3.87 §7)', () => {
  it('accepts a proxy to a non-owner person', () => {
    const out = tally(building([500, 500], { people: [{ id: 'p1' }], attendance: [...present('o1'), proxy('o2', 'p1')] }));
    expect(out.proxies).toEqual([{ owner: 'o2', holder: 'p1', valid: true }]);
    expect(out.quorum.owners.represented).toBe(2);
  });

  it('refuses the syndic as mandatary: syndic_cannot_be_proxy, also when the syndic is an owner', () => {
    const input = building([300, 300, 400], {
      people: [{ id: 's', role: 'syndic' }],
      attendance: [...present('o3'), proxy('o1', 's'), proxy('o2', 'o3')],
    });
    input.owners[2]!.role = 'syndic';
    const out = tally(input);
    expect(out.proxies).toEqual([
      { owner: 'o1', holder: 's', valid: false, reason: 'syndic_cannot_be_proxy' },
      { owner: 'o2', holder: 'o3', valid: false, reason: 'syndic_cannot_be_proxy' },
    ]);
    // The syndic-owner still votes its own shares.
    expect(out.quorum.shares.represented).toBe(400);
  });

  it('checks the syndic role before presence (first failing check in the listed order)', () => {
    const input = building([300, 700], { attendance: [proxy('o1', 'o2')] });
    input.owners[1]!.role = 'syndic';
    expect(tally(input).proxies[0]?.reason).toBe('syndic_cannot_be_proxy');
  });

  it('refuses an owner-mandatary absent in person: holder_not_present, and the mandant is absent', () => {
    const out = tally(building([300, 300, 400], { attendance: [...present('o3'), proxy('o1', 'o2')], resolutions: [resolution({ o1: 'for', o3: 'against' })] }));
    expect(out.proxies).toEqual([{ owner: 'o1', holder: 'o2', valid: false, reason: 'holder_not_present' }]);
    expect(out.quorum.owners.represented).toBe(1);
    expect(out.warnings).toEqual([]); // quorum not reached (1 of 3, 400/1000): votes not examined
  });

  it('reads presence from the whole attendance, even when the holder is listed after', () => {
    const out = tally(building([300, 700], { attendance: [proxy('o1', 'o2'), ...present('o2')] }));
    expect(out.proxies).toEqual([{ owner: 'o1', holder: 'o2', valid: true }]);
  });

  it('a non-owner mandatary holding a proxy needs no presence check', () => {
    const out = tally(building([100, 900], { people: [{ id: 'p' }], attendance: [proxy('o1', 'p'), proxy('o2', 'p')] }));
    expect(out.proxies.every((p) => p.valid)).toBe(true);
  });

  it('accepts greedily: a 4th proxy over 10 % is refused, a later smaller one within 10 % is accepted', () => {
    // totalShares 1000; p (non-owner, 0 shares) gets mandants of 10, 10, 10, 80, 20.
    const input = building([10, 10, 10, 80, 20, 870], {
      people: [{ id: 'p' }],
      attendance: [...present('o6'), proxy('o1', 'p'), proxy('o2', 'p'), proxy('o3', 'p'), proxy('o4', 'p'), proxy('o5', 'p')],
    });
    const out = tally(input);
    expect(out.proxies).toEqual([
      { owner: 'o1', holder: 'p', valid: true },
      { owner: 'o2', holder: 'p', valid: true },
      { owner: 'o3', holder: 'p', valid: true },
      { owner: 'o4', holder: 'p', valid: false, reason: 'too_many_proxies' }, // 10 × (30 + 80) > 1000
      { owner: 'o5', holder: 'p', valid: true }, // 10 × (30 + 20) ≤ 1000
    ]);
  });

  it('counts the holder’s own shares in the 10 % test; exactly 10 % is allowed', () => {
    // o1 holds 40 and is present; mandants 10, 10, 10, then 30: 10 × (40 + 30 + 30) = 1000 ≤ 1000.
    const ok = tally(building([40, 10, 10, 10, 30, 900], {
      attendance: [...present('o1'), proxy('o2', 'o1'), proxy('o3', 'o1'), proxy('o4', 'o1'), proxy('o5', 'o1')],
    }));
    expect(ok.proxies.map((p) => p.valid)).toEqual([true, true, true, true]);
    // With 41 own shares (and 899 elsewhere) the 4th exceeds 10 %.
    const over = tally(building([41, 10, 10, 10, 30, 899], {
      attendance: [...present('o1'), proxy('o2', 'o1'), proxy('o3', 'o1'), proxy('o4', 'o1'), proxy('o5', 'o1')],
    }));
    expect(over.proxies[3]).toEqual({ owner: 'o5', holder: 'o1', valid: false, reason: 'too_many_proxies' });
  });

  it('lists proxies in input order, including invalid ones', () => {
    const out = tally(building([100, 100, 800], {
      people: [{ id: 's', role: 'syndic' }, { id: 'p' }],
      attendance: [proxy('o2', 'p'), ...present('o3'), proxy('o1', 's')],
    }));
    expect(out.proxies.map((p) => p.owner)).toEqual(['o2', 'o1']);
  });
});

describe('rule 8 — a present owner’s proxy is ignored', () => {
  it('counts the owner as present, does not list the proxy, and warns', () => {
    const out = tally(building([300, 300, 400], {
      people: [{ id: 'p' }],
      attendance: [{ owner: 'o1', present: true, proxyHolder: 'p' }, ...present('o2', 'o3')],
      resolutions: [resolution({ o1: 'for', o2: 'for', o3: 'for' })],
    }));
    expect(out.proxies).toEqual([]);
    expect(out.warnings).toEqual([{ code: 'proxy_ignored_owner_present', owner: 'o1' }]);
    expect(out.quorum.owners.represented).toBe(3);
    expect(out.resolutions[0]).toMatchObject({ for: 1000, outcome: 'adopted' });
  });

  it('warns even when the quorum is not reached (it is not a vote warning)', () => {
    const out = tally(building([100, 100, 800], {
      people: [{ id: 'p' }],
      attendance: [{ owner: 'o1', present: true, proxyHolder: 'p' }],
      resolutions: [resolution({ o1: 'for', o3: 'for' })],
    }));
    expect(out.quorum.reached).toBe(false);
    expect(out.warnings).toEqual([{ code: 'proxy_ignored_owner_present', owner: 'o1' }]);
  });

  it('ignores a vote of an owner who is not represented, per resolution', () => {
    const out = tally(building([350, 300, 350], {
      people: [{ id: 's', role: 'syndic' }],
      attendance: [...present('o1', 'o3'), proxy('o2', 's')],
      resolutions: [
        resolution({ o3: 'for', o2: 'against', o1: 'for' }, 'absolute', 'r1'),
        resolution({ o2: 'for' }, 'absolute', 'r2'),
      ],
    }));
    expect(out.warnings).toEqual([
      { code: 'vote_ignored_not_represented', owner: 'o2', resolution: 'r1' },
      { code: 'vote_ignored_not_represented', owner: 'o2', resolution: 'r2' },
    ]);
    expect(out.resolutions[0]).toMatchObject({ for: 700, against: 0, outcome: 'adopted' });
  });

  it('orders warnings: proxy warnings, then resolutions in input order, owners in the order of `owners`', () => {
    const out = tally(building([100, 100, 400, 400], {
      people: [{ id: 'p' }],
      attendance: [...present('o3'), { owner: 'o4', present: true, proxyHolder: 'p' }],
      resolutions: [resolution({ o2: 'for', o1: 'against' }, 'absolute', 'a'), resolution({ o1: 'for' }, 'absolute', 'b')],
    }));
    expect(out.quorum.rule).toBe('threeQuarters');
    expect(out.warnings).toEqual([
      { code: 'proxy_ignored_owner_present', owner: 'o4' },
      { code: 'vote_ignored_not_represented', owner: 'o1', resolution: 'a' },
      { code: 'vote_ignored_not_represented', owner: 'o2', resolution: 'a' },
      { code: 'vote_ignored_not_represented', owner: 'o1', resolution: 'b' },
    ]);
  });
});

describe('rule 3 — quorum (art. 3.87 §5)', () => {
  it('double: more than half the owners holding exactly half the shares', () => {
    const out = tally(building([250, 250, 100, 400], { attendance: present('o1', 'o2', 'o3') }));
    expect(out.quorum).toEqual({ reached: true, rule: 'double', owners: { represented: 3, total: 4 }, shares: { represented: 600, total: 1000 } });
    const half = tally(building([200, 200, 100, 500], { attendance: present('o1', 'o2', 'o3') }));
    expect(half.quorum).toMatchObject({ reached: true, rule: 'double', shares: { represented: 500 } });
  });

  it('exactly half of the owners is not "more than half"', () => {
    const out = tally(building([300, 300, 200, 200], { attendance: present('o1', 'o2') }));
    expect(out.quorum).toMatchObject({ reached: false, rule: 'none' });
  });

  it('more than half the owners but less than half the shares is not enough', () => {
    expect(tally(building([100, 100, 100, 700], { attendance: present('o1', 'o2', 'o3') })).quorum.rule).toBe('none');
  });

  it('threeQuarters: few owners holding more than 3/4 of the shares', () => {
    expect(tally(building([751, 83, 83, 83], { attendance: present('o1') })).quorum).toMatchObject({ reached: true, rule: 'threeQuarters' });
  });

  it('exactly 3/4 of the shares is not "more than 3/4"', () => {
    expect(tally(building([750, 84, 83, 83], { attendance: present('o1') })).quorum).toMatchObject({ reached: false, rule: 'none' });
  });

  it('prefers double when both rules hold', () => {
    expect(tally(building([400, 400, 200], { attendance: present('o1', 'o2') })).quorum.rule).toBe('double');
  });

  it('second session: always reached, even with nobody', () => {
    const out = tally(building([500, 500], { session: 'second', resolutions: [resolution({}), resolution({}, 'unanimity', 'r2')] }));
    expect(out.quorum).toEqual({ reached: true, rule: 'secondSession', owners: { represented: 0, total: 2 }, shares: { represented: 0, total: 1000 } });
    expect(out.resolutions).toEqual([
      { id: 'r1', majority: 'absolute', for: 0, against: 0, abstain: 0, outcome: 'rejected' },
      { id: 'r2', majority: 'unanimity', for: 0, against: 0, abstain: 0, outcome: 'rejected', failedOnlyByAbsentees: false },
    ]);
  });

  it('none: nothing deliberated, no vote examined, nothing capped', () => {
    const out = tally(building([600, 200, 200], {
      people: [{ id: 'p' }, { id: 's', role: 'syndic' }],
      attendance: [...present('o2'), proxy('o1', 's')],
      resolutions: [resolution({ o1: 'for', o2: 'for' }), resolution({ o2: 'for', o3: 'for' }, 'unanimity', 'r2'), resolution({}, 'twoThirds', 'r3')],
    }));
    expect(out).toEqual({
      quorum: { reached: false, rule: 'none', owners: { represented: 1, total: 3 }, shares: { represented: 200, total: 1000 } },
      proxies: [{ owner: 'o1', holder: 's', valid: false, reason: 'syndic_cannot_be_proxy' }],
      capped: [],
      resolutions: [
        { id: 'r1', majority: 'absolute', for: 0, against: 0, abstain: 0, outcome: 'not_deliberated' },
        { id: 'r2', majority: 'unanimity', for: 0, against: 0, abstain: 0, outcome: 'not_deliberated', failedOnlyByAbsentees: false },
        { id: 'r3', majority: 'twoThirds', for: 0, against: 0, abstain: 0, outcome: 'not_deliberated' },
      ],
      warnings: [],
    });
  });
});

describe('rules 4–5 — participants and the cap (art. 3.87 §7)', () => {
  it('a present owner casts its own shares and its mandants’, capped as one participant', () => {
    // o1 (300) holds o2 (300): W = 600, others o3 = 400 → capped to 400, factor 2/3.
    const out = tally(building([300, 300, 400], {
      attendance: [...present('o1', 'o3'), proxy('o2', 'o1')],
      resolutions: [resolution({ o1: 'for', o2: 'against', o3: 'abstain' })],
    }));
    expect(out.capped).toEqual([{ participant: 'o1', shares: 600, cappedTo: 400 }]);
    expect(out.resolutions[0]).toMatchObject({ for: 200, against: 200, abstain: 400, outcome: 'rejected' });
  });

  it('a non-owner mandatary is a participant casting its mandants’ shares', () => {
    const out = tally(building([350, 350, 300], {
      people: [{ id: 'p' }],
      attendance: [...present('o3'), proxy('o1', 'p'), proxy('o2', 'p')],
      resolutions: [resolution({ o1: 'for', o2: 'for', o3: 'against' })],
    }));
    expect(out.capped).toEqual([{ participant: 'p', shares: 700, cappedTo: 300 }]);
    expect(out.resolutions[0]).toMatchObject({ for: 300, against: 300, outcome: 'rejected' });
  });

  it('W = R − W is not capped', () => {
    const out = tally(building([500, 500], { attendance: present('o1', 'o2'), resolutions: [resolution({ o1: 'for', o2: 'against' })] }));
    expect(out.capped).toEqual([]);
    expect(out.resolutions[0]).toMatchObject({ for: 500, against: 500 });
  });

  it('alone in the room, a participant’s votes are reduced to 0 (the law has no exception)', () => {
    const out = tally(building([600, 400], {
      session: 'second',
      attendance: present('o1'),
      resolutions: [resolution({ o1: 'for' }), resolution({ o1: 'for' }, 'unanimity', 'u')],
    }));
    expect(out.capped).toEqual([{ participant: 'o1', shares: 600, cappedTo: 0 }]);
    expect(out.resolutions).toEqual([
      { id: 'r1', majority: 'absolute', for: 0, against: 0, abstain: 0, outcome: 'rejected' },
      // Unanimity is counted by owners: every represented owner voted for.
      { id: 'u', majority: 'unanimity', for: 0, against: 0, abstain: 0, outcome: 'adopted', failedOnlyByAbsentees: false },
    ]);
  });
});

describe('rule 6 — counting (art. 3.87 §8)', () => {
  it('a represented owner without a vote abstains; abstentions are not votes cast', () => {
    const out = tally(building([100, 50, 300, 250, 300], {
      attendance: present('o1', 'o2', 'o3', 'o4'),
      resolutions: [resolution({ o1: 'for', o2: 'against' })],
    }));
    expect(out.capped).toEqual([]);
    expect(out.resolutions[0]).toMatchObject({ for: 100, against: 50, abstain: 550, outcome: 'adopted' });
  });

  it('rounds half-up to 2 decimals at the end (1.005 → 1.01, 1.995 → 2, where floats fail)', () => {
    // p holds o1 (67) and o2 (133): W = 200 > 3 = o3 → factor 3/200.
    expect(Math.round(1.005 * 100) / 100).toBe(1); // the float trap this avoids
    const out = tally(building([67, 133, 3], {
      people: [{ id: 'p' }],
      attendance: [...present('o3'), proxy('o1', 'p'), proxy('o2', 'p')],
      resolutions: [resolution({ o1: 'for', o2: 'against', o3: 'abstain' })],
    }));
    expect(out.capped).toEqual([{ participant: 'p', shares: 200, cappedTo: 3 }]);
    expect(out.resolutions[0]).toMatchObject({ for: 1.01, against: 2, abstain: 3 });
  });

  it('rounds x.xx5 up for every sum (0.625 → 0.63, 4.375 → 4.38)', () => {
    const out = tally(building([1, 7, 5], {
      people: [{ id: 'p' }],
      attendance: [...present('o3'), proxy('o1', 'p'), proxy('o2', 'p')],
      resolutions: [resolution({ o1: 'for', o2: 'against', o3: 'abstain' })],
    }));
    expect(out.resolutions[0]).toMatchObject({ for: 0.63, against: 4.38, abstain: 5 });
  });

  it('decides on exact sums: 1 for vs 0.999 against is adopted although both show as 1', () => {
    const out = tally(building([1, 999, 1], {
      people: [{ id: 'p' }],
      attendance: [...present('o1'), proxy('o2', 'p'), proxy('o3', 'p')],
      resolutions: [resolution({ o1: 'for', o2: 'against', o3: 'abstain' })],
    }));
    expect(out.resolutions[0]).toMatchObject({ for: 1, against: 1, abstain: 0, outcome: 'adopted' });
  });
});

describe('rule 7 — outcomes (art. 3.87 §8, art. 3.88)', () => {
  /** Everyone present, each side split over owners of ≤ 100 shares so that no one is capped. */
  const votes = (forShares: number, againstShares: number, majority: Majority, abstain = 0) => {
    const shares: number[] = [];
    const v: Record<string, VoteChoice> = {};
    for (const [choice, total] of [['for', forShares], ['against', againstShares], ['abstain', abstain]] as const) {
      for (let left = total; left > 0; left -= 100) {
        shares.push(Math.min(100, left));
        v[`o${shares.length}`] = choice;
      }
    }
    const out = tally(building(shares, { attendance: present(...Object.keys(v)), resolutions: [resolution(v, majority)] }));
    expect(out.capped).toEqual([]);
    return out.resolutions[0]!;
  };

  it('absolute: F > A; a tie is rejected', () => {
    expect(votes(500, 400, 'absolute').outcome).toBe('adopted');
    expect(votes(450, 450, 'absolute').outcome).toBe('rejected');
  });

  it('twoThirds: 3F ≥ 2(F + A), exactly 2/3 adopted', () => {
    expect(votes(400, 200, 'twoThirds', 300).outcome).toBe('adopted');
    expect(votes(399, 200, 'twoThirds', 300).outcome).toBe('rejected');
  });

  it('fourFifths: 5F ≥ 4(F + A), exactly 4/5 adopted', () => {
    expect(votes(400, 100, 'fourFifths', 200).outcome).toBe('adopted');
    expect(votes(399, 100, 'fourFifths', 200).outcome).toBe('rejected');
  });

  it('qualified majorities need F > 0: nobody for and nobody against is rejected', () => {
    for (const majority of ['twoThirds', 'fourFifths'] as const) {
      const out = tally(building([500, 500], { attendance: present('o1', 'o2'), resolutions: [resolution({}, majority)] }));
      expect(out.resolutions[0]).toMatchObject({ for: 0, against: 0, abstain: 1000, outcome: 'rejected' });
      expect(out.resolutions[0]).not.toHaveProperty('failedOnlyByAbsentees');
    }
  });

  it('unanimity, first session: every owner represented and for', () => {
    const all = tally(building([400, 350, 250], {
      people: [{ id: 'p' }],
      attendance: [...present('o1', 'o2'), proxy('o3', 'p')],
      resolutions: [resolution({ o1: 'for', o2: 'for', o3: 'for' }, 'unanimity')],
    }));
    expect(all.resolutions[0]).toMatchObject({ outcome: 'adopted', failedOnlyByAbsentees: false });
  });

  it('unanimity, first session: failed only through absentees', () => {
    const out = tally(building([400, 350, 250], {
      attendance: present('o1', 'o2'),
      resolutions: [resolution({ o1: 'for', o2: 'for' }, 'unanimity')],
    }));
    // o1 (400) is capped to the 350 of o2: 350 + 350.
    expect(out.resolutions[0]).toEqual({ id: 'r1', majority: 'unanimity', for: 700, against: 0, abstain: 0, outcome: 'rejected', failedOnlyByAbsentees: true });
  });

  it('unanimity, first session: an against or an abstention (also a missing vote) is a real failure', () => {
    for (const v of [{ o1: 'for', o2: 'against' }, { o1: 'for', o2: 'abstain' }, { o1: 'for' }] as Record<string, VoteChoice>[]) {
      const out = tally(building([400, 350, 250], { attendance: present('o1', 'o2'), resolutions: [resolution(v, 'unanimity')] }));
      expect(out.resolutions[0]).toMatchObject({ outcome: 'rejected', failedOnlyByAbsentees: false });
    }
  });

  it('unanimity, second session: all represented owners for, absentees do not matter', () => {
    const out = tally(building([400, 350, 250], {
      session: 'second',
      attendance: present('o1'),
      resolutions: [resolution({ o1: 'for' }, 'unanimity', 'u1'), resolution({ o1: 'abstain' }, 'unanimity', 'u2')],
    }));
    expect(out.resolutions.map((r) => [r.outcome, r.failedOnlyByAbsentees])).toEqual([['adopted', false], ['rejected', false]]);
  });

  it('failedOnlyByAbsentees appears only on unanimity resolutions', () => {
    const out = tally(building([500, 500], {
      attendance: present('o1', 'o2'),
      resolutions: MAJORITIES.map((m) => resolution({ o1: 'for', o2: 'for' }, m, m)),
    }));
    expect(out.resolutions.map((r) => 'failedOnlyByAbsentees' in r)).toEqual([false, false, false, true]);
    expect(out.resolutions.every((r) => r.outcome === 'adopted')).toBe(true);
  });

  it('ignores owners whose id is an Object.prototype name when they did not vote', () => {
    const input = building([500, 500], { attendance: present('o1', 'o2'), resolutions: [resolution({ o1: 'for' }, 'unanimity')] });
    input.owners[1]!.id = 'constructor';
    input.attendance[1]!.owner = 'constructor';
    expect(tally(input).resolutions[0]).toMatchObject({ for: 500, abstain: 500, outcome: 'rejected' });
  });
});

describe('tally properties', () => {
  const CHOICES = ['for', 'against', 'abstain', undefined] as const;
  const inputArb = fc.integer({ min: 1, max: 7 }).chain((n) =>
    fc
      .record({
        session: fc.constantFrom('first' as const, 'second' as const),
        shares: fc.array(fc.oneof(fc.integer({ min: 1, max: 20 }), fc.integer({ min: 1, max: 400 })), { minLength: n, maxLength: n }),
        people: fc.array(fc.boolean(), { maxLength: 3 }), // true = syndic
        syndicOwner: fc.option(fc.nat(n - 1), { nil: undefined }),
        attendance: fc.array(
          fc.record({ kind: fc.constantFrom('unlisted', 'absent', 'present', 'proxy', 'both'), holder: fc.nat(20) }),
          { minLength: n, maxLength: n },
        ),
        order: fc.shuffledSubarray([...Array(n).keys()], { minLength: n, maxLength: n }),
        resolutions: fc.array(
          fc.record({ majority: fc.constantFrom(...MAJORITIES), votes: fc.array(fc.constantFrom(...CHOICES), { minLength: n, maxLength: n }) }),
          { minLength: 1, maxLength: 3 },
        ),
      })
      .map(({ session, shares, people, syndicOwner, attendance, order, resolutions }): TallyInput => {
        const owners = shares.map((s, i) => ({ id: `o${i}`, shares: s, ...(i === syndicOwner ? { role: 'syndic' } : {}) }));
        const persons = people.map((syndic, i) => ({ id: `p${i}`, ...(syndic ? { role: 'syndic' } : {}) }));
        const pool = [...owners.map((o) => o.id), ...persons.map((p) => p.id)];
        const att: TallyAttendance[] = [];
        for (const i of order) {
          const a = attendance[i]!;
          const owner = `o${i}`;
          const holder = pool[a.holder % pool.length]!;
          if (a.kind === 'absent') att.push({ owner, present: false });
          if (a.kind === 'present') att.push({ owner, present: true });
          if (a.kind === 'proxy') att.push({ owner, proxyHolder: holder });
          if (a.kind === 'both') att.push({ owner, present: true, proxyHolder: holder });
        }
        return {
          session,
          totalShares: shares.reduce((s, v) => s + v, 0),
          owners,
          people: persons,
          attendance: att,
          resolutions: resolutions.map((r, k) => ({
            id: `r${k}`,
            majority: r.majority,
            votes: Object.fromEntries(r.votes.flatMap((v, i) => (v === undefined ? [] : [[`o${i}`, v]]))),
          })),
        };
      }),
  );

  it('changing an abstention or a missing vote to `for` never turns adopted into rejected', () => {
    fc.assert(
      fc.property(inputArb, fc.nat(), fc.nat(), (input, rIdx, oIdx) => {
        const r = input.resolutions[rIdx % input.resolutions.length]!;
        const owner = input.owners[oIdx % input.owners.length]!.id;
        const current = Object.hasOwn(r.votes, owner) ? r.votes[owner] : undefined;
        fc.pre(current === undefined || current === 'abstain');
        const before = tally(input);
        const changed = structuredClone(input);
        changed.resolutions[rIdx % input.resolutions.length]!.votes[owner] = 'for';
        const after = tally(changed);
        before.resolutions.forEach((res, k) => {
          if (res.outcome === 'adopted') expect(after.resolutions[k]!.outcome).toBe('adopted');
        });
      }),
    );
  });

  it('does not depend on the key order of the votes', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const reversed = {
          ...input,
          resolutions: input.resolutions.map((r) => ({ ...r, votes: Object.fromEntries(Object.entries(r.votes).reverse()) })),
        };
        expect(tally(reversed)).toStrictEqual(tally(input));
      }),
    );
  });

  it('never counts more than the represented shares', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = tally(input);
        const R = out.quorum.shares.represented;
        for (const r of out.resolutions) {
          expect(r.for).toBeLessThanOrEqual(R);
          expect(r.for + r.against + r.abstain).toBeLessThanOrEqual(R + 0.015); // three roundings
        }
        expect(out.capped.length).toBeLessThanOrEqual(1); // W > R/2 for one participant at most
      }),
    );
  });

  it('a resolution is not_deliberated if and only if the quorum is not reached', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = tally(input);
        for (const r of out.resolutions) expect(r.outcome === 'not_deliberated').toBe(!out.quorum.reached);
        if (!out.quorum.reached) {
          expect(out.capped).toEqual([]);
          expect(out.warnings.every((w) => w.code === 'proxy_ignored_owner_present')).toBe(true);
        }
      }),
    );
  });

  it('lists every proxy except those of present owners, in input order, and is deterministic', () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const out = tally(input);
        const expected = input.attendance.filter((a) => a.proxyHolder !== undefined && a.present !== true).map((a) => [a.owner, a.proxyHolder]);
        expect(out.proxies.map((p) => [p.owner, p.holder])).toEqual(expected);
        expect(out.proxies.every((p) => p.valid === (p.reason === undefined))).toBe(true);
        expect(tally(input)).toStrictEqual(out);
      }),
    );
  });
});
