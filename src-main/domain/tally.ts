/**
 * AG vote tally (dépouillement / stemming van de algemene vergadering): quorum, proxy
 * validity and the outcome of every resolution of one meeting. Pure; the meeting-room
 * screens, the projector view, the minutes (PV) and `koprogo ag tally` share it.
 *
 * Rules: the AG tally exchange spec, summarised in docs/formats/ag-tally.md. Legal
 * basis: Code civil, Livre 3, art. 3.87 §5 (quorum), §6 (votes = quote-parts), §7
 * (proxies, cap), §8 (majority), art. 3.88 (qualified majorities, unanimity).
 * The file boundary (JSON validation) is tally-input.ts: parseTallyInput.
 * Arithmetic is exact (BigInt rationals); only the reported sums are rounded, half-up to
 * 2 decimals — docs/adr/0006-tally-engine-exact-arithmetic.md lists the decisions taken
 * where the spec is silent; each one is also marked "Decision:" below.
 */
import { add, compare, isZero, mul, rational, roundHalfUp, scale, ZERO, type Rational } from './rational.js';

export type Session = 'first' | 'second';
export type Majority = 'absolute' | 'twoThirds' | 'fourFifths' | 'unanimity';
export type VoteChoice = 'for' | 'against' | 'abstain';

export const SESSIONS: readonly Session[] = ['first', 'second'];
export const MAJORITIES: readonly Majority[] = ['absolute', 'twoThirds', 'fourFifths', 'unanimity'];
export const VOTE_CHOICES: readonly VoteChoice[] = ['for', 'against', 'abstain'];

/** A co-owner (copropriétaire / mede-eigenaar) voting with its quote-parts. */
export interface TallyOwner {
  id: string;
  name?: string;
  shares: number;
  role?: string;
}

/** Someone in the room who is not an owner: a mandatary, the syndic (syndicus). */
export interface TallyPerson {
  id: string;
  name?: string;
  role?: string;
}

export interface TallyAttendance {
  owner: string;
  present?: boolean;
  proxyHolder?: string;
}

export interface TallyResolution {
  id: string;
  majority: Majority;
  votes: Record<string, VoteChoice>;
}

export interface TallyInput {
  session: Session;
  totalShares: number;
  owners: TallyOwner[];
  people?: TallyPerson[];
  attendance: TallyAttendance[];
  resolutions: TallyResolution[];
}

export type QuorumRule = 'double' | 'threeQuarters' | 'secondSession' | 'none';
export type ProxyRejection = 'syndic_cannot_be_proxy' | 'holder_not_present' | 'too_many_proxies';
export type Outcome = 'adopted' | 'rejected' | 'not_deliberated';

export interface ProxyResult {
  owner: string;
  holder: string;
  valid: boolean;
  reason?: ProxyRejection;
}

export interface CappedParticipant {
  participant: string;
  shares: number;
  cappedTo: number;
}

export interface ResolutionResult {
  id: string;
  majority: Majority;
  for: number;
  against: number;
  abstain: number;
  outcome: Outcome;
  failedOnlyByAbsentees?: boolean;
}

export type TallyWarning =
  | { code: 'proxy_ignored_owner_present'; owner: string }
  | { code: 'vote_ignored_not_represented'; owner: string; resolution: string };

export interface TallyOutput {
  quorum: {
    reached: boolean;
    rule: QuorumRule;
    owners: { represented: number; total: number };
    shares: { represented: number; total: number };
  };
  proxies: ProxyResult[];
  capped: CappedParticipant[];
  resolutions: ResolutionResult[];
  warnings: TallyWarning[];
}

/** More than 3 proxies only within 10 % of all the votes (art. 3.87 §7). */
const MAX_PROXIES = 3;

/** Own-property lookup: `votes["constructor"]` must not reach Object.prototype. */
const voteOf = (votes: Record<string, VoteChoice>, owner: string): VoteChoice | undefined =>
  Object.hasOwn(votes, owner) ? votes[owner] : undefined;

/**
 * Tallies one meeting. Expects input accepted by parseTallyInput (known ids, positive
 * integer shares summing to totalShares); it does not re-validate.
 */
