/**
 * Signing one PDF with an eID card — here a SoftHSM2 token standing in for it, as the tests
 * do (test/support/softhsm.ts: a throw-away token directory, a test PKI made with openssl,
 * BELPIC tokens with an RSA 2048 and an EC P-384 `Signature` key). Measured:
 *
 * - `pv.sign`: the real handler on the minutes of a generated closed meeting, drafted once
 *   with `ag.minutes`: the file and field checked, a signing process forked for the request
 *   (ADR 0021: it opens the card, logs in, signs, answers and is ended), the signed file
 *   stored as the new minutes document. A field is signed once: before each call (untimed)
 *   the assembly points at the unsigned minutes again, so every call signs the same
 *   unsigned file, as the first signature of real minutes does.
 * - `signing.fork`: a module probe through the same host — a process started, the module
 *   loaded, its C_GetInfo answered: what every request pays before the card works.
 * - `pv.sign.built`, `signing.fork.built`: the same with the built worker
 *   (dist/main-build, what the packaged app forks, without tsx compiling the sources), when
 *   `npm run build:main` has been run; in-process only.
 * - `signPdf.rsa`, `signPdf.ec`: `signPdf` in this process with the card opened once (no
 *   process, no login, no database): the PDF update and the CMS with the card's signature.
 *
 * Without softhsm2, pkcs11-tool or openssl, or when the token cannot be made, the measures
 * are skipped with the reason printed: never a failure of the bench.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Knex } from 'knex';
import type { AppInstance } from '../src-main/app/bootstrap.js';
import { signPdf } from '../src-main/signing/pades.js';
import { applicationPin } from '../src-main/signing/pin.js';
import { EidSigner, parseSlotId } from '../src-main/signing/pkcs11.js';
import { SigningHost } from '../src-main/signing/signing-host.js';
import { createTestPki, keepEnv, SOFTHSM_MODULE, softhsmAvailable, type TestCard } from '../test/support/softhsm.js';
import { ROOT } from './databases.js';
import { measure, type MeasureOptions, type Stats } from './measure.js';
import { rows, type AssemblyFixture, type Call } from './scenarios.js';

export interface SigningResult { name: string; what: string; inProcess?: Stats; http?: Stats }

export const SIGNING_MEASURES = ['pv.sign', 'pv.sign.built', 'signing.fork', 'signing.fork.built', 'signPdf.rsa', 'signPdf.ec'] as const;

/** The worker the packaged app forks (built by `npm run build:main`). */
const BUILT_WORKER = join(ROOT, 'dist', 'main-build', 'src-main', 'signing', 'signing-worker.js');
type SigningMeasure = (typeof SIGNING_MEASURES)[number];

export interface SigningBench {
  app: AppInstance;
  knex: Knex;
  call: Call;
  httpCall: Call;
  minutes: AssemblyFixture['minutes'] | null;
  measure: MeasureOptions;
  wanted: (name: SigningMeasure) => boolean;
  log: (line: string) => void;
}

/** Each call takes a few hundred milliseconds: 30 calls at most, all of them (no time budget). */
const optionsOf = (base: MeasureOptions): MeasureOptions => {
  const iterations = Math.min(base.iterations, 30);
  return { iterations, minIterations: iterations, warmup: Math.min(base.warmup, 3), maxSeconds: Infinity };
};

