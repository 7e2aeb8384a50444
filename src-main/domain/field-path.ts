/**
 * Field paths for the problems reported by the file parsers (`weights.A1`,
 * `owners[1].shares`, `resolutions[0].votes.o4`). A key that is not a plain identifier
 * (space, dot, empty, non-ASCII …) is written as a JSON string in brackets so the path
 * stays unambiguous: `weights["lot 3"]`.
 */
/** What a file parser returns: typed input, or every problem found, one line each. */
export type ParseResult<T> = { ok: true; value: T } | { ok: false; problems: string[] };

export function keyPath(base: string, key: string): string {
  return /^[A-Za-z_$][\w$-]*$/.test(key) ? `${base}.${key}` : `${base}[${JSON.stringify(key)}]`;
}

export function indexPath(base: string, index: number): string {
  return `${base}[${index}]`;
}

export const isPlainObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Describes a JSON value in a problem message without echoing a large payload. */
export function describeJson(v: unknown): string {
  if (v === undefined) return 'missing';
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'an array';
  if (typeof v === 'object') return 'an object';
  if (typeof v === 'string') return `the string ${JSON.stringify(v.length > 40 ? `${v.slice(0, 40)}…` : v)}`;
  return String(v);
}
