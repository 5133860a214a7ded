/**
 * Turns a pattern object into the shape event-ruler evaluates: a list of alternatives ("sub-rules", one per
 * combination of "$or" branches), each an AND of field conditions sorted by their dotted path.
 *
 * The sort order is part of the semantics. Fields are matched one by one in that order against leaves that
 * must come from the same element of every event array they share (array consistency), and an
 * `exists: false` field is checked against the array elements chosen by the fields sorted before it.
 */
import { InvalidPatternError } from './errors.js';
import { pathId } from './flatten.js';
import { compileFieldValues, isPlainObject, type FieldValues } from './values.js';

export interface FieldCondition extends FieldValues {
  /** Keys from the event root down to the leaf. */
  readonly path: readonly string[];
  /** Unambiguous key of the path, shared with the flattened event's leaves. */
  readonly pathId: string;
  /** The path joined with dots: event-ruler's field name, which fixes the evaluation order. */
  readonly name: string;
}

export type SubRule = readonly FieldCondition[];

const OR = '$or';

/** Field names event-ruler refuses inside "$or" branches (its operators plus names reserved for future use). */
const RESERVED_IN_OR = new Set([
  'exactly', 'equals-ignore-case', 'prefix', 'suffix', 'anything-but', 'exists', 'wildcard', 'numeric', 'cidr',
  '=', '<', '<=', '>', '>=', 'regex', 'not-wildcard', 'not-equals-ignore-case', 'date-after', 'date-on-or-after',
  'date-before', 'date-on-or-before', 'in-date-range', 'ip-address-in-range', 'ip-address-not-in-range',
]);

type Draft = Map<string, FieldCondition>; // keyed by pathId

/** Every combination of one draft from each list; later fields override earlier ones on the same path. */
function combine(left: readonly Draft[], right: readonly Draft[]): Draft[] {
  return left.flatMap((l) => right.map((r) => new Map([...l, ...r])));
}

function compileField(values: readonly unknown[], path: readonly string[]): FieldCondition {
  try {
    return { ...compileFieldValues(values), path, pathId: pathId(path), name: path.join('.') };
  } catch (error) {
    throw new InvalidPatternError((error as Error).message, path);
  }
}

function compileOr(branches: unknown, path: readonly string[]): Draft[] {
  if (!Array.isArray(branches)) throw new InvalidPatternError(`${OR} must be followed by an array`, path);
  if (!branches.every(isPlainObject)) {
    throw new InvalidPatternError(`Only JSON objects are allowed in the ${OR} array`, path);
  }
  if (branches.length < 2) throw new InvalidPatternError(`${OR} needs at least 2 objects`, path);
  return branches.flatMap((branch) => compileObject(branch, path, true));
}

function compileObject(object: Record<string, unknown>, path: readonly string[], insideOr: boolean): Draft[] {
  const entries = Object.entries(object);
  if (entries.length === 0) throw new InvalidPatternError('Empty objects are not allowed', path);
  let drafts: Draft[] = [new Map()];
  for (const [key, value] of entries) {
    if (key === OR) {
      drafts = combine(drafts, compileOr(value, path));
      continue;
    }
    const childPath = [...path, key];
    if (insideOr && RESERVED_IN_OR.has(key)) {
      throw new InvalidPatternError(`"${key}" is reserved and cannot name a field inside ${OR}`, childPath);
    }
    if (Array.isArray(value)) {
      const field = compileField(value, childPath);
      drafts = combine(drafts, [new Map([[field.pathId, field]])]);
    } else if (isPlainObject(value)) {
      drafts = combine(drafts, compileObject(value, childPath, insideOr));
    } else {
      throw new InvalidPatternError(`"${key}" must be an object or an array`, childPath);
    }
  }
  return drafts;
}

const byName = (a: FieldCondition, b: FieldCondition): number => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0);

/** Validates the pattern (throwing InvalidPatternError) and returns its sub-rules. */
export function compileSubRules(pattern: unknown): SubRule[] {
  if (!isPlainObject(pattern)) throw new InvalidPatternError('the pattern must be a JSON object');
  return compileObject(pattern, [], false).map((draft) => [...draft.values()].sort(byName));
}
