/**
 * Inputs that VIOLATE a zod 4 schema, read from its definition (`schema._zod.def`): for a
 * valid input built from the schema, every field path is broken in turn — a wrong type, a
 * number out of range or not whole, a string too short or too long or in the wrong
 * format, a value outside an enum, a required field missing, an array of the wrong size,
 * nesting where a value belongs. Each violation knows the path the error must name.
 *
 * zod-fast-check would do part of this but supports neither zod 4 nor fast-check 4
 * (peerDependencies zod ^3, fast-check <4), and it generates valid values, not invalid ones.
 */
import fc from 'fast-check';
import type { z } from 'zod';

type Path = (string | number)[];
type Schema = z.ZodType;
interface Def {
  type: string;
  checks?: { _zod: { def: CheckDef } }[];
  [k: string]: unknown;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  length?: number;
  value?: number | bigint;
  inclusive?: boolean;
  format?: string;
}

export const MISSING = Symbol('missing');
export type Broken = unknown | typeof MISSING;

export interface Violation {
  path: Path;
  kind: string;
  /** The schema at `path`: a generated value it accepts is not a violation (the test discards it). */
  field: Schema;
  /** A fixed example, tried first, and random ones like it. */
  example: Broken;
  arbitrary: fc.Arbitrary<Broken>;
}

const def = (s: Schema): Def => (s as unknown as { _zod: { def: Def } })._zod.def;
const checks = (s: Schema): CheckDef[] => (def(s).checks ?? []).map((c) => c._zod.def);
const accepts = (s: Schema, v: unknown) => s.safeParse(v).success;

const WRAPPERS = new Set(['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional']);
/** The schema under optional/nullable/default/…; pipes stay (their input side is what callers send). */
export function unwrap(s: Schema): Schema {
  let cur = s;
  while (WRAPPERS.has(def(cur).type)) cur = def(cur).innerType as Schema;
  return cur;
}

// ------------------------------------------------------------------------------ valid values

/** Strings that satisfy the formats and refinements the contract uses (a date, an IBAN, …). */
const KNOWN_STRINGS = [
  'Abc', 'A', 'AB', 'BE', 'fr', 'o12', 'j3-4', 'Sig_President', '6110', '4101-012', '012', 'REF-1',
  '2026-01-15', '2026-01-15T10:00:00Z', '2026-01-15T10:00:00', '10:00',
  'syndic@example.be', 'BE68539007547034', '0403170701', '+++090/9337/55493+++', '090933755493', 'RF18539007547034',
];

function numberBounds(s: Schema): { min: number; max: number; int: boolean } {
  let min = -1_000_000_000, max = 1_000_000_000, int = false;
  for (const c of checks(s)) {
    if (c.check === 'greater_than') min = Math.max(min, Number(c.value) + (c.inclusive ? 0 : 1e-9));
    if (c.check === 'less_than') max = Math.min(max, Number(c.value) - (c.inclusive ? 0 : 1e-9));
    if (c.check === 'number_format' && /int/.test(c.format ?? '')) int = true;
  }
  if (int) {
    min = Math.ceil(min);
    max = Math.floor(max);
  }
  return { min, max, int };
}

function stringBounds(s: Schema): { min: number; max: number } {
  let min = 0, max = Infinity;
  for (const c of checks(s)) {
    if (c.check === 'min_length') min = Math.max(min, c.minimum ?? 0);
    if (c.check === 'max_length') max = Math.min(max, c.maximum ?? Infinity);
    if (c.check === 'length_equals') min = max = c.length ?? 0;
  }
  const d = def(s);
  if (typeof d.minimum === 'number') min = Math.max(min, d.minimum);
  if (typeof d.maximum === 'number') max = Math.min(max, d.maximum);
  return { min, max };
}

