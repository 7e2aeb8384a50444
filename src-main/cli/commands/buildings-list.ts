import { Option, type Command } from 'commander';
import { call, formatTable, globalOptions, group, out, printJson, withApp } from '../run.js';

/** `koprogo buildings list`: a table for people, a JSON array (the contract's buildingRow) with --json. */
export function register(program: Command): void {
  group(program, 'buildings', 'the buildings of the portfolio')
    .command('list')
    .description('list the buildings with their lots, owners and quote-parts')
    .option('--search <text>', 'only buildings whose name, city or postal code contains the text')
    .addOption(new Option('--sort <key>', 'sort by').choices(['name', 'city', 'lotCount']).default('name'))
    .option('--desc', 'descending order')
    .action(async (opts: { search?: string; sort: 'name' | 'city' | 'lotCount'; desc?: boolean }, cmd: Command) => {
      await withApp(cmd, async (app) => {
        const rows = await call(app, 'buildings.list', { ...(opts.search ? { search: opts.search } : {}), sort: opts.sort, direction: opts.desc ? 'desc' : 'asc' });
        if (globalOptions(cmd).json) return printJson(rows);
        if (rows.length === 0) return out('No buildings.');
        out(formatTable(
          ['ID', 'Name', 'Postal code', 'City', 'Lots', 'Owners', 'Quote-parts'],
          rows.map((b) => [b.id, b.name, b.postalCode, b.city, b.lotCount, b.ownerCount, `${b.sharesSum}/${b.totalShares}`]),
          [0, 4, 5, 6],
        ));
      });
    });
}
