/**
 * The benchmark firm's general assemblies (assemblée générale / algemene vergadering):
 * ordinary meetings of 2026, held and closed, in the rows the meeting-room handlers write —
 * attendance (present, late, left early, proxies to owners or to other people), the agenda
 * with its majorities (art. 3.87 §8, art. 3.88), every vote and its log (vote, vote_event)
 * and each resolution declared with the result the handlers compute (itemResult, on the
 * same tally engine). The minutes are not drafted: the bench drafts them (ag.minutes).
 */
import { majorityRule } from '../src-shared/governance.js';
import { openingTally, voterUnits, type AttendanceRecord, type MeetingFacts, type MeetingPerson, type VoterUnit } from '../src-main/domain/meeting.js';
import type { VoteChoice } from '../src-main/domain/tally.js';
import { itemResult, representedAt, type Meeting } from '../src-main/app/governance/meeting-state.js';

export const ASSEMBLY_TABLES = {
  assembly: ['id', 'building_id', 'kind', 'session', 'first_session_id', 'place', 'scheduled_at', 'convocation_date', 'status', 'opening', 'opened_at', 'closed_at', 'chair', 'secretary', 'current_item_id', 'projector_key', 'minutes_text', 'minutes_document_id', 'archived_at', 'created_at', 'convocation_documents'],
  assembly_person: ['id', 'assembly_id', 'name', 'syndic'],
  assembly_attendance: ['id', 'assembly_id', 'voter_key', 'mode', 'holder', 'from_item', 'until_item', 'updated_at'],
  agenda_item: ['id', 'assembly_id', 'position', 'title', 'text', 'majority_rule', 'majority', 'voted', 'status', 'result', 'declared_at'],
  vote: ['id', 'item_id', 'voter_key', 'choice', 'recorded_at'],
  vote_event: ['id', 'item_id', 'batch', 'voter_key', 'from_choice', 'to_choice', 'at', 'actor', 'undone'],
} as const;
export type AssemblyTable = keyof typeof ASSEMBLY_TABLES;

type Cell = string | number | boolean | null | Date;

/** What the generator lends: its seeded randomness and its bulk writer. */
export interface AssemblyWriter {
  rng: { next(): number; int(lo: number, hi: number): number; chance(p: number): boolean; pick<T>(list: readonly T[]): T };
  add(table: AssemblyTable, row: Cell[]): void;
  take(table: AssemblyTable): number;
  at(ms: number): Cell;
  bool(v: boolean): Cell;
  /** The syndic's audit label (`user:<id>`), who registers the votes. */
  actor: string;
  secretary: string;
}

export interface AssemblyBuilding {
  id: number;
  language: 'fr' | 'nl';
  street: string;
  city: string;
  lots: { id: number; shares: number; periods: { owners: { ownerId: number }[]; from: string; to: string | null }[] }[];
  ownerName: (ownerId: number) => string;
  /** Names of people who are not owners here (a relative, a neighbour holding a proxy). */
  outsider: () => string;
}

interface AgendaTemplate { rule: string | null; fr: string; nl: string; support: number }

