/**
 * `koprogo pv cards [--pkcs11-module PATH] [--json]`: the readers holding a card, each with
 * its slot ID (what `pv sign --slot` takes), the token label, and the holder and end of
 * validity of the `Signature` certificate, read without the PIN (docs/signing.md). Nothing
 * else of the card is read. In this process, like `pv sign`: the CLI is a process of its own.
 */
import type { Command } from 'commander';
import type { CardInfo } from '../../../src-shared/contract/signing.js';
import { globalOptions, out, formatTable, printJson } from '../run.js';
import { asCliExit, cliModulePath, pvGroup } from './pv-common.js';

interface CardsOptions {
  pkcs11Module?: string;
}

/** What stands between this card and a signature, in words; "ready" when nothing does. */
export function cardState(c: CardInfo): string {
  if (!c.eid) return `not an eID card (token ${c.label})`;
  if (c.problem === 'no_certificate') return 'no Signature certificate';
  if (c.problem === 'unreadable') return 'could not be read';
  if (c.pinBlocked) return 'PIN BLOCKED (the municipality unblocks it with the PUK)';
  if (c.expired) return 'certificate EXPIRED';
  return 'ready';
}

async function cardsCommand(o: CardsOptions, cmd: Command): Promise<void> {
  const { listCards } = await import('../../signing/pkcs11.js');
  let listed;
  try {
    const modulePath = await cliModulePath(o.pkcs11Module);
    listed = listCards(modulePath ? { modulePath } : {});
  } catch (e) {
    throw await asCliExit(e);
  }
  if (globalOptions(cmd).json) return printJson(listed);
  if (listed.cards.length === 0) {
    return out(
      listed.readers === 0
        ? `No card reader found (module ${listed.module}): connect the reader (and install its driver if the computer asks for one), insert the eID card, and run this again.`
        : `No card in a reader (module ${listed.module}): insert the eID card, and run this again.`,
    );
  }
  out(
    formatTable(
      ['Slot', 'Reader', 'Holder', 'Valid until', 'State'],
      listed.cards.map((c) => [c.slot, c.reader, c.holder ?? '-', c.notAfter?.slice(0, 10) ?? '-', cardState(c)]),
    ),
  );
}

export function register(program: Command): void {
  pvGroup(program)
    .command('cards')
    .description('list the card readers holding a card, with the holder of its signature certificate (read without the PIN)')
    .option('--pkcs11-module <path>', "the PKCS#11 module (default: the one saved in the app's Settings, else $KOPROGO_PKCS11_MODULE, else the Belgian eID middleware)")
    .addHelpText(
      'after',
      '\nJSON (--json): { module, cards: [{ slot, reader, label, eid, pinBlocked, holder, notAfter, expired, problem }] }.\n' +
        '`slot` is what `pv sign --slot` takes. Exit codes: 0 listed (even none); 1 no middleware, or the module failed.',
    )
    .action(async (o: CardsOptions, cmd: Command) => cardsCommand(o, cmd));
}
