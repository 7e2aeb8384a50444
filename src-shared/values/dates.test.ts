import { expect, it } from 'vitest';
import { brusselsDate } from './dates.js';

it('gives the Brussels date, not the UTC one, around midnight in winter and summer', () => {
  expect(brusselsDate(new Date('2026-01-14T23:30:00Z'))).toBe('2026-01-15'); // 00:30 in Brussels (UTC+1)
  expect(brusselsDate(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15'); // 00:30 in Brussels (UTC+2)
  expect(brusselsDate(new Date('2026-07-14T21:30:00Z'))).toBe('2026-07-14');
});
