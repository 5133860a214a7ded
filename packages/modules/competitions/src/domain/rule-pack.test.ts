import { describe, expect, it } from 'vitest';
import { DomainError } from '@ufp/core/errors';
import { builtInPacks, customise, differencesFromPack, enterprisePack, findPack, fromPack, provinceClass1Pack, ruleSettingsSchema } from './rule-pack.js';

describe('rule packs', () => {
  it('a setting left out takes its default: theory ≤ 30%, drop high/low from 5 judges, 2-hour protest window, time → 实操 → 理论', () => {
    expect(ruleSettingsSchema.parse({})).toMatchObject({
      theoryWeightMaxBp: 3000,
      dropHighLowMinJudges: 5,
      protestWindowMinutes: 120,
      tieBreak: ['completionTime', 'practical', 'theory'],
      prizes: { kind: 'byRank', table: [] },
      honours: [],
    });
  });

  it('ships 省一类竞赛规则 (share prizes 10/20/30%, 省五一 for 1st) and 企业赛规则 (¥100,000 for 1st, in fen)', () => {
    expect(builtInPacks.map((p) => p.name.zh)).toEqual(['省一类竞赛规则', '企业赛规则']);
    expect(findPack('province-class1')?.settings.prizes).toMatchObject({ kind: 'byShare', tiers: [{ shareBp: 1000 }, { shareBp: 2000 }, { shareBp: 3000 }] });
    expect(provinceClass1Pack.settings.honours[0]).toMatchObject({ fromRank: 1, toRank: 1, award: { honourCode: 'provincial_may_day_medal' } });
    const table = enterprisePack.settings.prizes.kind === 'byRank' ? enterprisePack.settings.prizes.table : [];
    expect(table.map((r) => [r.fromRank, r.toRank, r.amountFen])).toEqual([[1, 1, 10_000_000], [2, 2, 5_000_000], [3, 3, 3_000_000], [4, 6, 2_000_000]]);
    expect(findPack('nope')).toBeUndefined();
  });
});

describe('customising a pack and the differences shown', () => {
  it('an unchanged pack has no differences', () => {
    expect(differencesFromPack(enterprisePack, fromPack(enterprisePack))).toEqual([]);
    expect(differencesFromPack(enterprisePack, customise(enterprisePack, {}))).toEqual([]);
  });

  it('lists each changed setting with its bilingual label, the pack value and the competition value', () => {
    const custom = customise(provinceClass1Pack, { protestWindowMinutes: 60, tieBreak: ['practical', 'theory'] });
    expect(custom).toMatchObject({ packCode: 'province-class1', packVersion: 1 });
    expect(differencesFromPack(provinceClass1Pack, custom)).toEqual([
      { key: 'tieBreak', label: { zh: '同分排序规则', en: 'Tie-break cascade' }, pack: ['completionTime', 'practical', 'theory'], custom: ['practical', 'theory'] },
      { key: 'protestWindowMinutes', label: { zh: '申诉期（分钟）', en: 'Protest window (minutes)' }, pack: 120, custom: 60 },
    ]);
  });

  it('setting a value equal to the pack is no difference; a replaced prize table is one', () => {
    expect(differencesFromPack(enterprisePack, customise(enterprisePack, { theoryWeightMaxBp: 3000 }))).toEqual([]);
    const custom = customise(enterprisePack, { prizes: { kind: 'byRank', table: [{ fromRank: 1, toRank: 1, label: { zh: '第一名', en: 'First' }, amountFen: 100 }] } });
    expect(differencesFromPack(enterprisePack, custom).map((d) => d.key)).toEqual(['prizes']);
  });

  it('refuses an invalid value naming the setting (theory cap over 100%)', () => {
    const err = (() => {
      try {
        customise(enterprisePack, { theoryWeightMaxBp: 10001 });
      } catch (e) {
        return e as DomainError;
      }
    })();
    expect(err).toBeInstanceOf(DomainError);
    expect(err).toMatchObject({ kind: 'invalid', details: { field: 'settings.theoryWeightMaxBp' } });
    expect(err!.text.zh).toContain('理论权重上限');
  });

  it('refuses an overlapping prize table and a reversed honour range', () => {
    const row = (fromRank: number, toRank: number) => ({ fromRank, toRank, label: { zh: 'x', en: 'x' }, amountFen: 1 });
    expect(() => customise(enterprisePack, { prizes: { kind: 'byRank', table: [row(1, 2), row(2, 3)] } })).toThrow(/重叠/);
    expect(() => customise(enterprisePack, { honours: [{ fromRank: 5, toRank: 1, award: { kind: 'skillGradeUp' } }] })).toThrow(/颠倒/);
  });

  it('refuses a setting that does not exist (a typo is not silently dropped)', () => {
    expect(() => customise(enterprisePack, { protestWindowMinute: 60 } as never)).toThrow(/protestWindowMinute/);
  });

  it('refuses comparing a competition with a pack (or pack version) it did not pick', () => {
    expect(() => differencesFromPack(enterprisePack, fromPack(provinceClass1Pack))).toThrow(/pack/);
    expect(() => differencesFromPack({ ...enterprisePack, version: 2 }, fromPack(enterprisePack))).toThrow(/v1, not enterprise v2/);
  });
});
