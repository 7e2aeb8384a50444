import { resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import type { Command } from 'commander';
import { badInput, CliExit, EXIT, globalOptions, group, out, printJson, targetOf } from '../run.js';

async function confirm(question: string): Promise<boolean> {
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stderr });
  try {
    return /^(y|yes|o|oui|j|ja)$/i.test((await rl.question(question)).trim());
  } finally {
    rl.close();
  }
}

/**
 * `koprogo db restore BACKUP_FILE [--yes]` (docs/adr/0002-backups-and-restore.md).
 * The backup is checked before anything is touched: a damaged file, another program's
 * database or a newer version's backup is refused with exit 2 and nothing changes.
 */
export function register(program: Command): void {
  group(program, 'db', 'the database: migrations, status, backups, restore')
    .command('restore')
    .description('replace the SQLite database with a backup, after checking it; the current database is backed up first')
    .argument('<backup-file>', 'a backup made by KoproGo (backups/koprogo-*.sqlite) or `koprogo db backup`')
    .option('--yes', 'do not ask for confirmation (needed when not run from a terminal)')
    .action(async (file: string, opts: { yes?: boolean }, cmd: Command) => {
      const target = await targetOf(cmd);
      if (target.driver !== 'sqlite') throw badInput('restore replaces a local SQLite file; a PostgreSQL database is restored on its server (pg_restore).');
      const { inspectBackup, restoreSqlite } = await import('../../db/restore.js');
      const backupFile = resolve(file);
      if (!opts.yes) {
        const b = await inspectBackup(backupFile); // a bad file is refused before asking
        const ok = await confirm(`Replace ${target.path} with ${backupFile} (migrations ${b.migrations.join(', ')})? The current database is backed up first. [y/N] `);
        if (!ok) throw new CliExit(EXIT.badInput, process.stdin.isTTY ? 'Nothing was changed.' : 'Restoring replaces the database: add --yes to confirm. Nothing was changed.');
      }
      const r = await restoreSqlite({ backupFile, target: target.path });
      if (globalOptions(cmd).json) return printJson(r);
      out(`Restored ${r.target} from ${r.file}.`);
      out(r.previous ? `The database it replaced was saved as ${r.previous}` : 'There was no database there before.');
      if (r.pending.length) out(`The backup predates ${r.pending.join(', ')}: KoproGo migrates it when it next opens it (after another backup).`);
    });
}
