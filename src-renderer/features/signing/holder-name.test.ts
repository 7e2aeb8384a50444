import { describe, expect, it } from 'vitest';
import { sameHolder } from './holder-name.js';

describe('the card holder against the name under the field', () => {
  it('matches whatever the case, the accents, the order of given name and surname, initials, or a surname alone', () => {
    expect(sameHolder('Marie Martin-Lefèvre', 'MARTIN-LEFEVRE Marie')).toBe(true);
    expect(sameHolder('Jean P Dupont', 'Jean Dupont')).toBe(true);
    expect(sameHolder('Jean Dupont', 'Dupont')).toBe(true);
    expect(sameHolder('Zoë Van den Bossche', 'van den bossche zoe')).toBe(true);
  });

  it('tells another person', () => {
    expect(sameHolder('Koen Maes', 'Jean Dupont')).toBe(false);
    expect(sameHolder('Jean Maes', 'Jean Dupont')).toBe(false);
  });
});
