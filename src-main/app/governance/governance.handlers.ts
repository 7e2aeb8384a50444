import { randomBytes } from 'node:crypto';
import { CONVOCATION_MIN_DAYS, majorityRule, SECOND_SESSION_MIN_DAYS } from '../../../src-shared/governance.js';
import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import { AgendaItemSchema, AssemblySchema, AttendanceSchema, MeetingPersonSchema, VoteEventSchema, VoteSchema, type AgendaItem } from '../../db/entities/index.js';
import { sql } from '../../db/knex.js';
import { openingTally } from '../../domain/meeting.js';
import { checkShares } from '../../domain/quota-shares.js';
import type { TallyOutput, VoteChoice } from '../../domain/tally.js';
import type { HandlerContext, Handlers } from '../context.js';
import { DomainRuleError, NotFoundError } from '../errors.js';
import { buildingInScope } from '../scope.js';
import { assertBeforeOpening, assertEditable, itemResult, liveQuorum, loadMeeting, meetingDate, readMeeting, reload, representedAt, type Meeting } from './meeting-state.js';

const DAY = 86_400_000;
const daysBetween = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY);

async function checksOf(ctx: HandlerContext, m: Meeting): Promise<AssemblyDetail['checks']> {
  const out: AssemblyDetail['checks'] = [];
  const date = meetingDate(m.assembly);
  // The lots read with the meeting (plain rows), not hydrated again.
  const shares = checkShares(m.building.totalShares, m.lots.map((l) => ({ lotId: l.id, number: l.number, shares: l.shares })));
  if (!shares.balanced) out.push({ code: 'shares_unbalanced', severity: 'error', message: `The lots' quote-parts add up to ${shares.sum}, not ${shares.total}: correct them before the meeting`, details: { sharesCheck: shares } });
  const owned = new Set(m.units.flatMap((u) => u.lotIds));
  const unowned = m.lots.filter((l) => l.shares > 0 && !owned.has(l.id)).map((l) => l.number);
  if (unowned.length) out.push({ code: 'lots_without_owner', severity: 'error', message: `Lots without an owner on ${date}: ${unowned.join(', ')}`, details: { lots: unowned } });
  if (!m.assembly.convocationDate) out.push({ code: 'no_convocation', severity: 'warning', message: 'No convocation date yet' });
  else if (daysBetween(m.assembly.convocationDate, date) < CONVOCATION_MIN_DAYS) {
    out.push({ code: 'convocation_too_late', severity: 'warning', message: `The convocation leaves ${daysBetween(m.assembly.convocationDate, date)} days; the law asks at least ${CONVOCATION_MIN_DAYS} unless urgent (art. 3.87 §3)`, details: { days: daysBetween(m.assembly.convocationDate, date) } });
  }
  if (m.assembly.session === 'second') {
    const first = m.assembly.firstSessionId ? await ctx.em.findOne(AssemblySchema, { id: m.assembly.firstSessionId }) : null;
    if (!first) out.push({ code: 'no_first_session', severity: 'warning', message: 'A second session follows a first one whose quorum failed: link it' });
    else if (daysBetween(meetingDate(first), date) < SECOND_SESSION_MIN_DAYS) {
      out.push({ code: 'second_session_too_soon', severity: 'error', message: `The second session must be at least ${SECOND_SESSION_MIN_DAYS} days after the first (art. 3.87 §5); it is ${daysBetween(meetingDate(first), date)}`, details: { days: daysBetween(meetingDate(first), date) } });
    }
  }
  if (!m.items.some((i) => i.voted)) out.push({ code: 'no_resolution', severity: 'warning', message: 'The agenda has no item to vote' });
  return out;
}

/** A voter's proxy as the engine sees it at the opening; `opening` is that tally, computed once per meeting read. */
function proxyOf(m: Meeting, key: string, opening: () => TallyOutput): { valid: boolean; reason?: string } | null {
  const rec = m.facts.attendance.find((a) => a.voterKey === key);
  if (!rec || rec.mode !== 'proxy') return null;
  const p = opening().proxies.find((x) => x.owner === key);
  if (!p) return { valid: false, reason: 'proxy_ignored_owner_present' };
  return p.valid ? { valid: true } : { valid: false, reason: p.reason ?? 'invalid' };
}

