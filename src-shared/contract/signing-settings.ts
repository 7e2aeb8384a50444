import { z } from 'zod';
import { command, query } from './define.js';

/**
 * Which PKCS#11 module signs with the eID card (docs/signing.md, ADR 0021): saved on this
 * computer, in the local settings. Saving loads the library in the signing process and asks
 * it what it is (C_Initialize, C_GetInfo): a path that is not a PKCS#11 module is refused.
 */
export const pkcs11ModuleProbe = z.object({
  manufacturer: z.string(),
  description: z.string(),
  /** The PKCS#11 version it implements, "2.40". */
  cryptokiVersion: z.string(),
  libraryVersion: z.string(),
  slots: z.number().int(),
  slotsWithToken: z.number().int(),
});

export const SIGNING_MODULE_SOURCES = ['saved', 'env', 'default'] as const;

export const signingSettingsOperations = {
  'settings.signing.get': query({
    summary: 'The PKCS#11 module used to sign with eID cards: the one saved here, the one in use and whether it is installed',
    permission: 'settings.manage',
    input: z.object({}),
    output: z.object({
      /** Saved in the settings; null: none (the variable or the middleware's usual place is used). */
      modulePath: z.string().nullable(),
      /** What pv.sign loads: the saved path, else $KOPROGO_PKCS11_MODULE, else the middleware's usual place on this OS. */
      effectivePath: z.string(),
      source: z.enum(SIGNING_MODULE_SOURCES),
      /** The file is there (a bare Linux name: found in the system library folders). */
      found: z.boolean(),
      /** The eID middleware's usual places on this computer's OS, in the order tried. */
      defaults: z.array(z.string()),
    }),
  }),
  'settings.signing.save': command({
    summary: 'Save the PKCS#11 module after loading it in the signing process; empty: back to the eID middleware’s usual place',
    permission: 'settings.manage',
    // The probe runs in another process and may take seconds: no transaction stays open meanwhile.
    transactional: false,
    input: z.object({ modulePath: z.string().trim().max(1000) }),
    output: z.object({ modulePath: z.string().nullable(), probe: pkcs11ModuleProbe.nullable() }),
  }),
};
