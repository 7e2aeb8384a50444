/**
 * The catalogue of majorities for agenda items, each naming its article of law (Code
 * civil, Livre 3). The item stores the catalogue key; the tally uses its `majority`.
 * Letters within a paragraph are not cited: check them against the consolidated text.
 */
export type Majority = 'absolute' | 'twoThirds' | 'fourFifths' | 'unanimity';

export interface MajorityRule {
  key: string;
  majority: Majority;
  article: string;
  label: { fr: string; nl: string; en: string; de: string };
}

export const MAJORITY_RULES: readonly MajorityRule[] = [
  { key: 'absolute', majority: 'absolute', article: 'art. 3.87 §8', label: { fr: 'Majorité absolue (décisions ordinaires : comptes, budget, décharge, syndic)', nl: 'Volstrekte meerderheid (gewone beslissingen: rekeningen, begroting, kwijting, syndicus)', en: 'Absolute majority (ordinary decisions: accounts, budget, discharge, syndic)', de: 'Absolute Mehrheit (gewöhnliche Beschlüsse)' } },
  { key: 'statutes_use', majority: 'twoThirds', article: 'art. 3.88 §1, 1°', label: { fr: 'Statuts : jouissance, usage ou administration des parties communes', nl: 'Statuten: genot, gebruik of beheer van de gemeenschappelijke delen', en: 'Statutes: use, enjoyment or management of the common parts', de: 'Satzung: Nutzung oder Verwaltung der gemeinsamen Teile' } },
  { key: 'works_common', majority: 'twoThirds', article: 'art. 3.88 §1, 1°', label: { fr: 'Travaux aux parties communes (hors ceux imposés par la loi et actes conservatoires)', nl: 'Werken aan de gemeenschappelijke delen (behalve wettelijk opgelegde en bewarende)', en: 'Works on the common parts (except those imposed by law and conservatory acts)', de: 'Arbeiten an den gemeinsamen Teilen' } },
  { key: 'council', majority: 'twoThirds', article: 'art. 3.88 §1, 1°', label: { fr: 'Création et composition du conseil de copropriété', nl: 'Oprichting en samenstelling van de raad van mede-eigendom', en: 'Creation and composition of the owners’ council', de: 'Bildung und Zusammensetzung des Beirats' } },
  { key: 'competitive_bids', majority: 'twoThirds', article: 'art. 3.88 §1, 1°', label: { fr: 'Montant à partir duquel une mise en concurrence est obligatoire', nl: 'Bedrag vanaf wanneer mededinging verplicht is', en: 'Amount above which competitive bids are mandatory', de: 'Betrag, ab dem Wettbewerb Pflicht ist' } },
  { key: 'private_works', majority: 'twoThirds', article: 'art. 3.88 §1, 1°', label: { fr: 'Travaux à des parties privatives justifiés par l’intérêt commun', nl: 'Werken aan privatieve delen om redenen van gemeenschappelijk belang', en: 'Works on private parts justified by the common interest', de: 'Arbeiten an Privatteilen im gemeinsamen Interesse' } },
  { key: 'statutes_other', majority: 'fourFifths', article: 'art. 3.88 §1, 2°', label: { fr: 'Autres modifications des statuts, y compris la répartition des charges', nl: 'Andere statutenwijzigingen, ook de verdeling van de lasten', en: 'Other changes to the statutes, including the distribution of charges', de: 'Sonstige Satzungsänderungen, auch die Kostenverteilung' } },
  { key: 'change_of_use', majority: 'fourFifths', article: 'art. 3.88 §1, 2°', label: { fr: 'Changement de destination de l’immeuble ou d’une partie', nl: 'Wijziging van de bestemming van het gebouw of een deel ervan', en: 'Change of use of the building or a part of it', de: 'Zweckänderung des Gebäudes' } },
  { key: 'reconstruction', majority: 'fourFifths', article: 'art. 3.88 §1, 2°', label: { fr: 'Reconstruction ou remise en état après destruction partielle', nl: 'Heropbouw of herstel na gedeeltelijke vernieling', en: 'Reconstruction or repair after partial destruction', de: 'Wiederaufbau nach teilweiser Zerstörung' } },
  { key: 'acquisition', majority: 'fourFifths', article: 'art. 3.88 §1, 2°', label: { fr: 'Acquisition de biens immobiliers destinés à devenir communs', nl: 'Verwerving van onroerende goederen die gemeenschappelijk worden', en: 'Acquisition of immovables to become common', de: 'Erwerb von Immobilien für das Gemeinschaftseigentum' } },
  { key: 'disposal', majority: 'fourFifths', article: 'art. 3.88 §1, 2°', label: { fr: 'Actes de disposition de biens immobiliers communs', nl: 'Daden van beschikking over gemeenschappelijke onroerende goederen', en: 'Disposal of common immovable property', de: 'Verfügung über gemeinsame Immobilien' } },
  { key: 'lots_change', majority: 'fourFifths', article: 'art. 3.88 §1, 2°', label: { fr: 'Modification de parties privatives, division ou réunion de lots', nl: 'Wijziging van privatieve delen, splitsing of samenvoeging van kavels', en: 'Changes to private parts, splitting or merging lots', de: 'Teilung oder Zusammenlegung von Einheiten' } },
  { key: 'no_reserve_fund', majority: 'fourFifths', article: 'art. 3.86 §3, art. 3.88 §1, 2°', label: { fr: 'Ne pas constituer le fonds de réserve obligatoire', nl: 'Het verplichte reservekapitaal niet aanleggen', en: 'Not constituting the mandatory reserve fund', de: 'Verzicht auf die Pflichtrücklage' } },
  { key: 'quota_change', majority: 'unanimity', article: 'art. 3.88 §3', label: { fr: 'Modification de la répartition des quotes-parts de copropriété', nl: 'Wijziging van de verdeling van de aandelen in de mede-eigendom', en: 'Change of the distribution of quote-parts', de: 'Änderung der Miteigentumsanteile' } },
  { key: 'demolition', majority: 'unanimity', article: 'art. 3.88 §3', label: { fr: 'Démolition ou reconstruction totale de l’immeuble', nl: 'Afbraak of volledige heropbouw van het gebouw', en: 'Demolition or total reconstruction of the building', de: 'Abriss oder vollständiger Wiederaufbau' } },
];

export const majorityRule = (key: string): MajorityRule | undefined => MAJORITY_RULES.find((r) => r.key === key);
export const MAJORITY_RULE_KEYS = MAJORITY_RULES.map((r) => r.key) as [string, ...string[]];

/** Days the law requires between convocation and meeting, and between a failed first session and the second (art. 3.87 §3, §5). */
export const CONVOCATION_MIN_DAYS = 15;
export const SECOND_SESSION_MIN_DAYS = 15;
