import fr from './fr.json' with { type: 'json' };
import nl from './nl.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import de from './de.json' with { type: 'json' };

/**
 * UI text in the four languages of Belgium's users (FR default). The renderer and the
 * main process (menus, dialogs) read the same catalogs; `fr.json` is the reference: the
 * catalogs test checks the others have exactly its keys.
 */
export type Catalog = typeof fr;
export const CATALOGS = { fr, nl, en, de } as const satisfies Record<string, Catalog>;
export type CatalogLanguage = keyof typeof CATALOGS;
export const DEFAULT_LANGUAGE: CatalogLanguage = 'fr';

/** The locale used to format numbers and dates for each UI language (Belgian variants). */
export const LOCALES: Record<CatalogLanguage, string> = { fr: 'fr-BE', nl: 'nl-BE', en: 'en-BE', de: 'de-BE' };
