/**
 * Validation of the JSON read by `koprogo ag tally` (spec section "Validation"): returns
 * a typed TallyInput, or every problem found, one line each, starting with the path of
 * the offending field (`owners[1].shares: must be a positive integer, got 0`).
 *
 * Beyond the spec's list, only the shape is checked (arrays, objects, strings, booleans),
 * since the engine cannot run without it. Unknown keys are ignored. Decision: duplicate
 * resolution ids and empty ids are accepted — the spec does not forbid them and the
 * engine does not need them unique (results are positional).
 */
import { describeJson, indexPath, isPlainObject, keyPath, type ParseResult } from './field-path.js';
import {
  MAJORITIES,
  SESSIONS,
  VOTE_CHOICES,
  type Majority,
  type Session,
  type TallyAttendance,
  type TallyInput,
  type TallyOwner,
  type TallyPerson,
  type TallyResolution,
  type VoteChoice,
} from './tally.js';

const isPositiveInteger = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v > 0;
const includes = <T extends string>(list: readonly T[], v: unknown): v is T => typeof v === 'string' && (list as readonly string[]).includes(v);

export function parseTallyInput(json: unknown): ParseResult<TallyInput> {
  if (!isPlainObject(json)) return { ok: false, problems: [`(input): must be a JSON object, got ${describeJson(json)}`] };
  const problems: string[] = [];
  const problem = (path: string, message: string) => problems.push(`${path}: ${message}`);

  const optionalString = (obj: Record<string, unknown>, key: string, path: string): string | undefined => {
    const v = obj[key];
    if (v === undefined) return undefined;
    if (typeof v !== 'string') problem(`${path}.${key}`, `must be a string, got ${describeJson(v)}`);
    return typeof v === 'string' ? v : undefined;
  };

  // session
  const session = json.session;
  if (!includes(SESSIONS, session)) {
    problem('session', typeof session === 'string' ? `unknown session ${JSON.stringify(session)} (expected "first" or "second")` : `must be "first" or "second", got ${describeJson(session)}`);
  }

  // totalShares
  const totalShares = json.totalShares;
  if (!isPositiveInteger(totalShares)) problem('totalShares', `must be a positive integer, got ${describeJson(totalShares)}`);

  // owners
  const owners: TallyOwner[] = [];
  const ownerIndex = new Map<string, number>();
  let sharesComplete = Array.isArray(json.owners);
  let sharesSum = 0n;
  if (!Array.isArray(json.owners)) {
    problem('owners', `must be an array, got ${describeJson(json.owners)}`);
  } else {
    json.owners.forEach((o: unknown, i: number) => {
      const path = indexPath('owners', i);
      if (!isPlainObject(o)) {
        problem(path, `must be an object, got ${describeJson(o)}`);
        sharesComplete = false;
        return;
      }
      const id = o.id;
      if (typeof id !== 'string') problem(`${path}.id`, `must be a string, got ${describeJson(id)}`);
      else if (ownerIndex.has(id)) problem(`${path}.id`, `duplicate owner id ${JSON.stringify(id)} (already owners[${ownerIndex.get(id)}])`);
      else ownerIndex.set(id, i);
      const shares = o.shares;
      if (!isPositiveInteger(shares)) {
        problem(`${path}.shares`, `must be a positive integer, got ${describeJson(shares)}`);
        sharesComplete = false;
      } else {
        sharesSum += BigInt(shares);
      }
      const name = optionalString(o, 'name', path);
      const role = optionalString(o, 'role', path);
      if (typeof id === 'string' && isPositiveInteger(shares)) {
        owners.push({ id, shares, ...(name !== undefined ? { name } : {}), ...(role !== undefined ? { role } : {}) });
      }
    });
  }
  // Checked only when every figure is readable, else the sum would be noise.
  if (sharesComplete && isPositiveInteger(totalShares) && sharesSum !== BigInt(totalShares)) {
    problem('totalShares', `${totalShares} but the owners' shares sum to ${sharesSum}`);
  }

  // people (optional)
  const people: TallyPerson[] = [];
  const personIndex = new Map<string, number>();
  if (json.people !== undefined) {
    if (!Array.isArray(json.people)) {
      problem('people', `must be an array, got ${describeJson(json.people)}`);
    } else {
      json.people.forEach((p: unknown, i: number) => {
        const path = indexPath('people', i);
        if (!isPlainObject(p)) {
          problem(path, `must be an object, got ${describeJson(p)}`);
          return;
        }
        const id = p.id;
        if (typeof id !== 'string') problem(`${path}.id`, `must be a string, got ${describeJson(id)}`);
        else if (ownerIndex.has(id)) problem(`${path}.id`, `${JSON.stringify(id)} is already an owner id (owners[${ownerIndex.get(id)}])`);
        else if (personIndex.has(id)) problem(`${path}.id`, `duplicate person id ${JSON.stringify(id)} (already people[${personIndex.get(id)}])`);
        else personIndex.set(id, i);
        const name = optionalString(p, 'name', path);
        const role = optionalString(p, 'role', path);
        if (typeof id === 'string') people.push({ id, ...(name !== undefined ? { name } : {}), ...(role !== undefined ? { role } : {}) });
      });
    }
  }
  // Without a readable owners list, every reference would be reported as unknown: skip.
  const canResolve = Array.isArray(json.owners);

  // attendance
  const attendance: TallyAttendance[] = [];
  const attendanceIndex = new Map<string, number>();
  if (!Array.isArray(json.attendance)) {
    problem('attendance', `must be an array, got ${describeJson(json.attendance)}`);
  } else {
    json.attendance.forEach((a: unknown, i: number) => {
      const path = indexPath('attendance', i);
      if (!isPlainObject(a)) {
        problem(path, `must be an object, got ${describeJson(a)}`);
        return;
      }
      const owner = a.owner;
      if (typeof owner !== 'string') problem(`${path}.owner`, `must be an owner id, got ${describeJson(owner)}`);
      else if (canResolve && !ownerIndex.has(owner)) problem(`${path}.owner`, `unknown owner ${JSON.stringify(owner)}`);
      else if (attendanceIndex.has(owner)) problem(`${path}.owner`, `owner ${JSON.stringify(owner)} is already listed in attendance[${attendanceIndex.get(owner)}]`);
      else attendanceIndex.set(owner, i);
      const present = a.present;
      if (present !== undefined && typeof present !== 'boolean') problem(`${path}.present`, `must be true or false, got ${describeJson(present)}`);
      const holder = a.proxyHolder;
      if (holder !== undefined) {
        if (typeof holder !== 'string') problem(`${path}.proxyHolder`, `must be an owner or person id, got ${describeJson(holder)}`);
        else if (canResolve && !ownerIndex.has(holder) && !personIndex.has(holder)) {
          problem(`${path}.proxyHolder`, `unknown holder ${JSON.stringify(holder)} (neither an owner nor a person)`);
        }
      }
      if (typeof owner === 'string') {
        attendance.push({
          owner,
          ...(typeof present === 'boolean' ? { present } : {}),
          ...(typeof holder === 'string' ? { proxyHolder: holder } : {}),
        });
      }
    });
  }

  // resolutions
  const resolutions: TallyResolution[] = [];
  if (!Array.isArray(json.resolutions)) {
    problem('resolutions', `must be an array, got ${describeJson(json.resolutions)}`);
  } else {
    json.resolutions.forEach((r: unknown, i: number) => {
      const path = indexPath('resolutions', i);
      if (!isPlainObject(r)) {
        problem(path, `must be an object, got ${describeJson(r)}`);
        return;
      }
      const id = r.id;
      if (typeof id !== 'string') problem(`${path}.id`, `must be a string, got ${describeJson(id)}`);
      const majority = r.majority;
      if (!includes(MAJORITIES, majority)) {
        problem(
          `${path}.majority`,
          typeof majority === 'string'
            ? `unknown majority ${JSON.stringify(majority)} (expected absolute, twoThirds, fourFifths or unanimity)`
            : `must be one of absolute, twoThirds, fourFifths, unanimity, got ${describeJson(majority)}`,
        );
      }
      const votes: [string, VoteChoice][] = [];
      if (!isPlainObject(r.votes)) {
        problem(`${path}.votes`, `must be an object of owner id → vote, got ${describeJson(r.votes)}`);
      } else {
        for (const [owner, vote] of Object.entries(r.votes)) {
          const vpath = keyPath(`${path}.votes`, owner);
          if (canResolve && !ownerIndex.has(owner)) problem(vpath, 'unknown owner');
          if (!includes(VOTE_CHOICES, vote)) {
            problem(vpath, typeof vote === 'string' ? `unknown vote ${JSON.stringify(vote)} (expected for, against or abstain)` : `must be "for", "against" or "abstain", got ${describeJson(vote)}`);
          } else {
            votes.push([owner, vote]);
          }
        }
      }
      if (typeof id === 'string' && includes(MAJORITIES, majority)) {
        // fromEntries defines own properties: an owner id "__proto__" stays a plain key.
        resolutions.push({ id, majority: majority as Majority, votes: Object.fromEntries(votes) });
      }
    });
  }

  if (problems.length > 0) return { ok: false, problems };
  return {
    ok: true,
    value: {
      session: session as Session,
      totalShares: totalShares as number,
      owners,
      ...(json.people !== undefined ? { people } : {}),
      attendance,
      resolutions,
    },
  };
}