/** The ordinary agenda, in its usual order; `rule: null` is for information, not voted. */
const ORDINARY: readonly AgendaTemplate[] = [
  { rule: 'absolute', fr: 'Désignation du président et du secrétaire de séance', nl: 'Aanstelling van de voorzitter en de secretaris van de vergadering', support: 0.97 },
  { rule: null, fr: 'Rapport du conseil de copropriété', nl: 'Verslag van de raad van mede-eigendom', support: 0 },
  { rule: 'absolute', fr: 'Approbation des comptes de l\'exercice 2025', nl: 'Goedkeuring van de rekeningen van het boekjaar 2025', support: 0.9 },
  { rule: 'absolute', fr: 'Décharge au conseil de copropriété', nl: 'Kwijting aan de raad van mede-eigendom', support: 0.88 },
  { rule: 'absolute', fr: 'Décharge au commissaire aux comptes', nl: 'Kwijting aan de rekencommissaris', support: 0.9 },
  { rule: 'absolute', fr: 'Décharge au syndic', nl: 'Kwijting aan de syndicus', support: 0.8 },
  { rule: 'absolute', fr: 'Approbation du budget 2026', nl: 'Goedkeuring van de begroting 2026', support: 0.85 },
  { rule: 'absolute', fr: 'Dotation au fonds de réserve', nl: 'Bijdrage aan het reservekapitaal', support: 0.8 },
  { rule: 'absolute', fr: 'Renouvellement du mandat du syndic', nl: 'Hernieuwing van het mandaat van de syndicus', support: 0.78 },
];
/** Points some meetings add (0 to 4 of them), before "Divers". */
const EXTRAS: readonly AgendaTemplate[] = [
  { rule: 'absolute', fr: 'Élection des membres du conseil de copropriété', nl: 'Verkiezing van de leden van de raad van mede-eigendom', support: 0.86 },
  { rule: 'works_common', fr: 'Rénovation de la façade avant', nl: 'Renovatie van de voorgevel', support: 0.66 },
  { rule: 'competitive_bids', fr: 'Montant à partir duquel une mise en concurrence est obligatoire', nl: 'Bedrag vanaf wanneer mededinging verplicht is', support: 0.8 },
  { rule: 'works_common', fr: 'Remplacement de la chaudière commune', nl: 'Vervanging van de gemeenschappelijke ketel', support: 0.7 },
  { rule: 'statutes_use', fr: 'Règlement d\'ordre intérieur : usage du local vélos', nl: 'Huishoudelijk reglement: gebruik van de fietsenberging', support: 0.75 },
  { rule: 'private_works', fr: 'Remplacement des châssis aux frais de la copropriété', nl: 'Vervanging van de ramen op kosten van de mede-eigendom', support: 0.6 },
];
const MISC: AgendaTemplate = { rule: null, fr: 'Divers', nl: 'Varia', support: 0 };
const PLACES = { fr: ['Salle paroissiale', 'Bureaux du syndic', 'Hall de l\'immeuble', 'Salle communale'], nl: ['Parochiezaal', 'Kantoor van de syndicus', 'Inkomhal van het gebouw', 'Gemeentezaal'] } as const;

