import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineEnum } from './enum.js';

const tiers = defineEnum({ deep: { zh: '深度困难', en: 'Deep hardship' }, relative: { zh: '相对困难', en: 'Relative hardship' } });

describe('defineEnum', () => {
  it('keeps values and their labels in one place, in declaration order', () => {
    expect(tiers.values).toEqual(['deep', 'relative']);
    expect(tiers.label('deep')).toBe('深度困难');
    expect(tiers.label('deep', 'en')).toBe('Deep hardship');
    expect(tiers.label('relative', 'zh-CN')).toBe('相对困难');
  });

  it('tells its values from anything else', () => {
    expect(tiers.is('deep')).toBe(true);
    expect(tiers.is('Deep')).toBe(false);
    expect(tiers.is(undefined)).toBe(false);
  });

  it('gives schemas their values (z.enum) without importing zod itself', () => {
    expect(z.enum(tiers.values).safeParse('relative').success).toBe(true);
    expect(z.enum(tiers.values).safeParse('none').success).toBe(false);
  });

  it('refuses an empty enum', () => {
    expect(() => defineEnum({})).toThrow();
  });
});
