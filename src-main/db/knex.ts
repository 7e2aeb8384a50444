import type { EntityManager } from '@mikro-orm/knex';
import type { Knex } from 'knex';

/**
 * A raw query builder bound to the EntityManager's transaction when there is one. Without
 * it, a query inside a transaction would wait for a second connection — and SQLite has
 * one — or, on PostgreSQL, would not see the transaction's own writes.
 */
export function sql(em: EntityManager, table: string): Knex.QueryBuilder {
  const q = em.getKnex()(table);
  const trx = em.getTransactionContext<Knex.Transaction>();
  return trx ? q.transacting(trx) : q;
}

/**
 * A timestamp read by a raw query, as ISO 8601: SQLite keeps MikroORM's datetimes as
 * milliseconds, PostgreSQL returns `2026-01-01 10:00:00.123+00` (timestamptz as text).
 */
export function rawTimestamp(v: unknown): string {
  if (v instanceof Date) return v.toISOString();
  if (typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v))) return new Date(Number(v)).toISOString();
  const s = String(v).replace(' ', 'T').replace(/([+-]\d\d)$/, '$1:00');
  return new Date(s).toISOString();
}

/** A date column read by a raw query, as YYYY-MM-DD (both drivers return text; be safe). */
export const rawDate = (v: unknown): string => (v instanceof Date ? v.toISOString().slice(0, 10) : String(v).slice(0, 10));
