/**
 * The "numeric" operator: ["=", n], [">" | ">=", n], ["<" | "<=", n], or a lower bound followed by an upper
 * bound ([">", 0, "<=", 5]), exactly the shapes event-ruler accepts. Matches JSON numbers only, compared as
 * numbers (never strings that look like numbers).
 */

interface Bound {
  readonly value: number;
  readonly inclusive: boolean;
}

function numberAt(terms: readonly unknown[], index: number, operator: string): number {
  const value = terms[index];
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new Error(`Value of ${operator} must be a finite number`);
  }
  return value;
}

function expectEnd(terms: readonly unknown[], index: number): void {
  if (terms.length > index) throw new Error('Too many elements in numeric expression');
}

function parseRange(terms: readonly unknown[]): { lower?: Bound; upper?: Bound } {
  const operator = terms[0];
  if (typeof operator !== 'string') throw new Error(`Invalid member in numeric match: ${JSON.stringify(operator)}`);
  switch (operator) {
    case '=': {
      const value = numberAt(terms, 1, operator);
      expectEnd(terms, 2);
      return { lower: { value, inclusive: true }, upper: { value, inclusive: true } };
    }
    case '<':
    case '<=': {
      const value = numberAt(terms, 1, operator);
      expectEnd(terms, 2);
      return { upper: { value, inclusive: operator === '<=' } };
    }
    case '>':
    case '>=': {
      const lower = { value: numberAt(terms, 1, operator), inclusive: operator === '>=' };
      if (terms.length === 2) return { lower };
      const topOperator = terms[2];
      if (topOperator !== '<' && topOperator !== '<=') {
        throw new Error(`Bad numeric range operator: ${JSON.stringify(topOperator)} (expected "<" or "<=")`);
      }
      const upper = { value: numberAt(terms, 3, topOperator), inclusive: topOperator === '<=' };
      expectEnd(terms, 4);
      if (!(lower.value < upper.value)) throw new Error('Bottom of a numeric range must be less than its top');
      return { lower, upper };
    }
    default:
      throw new Error(`Unrecognized numeric range operator: ${JSON.stringify(operator)}`);
  }
}

/** Validates a "numeric" operand and returns its predicate; throws an Error with a readable message. */
export function numericMatcher(terms: unknown): (value: number) => boolean {
  if (!Array.isArray(terms)) throw new Error('Value of numeric must be an array');
  const { lower, upper } = parseRange(terms);
  return (value) =>
    (!lower || value > lower.value || (lower.inclusive && value === lower.value)) &&
    (!upper || value < upper.value || (upper.inclusive && value === upper.value));
}