/**
 * Valid values for a schema, best first (`salt` varies them, so that the elements of an
 * array differ: some refinements want increasing values). Objects come without their
 * optional fields, with all of them, and with each one alone: refinements such as
 * "exactly one of a, b, c" pick the candidate they accept.
 */
export function* validCandidates(schema: Schema, salt = 0): Generator<unknown> {
  const d = def(schema);
  switch (d.type) {
    case 'optional':
      yield undefined;
      yield* validCandidates(d.innerType as Schema, salt);
      return;
    case 'default':
    case 'prefault':
      yield* validCandidates(d.innerType as Schema, salt);
      yield undefined;
      return;
    case 'nullable':
      yield* validCandidates(d.innerType as Schema, salt);
      yield null;
      return;
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      yield* validCandidates(d.innerType as Schema, salt);
      return;
    case 'pipe':
      for (const v of validCandidates(d.in as Schema, salt)) if (accepts(schema, v)) yield v;
      return;
    case 'string': {
      const { min, max } = stringBounds(schema);
      const plain = 'abcdefghij'.repeat(Math.ceil(Math.max(min, 3) / 10)).slice(0, Math.max(min, Math.min(3, max)));
      const salted = salt ? `${plain.slice(0, Math.max(0, plain.length - 1))}${salt % 10}` : plain;
      for (const v of [salted, ...KNOWN_STRINGS]) if (accepts(schema, v)) yield v;
      return;
    }
    case 'number': {
      const { min, max, int } = numberBounds(schema);
      const from = Math.max(min, Math.min(max, 1));
      for (const v of [from + salt, from, min, max, int ? Math.round((min + max) / 2) : (min + max) / 2]) if (accepts(schema, v)) yield v;
      return;
    }
    case 'boolean':
      yield true;
      yield false;
      return;
    case 'null':
      yield null;
      return;
    case 'undefined':
      yield undefined;
      return;
    case 'literal':
      yield* d.values as unknown[];
      return;
    case 'enum':
      yield* Object.values(d.entries as Record<string, unknown>);
      return;
    case 'unknown':
    case 'any':
      yield 'x';
      return;
    case 'record':
      yield {};
      return;
    case 'array': {
      const { min } = stringBounds(schema);
      const n = Math.max(min, 1);
      const items: unknown[] = [];
      for (let i = 0; i < n; i++) {
        const item = firstAccepted(d.element as Schema, salt + i);
        if (!item) return;
        items.push(item.value);
      }
      yield items;
      if (min === 0) yield [];
      return;
    }
    case 'union':
      for (const option of d.options as Schema[]) yield* validCandidates(option, salt);
      return;
    case 'intersection': {
      for (const l of validCandidates(d.left as Schema, salt)) {
        for (const r of validCandidates(d.right as Schema, salt)) {
          const merged = l && r && typeof l === 'object' && typeof r === 'object' ? { ...l, ...r } : l;
          if (accepts(schema, merged)) {
            yield merged;
            return;
          }
        }
      }
      return;
    }
    case 'object': {
      const shape = d.shape as Record<string, Schema>;
      const optional = Object.keys(shape).filter((k) => accepts(shape[k]!, undefined));
      const build = (include: Set<string>) => {
        const out: Record<string, unknown> = {};
        for (const [k, s] of Object.entries(shape)) {
          const required = !optional.includes(k);
          if (!required && !include.has(k)) continue;
          const v = firstAccepted(s, salt);
          if (!v) return null;
          out[k] = v.value;
        }
        return out;
      };
      for (const include of [new Set<string>(), new Set(optional), ...optional.map((k) => new Set([k]))]) {
        const v = build(include);
        if (v) yield v;
      }
      return;
    }
    default:
      return;
  }
}

/** The first candidate (other than undefined) the schema accepts, among the first few. */
function firstAccepted(schema: Schema, salt: number): { value: unknown } | undefined {
  let tried = 0;
  for (const v of validCandidates(schema, salt)) {
    if (v !== undefined && accepts(schema, v)) return { value: v };
    if (++tried > 50) break;
  }
  return undefined;
}

