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
