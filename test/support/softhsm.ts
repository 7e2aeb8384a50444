/**
 * Stand-ins for Belgian eID cards in tests: SoftHSM2 tokens labelled BELPIC holding a
 * `Signature` key and certificate and the issuing `CA` certificate, like the real card, under
 * a test PKI made with openssl (root → "Citizen CA" → signers, as Belgium Root CA → Citizen
 * CA → card). Everything lives in one temp folder (SOFTHSM2_CONF points to its own token
 * directory); cleanup() removes it. Needs the Debian packages softhsm2, opensc, openssl.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const SOFTHSM_MODULE = '/usr/lib/softhsm/libsofthsm2.so';

/** Remembers these environment variables (SOFTHSM2_CONF, KOPROGO_PKCS11_MODULE…); the function returned puts them back. */
export function keepEnv(...keys: string[]): () => void {
  const before = keys.map((k) => [k, process.env[k]] as const);
  return () => {
    for (const [k, v] of before) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
}

export const softhsmAvailable = (): boolean =>
  existsSync(SOFTHSM_MODULE) && ['softhsm2-util', 'pkcs11-tool', 'openssl'].every((t) => {
    try {
      execFileSync('which', [t], { stdio: 'ignore' });
      return true;
    } catch {
      return false;
    }
  });

export interface TestCard {
  /** As pkcs11-tool -L prints it (0x…), what `--slot` takes. */
  slotId: string;
  pin: string;
  /** The signer's certificate CN. */
  cn: string;
  certPem: string;
  key: 'rsa' | 'ec';
}

export interface TestPki {
  dir: string;
  /** Environment for processes that use the tokens. */
  env: { SOFTHSM2_CONF: string };
  /** A SoftHSM2 configuration whose only token is not an eID card (label OTHER). */
  otherEnv: { SOFTHSM2_CONF: string };
  /** The test root: the trust anchor (like Belgium Root CA). */
  rootPem: string;
  /** The issuing CA (like a Citizen CA), stored on each card as `CA`. */
  caPem: string;
  rsa: TestCard;
  ec: TestCard;
  cleanup(): void;
}

const PIN = '1234';
const SO_PIN = '12345678';

function run(cmd: string, args: string[], env: NodeJS.ProcessEnv = process.env, cwd?: string): string {
  return execFileSync(cmd, args, { env, cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
}

function softhsmConf(dir: string, name: string): { SOFTHSM2_CONF: string } {
  const tokens = join(dir, `${name}-tokens`);
  mkdirSync(tokens, { recursive: true });
  const conf = join(dir, `${name}.conf`);
  writeFileSync(conf, `directories.tokendir = ${tokens}\nobjectstore.backend = file\nlog.level = ERROR\nslots.removable = false\n`);
  return { SOFTHSM2_CONF: conf };
}

/** Initialises a token; returns its slot ID as 0x… */
function initToken(env: NodeJS.ProcessEnv, label: string): string {
  const out = run('softhsm2-util', ['--init-token', '--free', '--label', label, '--pin', PIN, '--so-pin', SO_PIN], env);
  const m = /reassigned to slot (\d+)/.exec(out);
  if (!m?.[1]) throw new Error(`softhsm2-util did not say the slot: ${out}`);
  return `0x${BigInt(m[1]).toString(16)}`;
}

function writeObject(env: NodeJS.ProcessEnv, slot: string, file: string, type: 'privkey' | 'cert', label: string, id: string): void {
  const args = ['--module', SOFTHSM_MODULE, '--slot', slot, '--login', '--pin', PIN, '--write-object', file, '--type', type, '--label', label, '--id', id];
  if (type === 'privkey') args.push('--usage-sign');
  run('pkcs11-tool', args, env);
}

export function createTestPki(): TestPki {
  const dir = mkdtempSync(join(tmpdir(), 'koprogo-eid-'));
  const o = (args: string[]) => run('openssl', args, process.env, dir);
  try {
    writeFileSync(join(dir, 'ca.ext'), 'basicConstraints=critical,CA:true,pathlen:0\nkeyUsage=critical,keyCertSign,cRLSign\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
    writeFileSync(join(dir, 'signer.ext'), 'basicConstraints=critical,CA:false\nkeyUsage=critical,nonRepudiation\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
    writeFileSync(join(dir, 'auth.ext'), 'basicConstraints=critical,CA:false\nkeyUsage=critical,digitalSignature\nsubjectKeyIdentifier=hash\nauthorityKeyIdentifier=keyid\n');
    // Root (EC P-384, like Belgium Root CA6) and the issuing CA (RSA, like the Citizen CAs under RCA4).
    o(['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-384', '-nodes', '-keyout', 'root.key', '-out', 'root.pem', '-days', '3650', '-sha384',
      '-subj', '/C=BE/CN=KoproGo Test Root CA', '-addext', 'basicConstraints=critical,CA:true', '-addext', 'keyUsage=critical,keyCertSign,cRLSign']);
    o(['req', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'ca.key', '-out', 'ca.csr', '-subj', '/C=BE/CN=KoproGo Test Citizen CA/serialNumber=202601']);
    o(['x509', '-req', '-in', 'ca.csr', '-CA', 'root.pem', '-CAkey', 'root.key', '-CAcreateserial', '-out', 'ca.pem', '-days', '3000', '-sha384', '-extfile', 'ca.ext']);

    const signer = (base: string, keyArgs: string[], subj: string, ext = 'signer.ext') => {
      o(['genpkey', ...keyArgs, '-out', `${base}.key`]);
      o(['req', '-new', '-utf8', '-key', `${base}.key`, '-out', `${base}.csr`, '-subj', subj]);
      o(['x509', '-req', '-in', `${base}.csr`, '-CA', 'ca.pem', '-CAkey', 'ca.key', '-CAcreateserial', '-out', `${base}.pem`, '-days', '1000', '-sha256', '-extfile', ext]);
      o(['pkcs8', '-topk8', '-nocrypt', '-in', `${base}.key`, '-outform', 'DER', '-out', `${base}.p8.der`]);
      o(['x509', '-in', `${base}.pem`, '-outform', 'DER', '-out', `${base}.der`]);
    };
    signer('rsa', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], '/C=BE/CN=Jean Dupont (Signature)/SN=Dupont/GN=Jean/serialNumber=00000000097');
    signer('rsa-auth', ['-algorithm', 'RSA', '-pkeyopt', 'rsa_keygen_bits:2048'], '/C=BE/CN=Jean Dupont (Authentication)/SN=Dupont/GN=Jean/serialNumber=00000000097', 'auth.ext');
    signer('ec', ['-algorithm', 'EC', '-pkeyopt', 'ec_paramgen_curve:P-384'], '/C=BE/CN=Marie Martin-Lefèvre (Signature)/SN=Martin-Lefèvre/GN=Marie/serialNumber=00000000196');
    o(['x509', '-in', 'ca.pem', '-outform', 'DER', '-out', 'ca.der']);

    const env = { ...process.env, ...softhsmConf(dir, 'cards') };
    const card = (base: 'rsa' | 'ec', cn: string): TestCard => {
      const slotId = initToken(env, 'BELPIC');
      // Like the card: an Authentication key and certificate first, so that picking by label matters.
      if (base === 'rsa') {
        writeObject(env, slotId, join(dir, 'rsa-auth.p8.der'), 'privkey', 'Authentication', '02');
        writeObject(env, slotId, join(dir, 'rsa-auth.der'), 'cert', 'Authentication', '02');
      }
      writeObject(env, slotId, join(dir, `${base}.p8.der`), 'privkey', 'Signature', '03');
      writeObject(env, slotId, join(dir, `${base}.der`), 'cert', 'Signature', '03');
      writeObject(env, slotId, join(dir, 'ca.der'), 'cert', 'CA', '04');
      return { slotId, pin: PIN, cn, certPem: join(dir, `${base}.pem`), key: base };
    };
    const rsa = card('rsa', 'Jean Dupont (Signature)');
    const ec = card('ec', 'Marie Martin-Lefèvre (Signature)');

    const otherEnv = softhsmConf(dir, 'other');
    initToken({ ...process.env, ...otherEnv }, 'OTHER');

    return {
      dir,
      env: { SOFTHSM2_CONF: env.SOFTHSM2_CONF },
      otherEnv,
      rootPem: join(dir, 'root.pem'),
      caPem: join(dir, 'ca.pem'),
      rsa,
      ec,
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    };
  } catch (e) {
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
}

export const readPem = (file: string): string => readFileSync(file, 'utf8');
