/**
 * Array-consistent matching of sub-rules against flattened event leaves (event-ruler's ACFinder).
 *
 * Fields are taken in sorted order. A positive field picks a leaf at its path that passes one of its tests
 * and lies in the same element of every array it shares with the leaves picked so far; the search
 * backtracks over the choices. An `exists: false` field holds when no leaf at its path is consistent with
 * the leaves picked so far; only fields sorted before it have picked theirs at that point.
 */
import type { SubRule } from './compile.js';
import type { Leaf, Leaves, Membership } from './flatten.js';

/** The picked elements extended with the leaf's, or undefined when the leaf lies in a different element. */
function consistent(picked: Membership, leaf: Leaf): Membership | undefined {
  let merged: Map<number, number> | undefined;
  for (const [array, index] of leaf.membership) {
    const pickedIndex = picked.get(array);
    if (pickedIndex === undefined) (merged ??= new Map(picked)).set(array, index);
    else if (pickedIndex !== index) return undefined;
  }
  return merged ?? picked;
}

const NOTHING: readonly Leaf[] = [];

export function matchesSubRule(rule: SubRule, leaves: Leaves): boolean {
  const from = (fieldIndex: number, picked: Membership): boolean => {
    const field = rule[fieldIndex];
    if (!field) return true;
    const candidates = leaves.get(field.pathId) ?? NOTHING;
    if (field.allowAbsent && candidates.every((leaf) => !consistent(picked, leaf))) {
      if (from(fieldIndex + 1, picked)) return true;
    }
    return candidates.some((leaf) => {
      const next = consistent(picked, leaf);
      return next !== undefined && field.tests.some((test) => test(leaf.value)) && from(fieldIndex + 1, next);
    });
  };
  return from(0, new Map());
}
