import { invalid } from '@ufp/core/errors';
import { levelRank, type HonourType } from './ladder.js';

/**
 * A ladder the operator saves: codes unique, a prerequisite no higher than the honour's own level, and every honour
 * people hold still on it. (Treatment may differ from the level either way: 全国五一奖章 holders get 省部级 treatment.)
 */
export function assertLadder(honours: readonly HonourType[], heldCodes: ReadonlySet<string> = new Set()): void {
  const seen = new Set<string>();
  honours.forEach((h, i) => {
    if (seen.has(h.code)) throw invalid({ zh: `荣誉代码「${h.code}」重复`, en: `Honour code ${h.code} appears twice` }, { field: `honours.${i}.code` });
    seen.add(h.code);
    if (h.prerequisiteLevel && levelRank[h.prerequisiteLevel] > levelRank[h.level]) {
      throw invalid({ zh: `「${h.name.zh}」的前置荣誉级别高于其本身级别`, en: `${h.name.en}: the prerequisite level is above the honour's own level` }, { field: `honours.${i}.prerequisiteLevel` });
    }
  });
  for (const code of heldCodes) {
    if (!seen.has(code)) throw invalid({ zh: `荣誉「${code}」已有人获得，不能删除（可标记为停用）`, en: `Honour ${code} is held by people: retire it instead of removing it` }, { field: 'honours' });
  }
}
