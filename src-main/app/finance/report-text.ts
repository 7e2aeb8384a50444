import fr from '../../../src-shared/i18n/reports.fr.json' with { type: 'json' };
import nl from '../../../src-shared/i18n/reports.nl.json' with { type: 'json' };
import type { ReportLanguage } from '../../../src-shared/contract/reports.js';

/**
 * Text of the exported reports (titles, columns, totals) in French and Dutch, kept in
 * catalogs beside the UI's (src-shared/i18n/reports.*.json); FR is the reference and the
 * test checks NL has its keys and placeholders. Account labels come from the chart.
 */
export type ReportCatalog = typeof fr;
export const REPORT_CATALOGS = { fr, nl } as const satisfies Record<ReportLanguage, ReportCatalog>;

/** Fills `{{name}}` placeholders. */
export const fill = (template: string, vars: Record<string, string | number>): string =>
  template.replace(/\{\{(\w+)\}\}/g, (whole, v: string) => (Object.hasOwn(vars, v) ? String(vars[v]) : whole));

/** An ISO date as Belgians write it, in both languages: 31/12/2026. */
export function printedDate(iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : iso;
}

/** The chart label of an account in the report's language (Dutch falls back to French). */
export const accountLabel = (a: { labelFr: string; labelNl: string }, language: ReportLanguage): string => (language === 'nl' && a.labelNl ? a.labelNl : a.labelFr);
