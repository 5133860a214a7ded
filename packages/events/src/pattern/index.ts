/**
 * Amazon EventBridge event patterns, matched the way aws/event-ruler (EventBridge's matching engine) does.
 *
 *   const matches = compilePattern({ source: [{ prefix: 'federation.' }] }); // validate + compile once
 *   matches(event); // → boolean, for as many events as needed
 *
 * Modules: compile.ts (pattern → sorted field conditions per "$or" alternative), values.ts (one field's value
 * list → predicates; numeric.ts, text.ts and ip.ts hold the operators' details), flatten.ts (event → leaves
 * with array membership), match.ts (array-consistent search).
 */
import { compileSubRules } from './compile.js';
import { addPath, flatten, type PathTrie } from './flatten.js';
import { matchesSubRule } from './match.js';

export { InvalidPatternError } from './errors.js';

export type EventPattern = Record<string, unknown>;

/**
 * Validates a pattern like EventBridge's PutRule would (throwing InvalidPatternError with a clear message)
 * and returns a predicate over events. Anything that is not a JSON object never matches.
 */
export function compilePattern(pattern: EventPattern): (event: unknown) => boolean {
  const subRules = compileSubRules(pattern);
  const trie: PathTrie = { children: new Map() };
  for (const field of subRules.flat()) addPath(trie, field.path);

  return (event) => {
    if (typeof event !== 'object' || event === null || Array.isArray(event)) return false;
    const leaves = flatten(event as Record<string, unknown>, trie);
    return subRules.some((rule) => matchesSubRule(rule, leaves));
  };
}

/** One-off match; compiles the pattern on every call, so prefer compilePattern for a rule used repeatedly. */
export function matchesPattern(pattern: EventPattern, event: unknown): boolean {
  return compilePattern(pattern)(event);
}
