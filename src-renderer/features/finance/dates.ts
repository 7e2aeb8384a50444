/** Today as an ISO date in the user's time zone (what "today" means on an invoice). */
export function todayIso(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

export function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

export const isIsoDate = (s: string): boolean => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** The date clamped into [from, to] (ISO dates compare as text). */
export const clampDate = (iso: string, from: string, to: string): string => (iso < from ? from : iso > to ? to : iso);
