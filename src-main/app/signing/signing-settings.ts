import { statSync } from 'node:fs';
import { basename, isAbsolute } from 'node:path';
import { SigningError } from '../../signing/errors.js';
import { locateModule, moduleCandidates } from '../../signing/pkcs11.js';
import type { Handlers, LocalSettings } from '../context.js';
import { DomainRuleError } from '../errors.js';

/**
 * The PKCS#11 module the app signs with, chosen in Settings (docs/signing.md, ADR 0021).
 * Kept in the local settings of this computer — a module path means nothing on another one.
 */
interface StoredSigningSettings {
  modulePath: string | null;
}

/** The module path saved in Settings, or null. */
export function savedModulePath(settings: LocalSettings): string | null {
  const s = settings.read().signing as StoredSigningSettings | undefined;
  return s && typeof s.modulePath === 'string' && s.modulePath !== '' ? s.modulePath : null;
}

/** What pv.sign loads when no module is named: the saved path, else $KOPROGO_PKCS11_MODULE, else the middleware's usual places. */
export function effectiveModule(settings: LocalSettings, env: NodeJS.ProcessEnv = process.env): { path: string; source: 'saved' | 'env' | 'default'; found: boolean } {
  const saved = savedModulePath(settings);
  if (saved) return { path: saved, source: 'saved', found: locateModule(saved) !== null };
  if (env.KOPROGO_PKCS11_MODULE) return { path: env.KOPROGO_PKCS11_MODULE, source: 'env', found: locateModule(env.KOPROGO_PKCS11_MODULE) !== null };
  const candidates = moduleCandidates(process.platform, env);
  const installed = candidates.find((c) => locateModule(c) !== null);
  return { path: installed ?? candidates[0]!, source: 'default', found: installed !== undefined };
}

/** A shared library's name on Windows, macOS or Linux: .dll, .dylib, .so or .so.N(.N…). */
export const LIBRARY_NAME = /\.(dll|dylib|so)$|\.so(\.\d+)+$/i;

const refuse = (rule: string, message: string) => new DomainRuleError(rule, message, { path: ['modulePath'] });

export const signingSettingsHandlers: Handlers<'settings.signing.get' | 'settings.signing.save'> = {
  'settings.signing.get': async (_input, ctx) => {
    const effective = effectiveModule(ctx.services.localSettings);
    return {
      modulePath: savedModulePath(ctx.services.localSettings),
      effectivePath: effective.path,
      source: effective.source,
      found: effective.found,
      defaults: moduleCandidates(),
    };
  },

  'settings.signing.save': async ({ modulePath }, ctx) => {
    const previous = savedModulePath(ctx.services.localSettings);
    if (modulePath === '') {
      ctx.services.localSettings.write({ signing: { modulePath: null } satisfies StoredSigningSettings });
      ctx.audit('settings.signing.save', 'settings', null, { modulePath: previous }, { modulePath: null });
      return { modulePath: null, probe: null };
    }
    if (!isAbsolute(modulePath)) throw refuse('module_path_absolute', 'Give the full path of the module, from the root of the disk (C:\\… or /…)');
    let isFile = false;
    try {
      isFile = statSync(modulePath).isFile();
    } catch {
      isFile = false;
    }
    if (!isFile) throw refuse('module_path_missing', 'There is no file at this path on this computer');
    if (!LIBRARY_NAME.test(basename(modulePath))) throw refuse('module_path_not_library', 'A PKCS#11 module is a shared library: its name ends in .dll, .dylib or .so');

    // Loading a library runs its code: in the signing process, never in this one.
    let probe;
    try {
      probe = await ctx.services.signing.probe(modulePath);
    } catch (e) {
      if (!(e instanceof SigningError)) throw e;
      if (e.code === 'NOT_A_PKCS11_MODULE') throw refuse('module_not_pkcs11', e.message);
      throw refuse('module_failed', `The module loaded but did not start: ${e.message}`);
    }
    ctx.services.localSettings.write({ signing: { modulePath } satisfies StoredSigningSettings });
    ctx.audit('settings.signing.save', 'settings', null, { modulePath: previous }, { modulePath, manufacturer: probe.manufacturer, description: probe.description });
    const { manufacturer, description, cryptokiVersion, libraryVersion, slots, slotsWithToken } = probe;
    return { modulePath, probe: { manufacturer, description, cryptokiVersion, libraryVersion, slots, slotsWithToken } };
  },
};
