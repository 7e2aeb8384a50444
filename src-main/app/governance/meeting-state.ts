import type { EntityManager } from '@mikro-orm/knex';
import type { ItemResult } from '../../../src-shared/contract/governance.js';
import { brusselsDate } from '../../../src-shared/values/dates.js';
import { AgendaItemSchema, AssemblySchema, BuildingSchema, type AgendaItem, type Assembly, type Building } from '../../db/entities/index.js';
import { sql } from '../../db/knex.js';
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
  /** Every lot of the building, owned or not on the day (the pre-meeting checks). */
  lots: { id: number; number: string; shares: number }[];
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
  // Plain rows for what is only read (lots, ownerships, attendance, people, votes): the meeting
  // room reads all of it on every vote. Items stay entities: the handlers change them.
  type Row = Record<string, unknown>;
  const [lots, ships, attendance, persons, items] = await Promise.all([
    sql(em, 'lot').where({ building_id: b.id }).orderBy('id').select('id', 'number', 'shares') as Promise<Row[]>,
    sql(em, 'ownership as o').join('lot as l', 'l.id', 'o.lot_id').join('owner as w', 'w.id', 'o.owner_id').where('l.building_id', b.id).where('o.valid_from', '<=', date)
      .where((q) => q.whereNull('o.valid_to').orWhere('o.valid_to', '>=', date)).orderBy('o.id')
      .select('o.lot_id as lotId', 'w.id as ownerId', 'w.kind', 'w.name', 'w.first_name as firstName') as Promise<Row[]>,
    sql(em, 'assembly_attendance').where({ assembly_id: assembly.id }).select('voter_key as voterKey', 'mode', 'holder', 'from_item as fromItem', 'until_item as untilItem') as Promise<Row[]>,
    sql(em, 'assembly_person').where({ assembly_id: assembly.id }).orderBy('id').select('id', 'name', 'syndic') as Promise<Row[]>,
    em.find(AgendaItemSchema, { assembly: assembly.id }, { orderBy: { position: 'asc' } }),
  ]);
  const byLot = new Map<number, Row[]>();
  for (const sh of ships) byLot.set(Number(sh.lotId), [...(byLot.get(Number(sh.lotId)) ?? []), sh]);
  const units = voterUnits(lots.map((l) => {
    const owners = byLot.get(Number(l.id)) ?? [];
    return { lotId: Number(l.id), shares: Number(l.shares), ownerIds: owners.map((o) => Number(o.ownerId)), ownerNames: owners.map((o) => ownerDisplayName({ kind: String(o.kind), name: String(o.name), firstName: (o.firstName as string | null) ?? null })) };
  }));
  const votes = new Map<number, Record<string, VoteChoice>>();
  if (items.length) {
    const rows = (await sql(em, 'vote').whereIn('item_id', items.map((i) => i.id)).select('item_id as itemId', 'voter_key as voterKey', 'choice')) as Row[];
    for (const v of rows) {
      const m = votes.get(Number(v.itemId)) ?? {};
      m[String(v.voterKey)] = v.choice as VoteChoice;
      votes.set(Number(v.itemId), m);
    }
  }
  const people = persons.map((p) => ({ key: `p${p.id}`, name: String(p.name), syndic: Boolean(p.syndic) }));
  const records: AttendanceRecord[] = attendance.map((a) => ({
    voterKey: String(a.voterKey), mode: a.mode as AttendanceRecord['mode'], holder: (a.holder as string | null) ?? null, fromItem: Number(a.fromItem), untilItem: a.untilItem === null || a.untilItem === undefined ? null : Number(a.untilItem),
  }));
  // Voters' shares must add up to the total for the engine; lots without owner cannot vote.
  const unitKeys = new Set(units.map((u) => u.key));
  const facts: MeetingFacts = { session: assembly.session as 'first' | 'second', totalShares: units.reduce((s, u) => s + u.shares, 0), units, people, attendance: records.filter((r) => unitKeys.has(r.voterKey)) };
  const lotRows = lots.map((l) => ({ id: Number(l.id), number: String(l.number), shares: Number(l.shares) }));
  return { assembly, building: b, units, lotNumbers: new Map(lotRows.map((l) => [l.id, l.number])), lots: lotRows, facts, items, votes, people };
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