export function tally(input: TallyInput): TallyOutput {
  const owners = input.owners;
  const people = input.people ?? [];
  const total = BigInt(input.totalShares);
  const ownerById = new Map(owners.map((o) => [o.id, o]));
  const personById = new Map(people.map((p) => [p.id, p]));
  const present = new Set(input.attendance.filter((a) => a.present === true).map((a) => a.owner));
  const warnings: TallyWarning[] = [];

  // Rule 1 — proxies (procurations / volmachten), art. 3.87 §7, in input order.
  const proxies: ProxyResult[] = [];
  const mandantsOf = new Map<string, string[]>(); // holder → accepted mandants, in order
  const acceptedShares = new Map<string, bigint>(); // holder → Σ accepted mandants' shares
  for (const a of input.attendance) {
    if (a.proxyHolder === undefined) continue;
    if (a.present === true) {
      // Rule 8: the owner came in person; its proxy is moot and not listed. Decision: this
      // warning is about attendance, not votes, so it is given even when the quorum fails
      // (rule 3 only suppresses *vote* warnings). It precedes the vote warnings.
      warnings.push({ code: 'proxy_ignored_owner_present', owner: a.owner });
      continue;
    }
    const holder = a.proxyHolder;
    const holderOwner = ownerById.get(holder);
    const role = holderOwner?.role ?? personById.get(holder)?.role;
    const mandantShares = BigInt(ownerById.get(a.owner)?.shares ?? 0);
    const accepted = mandantsOf.get(holder) ?? [];
    const sharesSoFar = acceptedShares.get(holder) ?? 0n;
    let reason: ProxyRejection | undefined;
    if (role === 'syndic') {
      // "Le syndic ne peut intervenir comme mandataire d'un copropriétaire" (§7), even
      // when he is an owner himself (he then votes his own shares only).
      reason = 'syndic_cannot_be_proxy';
    } else if (holderOwner !== undefined && !present.has(holder)) {
      // An owner-mandatary absent in person cannot cast anything; presence is read from
      // the whole attendance list, not only the entries before this one.
      reason = 'holder_not_present';
    } else if (
      accepted.length >= MAX_PROXIES &&
      10n * (BigInt(holderOwner?.shares ?? 0) + sharesSoFar + mandantShares) > total
    ) {
      // Greedy: accepted while fewer than 3 are accepted, or while the holder's own votes
      // plus all accepted mandants', this one included, stay within 10 % of all votes.
      reason = 'too_many_proxies';
    }
    if (reason === undefined) {
      proxies.push({ owner: a.owner, holder, valid: true });
      mandantsOf.set(holder, [...accepted, a.owner]);
      acceptedShares.set(holder, sharesSoFar + mandantShares);
    } else {
      // "An owner whose proxy is invalid is absent."
      proxies.push({ owner: a.owner, holder, valid: false, reason });
    }
  }

  // Rule 2 — represented owners (présents ou représentés), in the order of `owners`.
  const validMandants = new Set([...mandantsOf.values()].flat());
  const represented = owners.filter((o) => present.has(o.id) || validMandants.has(o.id));
  const representedIds = new Set(represented.map((o) => o.id));
  const R = represented.reduce((s, o) => s + BigInt(o.shares), 0n);

  // Rule 3 — quorum, art. 3.87 §5.
  const nOwners = BigInt(owners.length);
  const nRepresented = BigInt(represented.length);
  let rule: QuorumRule;
  if (input.session === 'second') rule = 'secondSession'; // §5 al. 2: deliberates whatever the attendance
  else if (2n * nRepresented > nOwners && 2n * R >= total) rule = 'double';
  else if (4n * R > 3n * total) rule = 'threeQuarters';
  else rule = 'none';
  const quorum: TallyOutput['quorum'] = {
    reached: rule !== 'none',
    rule,
    owners: { represented: represented.length, total: owners.length },
    shares: { represented: Number(R), total: input.totalShares },
  };

  if (rule === 'none') {
    return {
      quorum,
      proxies,
      capped: [],
      resolutions: input.resolutions.map((r) => ({
        id: r.id,
        majority: r.majority,
        for: 0,
        against: 0,
        abstain: 0,
        outcome: 'not_deliberated',
        ...(r.majority === 'unanimity' ? { failedOnlyByAbsentees: false } : {}),
      })),
      warnings,
    };
  }

  // Rule 4 — participants: a present owner casts its own shares and its mandants'; a
  // non-owner mandatary casts its mandants'. Every represented owner belongs to exactly
  // one participant, so the participants' W add up to R.
  const participants: { id: string; members: string[] }[] = [];
  for (const o of owners) if (present.has(o.id)) participants.push({ id: o.id, members: [o.id, ...(mandantsOf.get(o.id) ?? [])] });
  for (const p of people) {
    const m = mandantsOf.get(p.id);
    if (m !== undefined && m.length > 0) participants.push({ id: p.id, members: m });
  }

  // Rule 5 — cap, art. 3.87 §7: "nul ne peut prendre part au vote, même comme mandant ou
  // mandataire, pour un nombre de voix supérieur à la somme des voix dont disposent les
  // autres copropriétaires présents ou représentés". W > R − W means W > R/2, so at most
  // one participant is ever capped (and the order of `capped` is never in question).
  // Decision: `shares` = W (all the shares the participant casts, whatever the votes);
  // `cappedTo` = R − W, an integer, so it is reported exactly, unrounded. The cap is the
  // same for every resolution (it depends on attendance, not on votes).
  const factor = new Map<string, Rational>(); // owner id → scale factor, 1 when absent
  const capped: CappedParticipant[] = [];
  for (const p of participants) {
    const W = p.members.reduce((s, id) => s + BigInt(ownerById.get(id)?.shares ?? 0), 0n);
    const others = R - W;
    if (W > others) {
      capped.push({ participant: p.id, shares: Number(W), cappedTo: Number(others) });
      const f = rational(others, W); // alone in the room: 0 — the law has no exception
      for (const id of p.members) factor.set(id, f);
    }
  }
  const castShares = (o: TallyOwner): Rational => {
    const f = factor.get(o.id);
    return f === undefined ? rational(o.shares) : mul(rational(o.shares), f);
  };

  // Rules 6–8 — counting, outcome, ignored votes.
  const resolutions = input.resolutions.map((r): ResolutionResult => {
    const sums: Record<VoteChoice, Rational> = { for: ZERO, against: ZERO, abstain: ZERO };
    let everyRepresentedFor = represented.length > 0;
    // Iterate `owners`, not the keys of `votes`: results and warning order do not depend on
    // the key order of the votes object.
    for (const o of owners) {
      const vote = voteOf(r.votes, o.id);
      if (!representedIds.has(o.id)) {
        // Rule 8. Decision: warnings in input order of resolutions, then of owners.
        if (vote !== undefined) warnings.push({ code: 'vote_ignored_not_represented', owner: o.id, resolution: r.id });
        continue;
      }
      // "A represented owner with no entry abstains" (spec, Input): the owner is counted
      // as present/represented but casts no vote (§8: abstentions are not votes cast).
      const choice = vote ?? 'abstain';
      if (choice !== 'for') everyRepresentedFor = false;
      sums[choice] = add(sums[choice], castShares(o));
    }
    const F = sums.for;
    const A = sums.against;
    // Outcomes are decided on the exact sums; only the reported figures are rounded, so a
    // tie shown as 350.00 / 350.00 may be adopted when F exceeds A by less than 0.005.
    let adopted: boolean;
    switch (r.majority) {
      case 'absolute': // §8: absolute majority of the votes cast
        adopted = compare(F, A) > 0;
        break;
      case 'twoThirds': // art. 3.88: two thirds of the votes cast
        adopted = !isZero(F) && compare(scale(F, 3), scale(add(F, A), 2)) >= 0;
        break;
      case 'fourFifths': // art. 3.88: four fifths of the votes cast
        adopted = !isZero(F) && compare(scale(F, 5), scale(add(F, A), 4)) >= 0;
        break;
      case 'unanimity': // art. 3.88: unanimity of all the owners; of those represented at the new AG (§3)
        // Counted by owners, not by shares: the cap does not change who voted `for`.
        adopted =
          input.session === 'first' ? everyRepresentedFor && represented.length === owners.length : everyRepresentedFor;
        break;
    }
    const result: ResolutionResult = {
      id: r.id,
      majority: r.majority,
      for: roundHalfUp(F, 2),
      against: roundHalfUp(A, 2),
      abstain: roundHalfUp(sums.abstain, 2),
      outcome: adopted ? 'adopted' : 'rejected',
    };
    if (r.majority === 'unanimity') {
      // True when the only obstacle was the absentees: then a new AG may decide at the
      // unanimity of those present or represented (art. 3.88 §3). In a second session
      // this can never hold (every represented `for` means adopted), so it is false.
      result.failedOnlyByAbsentees = !adopted && everyRepresentedFor && represented.length < owners.length;
    }
    return result;
  });

  return { quorum, proxies, capped, resolutions, warnings };
}
