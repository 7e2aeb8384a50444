/**
 * Ascending order of Unicode code points. JavaScript's `<` and the default `sort()`
 * compare UTF-16 code units, which puts an astral character (😀 U+1F600, stored as the
 * surrogates D83D DE00) before a high-BMP one (U+FFFD); code point order does not.
 * Locale order (`localeCompare`) is not used either: the result must not depend on the
 * machine's language. A lone surrogate compares as its own code unit value.
 */
export function compareCodePoints(a: string, b: string): number {
  const ia = a[Symbol.iterator]();
  const ib = b[Symbol.iterator]();
  for (;;) {
    const x = ia.next();
    const y = ib.next();
    if (x.done) return y.done ? 0 : -1;
    if (y.done) return 1;
    const cx = x.value.codePointAt(0) ?? 0;
    const cy = y.value.codePointAt(0) ?? 0;
    if (cx !== cy) return cx < cy ? -1 : 1;
  }
}
