import type { AssemblyDetail } from '../../../src-shared/contract/governance.js';
import { MAJORITY_RULES, majorityRule, type Majority } from '../../../src-shared/governance.js';

/**
 * What the meeting-room screens derive from `ag.get` without asking again. The server
 * decides (tally engine, proxies, quorum); these only choose what to show and where the
 * keyboard goes.
 */
export type Voter = AssemblyDetail['voters'][number];
export type AgendaItem = AssemblyDetail['items'][number];
export type VoteChoice = 'for' | 'against' | 'abstain';

/** A voter takes part in resolution `position`: present, or by a proxy the engine accepted, between arrival and departure. */
export function takesPart(v: Voter, position: number): boolean {
  const inRoom = v.mode === 'present' || (v.mode === 'proxy' && v.proxy?.valid === true);
  return inRoom && v.fromItem <= position && (v.untilItem === null || position < v.untilItem);
}

export const representedAt = (voters: readonly Voter[], position: number): Voter[] => voters.filter((v) => takesPart(v, position));

/**
 * The item the room works on: the one being voted, else the last one put to the vote (its
 * result stays on screen, and on the projector, until the next), else the first voted item
 * not declared yet, else the last.
 */
export function currentItem(items: readonly AgendaItem[], currentItemId: number | null): AgendaItem | null {
  return items.find((i) => i.status === 'voting') ?? items.find((i) => i.id === currentItemId) ?? items.find((i) => i.voted && i.status !== 'declared') ?? items.at(-1) ?? null;
}

/** The next voted item still to be put to the vote after `item`. */
export const nextVotedItem = (items: readonly AgendaItem[], item: AgendaItem | null): AgendaItem | null =>
  items.find((i) => i.voted && i.status === 'pending' && (!item || i.position > item.position)) ?? null;

/** From which item a late arrival (or a proxy given during the meeting) counts: the first item not declared yet. */
export function firstOpenPosition(detail: Pick<AssemblyDetail, 'status' | 'items'>): number {
  if (detail.status !== 'open') return 1;
  return detail.items.find((i) => i.voted && i.status !== 'declared')?.position ?? (detail.items.at(-1)?.position ?? 0) + 1;
}

/** Every voted item declared: the meeting can be closed. */
export const allDeclared = (items: readonly AgendaItem[]) => items.every((i) => !i.voted || i.status === 'declared');

/** Share of the votes cast that `for` must reach (art. 3.87 §8, art. 3.88); abstentions are not votes cast. */
export const THRESHOLDS: Record<Majority, { num: number; den: number; strict: boolean }> = {
  absolute: { num: 1, den: 2, strict: true },
  twoThirds: { num: 2, den: 3, strict: false },
  fourFifths: { num: 4, den: 5, strict: false },
  unanimity: { num: 1, den: 1, strict: false },
};

export type Lang = 'fr' | 'nl' | 'en' | 'de';
export const langOf = (language: string): Lang => (['fr', 'nl', 'en', 'de'].includes(language) ? (language as Lang) : 'fr');

/** The catalogue's wording of a majority rule with its article, in the UI language. */
export function ruleText(key: string, language: string): { label: string; article: string } | null {
  const r = majorityRule(key);
  return r ? { label: r.label[langOf(language)], article: r.article } : null;
}

/** Majority rules grouped by majority, for the picker. */
export function rulesByMajority(): { majority: Majority; keys: string[] }[] {
  const order: Majority[] = ['absolute', 'twoThirds', 'fourFifths', 'unanimity'];
  return order.map((majority) => ({ majority, keys: MAJORITY_RULES.filter((r) => r.majority === majority).map((r) => r.key) }));
}

/** Quote-parts as the tally rounds them (2 decimals at most), in the UI locale. */
export function sharesFormatter(locale: string): (n: number) => string {
  const nf = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
  return (n) => nf.format(n);
}

/** A voter's name, or a person's (mandatary), by key; the key itself when unknown. */
export function nameOf(detail: Pick<AssemblyDetail, 'voters' | 'people'>, key: string): string {
  return detail.voters.find((v) => v.key === key)?.name ?? detail.people.find((p) => p.key === key)?.name ?? key;
}

/** Case- and accent-insensitive match of a voter on name or lot number. */
export function matchesVoter(v: Voter, query: string): boolean {
  const norm = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase();
  const q = norm(query.trim());
  if (!q) return true;
  return norm(v.name).includes(q) || v.lots.some((l) => norm(l).startsWith(q));
}
