import { majorityRule } from '../../../src-shared/governance.js';
import type { ItemResult } from '../../../src-shared/contract/governance.js';
import { resolutionTally } from '../../domain/meeting.js';
import type { ProxyResult, TallyOutput } from '../../domain/tally.js';
import { itemResult, liveQuorum, type Meeting } from './meeting-state.js';

/**
 * What the minutes (procès-verbal / notulen) say about a meeting, read from the meeting
 * record and the tally engine — never recomputed from printed figures (ADR 0006): the
 * quorum frozen at the opening, who was present, represented (and by whom), whose proxy
 * was refused and why, each item's declared result with the names of those against and
 * abstaining (art. 3.87 §10), and who signs at the end.
 */
export interface MinutesVoter { key: string; name: string; lots: string[]; shares: number }
export interface MinutesFacts {
  kind: 'ordinary' | 'extraordinary';
  session: 'first' | 'second';
  failed: boolean;
  scheduledAt: Date;
  closedAt: Date | null;
  place: string;
  chair: string;
  secretary: string;
  totalShares: number;
  quorum: TallyOutput['quorum'];
  present: (MinutesVoter & { fromItem: number; untilItem: number | null })[];
  represented: (MinutesVoter & { holder: string; fromItem: number; untilItem: number | null })[];
  refused: (MinutesVoter & { holder: string; reason: string })[];
  absent: MinutesVoter[];
  items: { position: number; title: string; text: string; voted: boolean; majority: string; rule: { label: { fr: string; nl: string }; article: string } | null; result: ItemResult | null }[];
  /** Names of voters and mandataries by key (the capped participant of a result). */
  names: Record<string, string>;
  signers: { field: string; role: 'owner' | 'ownerHolder' | 'holder'; name: string; mandants: string[] }[];
}

/** The proxy of `key` as the engine judged it when it took effect (at the opening, or at a late arrival). */
function proxyAt(m: Meeting, key: string, position: number): ProxyResult | undefined {
  const frozen = m.assembly.opening as TallyOutput | null;
  if (position <= 1 && frozen) return frozen.proxies.find((p) => p.owner === key);
  return resolutionTally(m.facts, { id: 'x', position, majority: 'absolute', votes: {} }).proxies.find((p) => p.owner === key);
}

export function minutesFacts(m: Meeting): MinutesFacts {
  const a = m.assembly;
  const names: Record<string, string> = {};
  for (const u of m.units) names[u.key] = u.name;
  for (const p of m.people) names[p.key] = p.name;
  const voter = (key: string): MinutesVoter => {
    const u = m.units.find((x) => x.key === key);
    return { key, name: u?.name ?? key, lots: (u?.lotIds ?? []).map((l) => m.lotNumbers.get(l) ?? String(l)), shares: u?.shares ?? 0 };
  };
  const facts: MinutesFacts = {
    kind: a.kind as 'ordinary', session: a.session as 'first', failed: a.status === 'failed', scheduledAt: a.scheduledAt, closedAt: a.closedAt ?? null,
    place: a.place, chair: a.chair ?? '', secretary: a.secretary ?? '', totalShares: m.facts.totalShares, quorum: liveQuorum(m),
    present: [], represented: [], refused: [], absent: [], items: [], names, signers: [],
  };
  const lastPosition = Math.max(1, ...m.items.map((i) => i.position));
  const endTally = resolutionTally(m.facts, { id: 'end', position: lastPosition, majority: 'absolute', votes: {} });
  const validAtEnd = new Set(endTally.proxies.filter((p) => p.valid).map((p) => p.owner));
  const mandantsOf = new Map<string, string[]>();
  for (const u of m.units) {
    const rec = m.facts.attendance.find((r) => r.voterKey === u.key);
    const fromItem = rec?.fromItem ?? 1;
    const untilItem = rec?.untilItem ?? null;
    if (!rec || rec.mode === 'absent') facts.absent.push(voter(u.key));
    else if (rec.mode === 'present') facts.present.push({ ...voter(u.key), fromItem, untilItem });
    else {
      const holderKey = rec.holder ?? '';
      const holder = names[holderKey] ?? holderKey;
      const proxy = proxyAt(m, u.key, fromItem);
      if (proxy?.valid) facts.represented.push({ ...voter(u.key), holder, fromItem, untilItem });
      else facts.refused.push({ ...voter(u.key), holder, reason: proxy?.reason ?? 'invalid' });
      if (untilItem === null && validAtEnd.has(u.key)) mandantsOf.set(holderKey, [...(mandantsOf.get(holderKey) ?? []), u.name]);
    }
  }
  facts.items = m.items.map((i) => {
    const rule = majorityRule(i.majorityRule);
    return { position: i.position, title: i.title, text: i.text, voted: i.voted, majority: i.majority, rule: rule ? { label: rule.label, article: rule.article } : null, result: itemResult(m, i) };
  });
  // Signed by the chair, the secretary and every owner still present, or their mandatary (art. 3.87 §10).
  for (const p of facts.present.filter((x) => x.untilItem === null)) {
    const mandants = mandantsOf.get(p.key) ?? [];
    facts.signers.push({ field: `Sig_${p.key}`, role: mandants.length ? 'ownerHolder' : 'owner', name: p.name, mandants });
  }
  for (const person of m.people) {
    const mandants = mandantsOf.get(person.key);
    if (mandants?.length) facts.signers.push({ field: `Sig_${person.key}`, role: 'holder', name: person.name, mandants });
  }
  return facts;
}