/** A valid value of the schema, or undefined when none of the candidates passes. */
export function validSample(schema: Schema): { value: unknown } | undefined {
  let tried = 0;
  for (const v of validCandidates(schema)) {
    if (accepts(schema, v)) return { value: v };
    if (++tried > 200) break;
  }
  return undefined;
}

// --------------------------------------------------------------------------- invalid values

const deepNesting = (depth: number, leaf: unknown): unknown => (depth === 0 ? leaf : { value: deepNesting(depth - 1, leaf) });
const WRONG_TYPES: unknown[] = [42, -1.5, true, false, null, 'text', '', [], ['x'], {}, { value: 'x' }, deepNesting(64, 'x'), [[[['x']]]]];
const anyWrong = fc.oneof(
  fc.constantFrom(...WRONG_TYPES),
  fc.integer(),
  fc.double(),
  fc.string({ maxLength: 40 }),
  fc.boolean(),
  fc.array(fc.anything({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 8 }), fc.anything({ maxDepth: 2 }), { maxKeys: 4 }),
  fc.integer({ min: 1, max: 200 }).map((d) => deepNesting(d, 'x')),
);

/**
 * One kind of breakage at `path`: its first example the field refuses, and random values
 * like it (those the field happens to accept are discarded by the test with fc.pre).
 */
function kind(field: Schema, path: Path, name: string, examples: unknown[], arbitrary: fc.Arbitrary<unknown>): Violation | null {
  const example = examples.find((v) => !accepts(field, v));
  if (example === undefined) return null;
  return { path, kind: name, field, example, arbitrary: fc.oneof(fc.constant(example), arbitrary) };
}

const overs = new Map<number, string>();
const justOver = (max: number): string => {
  if (!overs.has(max)) overs.set(max, 'x'.repeat(max + 1));
  return overs.get(max)!;
};

function leafViolations(field: Schema, inner: Schema, path: Path): (Violation | null)[] {
  const d = def(inner);
  const out: (Violation | null)[] = [kind(field, path, 'wrong type', WRONG_TYPES.filter((v) => typeof v !== d.type), anyWrong)];
  if (d.type === 'string') {
    const { min, max } = stringBounds(inner);
    if (min > 0) out.push(kind(field, path, 'too short', ['', ' '.repeat(min), 'x'.repeat(min - 1)], fc.string({ maxLength: Math.max(0, min - 1) })));
    if (Number.isFinite(max)) {
      // Fields that carry whole files allow tens of megabytes: one string just over the limit, built once.
      const tooLong =
        max <= 1_000
          ? fc.string({ unit: 'grapheme-ascii', minLength: max + 1, maxLength: max + 40 })
          : max <= 100_000
            ? fc.integer({ min: 1, max: 40 }).map((extra) => 'x'.repeat(max + extra))
            : fc.constant(undefined).map(() => justOver(max));
      out.push(kind(field, path, 'too long', [justOver(max)], tooLong));
    }
    if (checks(inner).some((c) => c.check === 'string_format') || d.format) out.push(kind(field, path, 'wrong format', ['not valid at all', '2026-13-45', '@@'], fc.string({ minLength: 1, maxLength: 30 })));
  }
  if (d.type === 'number') {
    const { min, max, int } = numberBounds(inner);
    const inRange = Math.max(min, Math.min(max, 1));
    out.push(
      kind(field, path, 'below the minimum', [Math.floor(min) - 1, -1e12], fc.integer({ min: -2_000_000_000, max: Math.floor(min) - 1 })),
      kind(field, path, 'above the maximum', [Math.ceil(max) + 1, 1e15], fc.double({ min: Math.ceil(max) + 1, max: 1e300, noNaN: true })),
      kind(field, path, 'not a finite number', [Number.NaN, Infinity, -Infinity], fc.constantFrom(Number.NaN, Infinity, -Infinity)),
      kind(field, path, 'a number as text', [String(inRange)], fc.integer().map(String)),
    );
    if (int) out.push(kind(field, path, 'not whole', [inRange + 0.5, 2 ** 53], fc.double({ min: Math.max(min, -1e9), max: Math.min(max, 1e9), noNaN: true })));
  }
  if (d.type === 'enum') out.push(kind(field, path, 'not one of the choices', ['not-a-choice', 'FR', ''], fc.string({ maxLength: 20 })));
  if (d.type === 'literal') out.push(kind(field, path, 'another value', ['another', 0, false], fc.anything({ maxDepth: 1 })));
  return out;
}

