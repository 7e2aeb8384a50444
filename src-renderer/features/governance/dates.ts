/**
 * Meeting times: the form types local date and time (`datetime-local`), the contract takes
 * an ISO instant. Both sides are this computer's time zone (Belgium for a Belgian syndic).
 */
const pad = (n: number) => String(n).padStart(2, '0');

/** ISO instant → the value of a `datetime-local` input, in local time. */
export function toLocalInput(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return '';
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}

/** `2026-06-18T18:00` (local) → ISO instant with its offset; null when unreadable. */
export function fromLocalInput(value: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value)) return null;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? null : d.toISOString();
}

/** The local date (YYYY-MM-DD) of an ISO instant. */
export const localDate = (iso: string): string => toLocalInput(iso).slice(0, 10);

/** Whole days from one ISO date to another. */
export const daysBetween = (from: string, to: string): number => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** A `datetime-local` value `days` later, same time. */
export function addDaysLocal(value: string, days: number): string {
  const d = new Date(value);
  if (Number.isNaN(d.getTime())) return value;
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}T${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
