import { describe, expect, it } from 'vitest';
import { changesBetween } from './changes.js';

describe('changesBetween', () => {
  it('lists only the fields whose value differs, nested values compared whole', () => {
    const before = { a: 1, caps: { x: 1, y: 2 }, same: 'k' };
    const after = { a: 2, caps: { x: 1, y: 3 }, same: 'k' };
    expect(changesBetween(before, after, ['a', 'caps', 'same'])).toEqual({ a: { from: 1, to: 2 }, caps: { from: { x: 1, y: 2 }, to: { x: 1, y: 3 } } });
  });

  it('a first version records every field as set from nothing', () => {
    expect(changesBetween(undefined, { a: 1 }, ['a'])).toEqual({ a: { from: undefined, to: 1 } });
  });

  it('no difference → no changes', () => {
    expect(changesBetween({ a: [1, 2] }, { a: [1, 2] }, ['a'])).toEqual({});
  });
});
