/**
 * Calendar dates of the people who use KoproGo: Belgium's (Europe/Brussels), whatever the
 * computer's or the server's time zone. `toISOString()` gives the UTC date, which is
 * yesterday's between midnight and 1 or 2 a.m. in Brussels.
 */
const brussels = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Brussels', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The Brussels calendar date of an instant, as YYYY-MM-DD. */
export const brusselsDate = (at: Date): string => brussels.format(at);