const MINUTE = 60_000, DAY = 86_400_000;
const isoOf = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** One closed ordinary assembly of 2026 in `b` (or a failed one, when its quorum is not reached). */
export function generateAssembly(w: AssemblyWriter, b: AssemblyBuilding): { voters: number; resolutions: number; status: 'closed' | 'failed' } {
  const { rng } = w;
  // A weekday evening between March and June, 18:30 in Brussels (16:30 UTC in summer time).
  const day = Date.UTC(2026, 2, 2) + rng.int(0, 16) * 7 * DAY + rng.int(0, 3) * DAY;
  const date = isoOf(day);
  const scheduledMs = day + 16 * 60 * MINUTE + 30 * MINUTE;
  const convocationMs = day - rng.int(16, 30) * DAY;

  // The voters of the day, as readMeeting makes them: owners of the lots on that date.
  const units: VoterUnit[] = voterUnits(b.lots.map((l) => {
    const p = l.periods.find((x) => x.from <= date && (x.to === null || x.to >= date));
    const ownerIds = p ? p.owners.map((o) => o.ownerId) : [];
    return { lotId: l.id, shares: l.shares, ownerIds, ownerNames: ownerIds.map(b.ownerName) };
  }));

  const extras = [...EXTRAS];
  for (let i = extras.length - 1; i > 0; i--) {
    const j = rng.int(0, i);
    [extras[i], extras[j]] = [extras[j]!, extras[i]!];
  }
  const agenda = [...ORDINARY, ...extras.slice(0, rng.int(0, 4)), MISC];
  const votedPositions = agenda.map((t, i) => (t.rule ? i + 1 : 0)).filter(Boolean);
  const lastPosition = agenda.length;

  // Attendance: about 55 % in person (a few late, a few leave early), 20 % by proxy.
  const records: AttendanceRecord[] = [];
  const stable: string[] = [];
  for (const u of units) {
    if (!rng.chance(0.55)) continue;
    const late = rng.chance(0.05), leaves = !late && rng.chance(0.05);
    const fromItem = late ? rng.int(2, 4) : 1;
    const untilItem = leaves ? rng.int(Math.ceil(lastPosition / 2), lastPosition) : null;
    records.push({ voterKey: u.key, mode: 'present', holder: null, fromItem, untilItem });
    if (!late && !leaves) stable.push(u.key);
  }
  const present = new Set(records.map((r) => r.voterKey));
  const held = new Map<string, number>();
  const people: MeetingPerson[] = [];
  const assemblyId = w.take('assembly');
  for (const u of units) {
    if (present.has(u.key) || !rng.chance(0.45)) continue;
    // Art. 3.87 §7: at most three proxies a holder; the holder is in the room from the start.
    let holder: string | null = null;
    if (rng.chance(0.15) || stable.length === 0) {
      const id = w.take('assembly_person');
      const person = { key: `p${id}`, name: b.outsider(), syndic: false };
      people.push(person);
      w.add('assembly_person', [id, assemblyId, person.name, w.bool(false)]);
      holder = person.key;
    } else {
      for (let tries = 0; tries < 5 && !holder; tries++) {
        const k = rng.pick(stable);
        if ((held.get(k) ?? 0) < 3) holder = k;
      }
      if (!holder) continue;
      held.set(holder, (held.get(holder) ?? 0) + 1);
    }
    records.push({ voterKey: u.key, mode: 'proxy', holder, fromItem: 1, untilItem: null });
  }
  const facts: MeetingFacts = { session: 'first', totalShares: units.reduce((s, u) => s + u.shares, 0), units, people, attendance: records };
  const opening = openingTally(facts);
  const status = opening.quorum.reached ? 'closed' : 'failed';

  const openedMs = scheduledMs + rng.int(5, 20) * MINUTE;
  for (const r of records) w.add('assembly_attendance', [w.take('assembly_attendance'), assemblyId, r.voterKey, r.mode, r.holder ?? null, r.fromItem ?? 1, r.untilItem ?? null, w.at(scheduledMs - rng.int(0, 25) * MINUTE)]);

  // The agenda, each resolution voted in turn: everyone represented "for", then the
  // dissenters changed one by one — the way the meeting room enters them — and declared.
  type Item = { id: number; position: number; voted: boolean; status: string; result: unknown; majority: string };
  const votes = new Map<number, Record<string, VoteChoice>>();
  const items: Item[] = [];
  const meeting = { assembly: { status: 'open', opening }, units, facts, votes, items: items as unknown } as unknown as Meeting;
  let clock = openedMs;
  const chair = units.find((u) => stable.includes(u.key))?.name ?? w.secretary;
  for (const [i, t] of agenda.entries()) {
    const position = i + 1;
    const rule = t.rule ? majorityRule(t.rule) : undefined;
    const item: Item = { id: w.take('agenda_item'), position, voted: Boolean(t.rule), status: 'pending', result: null, majority: rule?.majority ?? 'absolute' };
    items.push(item);
    clock += rng.int(4, 14) * MINUTE;
    let result: unknown = null;
    if (item.voted && status === 'closed') {
      item.status = 'voting';
      const chosen: Record<string, VoteChoice> = {};
      const represented = representedAt(meeting, position);
      for (const k of represented) {
        const r = rng.next();
        chosen[k] = r < t.support ? 'for' : r < t.support + (1 - t.support) * 0.65 ? 'against' : 'abstain';
      }
      votes.set(item.id, chosen);
      result = itemResult(meeting, item as never);
      const voteMs = clock, changeMs = clock + 2 * MINUTE;
      for (const k of represented) {
        const choice = chosen[k] as VoteChoice;
        w.add('vote', [w.take('vote'), item.id, k, choice, w.at(choice === 'for' ? voteMs : changeMs)]);
        w.add('vote_event', [w.take('vote_event'), item.id, 1, k, null, 'for', w.at(voteMs), w.actor, w.bool(false)]);
        if (choice !== 'for') w.add('vote_event', [w.take('vote_event'), item.id, 2, k, 'for', choice, w.at(changeMs), w.actor, w.bool(false)]);
      }
      item.status = 'declared';
      item.result = result;
    }
    const text = t.rule ? (b.language === 'fr' ? `Proposition de décision : ${t.fr.toLowerCase()}.` : `Voorstel van besluit: ${t.nl.toLowerCase()}.`) : '';
    w.add('agenda_item', [item.id, assemblyId, position, b.language === 'fr' ? t.fr : t.nl, text, t.rule ?? 'absolute', item.majority, w.bool(item.voted), item.status,
      result === null ? null : JSON.stringify(result), item.status === 'declared' ? w.at(clock + 3 * MINUTE) : null]);
  }
  const closedMs = status === 'closed' ? clock + rng.int(10, 25) * MINUTE : null;
  const place = `${rng.pick(PLACES[b.language])}, ${b.language === 'fr' && rng.chance(0.5) ? b.street : b.city}`;
  const key = Array.from({ length: 32 }, () => 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'[rng.int(0, 63)]).join('');
  w.add('assembly', [assemblyId, b.id, 'ordinary', 'first', null, place.slice(0, 200), w.at(scheduledMs), isoOf(convocationMs), status, JSON.stringify(opening), w.at(openedMs),
    closedMs === null ? null : w.at(closedMs), chair.slice(0, 160), w.secretary, null, key, null, null, null, w.at(convocationMs - rng.int(3, 10) * DAY), null]);
  return { voters: units.length, resolutions: votedPositions.length, status };
}
