/**
 * From a building and its meeting-room record to the tally engine's input
 * (spec/ag-tally.md), one resolution at a time.
 *
 * Voters: each owner votes with the quote-parts of the lots they own alone; a lot held
 * jointly (indivision / onverdeeldheid) votes as one, through the common mandatary the
 * joint owners designate (art. 3.87 §1: until then their right to take part is
 * suspended) — so the voting unit is "the set of owners of a lot", and an owner alone on
 * several lots is one unit with their sum.
 *
 * Attendance changes during a meeting (late arrivals, early departures) count from the
 * resolution given. The quorum is checked once, at the opening (art. 3.87 §5): a later
 * departure does not undo it. The engine re-checks quorum on every call, so after a
 * successful opening each resolution is counted as the engine counts a second session —
 * except unanimity in a first session, which still needs every owner of the building
 * represented and voting for (art. 3.88): that is decided here from the same counts.
 */
import { tally, type Majority, type Session, type TallyInput, type TallyOutput, type VoteChoice } from './tally.js';
import { compareText } from '../../src-shared/text.js';

export interface LotForVoting { lotId: number; shares: number; ownerIds: number[]; ownerNames: string[] }

export interface VoterUnit {
  /** "o12" for an owner alone, "j12-15" for the joint owners 12 and 15. */
  key: string;
  name: string;
  shares: number;
  ownerIds: number[];
  lotIds: number[];
}

export function voterUnits(lots: readonly LotForVoting[]): VoterUnit[] {
  const units = new Map<string, VoterUnit>();
  for (const lot of lots) {
    if (lot.ownerIds.length === 0 || lot.shares <= 0) continue;
    const ids = [...lot.ownerIds].sort((a, b) => a - b);
    const key = ids.length === 1 ? `o${ids[0]}` : `j${ids.join('-')}`;
    const u = units.get(key) ?? { key, name: [...lot.ownerNames].sort().join(' & '), shares: 0, ownerIds: ids, lotIds: [] };
    u.shares += lot.shares;
    u.lotIds.push(lot.lotId);
    units.set(key, u);
  }
  return [...units.values()].sort((a, b) => compareText(a.name, b.name));
}

/** How a voter takes part: in person, by a proxy to another voter or to a person, or not. */
export interface AttendanceRecord {
  voterKey: string;
  mode: 'present' | 'proxy' | 'absent';
  /** The holder: a voter key ("o3") or a person key ("p:Mme Martin"). */
  holder?: string | null;
  /** Position of the first resolution they take part in (late arrival); 1 = from the opening. */
  fromItem?: number;
  /** Position of the first resolution they no longer take part in (early departure). */
  untilItem?: number | null;
}

export interface MeetingPerson { key: string; name: string; syndic: boolean }

/** Attendance in force for resolution `position` (0 = the opening). */
export function attendanceAt(records: readonly AttendanceRecord[], position: number): AttendanceRecord[] {
  return records.filter((r) => r.mode !== 'absent' && (r.fromItem ?? 1) <= Math.max(position, 1) && (r.untilItem == null || position < r.untilItem));
}

export interface MeetingFacts {
  session: Session;
  totalShares: number;
  units: VoterUnit[];
  people: MeetingPerson[];
  attendance: AttendanceRecord[];
}

function engineInput(f: MeetingFacts, position: number, session: Session, resolutions: TallyInput['resolutions']): TallyInput {
  const present = attendanceAt(f.attendance, position);
  return {
    session,
    totalShares: f.totalShares,
    owners: f.units.map((u) => ({ id: u.key, name: u.name, shares: u.shares })),
    people: f.people.map((p) => ({ id: p.key, name: p.name, ...(p.syndic ? { role: 'syndic' } : {}) })),
    attendance: present.map((r) => (r.mode === 'present' ? { owner: r.voterKey, present: true } : { owner: r.voterKey, proxyHolder: r.holder ?? '' })),
    resolutions,
  };
}

/** The quorum at the opening (and the proxies' validity then). */
export function openingTally(f: MeetingFacts): TallyOutput {
  return tally(engineInput(f, 0, f.session, []));
}

/**
 * One resolution, with the attendance in force at its position, after an opening whose
 * quorum was reached (or any second session).
 */
export function resolutionTally(f: MeetingFacts, item: { id: string; position: number; majority: Majority; votes: Record<string, VoteChoice> }): TallyOutput {
  const input = engineInput(f, item.position, 'second', [{ id: item.id, majority: item.majority, votes: item.votes }]);
  const out = tally(input);
  const r = out.resolutions[0];
  if (f.session === 'first' && item.majority === 'unanimity' && r) {
    // First session: unanimity of ALL owners of the building (art. 3.88).
    const validProxies = new Set(out.proxies.filter((p) => p.valid).map((p) => p.owner));
    const represented = new Set(input.attendance.filter((a) => a.present || validProxies.has(a.owner)).map((a) => a.owner));
    const allFor = [...represented].every((k) => item.votes[k] === 'for');
    const everyone = f.units.every((u) => represented.has(u.key));
    const adopted = everyone && allFor && represented.size > 0;
    r.outcome = adopted ? 'adopted' : 'rejected';
    r.failedOnlyByAbsentees = !adopted && represented.size > 0 && allFor && !everyone;
  }
  return out;
}
