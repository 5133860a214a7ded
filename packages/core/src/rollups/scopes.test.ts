import { describe, expect, it } from 'vitest';
import { ownScope, rollupScopes } from './scopes.js';

describe('rollup scopes', () => {
  it('a county feeds its province, city and itself', () => expect(rollupScopes('321281')).toEqual(['32', '3212', '321281']));
  it('a city federation feeds its province and its city scope', () => expect(rollupScopes('321200')).toEqual(['32', '3212']));
  it('a municipality feeds only its province-level scope', () => expect(rollupScopes('110000')).toEqual(['11']));
  it('a tenant reads its own rollups from its narrowest scope', () => {
    expect(ownScope('321281')).toBe('321281');
    expect(ownScope('321200')).toBe('3212');
  });
});
