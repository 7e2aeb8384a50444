import type { AssemblyDetail, ItemResult } from '../../../src-shared/contract/governance.js';

/** A meeting as `ag.get` returns it, for the renderer's tests: four owners, three of them in the room. */
export const syndicUser = { id: 2, email: 'syndic@example.be', displayName: 'Sophie Lambert', language: 'fr', roles: [{ role: 'syndic', buildingId: null, ownerId: null }] };

export function itemResult(figures: { for: number; against: number; abstain: number }, outcome: 'adopted' | 'rejected' = 'adopted', names: { against?: string[]; abstained?: string[] } = {}): ItemResult {
  return {
    resolution: { id: '11', majority: 'absolute', ...figures, outcome },
    capped: [],
    against: names.against ?? [],
    abstained: names.abstained ?? [],
    votesRecorded: 3,
    represented: 3,
  };
}

export function meeting(overrides: Partial<AssemblyDetail> = {}): AssemblyDetail {
  return {
    id: 7, buildingId: 1, buildingName: 'Résidence Les Tilleuls', totalShares: 1000, kind: 'ordinary', session: 'first', firstSessionId: null,
    place: 'Salle polyvalente', scheduledAt: '2026-06-18T16:30:00.000Z', convocationDate: '2026-05-28', status: 'open', chair: 'Jean Arnaud', secretary: 'Sophie Lambert',
    currentItemId: 11, projectorKey: 'k'.repeat(32), archived: false, openedAt: null, closedAt: null, minutesText: null, minutesDocumentId: null, convocationDocuments: [], checks: [],
    quorum: { reached: true, rule: 'double', owners: { represented: 3, total: 4 }, shares: { represented: 750, total: 1000 } },
    items: [
      { id: 11, position: 1, title: 'Approbation des comptes', text: '', majorityRule: 'absolute', majority: 'absolute', voted: true, status: 'voting', result: itemResult({ for: 0, against: 0, abstain: 750 }, 'rejected'), votes: {} },
      { id: 12, position: 2, title: 'Ravalement de façade', text: '', majorityRule: 'works_common', majority: 'twoThirds', voted: true, status: 'pending', result: null, votes: {} },
    ],
    voters: [
      { key: 'o1', name: 'Jean Arnaud', shares: 250, ownerIds: [1], lots: ['A1'], mode: 'present', holder: null, holderName: null, fromItem: 1, untilItem: null, proxy: null },
      { key: 'o2', name: 'An Bosmans', shares: 250, ownerIds: [2], lots: ['A2'], mode: 'present', holder: null, holderName: null, fromItem: 1, untilItem: null, proxy: null },
      { key: 'o3', name: 'Luc Claes', shares: 250, ownerIds: [3], lots: ['A3'], mode: 'proxy', holder: 'o1', holderName: 'Jean Arnaud', fromItem: 1, untilItem: null, proxy: { valid: true } },
      { key: 'o4', name: 'Marc Dupont', shares: 250, ownerIds: [4], lots: ['A4'], mode: 'proxy', holder: 'p1', holderName: 'Syndic Démo SRL', fromItem: 1, untilItem: null, proxy: { valid: false, reason: 'syndic_cannot_be_proxy' } },
    ],
    people: [{ key: 'p1', name: 'Syndic Démo SRL', syndic: true }],
    ...overrides,
  };
}
