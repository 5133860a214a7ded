/**
 * Compiles the list of values a pattern field is matched against ("state": ["running", {"prefix": "stop"}])
 * into predicates over a single leaf value of the event. Validation follows event-ruler's rule compiler
 * (JsonRuleCompiler.java), which is what EventBridge's PutRule applies.
 */
import { ipHex, ipInRange, parseCidr } from './ip.js';
import { numericMatcher } from './numeric.js';
import { ignoreCaseMatcher, wildcardMatcher } from './text.js';

/** A leaf of the event: arrays and objects are flattened away before values are tested. */
export type Scalar = string | number | boolean | null;
export type ValueTest = (value: Scalar) => boolean;

/** What one pattern field asks of the event: a leaf passing any test, or (if allowed) no leaf at all. */
export interface FieldValues {
  readonly tests: readonly ValueTest[];
  readonly allowAbsent: boolean;
}

type StringTest = (value: string) => boolean;

const isString = (value: Scalar): value is string => typeof value === 'string';
const onStrings =
  (test: StringTest): ValueTest =>
  (value) =>
    isString(value) && test(value);
/** anything-but on strings: passes every non-string leaf and every string no excluded matcher accepts. */
const noneOf =
  (excluded: readonly StringTest[]): ValueTest =>
  (value) =>
    !isString(value) || !excluded.some((test) => test(value));

export function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function onlyKey(expression: Record<string, unknown>, what: string): [string, unknown] {
  const entries = Object.entries(expression);
  const [first] = entries;
  if (!first) throw new Error(`${what} expression name not found (empty object)`);
  if (entries.length > 1) throw new Error(`Only one key allowed in ${what} expression, got ${entries.length}`);
  return first;
}

function requireString(value: unknown, message: string): string {
  if (typeof value !== 'string') throw new Error(message);
  return value;
}

const hasAffix =
  (operator: 'prefix' | 'suffix', affix: string): StringTest =>
  (value) =>
    operator === 'prefix' ? value.startsWith(affix) : value.endsWith(affix);

/** {"prefix": "x"} or {"prefix": {"equals-ignore-case": "x"}}, and likewise for suffix. */
function affixTest(operator: 'prefix' | 'suffix', operand: unknown): ValueTest {
  if (isPlainObject(operand)) {
    const [inner, text] = onlyKey(operand, operator);
    if (inner !== 'equals-ignore-case') throw new Error(`Unsupported ${operator} pattern: ${inner}`);
    const pattern = requireString(text, 'equals-ignore-case match pattern must be a string');
    return onStrings(ignoreCaseMatcher(pattern, operator));
  }
  return onStrings(hasAffix(operator, requireString(operand, `${operator} match pattern must be a string`)));
}

/** {"anything-but": "x" | 1 | ["x", "y"] | [1, 2]}: all strings or all numbers, never null or booleans. */
function anythingButValues(operand: unknown): ValueTest {
  const values = Array.isArray(operand) ? operand : [operand];
  const allStrings = values.length > 0 && values.every((v) => typeof v === 'string');
  const allNumbers = values.length > 0 && values.every((v) => typeof v === 'number' && Number.isFinite(v));
  if (!allStrings && !allNumbers) {
    throw new Error(
      'Value of anything-but must be a string, a number, or a non-empty list of all strings or all numbers',
    );
  }
  const excluded = new Set<Scalar>(values as Scalar[]);
  const kind = allStrings ? 'string' : 'number';
  return (value) => typeof value !== kind || !excluded.has(value);
}

/** {"anything-but": {"prefix" | "suffix" | "equals-ignore-case" | "wildcard": "x" | ["x", "y"]}}. */
function anythingButStrings(operand: Record<string, unknown>): ValueTest {
  const [operator, raw] = onlyKey(operand, 'anything-but');
  const texts = Array.isArray(raw) ? raw : [raw];
  // event-ruler accepts an empty list here but then fails to add the rule; EventBridge cannot run it either.
  if (texts.length === 0) throw new Error(`anything-but ${operator} list must not be empty`);
  const strings = texts.map((text) =>
    requireString(text, `anything-but ${operator} match pattern must be a string or a list of strings`),
  );
  switch (operator) {
    case 'prefix':
    case 'suffix':
      if (strings.includes('')) throw new Error(`Empty ${operator} not allowed inside anything-but`);
      return noneOf(strings.map((affix) => hasAffix(operator, affix)));
    case 'equals-ignore-case':
      return noneOf(strings.map((text) => ignoreCaseMatcher(text, 'whole')));
    case 'wildcard':
      return noneOf(strings.map(wildcardMatcher));
    default:
      throw new Error(`Unsupported anything-but pattern: ${operator}`);
  }
}

type Compiled = ValueTest | 'absent';

function operatorTest(expression: Record<string, unknown>): Compiled {
  const [operator, operand] = onlyKey(expression, 'match');
  switch (operator) {
    case 'prefix':
    case 'suffix':
      return affixTest(operator, operand);
    case 'equals-ignore-case': {
      const text = requireString(operand, 'equals-ignore-case match pattern must be a string');
      return onStrings(ignoreCaseMatcher(text, 'whole'));
    }
    case 'wildcard':
      return onStrings(wildcardMatcher(requireString(operand, 'wildcard match pattern must be a string')));
    case 'anything-but':
      return isPlainObject(operand) ? anythingButStrings(operand) : anythingButValues(operand);
    case 'numeric': {
      const inRange = numericMatcher(operand);
      return (value) => typeof value === 'number' && inRange(value);
    }
    case 'exists':
      if (typeof operand !== 'boolean') throw new Error('exists match pattern must be either true or false');
      return operand ? () => true : 'absent';
    case 'cidr': {
      const range = parseCidr(requireString(operand, 'cidr match pattern must be a string'));
      return onStrings((value) => ipInRange(value, range));
    }
    default:
      throw new Error(`Unrecognized match type ${operator}`);
  }
}

function exactTest(expected: Scalar): ValueTest {
  // A string that is an IP literal matches the same address however it is spelled ("::0" equals "::").
  const ip = typeof expected === 'string' ? ipHex(expected) : undefined;
  if (ip !== undefined) return (value) => isString(value) && ipHex(value) === ip;
  return (value) => value === expected; // numbers compare numerically: 300 and 300.0 are the same double
}

function compileValue(value: unknown): Compiled {
  if (isPlainObject(value)) return operatorTest(value);
  if (typeof value === 'number' && !Number.isFinite(value)) throw new Error('Match value must be a finite number');
  if (value === null || ['string', 'number', 'boolean'].includes(typeof value)) return exactTest(value as Scalar);
  throw new Error('Match value must be String, number, true, false, null or a match expression object');
}

/** Compiles a pattern field's value list. Throws an Error with a readable message when it is invalid. */
export function compileFieldValues(values: readonly unknown[]): FieldValues {
  if (values.length === 0) throw new Error('Empty arrays are not allowed');
  const compiled = values.map(compileValue);
  return {
    tests: compiled.filter((c): c is ValueTest => c !== 'absent'),
    allowAbsent: compiled.includes('absent'),
  };
}
