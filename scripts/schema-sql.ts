/**
 * Prints the DDL that the entities imply, per driver — the starting point for writing a
 * new numbered migration by hand. Usage: npx tsx scripts/schema-sql.ts [sqlite|pg] [--diff DBFILE]
 */
import { MikroORM, type Options } from '@mikro-orm/core';
import { SqliteDriver } from '@mikro-orm/sqlite';
import { PostgreSqlDriver } from '@mikro-orm/postgresql';
import { allEntities } from '../src-main/db/entities/index.js';

const driver = process.argv[2] ?? 'sqlite';
const opts: Options =
  driver === 'pg'
    ? ({ driver: PostgreSqlDriver, clientUrl: 'postgresql://x@127.0.0.1:1/x', connect: false } as Options)
    : ({ driver: SqliteDriver, dbName: ':memory:' } as Options);
const orm = await MikroORM.init({ ...opts, entities: allEntities, allowGlobalContext: true } as Options);
process.stdout.write(await orm.schema.getCreateSchemaSQL({ wrap: false }));
await orm.close();
