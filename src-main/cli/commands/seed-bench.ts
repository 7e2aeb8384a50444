import { existsSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { InvalidArgumentError, type Command } from 'commander';
import { badInput, CliExit, EXIT, globalOptions, out, prepareTarget, printJson, targetOf } from '../run.js';

/** What the command uses of bench/generate.ts (declared here so that the application build does not compile bench/). */
interface Generator {
  seedBench(opts: { target: Awaited<ReturnType<typeof targetOf>>; scale: number; seed?: number; progress?: boolean }): Promise<{ scale: number; seed: number; seconds: number; counts: Record<string, number> }>;
  SeedRefusedError: new (message: string) => Error;
}

/**
 * The generator lives in bench/ (a development tool: it needs the dev dependencies, faker
 * among them) and is not part of the application build. From the sources (tsx) it is a
 * plain import; from the built CLI, the TypeScript file is loaded through tsx.
 */
async function loadGenerator(): Promise<Generator> {
  const source = new URL('../../../bench/generate.ts', import.meta.url);
  const fromBuild = new URL('../../../../../bench/generate.ts', import.meta.url);
  // A specifier in a variable: the application build (tsc) must not pull bench/ in.
  const here = '../../../bench/generate.js';
  try {
    if (existsSync(fileURLToPath(source))) return (await import(here)) as Generator;
    if (existsSync(fileURLToPath(fromBuild))) {
      const { register } = await import('tsx/esm/api');
      register();
      return (await import(pathToFileURL(fileURLToPath(fromBuild)).href)) as Generator;
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'ERR_MODULE_NOT_FOUND') throw e;
  }
  throw new CliExit(EXIT.failure, 'seed-bench needs a checkout of KoproGo with its development dependencies (npm install): bench/generate.ts was not found.');
}

function scaleArg(value: string): number {
  const n = Number(value);
  if (!/^\d*\.?\d+$/.test(value) || !(n > 0) || n > 10) throw new InvalidArgumentError('Expected a number above 0 and at most 10 (1 = the full benchmark firm).');
  return n;
}

/** `koprogo seed-bench --scale N`: fills an empty database with the benchmark portfolio (docs/performance.md). */
export function register(program: Command): void {
  program
    .command('seed-bench')
    .description('fill an empty database with the benchmark firm: scale 1 = 300 buildings, 12 000 lots, 15 000 owners, ~2 M journal lines, 50 general assemblies (docs/performance.md)')
    .requiredOption('--scale <n>', 'size: 1 is the full benchmark firm, 0.1 a tenth', scaleArg)
    .option('--seed <n>', 'another seed gives another portfolio of the same size', (v: string) => {
      if (!/^\d+$/.test(v)) throw new InvalidArgumentError('Expected a whole number.');
      return Number(v);
    })
    .action(async (opts: { scale: number; seed?: number }, cmd: Command) => {
      const target = await targetOf(cmd);
      prepareTarget(target);
      const { seedBench, SeedRefusedError } = await loadGenerator();
      let result;
      try {
        result = await seedBench({ target, scale: opts.scale, ...(opts.seed !== undefined ? { seed: opts.seed } : {}), progress: true });
      } catch (e) {
        if (e instanceof SeedRefusedError) throw badInput(e.message);
        throw e;
      }
      if (globalOptions(cmd).json) return printJson(result);
      const c = result.counts;
      out(`Benchmark firm (scale ${result.scale}, seed ${result.seed}) generated in ${result.seconds} s: ${c.building ?? 0} buildings, ${c.lot ?? 0} lots, ${c.owner ?? 0} owners, ${c.invoice ?? 0} invoices, ${c.journal_entry ?? 0} entries, ${c.journal_line ?? 0} journal lines, ${c.assembly ?? 0} general assemblies.`);
    });
}
