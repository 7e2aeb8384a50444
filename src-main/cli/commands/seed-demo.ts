import type { Command } from 'commander';
import { globalOptions, out, printJson, withApp } from '../run.js';

/** `koprogo seed-demo`: the demo firm (two buildings, demo users); does nothing on a database with users. */
export function register(program: Command): void {
  program
    .command('seed-demo')
    .description('fill an empty database with the demo buildings, owners and users (password "koprogo-demo")')
    .action(async (_opts: unknown, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const { seedDemo } = await import('../../app/demo/seed-demo.js');
        const r = await seedDemo(app.dispatcher);
        if (globalOptions(cmd).json) return printJson({ ...r, database: app.db.location });
        out(r.created
          ? `Demo data created in ${app.db.location}: buildings ${r.buildings.join(', ')}; users *@demo.koprogo.be, password "koprogo-demo".`
          : `${app.db.location} already has users: nothing was added.`);
      });
    });
}
