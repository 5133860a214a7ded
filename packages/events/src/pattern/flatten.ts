/**
 * Flattens the parts of an event a pattern names into leaves, the way event-ruler sees an event: every
 * string/number/boolean/null reached through objects and arrays, tagged with the array elements it sits in.
 * Objects and arrays themselves are never leaves, so `{}` and `[]` contribute nothing.
 */
import type { Scalar } from './values.js';

/** Which element of which array (arrays numbered in document order) a leaf lies inside. */
export type Membership = ReadonlyMap<number, number>;

export interface Leaf {
  readonly value: Scalar;
  readonly membership: Membership;
}

/** The event paths a compiled pattern reads, as a tree of keys. */
export interface PathTrie {
  readonly children: Map<string, PathTrie>;
  /** Set when some field condition ends here: leaves at this path are collected under this id. */
  id?: string;
}

/** Identifies a path unambiguously (a key containing dots stays distinct from nested keys). */
export function pathId(path: readonly string[]): string {
  return JSON.stringify(path);
}

export function addPath(trie: PathTrie, path: readonly string[]): void {
  let node = trie;
  for (const key of path) {
    let child = node.children.get(key);
    if (!child) node.children.set(key, (child = { children: new Map() }));
    node = child;
  }
  node.id = pathId(path);
}

/** Leaves by path id. */
export type Leaves = ReadonlyMap<string, readonly Leaf[]>;

function isScalar(value: unknown): value is Scalar {
  return value === null || typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean';
}

export function flatten(event: Record<string, unknown>, trie: PathTrie): Leaves {
  const leaves = new Map<string, Leaf[]>();
  let arrayCount = 0;

  const visit = (value: unknown, node: PathTrie, membership: Membership): void => {
    if (Array.isArray(value)) {
      const arrayId = arrayCount++;
      value.forEach((element, index) => {
        // Scalars directly in an array are not tied to their element; nested objects and arrays are.
        const isContainer = typeof element === 'object' && element !== null;
        visit(element, node, isContainer ? new Map(membership).set(arrayId, index) : membership);
      });
    } else if (typeof value === 'object' && value !== null) {
      for (const [key, child] of node.children) {
        if (Object.hasOwn(value, key)) visit((value as Record<string, unknown>)[key], child, membership);
      }
    } else if (node.id !== undefined && isScalar(value)) {
      const list = leaves.get(node.id) ?? [];
      list.push({ value, membership });
      leaves.set(node.id, list);
    }
  };

  visit(event, trie, new Map());
  return leaves;
}
