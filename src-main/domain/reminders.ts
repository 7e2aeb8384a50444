/**
 * Reminders of unpaid calls for funds (rappels / aanmaningen): four levels — a friendly
 * reminder, a formal notice (mise en demeure / ingebrekestelling), a last notice, then the
 * file handed to a lawyer — each sent a number of days after the due date, one level at a
 * time. Fees and late interest only as the building's rules (règlement de copropriété)
 * allow: by default neither. Pure: the handlers load open amounts and past reminders.
 */

export interface ReminderLevelRule { days: number; feeCents: number }
export interface ReminderPolicy { levels: ReminderLevelRule[]; interestApplies: boolean; interestRateBp: number }

export const REMINDER_LEVEL_COUNT = 4;
export const DEFAULT_REMINDER_POLICY: ReminderPolicy = {
  levels: [{ days: 15, feeCents: 0 }, { days: 30, feeCents: 0 }, { days: 45, feeCents: 0 }, { days: 60, feeCents: 0 }],
  interestApplies: false,
  interestRateBp: 0,
};

export interface OpenLine { id: number; dueDate: string; openCents: number }

export interface OwnerArrears {
  /** The owner's open call lines (any due date). */
  lines: OpenLine[];
  /** What the owner's accounts (4100-x + 4101-x) say is owed: a payment posted by hand, a credit note, a statement of charges count here. */
  ledgerOwedCents: number;
  /** Highest level already sent for calls still open, 0 for none, and when. */
  lastLevel: number;
  lastDate: string | null;
}

export interface ReminderDue {
  overdue: OpenLine[];
  daysLate: number;
  /** Principal still due: the overdue open lines, never more than the accounts say is owed. */
  openCents: number;
  currentLevel: number;
  nextLevel: number | null;
  feeCents: number;
  interestCents: number;
}

export function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** Simple interest, rate in basis points a year, on `days` days; rounded half up to the cent. */
export function interestCents(principalCents: number, rateBp: number, days: number): number {
  if (principalCents <= 0 || rateBp <= 0 || days <= 0) return 0;
  const n = BigInt(principalCents) * BigInt(rateBp) * BigInt(days);
  const d = 10_000n * 365n;
  return Number((n * 2n + d) / (2n * d));
}

/**
 * Where an owner stands on `today`: null when nothing is overdue, or when the accounts
 * show nothing owed (the payment arrived since). The next level is the one after the last
 * sent, once its delay after the oldest due date has passed.
 */
export function reminderDue(policy: ReminderPolicy, today: string, a: OwnerArrears): ReminderDue | null {
  const overdue = a.lines.filter((l) => l.openCents > 0 && l.dueDate < today).sort((x, y) => (x.dueDate < y.dueDate ? -1 : x.dueDate > y.dueDate ? 1 : x.id - y.id));
  if (overdue.length === 0) return null;
  const openCents = Math.min(overdue.reduce((s, l) => s + l.openCents, 0), Math.max(0, a.ledgerOwedCents));
  if (openCents <= 0) return null;
  const daysLate = daysBetween(overdue[0]?.dueDate ?? today, today);
  const first = policy.levels[0];
  if (!first || daysLate < first.days) return null;
  const candidate = a.lastLevel + 1;
  const rule = policy.levels[candidate - 1];
  const nextLevel = candidate <= REMINDER_LEVEL_COUNT && rule && daysLate >= rule.days && a.lastDate !== today ? candidate : null;
  let interest = 0;
  if (nextLevel !== null && policy.interestApplies) {
    // Interest runs from the due date, or from the last reminder that charged it.
    let left = openCents;
    for (const l of overdue) {
      const principal = Math.min(l.openCents, left);
      left -= principal;
      const from = a.lastDate && a.lastDate > l.dueDate ? a.lastDate : l.dueDate;
      interest += interestCents(principal, policy.interestRateBp, daysBetween(from, today));
    }
  }
  return { overdue, daysLate, openCents, currentLevel: a.lastLevel, nextLevel, feeCents: nextLevel !== null ? (policy.levels[nextLevel - 1]?.feeCents ?? 0) : 0, interestCents: interest };
}