async function detail(ctx: HandlerContext, m: Meeting): Promise<AssemblyDetail> {
  const a = m.assembly;
  // One opening tally for every proxy shown (it was recounted per proxy: 43 times for the bench's 205-voter meeting).
  let opening: TallyOutput | null = null;
  const openingOnce = () => (opening ??= openingTally(m.facts));
  const holderName = (h: string | null) => (h ? (m.units.find((u) => u.key === h)?.name ?? m.people.find((p) => p.key === h)?.name ?? h) : null);
  return {
    id: a.id, buildingId: m.building.id, buildingName: m.building.name, totalShares: m.building.totalShares,
    kind: a.kind as 'ordinary', session: a.session as 'first', firstSessionId: a.firstSessionId ?? null, place: a.place, scheduledAt: a.scheduledAt.toISOString(),
    convocationDate: a.convocationDate ?? null, status: a.status as 'draft', chair: a.chair ?? null, secretary: a.secretary ?? null, currentItemId: a.currentItemId ?? null,
    projectorKey: a.projectorKey, archived: Boolean(a.archivedAt),
    openedAt: a.openedAt ? a.openedAt.toISOString() : null, closedAt: a.closedAt ? a.closedAt.toISOString() : null,
    minutesText: a.minutesText ?? null, minutesDocumentId: a.minutesDocumentId ?? null, convocationDocuments: a.convocationDocuments ?? [],
    checks: await checksOf(ctx, m),
    quorum: liveQuorum(m),
    items: m.items.map((i) => ({
      id: i.id, position: i.position, title: i.title, text: i.text, majorityRule: i.majorityRule, majority: i.majority as 'absolute', voted: i.voted,
      status: i.status as 'pending', result: itemResult(m, i), votes: m.votes.get(i.id) ?? {},
    })),
    voters: m.units.map((u) => {
      const r = m.facts.attendance.find((x) => x.voterKey === u.key);
      return {
        key: u.key, name: u.name, shares: u.shares, ownerIds: u.ownerIds, lots: u.lotIds.map((l) => m.lotNumbers.get(l) ?? String(l)),
        mode: r?.mode ?? 'absent', holder: r?.holder ?? null, holderName: holderName(r?.holder ?? null), fromItem: r?.fromItem ?? 1, untilItem: r?.untilItem ?? null,
        proxy: proxyOf(m, u.key, openingOnce),
      };
    }),
    people: m.people,
  };
}

async function itemOf(ctx: HandlerContext, itemId: number): Promise<{ item: AgendaItem; m: Meeting }> {
  const item = await ctx.em.findOne(AgendaItemSchema, { id: itemId });
  if (!item) throw new NotFoundError('Agenda item', itemId);
  const m = await loadMeeting(ctx, item.assembly.id);
  return { item: m.items.find((i) => i.id === itemId) as AgendaItem, m };
}

function assertVoting(m: Meeting, item: AgendaItem) {
  assertEditable(m);
  if (m.assembly.status !== 'open') throw new DomainRuleError('meeting_not_open', 'Votes are taken while the meeting is open');
  if (!item.voted) throw new DomainRuleError('item_not_voted', 'This item is for information: it is not voted');
  if (item.status === 'declared') throw new DomainRuleError('result_declared', 'The chair declared this result: it is locked');
}

const tallyUpdated = (ctx: HandlerContext, assemblyId: number, itemId: number | null) => ctx.emit('tally-updated', { assemblyId, itemId });

const THRESHOLDS = { absolute: { num: 1, den: 2, strict: true }, twoThirds: { num: 2, den: 3, strict: false }, fourFifths: { num: 4, den: 5, strict: false }, unanimity: { num: 1, den: 1, strict: false } } as const;

export const governanceHandlers: Handlers<
  'ag.list' | 'ag.create' | 'ag.update' | 'ag.get' | 'ag.saveItem' | 'ag.moveItem' | 'ag.removeItem' | 'ag.checkIn' | 'ag.depart' | 'ag.open' | 'ag.startVote' | 'ag.vote' | 'ag.undo' | 'ag.declare' | 'ag.close' | 'ag.secondSession' | 'ag.projector'
