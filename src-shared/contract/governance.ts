import { z } from 'zod';
import { MAJORITY_RULE_KEYS } from '../governance.js';
import { command, query } from './define.js';
import { id, isoDate, nonEmpty } from './fields.js';

export const ASSEMBLY_STATUSES = ['draft', 'convened', 'open', 'closed', 'failed'] as const;
export const majority = z.enum(['absolute', 'twoThirds', 'fourFifths', 'unanimity']);
export const voteChoice = z.enum(['for', 'against', 'abstain']);
export const voterKey = z.string().regex(/^(o\d+|j\d+(-\d+)+)$/, { message: 'A voter is "o<owner id>" or "j<id>-<id>…" for joint owners' });

const isoDateTime = z.iso.datetime({ offset: true, local: true });

export const assemblyInput = z.object({
  kind: z.enum(['ordinary', 'extraordinary']),
  session: z.enum(['first', 'second']).default('first'),
  firstSessionId: id.nullable().default(null),
  place: nonEmpty(200),
  scheduledAt: isoDateTime,
  convocationDate: isoDate.nullable().default(null),
});

export const check = z.object({ code: z.string(), severity: z.enum(['error', 'warning']), message: z.string(), details: z.record(z.string(), z.unknown()).optional() });

const tallyResolution = z.object({
  id: z.string(), majority, for: z.number(), against: z.number(), abstain: z.number(),
  outcome: z.enum(['adopted', 'rejected', 'not_deliberated']), failedOnlyByAbsentees: z.boolean().optional(),
});
export const quorum = z.object({
  reached: z.boolean(), rule: z.enum(['double', 'threeQuarters', 'secondSession', 'none']),
  owners: z.object({ represented: z.number().int(), total: z.number().int() }),
  shares: z.object({ represented: z.number().int(), total: z.number().int() }),
});

export const itemResult = z.object({
  resolution: tallyResolution,
  capped: z.array(z.object({ participant: z.string(), shares: z.number(), cappedTo: z.number() })),
  /** Names of the voters against and abstaining (they go in the minutes, art. 3.87 §10). */
  against: z.array(z.string()),
  abstained: z.array(z.string()),
  votesRecorded: z.number().int(),
  represented: z.number().int(),
});
export type ItemResult = z.infer<typeof itemResult>;

export const agendaItem = z.object({
  id, position: z.number().int(), title: z.string(), text: z.string(), majorityRule: z.string(), majority, voted: z.boolean(),
  status: z.enum(['pending', 'voting', 'declared']),
  /** Live while voting, frozen once declared. */
  result: itemResult.nullable(),
  votes: z.record(z.string(), voteChoice),
});

export const voter = z.object({
  key: z.string(), name: z.string(), shares: z.number().int(), ownerIds: z.array(id), lots: z.array(z.string()),
  mode: z.enum(['present', 'proxy', 'absent']), holder: z.string().nullable(), holderName: z.string().nullable(),
  fromItem: z.number().int(), untilItem: z.number().int().nullable(),
  /** The proxy as the tally sees it now; reason when refused. */
  proxy: z.object({ valid: z.boolean(), reason: z.string().optional() }).nullable(),
});

export const assemblyDetail = z.object({
  id, buildingId: id, buildingName: z.string(), totalShares: z.number().int(),
  kind: z.enum(['ordinary', 'extraordinary']), session: z.enum(['first', 'second']), firstSessionId: id.nullable(),
  place: z.string(), scheduledAt: z.string(), convocationDate: z.string().nullable(), status: z.enum(ASSEMBLY_STATUSES),
  chair: z.string().nullable(), secretary: z.string().nullable(), currentItemId: id.nullable(), projectorKey: z.string(),
  archived: z.boolean(),
  openedAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  /** The free text of the minutes, and the stored minutes PDF (signed or not). */
  minutesText: z.string().nullable(),
  minutesDocumentId: id.nullable(),
  /** Titles of the documents listed in the convocation. */
  convocationDocuments: z.array(z.string()),
  checks: z.array(check),
  /** At the opening: frozen; before it: what the attendance gives now. */
  quorum,
  items: z.array(agendaItem),
  voters: z.array(voter),
  people: z.array(z.object({ key: z.string(), name: z.string(), syndic: z.boolean() })),
});
export type AssemblyDetail = z.infer<typeof assemblyDetail>;

export const projectorView = z.object({
  buildingName: z.string(), scheduledAt: z.string(), status: z.enum(ASSEMBLY_STATUSES), quorum,
  item: z.object({
    position: z.number().int(), title: z.string(), majority, status: z.enum(['pending', 'voting', 'declared']),
    for: z.number(), against: z.number(), abstain: z.number(),
    /** Share of the votes cast that `for` must reach (absolute: more than 1/2). */
    threshold: z.object({ num: z.number().int(), den: z.number().int(), strict: z.boolean() }),
    outcome: z.enum(['adopted', 'rejected', 'not_deliberated']).nullable(),
  }).nullable(),
});

