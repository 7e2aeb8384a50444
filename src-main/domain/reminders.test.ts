import { describe, expect, it } from 'vitest';
import { DEFAULT_REMINDER_POLICY, interestCents, reminderDue, type ReminderPolicy } from './reminders.js';

const lines = [{ id: 1, dueDate: '2026-01-31', openCents: 25000 }, { id: 2, dueDate: '2026-04-30', openCents: 25000 }];

describe('reminder levels', () => {
  it('nothing before the first delay, then one level at a time', () => {
    expect(reminderDue(DEFAULT_REMINDER_POLICY, '2026-02-10', { lines, ledgerOwedCents: 50000, lastLevel: 0, lastDate: null })).toBeNull();
    const first = reminderDue(DEFAULT_REMINDER_POLICY, '2026-02-20', { lines, ledgerOwedCents: 50000, lastLevel: 0, lastDate: null });
    expect(first).toMatchObject({ nextLevel: 1, daysLate: 20, openCents: 25000, feeCents: 0, interestCents: 0 });
    // 90 days late after a first reminder: the second level, not the fourth.
    expect(reminderDue(DEFAULT_REMINDER_POLICY, '2026-05-01', { lines, ledgerOwedCents: 50000, lastLevel: 1, lastDate: '2026-02-20' })).toMatchObject({ nextLevel: 2, openCents: 50000 });
    expect(reminderDue(DEFAULT_REMINDER_POLICY, '2026-02-25', { lines, ledgerOwedCents: 50000, lastLevel: 1, lastDate: '2026-02-20' })).toMatchObject({ nextLevel: null, currentLevel: 1 });
    expect(reminderDue(DEFAULT_REMINDER_POLICY, '2026-12-25', { lines, ledgerOwedCents: 50000, lastLevel: 4, lastDate: '2026-06-20' })).toMatchObject({ nextLevel: null, currentLevel: 4 });
  });

  it('an owner whose account is settled is not reminded, whatever the lines say', () => {
    expect(reminderDue(DEFAULT_REMINDER_POLICY, '2026-03-20', { lines, ledgerOwedCents: 0, lastLevel: 0, lastDate: null })).toBeNull();
    expect(reminderDue(DEFAULT_REMINDER_POLICY, '2026-03-20', { lines, ledgerOwedCents: 10000, lastLevel: 0, lastDate: null })).toMatchObject({ openCents: 10000 });
  });

  it('fees and interest only as the policy says', () => {
    const policy: ReminderPolicy = { levels: [{ days: 10, feeCents: 1500 }, { days: 30, feeCents: 2500 }, { days: 45, feeCents: 5000 }, { days: 60, feeCents: 0 }], interestApplies: true, interestRateBp: 800 };
    const due = reminderDue(policy, '2026-03-02', { lines, ledgerOwedCents: 50000, lastLevel: 0, lastDate: null });
    // 250 € at 8 % a year for 30 days = 1.64383… €
    expect(due).toMatchObject({ nextLevel: 1, feeCents: 1500, interestCents: 164 });
    expect(interestCents(100000, 1000, 365)).toBe(10000);
    expect(interestCents(1, 800, 1)).toBe(0);
  });
});