> = {
  'ag.list': async ({ buildingId }, ctx) => {
    await buildingInScope(ctx, buildingId);
    const rows = await ctx.em.find(AssemblySchema, { building: buildingId }, { orderBy: { scheduledAt: 'desc' } });
    const counts = rows.length ? ((await sql(ctx.em, 'agenda_item').whereIn('assembly_id', rows.map((r) => r.id)).groupBy('assembly_id').select('assembly_id').count({ n: '*' })) as { assembly_id: number; n: number | string }[]) : [];
    return rows.map((a) => ({ id: a.id, kind: a.kind, session: a.session, scheduledAt: a.scheduledAt.toISOString(), place: a.place, status: a.status as 'draft', items: Number(counts.find((c) => Number(c.assembly_id) === a.id)?.n ?? 0), archived: Boolean(a.archivedAt) }));
  },

  'ag.create': async ({ buildingId, ...data }, ctx) => {
    await buildingInScope(ctx, buildingId);
    if (data.firstSessionId) {
      const first = await ctx.em.findOne(AssemblySchema, { id: data.firstSessionId, building: buildingId });
      if (!first) throw new DomainRuleError('unknown_first_session', 'The first session is not an assembly of this building', { path: ['firstSessionId'] });
    }
    const a = ctx.em.create(AssemblySchema, {
      building: buildingId, kind: data.kind, session: data.session, firstSessionId: data.firstSessionId, place: data.place, scheduledAt: new Date(data.scheduledAt),
      convocationDate: data.convocationDate, status: data.convocationDate ? 'convened' : 'draft', opening: null, openedAt: null, closedAt: null, chair: null, secretary: null,
      currentItemId: null, projectorKey: randomBytes(24).toString('base64url'), minutesText: null, minutesDocumentId: null, archivedAt: null, createdAt: ctx.now(),
    });
    await ctx.em.flush();
    ctx.audit('ag.create', 'assembly', a.id, null, { buildingId, ...data });
    return { id: a.id };
  },

  'ag.update': async ({ id, data }, ctx) => {
    const m = await loadMeeting(ctx, id);
    assertBeforeOpening(m);
    const before = { place: m.assembly.place, scheduledAt: m.assembly.scheduledAt.toISOString(), convocationDate: m.assembly.convocationDate };
    Object.assign(m.assembly, { kind: data.kind, session: data.session, firstSessionId: data.firstSessionId, place: data.place, scheduledAt: new Date(data.scheduledAt), convocationDate: data.convocationDate, status: data.convocationDate ? 'convened' : 'draft' });
    ctx.audit('ag.update', 'assembly', id, before, data);
    return { id };
  },

  'ag.get': async ({ id }, ctx) => detail(ctx, await loadMeeting(ctx, id)),

  'ag.saveItem': async ({ assemblyId, id, title, text, majorityRule: ruleKey, voted }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    assertBeforeOpening(m);
    const rule = majorityRule(ruleKey);
    if (!rule) throw new DomainRuleError('unknown_majority', 'Unknown majority', { path: ['majorityRule'] });
    let item: AgendaItem;
    if (id !== undefined) {
      const found = m.items.find((i) => i.id === id);
      if (!found) throw new NotFoundError('Agenda item', id);
      item = Object.assign(found, { title, text, majorityRule: ruleKey, majority: rule.majority, voted });
    } else {
      item = ctx.em.create(AgendaItemSchema, { assembly: assemblyId, position: m.items.length + 1, title, text, majorityRule: ruleKey, majority: rule.majority, voted, status: 'pending', result: null, declaredAt: null });
    }
    await ctx.em.flush();
    ctx.audit('ag.saveItem', 'agenda_item', item.id, null, { title, majorityRule: ruleKey, voted });
    return { id: item.id };
  },

  'ag.moveItem': async ({ id, position }, ctx) => {
    const { item, m } = await itemOf(ctx, id);
    assertBeforeOpening(m);
    const order = m.items.filter((i) => i.id !== id);
    order.splice(Math.min(position, order.length + 1) - 1, 0, item);
    // Renumber in two steps: positions are unique per assembly.
    order.forEach((i, k) => (i.position = 10_000 + k));
    await ctx.em.flush();
    order.forEach((i, k) => (i.position = k + 1));
    return { id };
  },

  'ag.removeItem': async ({ id }, ctx) => {
    const { item, m } = await itemOf(ctx, id);
    assertBeforeOpening(m);
    ctx.em.remove(item);
    await ctx.em.flush();
    const rest = m.items.filter((i) => i.id !== id);
    rest.forEach((i, k) => (i.position = 10_000 + k));
    await ctx.em.flush();
    rest.forEach((i, k) => (i.position = k + 1));
    ctx.audit('ag.removeItem', 'agenda_item', id, { title: item.title }, null);
    return {};
  },

  'ag.checkIn': async ({ assemblyId, voterKey, mode, holder, fromItem }, ctx) => {
    let m = await loadMeeting(ctx, assemblyId);
    assertEditable(m);
    if (['closed', 'failed'].includes(m.assembly.status)) throw new DomainRuleError('meeting_over', 'This meeting is over');
    if (!m.units.some((u) => u.key === voterKey)) throw new DomainRuleError('unknown_voter', 'This voter does not own a lot of the building on the day of the meeting', { path: ['voterKey'] });
    let holderKey: string | null = null;
    if (mode === 'proxy') {
      if (!holder) throw new DomainRuleError('holder_required', 'A proxy names its holder', { path: ['holder'] });
      if (typeof holder === 'string') {
        if (!m.units.some((u) => u.key === holder)) throw new DomainRuleError('unknown_voter', 'The holder is not an owner of the building', { path: ['holder'] });
        if (holder === voterKey) throw new DomainRuleError('holder_self', 'An owner cannot hold their own proxy', { path: ['holder'] });
        holderKey = holder;
      } else {
        const existing = m.people.find((p) => p.name.toLowerCase() === holder.name.toLowerCase());
        const person = existing ? null : ctx.em.create(MeetingPersonSchema, { assembly: assemblyId, name: holder.name, syndic: holder.syndic });
        if (person) await ctx.em.flush();
        holderKey = existing?.key ?? `p${person?.id}`;
      }
    }
    const row = await ctx.em.findOne(AttendanceSchema, { assembly: assemblyId, voterKey });
    const fields = { mode, holder: holderKey, fromItem, untilItem: null, updatedAt: ctx.now() };
    if (row) Object.assign(row, fields);
    else ctx.em.create(AttendanceSchema, { assembly: assemblyId, voterKey, ...fields });
    m = await reload(ctx, m);
    ctx.audit('ag.checkIn', 'assembly', assemblyId, null, { voterKey, mode, holder: holderKey, fromItem });
    tallyUpdated(ctx, assemblyId, null);
    return { proxy: proxyOf(m, voterKey, () => openingTally(m.facts)), quorum: liveQuorum(m) };
  },

  'ag.depart': async ({ assemblyId, voterKey, untilItem }, ctx) => {
    let m = await loadMeeting(ctx, assemblyId);
    assertEditable(m);
    const row = await ctx.em.findOne(AttendanceSchema, { assembly: assemblyId, voterKey });
    if (!row || row.mode === 'absent') throw new DomainRuleError('not_present', 'This voter is not in the meeting', { path: ['voterKey'] });
    if (untilItem <= row.fromItem) throw new DomainRuleError('depart_before_arrival', 'A departure comes after the arrival', { path: ['untilItem'] });
    row.untilItem = untilItem;
    row.updatedAt = ctx.now();
    m = await reload(ctx, m);
    ctx.audit('ag.depart', 'assembly', assemblyId, null, { voterKey, untilItem });
    tallyUpdated(ctx, assemblyId, null);
    return { quorum: liveQuorum(m) };
  },

  'ag.open': async ({ assemblyId, chair, secretary }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    assertBeforeOpening(m);
    const blocking = (await checksOf(ctx, m)).filter((c) => c.severity === 'error');
    if (blocking.length) throw new DomainRuleError(blocking[0]!.code, blocking.map((c) => c.message).join('; '), { checks: blocking });
    const opening = openingTally(m.facts);
    Object.assign(m.assembly, { opening, openedAt: ctx.now(), chair, secretary, status: opening.quorum.reached ? 'open' : 'failed' });
    ctx.audit('ag.open', 'assembly', assemblyId, null, { quorum: opening.quorum, chair, secretary });
    tallyUpdated(ctx, assemblyId, null);
    return { status: m.assembly.status as 'open', quorum: opening.quorum };
  },

  'ag.startVote': async ({ itemId }, ctx) => {
    const { item, m } = await itemOf(ctx, itemId);
    assertVoting(m, item);
    for (const other of m.items) if (other.status === 'voting' && other.id !== itemId) throw new DomainRuleError('other_item_voting', `Item ${other.position} is still being voted: declare its result first`);
    item.status = 'voting';
    m.assembly.currentItemId = itemId;
    tallyUpdated(ctx, m.assembly.id, itemId);
    return { itemId };
  },

  'ag.vote': async ({ itemId, all, votes }, ctx) => {
    const { item, m } = await itemOf(ctx, itemId);
    assertVoting(m, item);
    if (item.status !== 'voting') throw new DomainRuleError('item_not_voting', 'Put the item to the vote first');
    const represented = new Set(representedAt(m, item.position));
    const wanted = new Map<string, VoteChoice>();
    if (all) for (const k of represented) wanted.set(k, all);
    for (const [i, v] of votes.entries()) {
      if (!represented.has(v.voterKey)) throw new DomainRuleError('voter_not_represented', 'This voter is not present or represented at this item', { path: ['votes', i, 'voterKey'] });
      wanted.set(v.voterKey, v.choice);
    }
    const current = m.votes.get(itemId) ?? {};
    const last = (await sql(ctx.em, 'vote_event').where({ item_id: itemId }).max({ b: 'batch' }).first()) as { b: number | null } | undefined;
    const batch = Number(last?.b ?? 0) + 1;
    const existing = new Map((await ctx.em.find(VoteSchema, { item: itemId })).map((v) => [v.voterKey, v]));
    for (const [key, choice] of wanted) {
      const before = current[key] ?? null;
      if (before === choice) continue;
      const row = existing.get(key);
      if (row) Object.assign(row, { choice, recordedAt: ctx.now() });
      else ctx.em.create(VoteSchema, { item: itemId, voterKey: key, choice, recordedAt: ctx.now() });
      ctx.em.create(VoteEventSchema, { item: itemId, batch, voterKey: key, fromChoice: before, toChoice: choice, at: ctx.now(), actor: ctx.actor.label, undone: false });
    }
    await ctx.em.flush();
    // The votes changed, nothing else: count from what is already loaded.
    m.votes.set(itemId, { ...current, ...Object.fromEntries(wanted) });
    tallyUpdated(ctx, m.assembly.id, itemId);
    return itemResult(m, item) as never;
  },

  'ag.undo': async ({ itemId }, ctx) => {
    const { item, m } = await itemOf(ctx, itemId);
    assertVoting(m, item);
    const lastBatch = (await sql(ctx.em, 'vote_event').where({ item_id: itemId, undone: false }).max({ b: 'batch' }).first()) as { b: number | null } | undefined;
    if (!lastBatch?.b) throw new DomainRuleError('nothing_to_undo', 'There is no vote entry to undo');
    const events = await ctx.em.find(VoteEventSchema, { item: itemId, batch: Number(lastBatch.b) });
    const rows = new Map((await ctx.em.find(VoteSchema, { item: itemId })).map((v) => [v.voterKey, v]));
    for (const e of events) {
      const row = rows.get(e.voterKey);
      if (!e.fromChoice) {
        if (row) ctx.em.remove(row);
      } else if (row) row.choice = e.fromChoice;
      e.undone = true;
    }
    const fresh = await reload(ctx, m);
    tallyUpdated(ctx, m.assembly.id, itemId);
    return itemResult(fresh, fresh.items.find((i) => i.id === itemId) as AgendaItem) as never;
  },

  'ag.declare': async ({ itemId }, ctx) => {
    const { item, m } = await itemOf(ctx, itemId);
    assertVoting(m, item);
    const result = itemResult(m, item);
    if (!result) throw new DomainRuleError('no_result', 'No result to declare');
    Object.assign(item, { status: 'declared', result, declaredAt: ctx.now() });
    ctx.audit('ag.declare', 'agenda_item', itemId, null, result);
    tallyUpdated(ctx, m.assembly.id, itemId);
    return result;
  },

  'ag.close': async ({ assemblyId }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    assertEditable(m);
    if (m.assembly.status !== 'open') throw new DomainRuleError('meeting_not_open', 'Only an open meeting can be closed');
    const undeclared = m.items.filter((i) => i.voted && i.status !== 'declared');
    if (undeclared.length) throw new DomainRuleError('items_not_declared', `Declare the results of items ${undeclared.map((i) => i.position).join(', ')} first`);
    Object.assign(m.assembly, { status: 'closed', closedAt: ctx.now(), currentItemId: null });
    ctx.audit('ag.close', 'assembly', assemblyId, null, { closedAt: ctx.now().toISOString() });
    tallyUpdated(ctx, assemblyId, null);
    return { id: assemblyId };
  },

  'ag.secondSession': async ({ assemblyId, scheduledAt, place, convocationDate }, ctx) => {
    const m = await loadMeeting(ctx, assemblyId);
    if (m.assembly.status !== 'failed') throw new DomainRuleError('first_session_not_failed', 'A second session follows a first session whose quorum was not reached');
    const days = daysBetween(meetingDate(m.assembly), scheduledAt.slice(0, 10));
    if (days < SECOND_SESSION_MIN_DAYS) throw new DomainRuleError('second_session_too_soon', `The second session must be at least ${SECOND_SESSION_MIN_DAYS} days after the first (art. 3.87 §5); this is ${days}`, { path: ['scheduledAt'] });
    const a = ctx.em.create(AssemblySchema, {
      building: m.building.id, kind: m.assembly.kind, session: 'second', firstSessionId: assemblyId, place, scheduledAt: new Date(scheduledAt), convocationDate,
      status: convocationDate ? 'convened' : 'draft', opening: null, openedAt: null, closedAt: null, chair: null, secretary: null, currentItemId: null,
      projectorKey: randomBytes(24).toString('base64url'), minutesText: null, minutesDocumentId: null, archivedAt: null, createdAt: ctx.now(),
    });
    await ctx.em.flush();
    for (const i of m.items) ctx.em.create(AgendaItemSchema, { assembly: a.id, position: i.position, title: i.title, text: i.text, majorityRule: i.majorityRule, majority: i.majority, voted: i.voted, status: 'pending', result: null, declaredAt: null });
    ctx.audit('ag.secondSession', 'assembly', a.id, null, { firstSessionId: assemblyId, scheduledAt });
    return { id: a.id };
  },

  'ag.projector': async ({ assemblyId, key }, ctx) => {
    const a = await ctx.em.findOne(AssemblySchema, { id: assemblyId });
    // Same answer whether the meeting does not exist or the key is wrong.
    if (!a || a.projectorKey.length !== key.length || a.projectorKey !== key) throw new NotFoundError('Assembly', assemblyId);
    const m = await readMeeting(ctx.em, a);
    const item = m.items.find((i) => i.id === a.currentItemId) ?? null;
    const result = item ? itemResult(m, item) : null;
    return {
      buildingName: m.building.name, scheduledAt: a.scheduledAt.toISOString(), status: a.status as 'open', quorum: liveQuorum(m),
      item: item ? {
        position: item.position, title: item.title, majority: item.majority as 'absolute', status: item.status as 'voting',
        for: result?.resolution.for ?? 0, against: result?.resolution.against ?? 0, abstain: result?.resolution.abstain ?? 0,
        threshold: THRESHOLDS[item.majority as keyof typeof THRESHOLDS], outcome: item.status === 'declared' ? (result?.resolution.outcome ?? null) : null,
      } : null,
    };
  },
};