/**
 * Every way to break `value` (valid for `field`) at `path` and below. `look` is the schema
 * being read: `field` itself, or what it wraps (a pipe's input side, which is what callers send).
 */
function violationsAt(field: Schema, value: unknown, path: Path, look: Schema = field): Violation[] {
  const inner = unwrap(look);
  const d = def(inner);
  const out: (Violation | null)[] = [];
  switch (d.type) {
    case 'pipe':
      return violationsAt(field, value, path, d.in as Schema);
    case 'object': {
      out.push(kind(field, path, 'not an object', WRONG_TYPES.filter((v) => typeof v !== 'object' || Array.isArray(v)), anyWrong));
      const obj = (value ?? {}) as Record<string, unknown>;
      for (const [key, child] of Object.entries(d.shape as Record<string, Schema>)) {
        if (!accepts(child, undefined)) out.push({ path: [...path, key], kind: 'missing', field: child, example: MISSING, arbitrary: fc.constant(MISSING) });
        if (key in obj) out.push(...violationsAt(child, obj[key], [...path, key]));
      }
      break;
    }
    case 'intersection':
      out.push(...violationsAt(field, value, path, d.left as Schema), ...violationsAt(field, value, path, d.right as Schema));
      break;
    case 'array': {
      out.push(kind(field, path, 'not an array', WRONG_TYPES.filter((v) => !Array.isArray(v)), anyWrong));
      const { min, max } = stringBounds(inner);
      const items = Array.isArray(value) ? value : [];
      if (min > 0) out.push(kind(field, path, 'too few items', [items.slice(0, min - 1)], fc.constant(items.slice(0, min - 1))));
      if (Number.isFinite(max) && items.length) {
        const tooMany = Array.from({ length: max + 1 }, () => items[0]);
        out.push(kind(field, path, 'too many items', [tooMany], fc.constant(tooMany)));
      }
      if (items.length) out.push(...violationsAt(d.element as Schema, items[0], [...path, 0]));
      break;
    }
    default:
      out.push(...leafViolations(field, inner, path));
  }
  return out.filter((v): v is Violation => v !== null);
}

/** The valid input the violations start from, and every violation of it. */
export function violationsOf(schema: Schema): { base: unknown; violations: Violation[] } | undefined {
  const sample = validSample(schema);
  if (!sample) return undefined;
  return { base: sample.value, violations: violationsAt(schema, sample.value, []) };
}

/** Whether a (possibly generated) broken value really violates its field. */
export const violates = (v: Violation, value: Broken): boolean => (value === MISSING ? !accepts(v.field, undefined) : value !== undefined && !accepts(v.field, value));

/** A copy of `base` with the value at `path` replaced (or removed: MISSING). */
export function breakAt(base: unknown, path: Path, value: Broken): unknown {
  if (path.length === 0) return value === MISSING ? undefined : value;
  const copy: unknown = structuredClone(base);
  let cur = copy as Record<string | number, unknown>;
  for (const p of path.slice(0, -1)) cur = cur[p] as Record<string | number, unknown>;
  const last = path.at(-1)!;
  if (value === MISSING) delete cur[last];
  else cur[last] = value;
  return copy;
}
