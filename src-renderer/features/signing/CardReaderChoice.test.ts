import { describe, expect, it } from 'vitest';
import type { CardInfo } from '../../../src-shared/contract/signing.js';
import { chosenCard } from './CardReaderChoice.js';

const card = (slot: string, holder: string | null, extra: Partial<CardInfo> = {}): CardInfo => ({
  slot, reader: `Reader ${slot}`, label: 'BELPIC', eid: true, pinBlocked: false, holder, notAfter: '2029-08-22T00:00:00Z', expired: false, problem: null, ...extra,
});

describe('which card the sign dialog chooses', () => {
  const marie = card('0x1', 'Marie Martin-Lefèvre');
  const jean = card('0x2', 'Jean Dupont');

  it('the card of the person under the field, whatever the readers’ order; else the first card that can sign', () => {
    expect(chosenCard([marie, jean], null, 'Jean Dupont')?.slot).toBe('0x2');
    expect(chosenCard([marie, jean], null, 'DUPONT Jean')?.slot).toBe('0x2');
    expect(chosenCard([marie, jean], null, 'Sophie Lambert')?.slot).toBe('0x1');
    expect(chosenCard([card('0x3', 'Jean Dupont', { pinBlocked: true }), marie], null, 'Jean Dupont')?.slot).toBe('0x1');
  });

  it('keeps the card the person picked, as long as it can sign', () => {
    expect(chosenCard([marie, jean], '0x1', 'Jean Dupont')?.slot).toBe('0x1');
    expect(chosenCard([card('0x1', 'Marie Martin-Lefèvre', { expired: true }), jean], '0x1', 'Sophie Lambert')?.slot).toBe('0x2');
    expect(chosenCard([], null, 'Jean Dupont')).toBeNull();
  });
});
