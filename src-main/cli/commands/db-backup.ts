import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Command } from 'commander';
import { badInput, call, globalOptions, group, out, printJson, targetOf, withApp } from '../run.js';

/** `koprogo db backup [--out DIR]`: an online backup (SQLite's backup API), safe while the app runs. */
export function register(program: Command): void {
  group(program, 'db', 'the database: migrations, status, backups, restore')
    .command('backup')
    .description('back up the SQLite database now (safe while KoproGo runs); prints the backup file')
    .option('--out <dir>', 'the folder to write to (default: backups/ beside the database)')
    .action(async (opts: { out?: string }, cmd: Command) => {
      const target = await targetOf(cmd);
      if (target.driver === 'sqlite' && !existsSync(target.path)) throw badInput(`There is no database at ${target.path} to back up.`);
      await withApp(cmd, async (app) => {
        // This session's backup folder: the operation (and its audit record) stay the same.
        if (opts.out && target.driver === 'sqlite') app.services.backupDir = resolve(opts.out);
        const { file } = await call(app, 'db.backup', {});
        if (globalOptions(cmd).json) return printJson({ file });
        out(file);
      });
    });
}
