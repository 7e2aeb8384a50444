import type { EntityManager } from '@mikro-orm/knex';
import type { ItemResult } from '../../../src-shared/contract/governance.js';
import { brusselsDate } from '../../../src-shared/values/dates.js';
import { AgendaItemSchema, AssemblySchema, AttendanceSchema, BuildingSchema, LotSchema, MeetingPersonSchema, OwnershipSchema, VoteSchema, type AgendaItem, type Assembly, type Building } from '../../db/entities/index.js';
import { openingTally, resolutionTally, voterUnits, type AttendanceRecord, type MeetingFacts, type VoterUnit } from '../../domain/meeting.js';
import type { Majority, TallyOutput, VoteChoice } from '../../domain/tally.js';
import type { HandlerContext } from '../context.js';
import { DomainRuleError, NotFoundError } from '../errors.js';
import { ownerDisplayName } from '../portfolio/mappers.js';
import { buildingInScope } from '../scope.js';

export interface Meeting {
  assembly: Assembly;
  building: Building;
  units: VoterUnit[];
  lotNumbers: Map<number, string>;
  facts: MeetingFacts;
  items: AgendaItem[];
  votes: Map<number, Record<string, VoteChoice>>;
  people: { key: string; name: string; syndic: boolean }[];
}

/** The meeting's calendar day in Brussels. */
export const meetingDate = (a: Assembly) => brusselsDate(a.scheduledAt);

/** Everything the meeting room needs, read once: voters of the day, attendance, agenda, votes. */
export async function loadMeeting(ctx: HandlerContext, assemblyId: number): Promise<Meeting> {
  const assembly = await ctx.em.findOne(AssemblySchema, { id: assemblyId });
  if (!assembly) throw new NotFoundError('Assembly', assemblyId);
  const building = await buildingInScope(ctx, assembly.building.id);
  return readMeeting(ctx.em, assembly, building);
}

export async function readMeeting(em: EntityManager, assembly: Assembly, building?: Building): Promise<Meeting> {
  const b = building ?? (await em.findOneOrFail(BuildingSchema, { id: assembly.building.id }));
  const date = meetingDate(assembly);
  const [lots, ships, attendance, persons, items] = await Promise.all([
    em.find(LotSchema, { building: b.id }),
    em.find(OwnershipSchema, { lot: { building: b.id }, validFrom: { $lte: date }, $or: [{ validTo: null }, { validTo: { $gte: date } }] }, { populate: ['owner'] }),
    em.find(AttendanceSchema, { assembly: assembly.id }),
    em.find(MeetingPersonSchema, { assembly: assembly.id }, { orderBy: { id: 'asc' } }),
    em.find(AgendaItemSchema, { assembly: assembly.id }, { orderBy: { position: 'asc' } }),
  ]);
  const units = voterUnits(lots.map((l) => {
    const owners = ships.filter((s) => s.lot.id === l.id);
    return { lotId: l.id, shares: l.shares, ownerIds: owners.map((s) => s.owner.id), ownerNames: owners.map((s) => ownerDisplayName(s.owner)) };
  }));
  const votes = new Map<number, Record<string, VoteChoice>>();
  if (items.length) {
    for (const v of await em.find(VoteSchema, { item: { $in: items.map((i) => i.id) } })) {
      const m = votes.get(v.item.id) ?? {};
      m[v.voterKey] = v.choice as VoteChoice;
      votes.set(v.item.id, m);
    }
  }
  const people = persons.map((p) => ({ key: `p${p.id}`, name: p.name, syndic: p.syndic }));
  const records: AttendanceRecord[] = attendance.map((a) => ({ voterKey: a.voterKey, mode: a.mode as AttendanceRecord['mode'], holder: a.holder ?? null, fromItem: a.fromItem, untilItem: a.untilItem ?? null }));
  // Voters' shares must add up to the total for the engine; lots without owner cannot vote.
  const facts: MeetingFacts = { session: assembly.session as 'first' | 'second', totalShares: units.reduce((s, u) => s + u.shares, 0), units, people, attendance: records.filter((r) => units.some((u) => u.key === r.voterKey)) };
  return { assembly, building: b, units, lotNumbers: new Map(lots.map((l) => [l.id, l.number])), facts, items, votes, people };
}

export function liveQuorum(m: Meeting): TallyOutput['quorum'] {
  const frozen = m.assembly.opening as TallyOutput | null;
  return frozen?.quorum ?? openingTally(m.facts).quorum;
}

export function itemResult(m: Meeting, item: AgendaItem): ItemResult | null {
  if (!item.voted) return null;
  if (item.status === 'declared' && item.result) return item.result as ItemResult;
  if (m.assembly.status !== 'open' && m.assembly.status !== 'closed') return null;
  const votes = m.votes.get(item.id) ?? {};
  const out = resolutionTally(m.facts, { id: String(item.id), position: item.position, majority: item.majority as Majority, votes });
  const resolution = out.resolutions[0];
  if (!resolution) return null;
  const ignored = new Set(out.warnings.filter((w) => w.code === 'vote_ignored_not_represented').map((w) => w.owner));
  const name = (k: string) => m.units.find((u) => u.key === k)?.name ?? k;
  const counted = Object.entries(votes).filter(([k]) => !ignored.has(k));
  const validProxies = new Set(out.proxies.filter((p) => p.valid).map((p) => p.owner));
  const represented = m.facts.attendance.filter((a) => a.mode === 'present' || validProxies.has(a.voterKey)).filter((a) => (a.fromItem ?? 1) <= item.position && (a.untilItem == null || item.position < a.untilItem)).length;
  return {
    resolution,
    capped: out.capped,
    against: counted.filter(([, c]) => c === 'against').map(([k]) => name(k)).sort(),
    abstained: counted.filter(([, c]) => c === 'abstain').map(([k]) => name(k)).sort(),
    votesRecorded: counted.length,
    represented,
  };
}

/** Voters represented at an item (present, or by a valid proxy), in the engine's view. */
export function representedAt(m: Meeting, position: number): string[] {
  const out = resolutionTally(m.facts, { id: 'x', position, majority: 'absolute', votes: {} });
  const valid = new Set(out.proxies.filter((p) => p.valid).map((p) => p.owner));
  return m.facts.attendance
    .filter((a) => (a.fromItem ?? 1) <= position && (a.untilItem == null || position < a.untilItem))
    .filter((a) => a.mode === 'present' || (a.mode === 'proxy' && valid.has(a.voterKey)))
    .map((a) => a.voterKey);
}

export function assertEditable(m: Meeting) {
  if (m.assembly.archivedAt) throw new DomainRuleError('assembly_archived', 'The minutes of this meeting are signed and archived: it can no longer change');
}

export function assertBeforeOpening(m: Meeting) {
  assertEditable(m);
  if (!['draft', 'convened'].includes(m.assembly.status)) throw new DomainRuleError('assembly_started', 'The meeting has started: its preparation can no longer change');
}

export async function reload(ctx: HandlerContext, m: Meeting): Promise<Meeting> {
  await ctx.em.flush();
  return readMeeting(ctx.em, m.assembly, m.building);
}
