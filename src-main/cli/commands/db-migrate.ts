import type { Command } from 'commander';
import { describeTarget, globalOptions, group, out, prepareTarget, printJson, targetOf } from '../run.js';

/**
 * `koprogo db migrate`: creates or upgrades the schema and prints the migrations it ran.
 * An existing SQLite file is backed up before (openDatabase does it); a database from a
 * newer version is refused (exit 1).
 */
export function register(program: Command): void {
  group(program, 'db', 'the database: migrations, status, backups, restore')
    .command('migrate')
    .description('create or upgrade the database schema; prints the migrations applied')
    .action(async (_opts: unknown, cmd: Command) => {
      const target = await targetOf(cmd);
      prepareTarget(target);
      const { openDatabase, appliedMigrations } = await import('../../db/orm.js');
      const db = await openDatabase(target);
      try {
        const all = await appliedMigrations(db);
        const result = { database: await describeTarget(target), applied: db.opened.applied, backup: db.opened.backup, migrations: all };
        if (globalOptions(cmd).json) return printJson(result);
        if (result.applied.length === 0) return out(`${result.database} is up to date (${all.join(', ')}).`);
        out(`${result.database}: applied ${result.applied.join(', ')}.`);
        if (result.backup) out(`Backup made before migrating: ${result.backup}`);
      } finally {
        await db.close();
      }
    });
}