const holder = z.union([voterKey, z.object({ name: nonEmpty(160), syndic: z.boolean().default(false) })]);

export const governanceOperations = {
  'ag.list': query({
    summary: 'General assemblies of a building',
    permission: 'portfolio.read',
    input: z.object({ buildingId: id }),
    output: z.array(z.object({ id, kind: z.string(), session: z.string(), scheduledAt: z.string(), place: z.string(), status: z.enum(ASSEMBLY_STATUSES), items: z.number().int(), archived: z.boolean() })),
  }),
  'ag.create': command({ summary: 'Prepare a general assembly', permission: 'governance.write', input: assemblyInput.extend({ buildingId: id }), output: z.object({ id }) }),
  'ag.update': command({ summary: 'Change a general assembly before it opens', permission: 'governance.write', input: z.object({ id, data: assemblyInput }), output: z.object({ id }) }),
  'ag.get': query({ summary: 'A general assembly with its agenda, voters, attendance, checks and live results', permission: 'portfolio.read', input: z.object({ id }), output: assemblyDetail }),
  'ag.saveItem': command({
    summary: 'Add or change an agenda item with its required majority',
    permission: 'governance.write',
    input: z.object({ assemblyId: id, id: id.optional(), title: nonEmpty(300), text: z.string().max(20_000).default(''), majorityRule: z.enum(MAJORITY_RULE_KEYS), voted: z.boolean().default(true) }),
    output: z.object({ id }),
  }),
  'ag.moveItem': command({ summary: 'Move an agenda item', permission: 'governance.write', input: z.object({ id, position: z.number().int().min(1) }), output: z.object({ id }) }),
  'ag.removeItem': command({ summary: 'Remove an agenda item before the meeting', permission: 'governance.write', input: z.object({ id }), output: z.object({}) }),
  'ag.checkIn': command({
    summary: 'Record a voter: present, represented by a holder, or absent; from which resolution',
    permission: 'governance.write',
    input: z.object({ assemblyId: id, voterKey, mode: z.enum(['present', 'proxy', 'absent']), holder: holder.nullable().default(null), fromItem: z.number().int().min(1).default(1) }),
    output: z.object({ proxy: z.object({ valid: z.boolean(), reason: z.string().optional() }).nullable(), quorum }),
  }),
  'ag.depart': command({
    summary: 'A voter leaves: no longer counted from this resolution on',
    permission: 'governance.write',
    input: z.object({ assemblyId: id, voterKey, untilItem: z.number().int().min(1) }),
    output: z.object({ quorum }),
  }),
  'ag.open': command({
    summary: 'Open the meeting: checks the quorum (art. 3.87 §5) and freezes it; a failed quorum is recorded',
    permission: 'governance.write',
    input: z.object({ assemblyId: id, chair: nonEmpty(160), secretary: nonEmpty(160) }),
    output: z.object({ status: z.enum(ASSEMBLY_STATUSES), quorum }),
  }),
  'ag.startVote': command({ summary: 'Put an agenda item to the vote (shown on the projector)', permission: 'governance.write', input: z.object({ itemId: id }), output: z.object({ itemId: id }) }),
  'ag.vote': command({
    summary: 'Record votes on the item being voted: everyone represented `all`, then the exceptions, or one by one',
    permission: 'governance.write',
    input: z.object({ itemId: id, all: voteChoice.optional(), votes: z.array(z.object({ voterKey, choice: voteChoice })).max(5000).default([]) }),
    output: itemResult,
  }),
  'ag.undo': command({ summary: 'Undo the last vote entry of the item', permission: 'governance.write', input: z.object({ itemId: id }), output: itemResult }),
  'ag.declare': command({ summary: 'The chair declares the result: it is locked', permission: 'governance.write', input: z.object({ itemId: id }), output: itemResult }),
  'ag.close': command({ summary: 'Close the meeting', permission: 'governance.write', input: z.object({ assemblyId: id }), output: z.object({ id }) }),
  'ag.secondSession': command({
    summary: 'Convene the second session after a failed quorum (≥ 15 days later), with the same agenda',
    permission: 'governance.write',
    input: z.object({ assemblyId: id, scheduledAt: isoDateTime, place: nonEmpty(200), convocationDate: isoDate.nullable().default(null) }),
    output: z.object({ id }),
  }),
  'ag.projector': query({
    summary: 'What the projector shows: the current item, its bars and majority line, no personal data',
    permission: 'public',
    input: z.object({ assemblyId: id, key: z.string().min(16).max(64) }),
    output: projectorView,
  }),
};
