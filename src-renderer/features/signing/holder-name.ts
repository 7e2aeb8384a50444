/**
 * Is the card's holder the person printed under the field? A warning, not a rule: the card
 * says "Jean P Dupont" or "Marie Martin-Lefèvre" where the minutes say "Jean Dupont",
 * "MARTIN-LEFEVRE Marie" or only "Dupont". So: case and accents ignored, words in any order,
 * initials ignored, and one name's words all found in the other's is enough.
 */
const words = (name: string): Set<string> =>
  new Set(
    name
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .split(/[^\p{L}\p{N}]+/u)
      .filter((w) => w.length > 1),
  );

export function sameHolder(cardHolder: string, fieldName: string): boolean {
  const a = words(cardHolder);
  const b = words(fieldName);
  if (a.size === 0 || b.size === 0) return true; // nothing to compare: no warning
  const within = (x: Set<string>, y: Set<string>) => [...x].every((w) => y.has(w));
  return within(a, b) || within(b, a);
}
