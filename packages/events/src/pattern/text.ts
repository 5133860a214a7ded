/** String matchers that need more than startsWith/endsWith: equals-ignore-case and wildcard. */

const REGEX_SYNTAX = /[\\^$.*+?()[\]{}|/]/g;

function escapeRegex(text: string): string {
  return text.replace(REGEX_SYNTAX, '\\$&');
}

export type Anchoring = 'whole' | 'prefix' | 'suffix';

function anchored(body: string, anchoring: Anchoring): RegExp {
  const start = anchoring === 'suffix' ? '' : '^';
  const end = anchoring === 'prefix' ? '' : '$';
  return new RegExp(`${start}${body}${end}`, 'u');
}

/**
 * Case-insensitive matching the way event-ruler defines it: each character of the pattern matches its own
 * lower-case or upper-case form (root locale), character by character. That differs from lower-casing both
 * sides: "ß" matches "ß" or "SS", and the Kelvin sign "K" matches only "k" or "K".
 */
export function ignoreCaseMatcher(pattern: string, anchoring: Anchoring): (value: string) => boolean {
  const body = Array.from(pattern, (char) => {
    const lower = char.toLowerCase();
    const upper = char.toUpperCase();
    return lower === upper ? escapeRegex(lower) : `(?:${escapeRegex(lower)}|${escapeRegex(upper)})`;
  }).join('');
  const regex = anchored(body, anchoring);
  return (value) => regex.test(value);
}

/**
 * Validates a wildcard pattern (no "**", a backslash may only escape "*" or "\") and returns its matcher:
 * "*" stands for any run of characters, including none, and the pattern must cover the whole value.
 * Throws an Error with a readable message when the pattern is malformed.
 */
export function wildcardMatcher(pattern: string): (value: string) => boolean {
  let body = '';
  for (let i = 0; i < pattern.length; i++) {
    const char = pattern[i];
    const next = pattern[i + 1];
    if (char === '*') {
      if (next === '*') throw new Error(`Consecutive wildcard characters at pos ${i} in "${pattern}"`);
      body += '[\\s\\S]*';
    } else if (char === '\\') {
      if (next !== '*' && next !== '\\') throw new Error(`Invalid escape character at pos ${i} in "${pattern}"`);
      body += escapeRegex(next);
      i++;
    } else {
      body += escapeRegex(char ?? '');
    }
  }
  const regex = anchored(body, 'whole');
  return (value) => regex.test(value);
}