export async function measureSigning(b: SigningBench): Promise<{ results: SigningResult[]; skipped: string | null; notes: string[] }> {
  if (!softhsmAvailable()) return { results: [], notes: [], skipped: `softhsm2 (${SOFTHSM_MODULE}), pkcs11-tool or openssl not installed` };
  if (!b.minutes) return { results: [], notes: [], skipped: 'the database has no generated closed assembly to sign the minutes of (regenerate it with --fresh)' };
  const minutes = b.minutes;
  const restoreEnv = keepEnv('SOFTHSM2_CONF', 'KOPROGO_PKCS11_MODULE');
  let pki;
  try {
    pki = createTestPki();
  } catch (e) {
    restoreEnv();
    return { results: [], notes: [], skipped: `the SoftHSM2 test token could not be made: ${(e as Error).message.split('\n')[0]}` };
  }
  // The signing process inherits the environment: the module reads its tokens from
  // SOFTHSM2_CONF, and the variable makes it a module this computer knows (pv.sign's allow-list).
  process.env.SOFTHSM2_CONF = pki.env.SOFTHSM2_CONF;
  process.env.KOPROGO_PKCS11_MODULE = SOFTHSM_MODULE;
  const opts = optionsOf(b.measure);
  const results: SigningResult[] = [];
  const notes: string[] = [];
  try {
    const built = existsSync(BUILT_WORKER) ? new SigningHost({ script: BUILT_WORKER }) : null;
    const builtOn = built ? ` (built ${statSync(BUILT_WORKER).mtime.toISOString().slice(0, 16)}Z)` : '';
    if (!built && (b.wanted('pv.sign.built') || b.wanted('signing.fork.built'))) notes.push('the built worker was not measured: run npm run build:main first');
    if (b.wanted('pv.sign') || (built && b.wanted('pv.sign.built'))) {
      const assemblyId = minutes.id;
      b.log('pv.sign: drafting the minutes to sign');
      const drafted = (await b.call('ag.minutes', { assemblyId, language: 'fr' })) as { documentId: number };
      const [doc] = await rows<{ size: number }>(b.knex, 'select size from document where id = ?', [drafted.documentId]);
      const unsigned = () => b.knex('assembly').where({ id: assemblyId }).update({ minutes_document_id: drafted.documentId });
      const input = { assemblyId, field: 'Sig_President', pin: pki.rsa.pin, slot: pki.rsa.slotId, module: SOFTHSM_MODULE };
      const what = `pv.sign of the chair's field (RSA 2048 SoftHSM2 token) on the minutes of a generated closed meeting (${minutes.voters} voters, ${minutes.resolutions} resolutions, ${Math.round(Number(doc?.size ?? 0) / 1024)} KB): checks, a signing process forked per request, the signed file stored`;
      if (b.wanted('pv.sign')) {
        b.log('pv.sign: in-process and over HTTP, the worker from sources (tsx)');
        results.push({ name: 'pv.sign', what: `${what}; the worker run from sources through tsx, as the bench's app runs`, inProcess: await measure(() => b.call('pv.sign', input), opts, unsigned), http: await measure(() => b.httpCall('pv.sign', input), opts, unsigned) });
      }
      if (built && b.wanted('pv.sign.built')) {
        b.log('pv.sign.built: in-process, the built worker');
        const host = b.app.services.signing;
        b.app.services.signing = built;
        try {
          results.push({ name: 'pv.sign.built', what: `${what}; the built worker${builtOn}, as the packaged app forks it`, inProcess: await measure(() => b.call('pv.sign', input), opts, unsigned) });
        } finally {
          b.app.services.signing = host;
        }
      }
      await unsigned();
    }
    const fork = (host: SigningHost) => () => host.probe(SOFTHSM_MODULE);
    if (b.wanted('signing.fork')) {
      b.log('signing.fork: a module probe in a new signing process, from sources');
      results.push({ name: 'signing.fork', what: 'a module probe through the signing host, the worker from sources (tsx): a process forked, the PKCS#11 module loaded, C_GetInfo answered, the process ended', inProcess: await measure(fork(b.app.services.signing), opts) });
    }
    if (built && b.wanted('signing.fork.built')) {
      b.log('signing.fork.built: the same with the built worker');
      results.push({ name: 'signing.fork.built', what: `the same probe with the built worker${builtOn}`, inProcess: await measure(fork(built), opts) });
    }
    const pdf = await unsignedPdf(b, minutes.id);
    for (const [name, card] of [['signPdf.rsa', pki.rsa], ['signPdf.ec', pki.ec]] as const) {
      if (!b.wanted(name)) continue;
      b.log(`${name}: signPdf in this process, the card opened once`);
      results.push({ name, what: `signPdf of the same minutes in this process with the ${card.key === 'rsa' ? 'RSA 2048' : 'EC P-384'} token opened once (no process, no login, no database)`, inProcess: await signInProcess(pdf, card, opts) });
    }
  } finally {
    pki.cleanup();
    restoreEnv();
  }
  return { results, notes, skipped: null };
}

/** The unsigned minutes pv.sign signed, or drafted now when it did not run. */
async function unsignedPdf(b: SigningBench, assemblyId: number): Promise<Buffer> {
  const [a] = await rows<{ docId: number | null }>(b.knex, 'select minutes_document_id as "docId" from assembly where id = ?', [assemblyId]);
  const docId = a?.docId ?? ((await b.call('ag.minutes', { assemblyId, language: 'fr' })) as { documentId: number }).documentId;
  const [d] = await rows<{ content: Uint8Array }>(b.knex, 'select content from document where id = ?', [docId]);
  if (!d) throw new Error(`minutes document #${docId} not found`);
  return Buffer.from(d.content);
}

async function signInProcess(pdf: Buffer, card: TestCard, opts: MeasureOptions): Promise<Stats> {
  const signer = await EidSigner.open({ modulePath: SOFTHSM_MODULE, slotId: parseSlotId(card.slotId) ?? undefined, pin: applicationPin(async () => card.pin) });
  try {
    const signingTime = new Date();
    return await measure(() => signPdf(pdf, { field: 'Sig_President', signer, reason: 'Président de séance', location: 'Bench', signingTime }), opts);
  } finally {
    signer.close();
  }
}
