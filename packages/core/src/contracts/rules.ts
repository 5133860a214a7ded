import { addDays, addYears } from '../calendar/dates.js';
import { invalid } from '../errors.js';
import type { ContractSettings, Representative, RepresentativeSide, Side } from './contract.js';

/** Term 1–3 years (《集体合同规定》 Art. 38): end falls between start+1y−1d and start+3y−1d. */
export function checkTerm(term: { start: string; end: string }): void {
  const min = addDays(addYears(term.start, 1), -1);
  const max = addDays(addYears(term.start, 3), -1);
  if (term.end < min || term.end > max) {
    throw invalid(
      { zh: `集体合同期限为1至3年（《集体合同规定》第三十八条）：终止日须在 ${min} 至 ${max} 之间`, en: `The term must be 1 to 3 years (Art. 38): the end date must be between ${min} and ${max}` },
      { field: 'term.end', min, max },
    );
  }
}

/** A minimum-wage clause may not be below the local statutory minimum (劳动合同法 Art. 55). */
export function checkMinimumWage(clauseFen: number | undefined, settings: Pick<ContractSettings, 'minimumWageFen'>): void {
  if (clauseFen === undefined || settings.minimumWageFen === undefined) return;
  if (clauseFen < settings.minimumWageFen) {
    const yuan = (fen: number) => (fen / 100).toFixed(2);
    throw invalid(
      {
        zh: `最低工资条款 ${yuan(clauseFen)} 元低于当地最低工资标准 ${yuan(settings.minimumWageFen)} 元（《劳动合同法》第五十五条：集体合同中劳动报酬和劳动条件等标准不得低于当地人民政府规定的最低标准）`,
        en: `The minimum-wage clause (${yuan(clauseFen)} yuan) is below the local minimum wage (${yuan(settings.minimumWageFen)} yuan); Labour Contract Law Art. 55`,
      },
      { field: 'clauses.minimumWageFen', article: '劳动合同法第五十五条', minimumWageFen: settings.minimumWageFen },
    );
  }
}

/**
 * A side's bargaining representatives (Art. 19 and local rules): at least 3, one chief who is
 * not an outside expert, outsiders at most the tenant's share, and as many as the other side.
 */
export function checkRepresentatives(
  side: Side,
  members: Representative[],
  chiefIndex: number,
  other: RepresentativeSide | undefined,
  settings: Pick<ContractSettings, 'outsiderShareMax'>,
): void {
  if (members.length < 3) {
    throw invalid({ zh: '每方协商代表不少于3人（《集体合同规定》第十九条）', en: 'At least 3 representatives per side (Art. 19)' }, { field: 'members' });
  }
  if (chiefIndex < 0 || chiefIndex >= members.length) {
    throw invalid({ zh: '请指定一名首席代表', en: 'Choose one chief representative' }, { field: 'chiefIndex' });
  }
  if (members[chiefIndex]?.outsider) {
    throw invalid({ zh: '外聘专家不得担任首席代表', en: 'An outside expert may not be the chief representative' }, { field: 'chiefIndex' });
  }
  const outsiders = members.filter((m) => m.outsider).length;
  const { num, den } = settings.outsiderShareMax;
  if (outsiders * den > num * members.length) {
    throw invalid(
      { zh: `外聘代表不得超过本方代表的${num}/${den}（本方 ${members.length} 人中外聘 ${outsiders} 人）`, en: `Outside experts may be at most ${num}/${den} of the side (${outsiders} of ${members.length})` },
      { field: 'members' },
    );
  }
  if (other && other.members.length !== members.length) {
    const otherName = side === 'worker' ? '企业方' : '职工方';
    throw invalid(
      { zh: `双方协商代表人数应当对等：${otherName}为 ${other.members.length} 人`, en: `Both sides need the same number of representatives: the other side has ${other.members.length}` },
      { field: 'members', otherSize: other.members.length },
    );
  }
}

export interface VoteOutcome {
  passed: boolean;
  /** quorum: fewer than 2/3 present; majority: not more than half of ALL representatives approve. */
  failed: ('quorum' | 'majority')[];
  quorumNeeded: number;
  approveNeeded: number;
}

/**
 * The 职代会 vote (Art. 36): at least 2/3 of all representatives present AND more than half
 * of ALL representatives (not of those present) approve. Integer arithmetic only.
 */
export function congressOutcome(total: number, present: number, approve: number): VoteOutcome {
  if (!Number.isInteger(total) || total < 1) throw invalid({ zh: '代表总数须为正整数', en: 'Total representatives must be a positive integer' }, { field: 'representativesTotal' });
  if (!Number.isInteger(present) || present < 0 || present > total) {
    throw invalid({ zh: '出席人数须在 0 至代表总数之间', en: 'Present must be between 0 and the total' }, { field: 'present' });
  }
  if (!Number.isInteger(approve) || approve < 0 || approve > present) {
    throw invalid({ zh: '赞成人数须在 0 至出席人数之间', en: 'Approvals must be between 0 and the number present' }, { field: 'approve' });
  }
  const quorumNeeded = Math.ceil((2 * total) / 3);
  const approveNeeded = Math.floor(total / 2) + 1;
  const failed: VoteOutcome['failed'] = [];
  if (3 * present < 2 * total) failed.push('quorum');
  if (2 * approve <= total) failed.push('majority');
  return { passed: failed.length === 0, failed, quorumNeeded, approveNeeded };
}
