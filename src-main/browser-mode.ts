/**
 * Browser mode: the application without the Electron runtime. The same handlers are
 * served with the built renderer on 127.0.0.1, behind a per-launch token.
 *
 *   tsx src-main/browser-mode.ts [--db PATH | --pg URL] [--port N] [--seed-demo] [--json]
 */
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { resolveTarget, startApp } from './app/bootstrap.js';
import { seedDemo } from './app/demo/seed-demo.js';
import { startBrowserServer } from './transport/http-server.js';
import { log } from './app/log.js';

export function rendererDir(): string | null {
  for (const rel of ['../dist/renderer', '../../dist/renderer', '../../renderer']) {
    const dir = fileURLToPath(new URL(rel, import.meta.url));
    if (existsSync(`${dir}/index.html`)) return dir;
  }
  return null;
}

async function main() {
  const { values } = parseArgs({
    options: {
      db: { type: 'string' }, pg: { type: 'string' }, port: { type: 'string' },
      'seed-demo': { type: 'boolean', default: false }, json: { type: 'boolean', default: false },
    },
  });
  const target = resolveTarget({ db: values.db, pg: values.pg });
  const app = await startApp({ target, door: 'browser', dailyBackup: true });
  if (values['seed-demo']) {
    const r = await seedDemo(app.dispatcher);
    if (r.created) log.info('demo data created (users: see README, password "koprogo-demo")');
  }
  const staticDir = rendererDir();
  if (!staticDir) log.warn('no built renderer found: run `npm run build:renderer` first');
  const server = await startBrowserServer({ dispatcher: app.dispatcher, staticDir, ...(values.port ? { port: Number(values.port) } : {}) });
  if (values.json) process.stdout.write(`${JSON.stringify({ url: server.url, port: server.port, token: server.token, database: app.db.location })}\n`);
  else {
    process.stdout.write(`\nKoproGo runs in browser mode (no Electron runtime here).\n  Database: ${app.db.location}\n  Open:     ${server.url}\n\nPress Ctrl+C to stop.\n`);
  }
  const stop = async () => {
    await server.close();
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  main().catch((e: Error) => {
    process.stderr.write(`KoproGo could not start: ${e.message}\n`);
    process.exit(1);
  });
}
