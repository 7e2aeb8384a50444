import { defineEntity, type InferEntity } from '@mikro-orm/core';
import { BuildingSchema, OwnerSchema } from './portfolio.entity.js';

/** A general assembly (assemblée générale / algemene vergadering). */
export const AssemblySchema = defineEntity({
  name: 'Assembly',
  tableName: 'assembly',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    building: p.manyToOne(BuildingSchema),
    /** ordinary | extraordinary */
    kind: p.string().length(14),
    /** first | second (convened again after a failed quorum, art. 3.87 §5) */
    session: p.string().length(6),
    firstSessionId: p.integer().nullable(),
    place: p.string().length(200),
    scheduledAt: p.datetime(),
    convocationDate: p.date().nullable(),
    /** draft | convened | open | closed | failed (quorum not reached) */
    status: p.string().length(10),
    /** The opening's tally (quorum and proxies), frozen when the meeting opens. */
    opening: p.json<unknown>().nullable(),
    openedAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    chair: p.string().length(160).nullable(),
    secretary: p.string().length(160).nullable(),
    /** The item being voted, shown on the projector. */
    currentItemId: p.integer().nullable(),
    /** Random key of the projector page (which shows no personal data). */
    projectorKey: p.string().length(64),
    /** Titles of the documents the convocation lists (accounts, budget, quotes…), art. 3.87 §3. */
    convocationDocuments: p.json<string[]>().nullable(),
    minutesText: p.text().nullable(),
    minutesDocumentId: p.integer().nullable(),
    /** Set when the signed minutes are archived: the meeting is read-only from then on. */
    archivedAt: p.datetime().nullable(),
    createdAt: p.datetime(),
  }),
  indexes: [{ properties: ['building', 'scheduledAt'] }],
});
export type Assembly = InferEntity<typeof AssemblySchema>;

/** An agenda item (point de l'ordre du jour / agendapunt) and, once declared, its result. */
export const AgendaItemSchema = defineEntity({
  name: 'AgendaItem',
  tableName: 'agenda_item',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    assembly: p.manyToOne(AssemblySchema),
    position: p.integer(),
    title: p.string().length(300),
    text: p.text(),
    /** Key of the majority catalogue (src-shared/governance.ts), naming the article of law. */
    majorityRule: p.string().length(40),
    majority: p.string().length(12),
    /** Informational items are not voted. */
    voted: p.boolean(),
    /** pending | voting | declared */
    status: p.string().length(10),
    result: p.json<unknown>().nullable(),
    declaredAt: p.datetime().nullable(),
  }),
  uniques: [{ properties: ['assembly', 'position'] }],
});
export type AgendaItem = InferEntity<typeof AgendaItemSchema>;

/** A voter's attendance: in person, by proxy, absent; from / until a resolution. */
export const AttendanceSchema = defineEntity({
  name: 'Attendance',
  tableName: 'assembly_attendance',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    assembly: p.manyToOne(AssemblySchema),
    voterKey: p.string().length(80),
    mode: p.string().length(8),
    holder: p.string().length(200).nullable(),
    fromItem: p.integer(),
    untilItem: p.integer().nullable(),
    updatedAt: p.datetime(),
  }),
  uniques: [{ properties: ['assembly', 'voterKey'] }],
});
export type Attendance = InferEntity<typeof AttendanceSchema>;

/** Someone in the room who is not an owner: a mandatary, the syndic. */
export const MeetingPersonSchema = defineEntity({
  name: 'MeetingPerson',
  tableName: 'assembly_person',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    assembly: p.manyToOne(AssemblySchema),
    name: p.string().length(160),
    syndic: p.boolean(),
  }),
});
export type MeetingPerson = InferEntity<typeof MeetingPersonSchema>;

export const VoteSchema = defineEntity({
  name: 'Vote',
  tableName: 'vote',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    item: p.manyToOne(AgendaItemSchema),
    voterKey: p.string().length(80),
    choice: p.string().length(8),
    recordedAt: p.datetime(),
  }),
  uniques: [{ properties: ['item', 'voterKey'] }],
});
export type Vote = InferEntity<typeof VoteSchema>;

/** Every vote entry and correction, in order: the undo stack and the log of corrections. */
export const VoteEventSchema = defineEntity({
  name: 'VoteEvent',
  tableName: 'vote_event',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    item: p.manyToOne(AgendaItemSchema),
    batch: p.integer(),
    voterKey: p.string().length(80),
    fromChoice: p.string().length(8).nullable(),
    toChoice: p.string().length(8).nullable(),
    at: p.datetime(),
    actor: p.string().length(120),
    undone: p.boolean(),
  }),
  indexes: [{ properties: ['item', 'batch'] }],
});
export type VoteEvent = InferEntity<typeof VoteEventSchema>;

/**
 * The convocation register: each letter sent by e-mail (sent / failed, with the server's
 * message id or error) or printed for registered mail (art. 3.87 §3), as proof of the
 * convocation. `documentId` is the letter as sent (document table, by SHA-256).
 */
export const ConvocationDeliverySchema = defineEntity({
  name: 'ConvocationDelivery',
  tableName: 'convocation_delivery',
  properties: (p) => ({
    id: p.integer().primary().autoincrement(),
    assembly: p.manyToOne(AssemblySchema),
    owner: p.manyToOne(OwnerSchema),
    /** email | registered */
    channel: p.string().length(10),
    /** sent | failed | printed */
    status: p.string().length(8),
    messageId: p.string().length(300).nullable(),
    error: p.string().length(500).nullable(),
    documentId: p.integer().nullable(),
    at: p.datetime(),
    actor: p.string().length(120),
  }),
  indexes: [{ properties: ['assembly', 'owner'] }],
});
export type ConvocationDelivery = InferEntity<typeof ConvocationDeliverySchema>;
