/**
 * What the `ledger …` commands share: the `--year YYYY` argument, finding a building's
 * fiscal year from it, and field paths of a rejected file's problems.
 */
import { InvalidArgumentError } from 'commander';
import type { AppInstance } from '../app/bootstrap.js';
import { indexPath, keyPath } from '../domain/field-path.js';
import type { Problem } from '../../src-shared/result.js';
import { badInput, call } from './run.js';

export const LEDGER_GROUP = ['ledger', 'the books of a building: import entries, trial balance, reports'] as const;

/** commander parser for `--year 2026`. */
export function yearArg(value: string): number {
  if (!/^\d{4}$/.test(value)) throw new InvalidArgumentError('Expected a year, e.g. 2026.');
  return Number(value);
}

/** The building's fiscal year that starts in `year` (a year may run 2025-07-01 – 2026-06-30: it is "2025"). */
export async function fiscalYearStarting(app: AppInstance, buildingId: number, year: number) {
  const years = await call(app, 'ledger.fiscalYears', { buildingId });
  const fy = years.find((y) => y.startDate.startsWith(`${year}-`));
  if (!fy) {
    const known = years.map((y) => y.startDate.slice(0, 4)).sort().join(', ') || 'none';
    throw badInput(`Building ${buildingId} has no fiscal year starting in ${year} (fiscal years start in: ${known}).`);
  }
  return fy;
}

/** ['entries', 3, 'lines', 1, 'accountCode'] → `entries[3].lines[1].accountCode`. */
export function problemPath(path: Problem['path']): string {
  let out = '';
  for (const part of path ?? []) out = typeof part === 'number' ? indexPath(out, part) : out ? keyPath(out, part) : part;
  return out;
}
