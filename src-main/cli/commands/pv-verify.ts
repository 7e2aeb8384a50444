/**
 * `koprogo pv verify FILE.pdf [--trust CERT.pem]... [--json]`: checks every signature of a
 * PDF offline — integrity, what was added after it, the chain to the Belgian roots shipped
 * with KoproGo (and to `--trust` roots). Exit 3 when a signature's integrity does not verify.
 */
import type { Command } from 'commander';
import { CliExit, EXIT, formatTable, globalOptions, out, printJson } from '../run.js';
import { asCliExit, pvGroup, readInputPdf } from './pv-common.js';

interface VerifyOptions {
  trust: string[];
  belgianRoots: boolean;
}

const collect = (value: string, previous: string[]): string[] => [...previous, value];

async function verifyCommand(file: string, o: VerifyOptions, cmd: Command): Promise<void> {
  const pdf = await readInputPdf(file);
  const { verifyPdf } = await import('../../signing/verify.js');
  const { loadTrustStore } = await import('../../signing/trust-anchors.js');
  let reports;
  try {
    reports = await verifyPdf(pdf, loadTrustStore({ shipped: o.belgianRoots, extraFiles: o.trust }));
  } catch (e) {
    throw await asCliExit(e);
  }

  if (globalOptions(cmd).json) printJson(reports);
  else if (reports.length === 0) out(`${file}: no signature.`);
  else {
    const later = { none: 'none', 'signatures-only': 'signatures only', other: 'OTHER CHANGES' } as const;
    out(
      formatTable(
        ['Field', 'Signer', 'Signing time (claimed)', 'Integrity', 'Chain', 'Changes after', 'Algorithm'],
        reports.map((r) => [r.field, r.signer.cn ?? '?', r.signingTime ?? '?', r.integrity, r.chain, later[r.coverage.laterChanges], r.algorithm ?? '?']),
      ),
    );
    for (const r of reports) {
      if (r.integrityProblem) out(`${r.field}: ${r.integrityProblem}`);
      if (r.chainProblem) out(`${r.field}: ${r.chainProblem}`);
    }
  }
  const invalid = reports.filter((r) => r.integrity === 'invalid');
  if (invalid.length) throw new CliExit(EXIT.signatureInvalid, `${invalid.length} signature${invalid.length > 1 ? 's do' : ' does'} not verify: ${invalid.map((r) => r.field).join(', ')}.`);
}

export function register(program: Command): void {
  pvGroup(program)
    .command('verify')
    .description('check the signatures of a PDF: integrity, later changes, chain to the Belgian eID roots')
    .argument('<file>', 'the signed PDF')
    .option('--trust <cert>', 'also trust this root certificate (PEM or DER); repeatable', collect, [])
    .option('--no-belgian-roots', 'do not trust the Belgian roots shipped with KoproGo')
    .addHelpText(
      'after',
      '\nJSON (--json): an array of { field, signer: { cn, name, issuer, key, certificateSha256, validFrom, validTo }, signingTime,\n' +
        '  reason, location, subFilter, integrity, coverage, chain, chainPath, algorithm }.\n' +
        'Exit codes: 0 every signature verifies (the chain may still be untrusted: see "chain"); 3 a signature does not\n' +
        '  verify; 2 bad input (missing file, not a PDF, unreadable --trust file); 1 failure.',
    )
    .action(async (file: string, o: VerifyOptions, cmd: Command) => verifyCommand(file, o, cmd));
}
