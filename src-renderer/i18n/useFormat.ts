import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { localeOf } from './i18n.js';

/** Numbers and dates in the UI language's Belgian locale (1 000 / 1.000, 31/12/2024). */
export function useFormat() {
  const { i18n } = useTranslation();
  const locale = localeOf(i18n.language);
  return useMemo(() => {
    const nf = new Intl.NumberFormat(locale);
    const pf = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    const df = new Intl.DateTimeFormat(locale, { day: '2-digit', month: '2-digit', year: 'numeric', timeZone: 'UTC' });
    const dtf = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'short' });
    const bytes = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    return {
      locale,
      number: (n: number) => nf.format(n),
      percent: (n: number) => pf.format(n),
      /** An ISO date (YYYY-MM-DD), shown without time-zone shifts. */
      date: (iso: string) => {
        const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T00:00:00Z` : iso);
        return Number.isNaN(d.getTime()) ? iso : df.format(d);
      },
      dateTime: (iso: string) => {
        const d = new Date(iso);
        return Number.isNaN(d.getTime()) ? iso : dtf.format(d);
      },
      fileSize: (n: number) => (n < 1024 * 1024 ? `${bytes.format(n / 1024)} KB` : `${bytes.format(n / 1024 / 1024)} MB`),
    };
  }, [locale]);
}
