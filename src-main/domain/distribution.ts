/**
 * Splitting an amount of cents over lots (répartition des charges / verdeling van de
 * lasten) — exchange format and rule: docs/formats/charge-distribution.md.
 *
 * Largest remainder (Hamilton): every lot gets floor(A·w/W) and the cents left over go one
 * each to the largest remainders A·w mod W, ties by larger weight, then lot id in code
 * point order. A·w can exceed 2^53, so everything is computed in BigInt. The sign of the
 * amount (credit note) is applied last, so a credit note is the exact mirror of an invoice.
 * Charges follow the distribution key fixed by the deed (Code civil art. 3.85 §1, 3.86).
 */
import { compareCodePoints } from './code-point-order.js';
import { describeJson, isPlainObject, keyPath, type ParseResult } from './field-path.js';

export type { ParseResult } from './field-path.js';

export interface DistributionInput {
  amountCents: number;
  weights: Record<string, number>;
}

const LIMIT = 2n ** 53n;

/**
 * Shares in cents per lot, in the key order of `weights`; they add up to `amountCents`.
 * Preconditions (checked by parseDistributionInput): safe-integer amount, non-negative
 * safe-integer weights, at least one positive, sum < 2^53. Throws RangeError otherwise.
 */
export function distribute(amountCents: number, weights: Record<string, number>): Record<string, number> {
  if (!Number.isSafeInteger(amountCents)) throw new RangeError('distribute: amountCents must be a safe integer');
  const lots = Object.entries(weights).map(([id, w]) => {
    if (!Number.isSafeInteger(w) || w < 0) throw new RangeError(`distribute: weight of ${id} must be a non-negative integer`);
    return { id, weight: BigInt(w), share: 0n, remainder: 0n };
  });
  const total = lots.reduce((s, l) => s + l.weight, 0n);
  if (total === 0n) throw new RangeError('distribute: at least one weight must be positive');
  if (total >= LIMIT) throw new RangeError('distribute: the sum of the weights must be below 2^53');

  const sign = amountCents < 0 ? -1n : 1n;
  const amount = BigInt(amountCents) * sign;
  let leftover = amount;
  for (const l of lots) {
    const product = amount * l.weight;
    l.share = product / total;
    l.remainder = product % total;
    leftover -= l.share;
  }
  // leftover = Σ remainders / W < number of lots with a non-zero remainder, so a lot of
  // weight 0 (remainder 0) can never receive a cent; it is excluded anyway for clarity.
  const order = lots
    .filter((l) => l.weight > 0n)
    .sort((a, b) =>
      a.remainder !== b.remainder
        ? a.remainder > b.remainder ? -1 : 1
        : a.weight !== b.weight
          ? a.weight > b.weight ? -1 : 1
          : compareCodePoints(a.id, b.id),
    );
  for (let i = 0; leftover > 0n; i++, leftover--) order[i]!.share += 1n;

  // Object.fromEntries defines own properties, so a lot named "__proto__" is kept as data.
  return Object.fromEntries(lots.map((l) => [l.id, Number(l.share * sign)]));
}

/** Validates the JSON of `koprogo charges distribute`; every problem names its field. */
export function parseDistributionInput(json: unknown): ParseResult<DistributionInput> {
  if (!isPlainObject(json)) return { ok: false, problems: [`(input): must be a JSON object, got ${describeJson(json)}`] };
  const problems: string[] = [];

  const amount = json.amountCents;
  if (typeof amount !== 'number' || !Number.isInteger(amount)) {
    problems.push(`amountCents: must be a JSON integer, got ${describeJson(amount)}`);
  } else if (!Number.isSafeInteger(amount)) {
    // JSON numbers beyond 2^53 are not even exact once parsed (1e300, 9007199254740993).
    problems.push(`amountCents: must satisfy |amountCents| < 2^53, got ${amount}`);
  }

  const weights = json.weights;
  if (!isPlainObject(weights)) {
    problems.push(`weights: must be a JSON object of lot id → weight, got ${describeJson(weights)}`);
  } else {
    const entries = Object.entries(weights);
    if (entries.length === 0) problems.push('weights: no lots (at least one lot is required)');
    let sum = 0n;
    let allValid = true;
    for (const [id, w] of entries) {
      if (typeof w !== 'number' || !Number.isInteger(w) || w < 0) {
        problems.push(`${keyPath('weights', id)}: must be a non-negative integer, got ${describeJson(w)}`);
        allValid = false;
      } else if (!Number.isSafeInteger(w)) {
        problems.push(`${keyPath('weights', id)}: must be below 2^53, got ${w}`);
        allValid = false;
      } else {
        sum += BigInt(w);
      }
    }
    if (allValid && entries.length > 0) {
      if (sum === 0n) problems.push('weights: all weights are 0 (at least one must be positive)');
      else if (sum >= LIMIT) problems.push(`weights: the sum of the weights must be below 2^53, got ${sum}`);
    }
  }

  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, value: { amountCents: amount as number, weights: weights as Record<string, number> } };
}
