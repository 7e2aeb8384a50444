import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { inject } from 'vitest';
import type { DbTarget } from '../../src-main/db/orm.js';

export const DRIVERS = ['sqlite', 'postgresql'] as const;
export type DriverName = (typeof DRIVERS)[number];

/** A fresh, empty database of the given driver: a new SQLite file or a new PostgreSQL database. */
export async function freshTarget(driver: DriverName): Promise<DbTarget> {
  if (driver === 'sqlite') return { driver, path: join(mkdtempSync(join(tmpdir(), 'koprogo-test-')), 'test.sqlite') };
  const base = inject('pgUrl');
  const name = `t_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  return { driver, url: `${base}/${name}` };
}
