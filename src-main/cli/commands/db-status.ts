import { existsSync } from 'node:fs';
import type { Command } from 'commander';
import { describeTarget, formatTable, globalOptions, group, out, printJson, targetOf } from '../run.js';

/**
 * `koprogo db status`: where the database is, its migrations (applied and pending) and its
 * backups. It opens the database without migrating it and never creates one: a status
 * must not change what it reports on.
 */
export function register(program: Command): void {
  group(program, 'db', 'the database: migrations, status, backups, restore')
    .command('status')
    .description('show the database, its migrations and its backups (changes nothing)')
    .action(async (_opts: unknown, cmd: Command) => {
      const target = await targetOf(cmd);
      const json = globalOptions(cmd).json;
      const location = await describeTarget(target);
      if (target.driver === 'sqlite' && !existsSync(target.path)) {
        if (json) return printJson({ driver: target.driver, location, exists: false, migrations: [], pending: [], backups: [] });
        return out(`No database at ${location} yet: the first command that needs it creates it.`);
      }
      const { openDatabase, appliedMigrations } = await import('../../db/orm.js');
      const { listBackups } = await import('../../db/backup.js');
      const { backupDirFor } = await import('../../db/paths.js');
      const db = await openDatabase(target, { migrate: false });
      try {
        const migrations = await appliedMigrations(db);
        const pending = (await db.orm.getMigrator().getPendingMigrations()).map((m) => m.name);
        const backupDir = target.driver === 'sqlite' ? backupDirFor(target.path) : null;
        const backups = backupDir ? listBackups(backupDir) : [];
        if (json) return printJson({ driver: target.driver, location, exists: true, migrations, pending, backups });
        out(formatTable(['', ''], [
          ['Driver', target.driver],
          ['Database', location],
          ['Migrations', migrations.join(', ') || '(none)'],
          ['Pending', pending.length ? `${pending.join(', ')} (run \`koprogo db migrate\`)` : 'none'],
          ['Backups', backupDir ? `${backups.length} in ${backupDir}` : 'made by the PostgreSQL server’s operator'],
        ]).split('\n').slice(1).join('\n'));
        for (const b of backups.slice(0, 5)) out(`  ${b.at}  ${String(b.size).padStart(10)}  ${b.file}`);
      } finally {
        await db.close();
      }
    });
}
