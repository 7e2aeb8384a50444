import fr from '../../src-shared/i18n/menu.fr.json' with { type: 'json' };
import nl from '../../src-shared/i18n/menu.nl.json' with { type: 'json' };
import en from '../../src-shared/i18n/menu.en.json' with { type: 'json' };
import de from '../../src-shared/i18n/menu.de.json' with { type: 'json' };

/** Text of the main process (menus, dialogs), in the four catalog languages; FR is the reference. */
export type DesktopCatalog = typeof fr;
export const DESKTOP_CATALOGS = { fr, nl, en, de } as const satisfies Record<string, DesktopCatalog>;
export type DesktopLanguage = keyof typeof DESKTOP_CATALOGS;
export type TextKey = `menu.${keyof DesktopCatalog['menu'] & string}` | `desktop.${keyof DesktopCatalog['desktop'] & string}`;
export type Translate = (key: TextKey, vars?: Record<string, string>) => string;

/**
 * The first of the OS's preferred languages that KoproGo speaks ('nl-BE' → 'nl'),
 * French otherwise (the reference catalog).
 */
export function pickLanguage(preferred: readonly string[]): DesktopLanguage {
  for (const tag of preferred) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if (base && Object.hasOwn(DESKTOP_CATALOGS, base)) return base as DesktopLanguage;
  }
  return 'fr';
}

export function translator(language: DesktopLanguage): Translate {
  const catalog = DESKTOP_CATALOGS[language] as unknown as Record<string, Record<string, string>>;
  return (key, vars = {}) => {
    const [ns = '', name = ''] = key.split('.');
    const text = catalog[ns]?.[name] ?? key;
    return text.replace(/\{\{(\w+)\}\}/g, (whole, v: string) => vars[v] ?? whole);
  };
}
