import { addDays, addYears } from '@ufp/core/calendar/dates';
import { invalid } from '@ufp/core/errors';
import { bargainingSide, type Contract, type ContractSettings, type Representative, type RepresentativeSide, type Side, type VoteRule } from './contract.js';

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

/** Where each representative rule comes from, cited in its error. */
export const representativeSources = {
  art19: { zh: '《集体合同规定》第十九条', en: 'Collective Contract Provisions Art. 19' },
  art23: { zh: '《集体合同规定》第二十三条', en: 'Collective Contract Provisions Art. 23' },
  art24: { zh: '《集体合同规定》第二十四条', en: 'Collective Contract Provisions Art. 24' },
  femaleCommittee: {
    zh: '地方规定，如《湖南省集体合同规定》第七条、《上海市集体合同条例》',
    en: 'local rules, e.g. Hunan Collective Contract Provisions Art. 7, Shanghai Collective Contract Regulations',
  },
} as const;
type Source = keyof typeof representativeSources;


function repInvalid(rule: string, source: Source, text: { zh: string; en: string }, field: string, extra: Record<string, unknown> = {}) {
  const src = representativeSources[source];
  return invalid({ zh: `${text.zh}（${src.zh}）`, en: `${text.en} (${src.en})` }, { field, rule, article: src.zh, ...extra });
}

const normName = (s: string) => s.normalize('NFKC').replace(/\s+/g, '').toLowerCase();

/**
 * Whether two entries are the same person: the same name (ignoring spaces, width and case),
 * unless both carry a `personRef` and the refs differ — the ref only tells namesakes apart, it
 * never makes two differently named entries one person. The model keeps no ID or phone number
 * for representatives (no personal data beyond the name), so a bare name match counts.
 */
export function samePerson(a: Representative, b: Representative): boolean {
  if (normName(a.name) !== normName(b.name)) return false;
  if (a.personRef && b.personRef) return normName(a.personRef) === normName(b.personRef);
  return true;
}

/** The members of a side still seated (vacated seats left out). */
export const seated = (s: RepresentativeSide): Representative[] => {
  const gone = new Set((s.vacancies ?? []).map((v) => v.memberIndex));
  return s.members.filter((_, i) => !gone.has(i));
};

/** Whether the worker side must include the head of the 女职工委员会. */
export const femaleHeadRequired = (c: Pick<Contract, 'type' | 'specialKind'>, femaleCommittee: boolean | undefined): boolean =>
  !!femaleCommittee || (c.type === 'special' && c.specialKind === 'female_workers');

export interface RepresentativesInput {
  side: Side;
  members: Representative[];
  chiefIndex: number;
  /** Worker side only: the union has a 女职工委员会. */
  femaleCommittee?: boolean;
}

/**
 * A side's bargaining representatives (协商代表), each rule a 400 naming its source:
 * at least 3 and one chief (Art. 19); the chief not an outside expert and outsiders at most the
 * tenant's share, 1/3 by default (Art. 23); as many as the other side (Art. 19); nobody twice,
 * and nobody on both sides (Art. 24); the head of the union's 女职工委员会 on the worker side where
 * the union has one, and always for a 女职工权益保护 special contract (local rules).
 */
export function checkRepresentatives(
  input: RepresentativesInput,
  c: Pick<Contract, 'type' | 'specialKind' | 'representatives'>,
  settings: Pick<ContractSettings, 'outsiderShareMax'>,
): void {
  const { side, members, chiefIndex } = input;
  const other = c.representatives[side === 'worker' ? 'employer' : 'worker'];
  if (members.length < 3) {
    throw repInvalid('min_size', 'art19', { zh: '每方协商代表不少于3人', en: 'At least 3 representatives per side' }, 'members');
  }
  if (chiefIndex < 0 || chiefIndex >= members.length) {
    throw repInvalid('chief', 'art19', { zh: '每方须确定一名首席代表', en: 'Each side names one chief representative' }, 'chiefIndex');
  }
  if (members[chiefIndex]?.outsider) {
    throw repInvalid('outsider_chief', 'art23', { zh: '外聘专家（非本单位人员）不得担任首席代表', en: 'An outside expert may not be the chief representative' }, 'chiefIndex', { memberIndex: chiefIndex });
  }
  const outsiders = members.filter((m) => m.outsider).length;
  const { num, den } = settings.outsiderShareMax;
  if (outsiders * den > num * members.length) {
    throw repInvalid(
      'outsider_share',
      'art23',
      { zh: `外聘代表不得超过本方代表的${num}/${den}（本方 ${members.length} 人中外聘 ${outsiders} 人）`, en: `Outside experts may be at most ${num}/${den} of the side (${outsiders} of ${members.length})` },
      'members',
    );
  }
  if (other && other.members.length !== members.length) {
    const o = bargainingSide.labels[side === 'worker' ? 'employer' : 'worker'];
    throw repInvalid(
      'equal_size',
      'art19',
      { zh: `双方协商代表人数应当对等：${o.zh}为 ${other.members.length} 人`, en: `Both sides need the same number of representatives: ${o.en} has ${other.members.length}` },
      'members',
      { otherSize: other.members.length },
    );
  }
  members.forEach((m, i) => {
    const j = members.findIndex((x, k) => k < i && samePerson(x, m));
    if (j >= 0) {
      throw repInvalid('duplicate', 'art19', { zh: `「${m.name}」在本方重复列出（第 ${j + 1} 和第 ${i + 1} 人）`, en: `Representatives #${j + 1} and #${i + 1} are the same person, listed twice on this side` }, 'members', { memberIndex: i });
    }
  });
  if (other) {
    const others = seated(other);
    const i = members.findIndex((m) => others.some((o) => samePerson(o, m)));
    if (i >= 0) {
      const o = bargainingSide.labels[side === 'worker' ? 'employer' : 'worker'];
      throw repInvalid(
        'cross_holding',
        'art24',
        { zh: `「${members[i]!.name}」已是${o.zh}协商代表：双方协商代表不得相互兼任（同名的不同人员请填写识别号区分）`, en: `Representative #${i + 1} already represents ${o.en}: nobody may sit on both sides (give namesakes a reference to tell them apart)` },
        'members',
        { memberIndex: i },
      );
    }
  }
  const heads = members.map((m, i) => (m.femaleCommitteeHead ? i : -1)).filter((i) => i >= 0);
  if (side === 'employer') {
    if (input.femaleCommittee) {
      throw repInvalid('female_committee_side', 'femaleCommittee', { zh: '女职工委员会是工会的组织，只在职工方填写', en: "The women workers' committee belongs to the union: set it on the worker side" }, 'femaleCommittee');
    }
    if (heads.length) {
      throw repInvalid('female_head_side', 'femaleCommittee', { zh: '女职工委员会主任应作为职工方协商代表，不能列入企业方', en: "The head of the women workers' committee sits on the worker side, not the employer side" }, 'members', { memberIndex: heads[0] });
    }
    return;
  }
  if (heads.length > 1) {
    throw repInvalid('female_head_unique', 'femaleCommittee', { zh: '只能标记一名女职工委员会主任', en: "Mark only one head of the women workers' committee" }, 'members', { memberIndex: heads[1] });
  }
  if (heads.length && members[heads[0]!]!.outsider) {
    throw repInvalid('female_head_outsider', 'femaleCommittee', { zh: '女职工委员会主任是本单位工会人员，不能是外聘专家', en: "The head of the women workers' committee is a union member, not an outside expert" }, 'members', { memberIndex: heads[0] });
  }
  if (femaleHeadRequired(c, input.femaleCommittee) && !heads.length) {
    const why = c.type === 'special' && c.specialKind === 'female_workers' ? { zh: '女职工权益保护专项集体合同', en: 'For a special contract on female workers' } : { zh: '工会设有女职工委员会', en: "Where the union has a women workers' committee" };
    throw repInvalid(
      'female_head_required',
      'femaleCommittee',
      { zh: `${why.zh}，其主任应为职工方协商代表：请标记该代表`, en: `${why.en}, its head must be a worker-side representative: mark her` },
      'members',
    );
  }
}

export interface VoteInput {
  representativesTotal: number;
  present?: number;
  approve: number;
}

export interface VoteOutcome {
  rule: VoteRule;
  passed: boolean;
  /** quorum: fewer than 2/3 present (enterprise rule only); majority: not more than half of ALL representatives approve. */
  failed: ('quorum' | 'majority')[];
  /** Present needed under the enterprise rule; the sector rule has no attendance quorum. */
  quorumNeeded?: number;
  approveNeeded: number;
}

/** The thresholds for `total` representatives: ≥ ⌈2/3⌉ present, > 1/2 approve. */
export const voteThresholds = (total: number) => ({ quorumNeeded: Math.ceil((2 * total) / 3), approveNeeded: Math.floor(total / 2) + 1 });

/**
 * The vote on the draft, integer arithmetic only; the denominator is always ALL representatives.
 * `enterprise` (综合性, 专项; Art. 36): at least 2/3 present AND more than half of all approve.
 * `sector` (行业性, 区域性; the implementing notice): more than half of all the representatives of
 * the enterprises that accept the draft, or of the region's 职代会, approve — no 2/3 quorum;
 * `present` is recorded when given (the filing package lists attendance) but decides nothing.
 */
export function voteOutcome(rule: VoteRule, v: VoteInput): VoteOutcome {
  const { representativesTotal: total, present, approve } = v;
  if (!Number.isInteger(total) || total < 1) throw invalid({ zh: '代表总数须为正整数', en: 'Total representatives must be a positive integer' }, { field: 'representativesTotal' });
  if (present === undefined && rule === 'enterprise') {
    throw invalid({ zh: '请填写实到代表人数（第三十六条：须有三分之二以上代表出席）', en: 'Enter the number present (Art. 36: at least two thirds must attend)' }, { field: 'present' });
  }
  if (present !== undefined && (!Number.isInteger(present) || present < 0 || present > total)) {
    throw invalid({ zh: '出席人数须在 0 至代表总数之间', en: 'Present must be between 0 and the total' }, { field: 'present' });
  }
  const cap = present ?? total;
  if (!Number.isInteger(approve) || approve < 0 || approve > cap) {
    throw invalid(
      present === undefined ? { zh: '赞成人数须在 0 至代表总数之间', en: 'Approvals must be between 0 and the total' } : { zh: '赞成人数须在 0 至出席人数之间', en: 'Approvals must be between 0 and the number present' },
      { field: 'approve' },
    );
  }
  const { quorumNeeded, approveNeeded } = voteThresholds(total);
  const failed: VoteOutcome['failed'] = [];
  if (rule === 'enterprise' && 3 * present! < 2 * total) failed.push('quorum');
  if (2 * approve <= total) failed.push('majority');
  return { rule, passed: failed.length === 0, failed, ...(rule === 'enterprise' ? { quorumNeeded } : {}), approveNeeded };
}

/** The 职代会 vote of an enterprise contract (Art. 36). */
export const congressOutcome = (total: number, present: number, approve: number): VoteOutcome => voteOutcome('enterprise', { representativesTotal: total, present, approve });

/** Which condition failed, in words (for the history note and the console). */
export function voteFailureText(o: Pick<VoteOutcome, 'failed' | 'quorumNeeded' | 'approveNeeded' | 'rule'>): { zh: string; en: string } {
  const parts = o.failed.map((f) =>
    f === 'quorum'
      ? { zh: `出席不足全体代表三分之二（需 ${o.quorumNeeded} 人）`, en: `fewer than two thirds present (${o.quorumNeeded} needed)` }
      : o.rule === 'sector'
        ? { zh: `赞成未超过全体代表半数（参加企业或区域职代会的全体代表，需 ${o.approveNeeded} 人）`, en: `not more than half of ALL representatives of the accepting enterprises (or the regional congress) approve (${o.approveNeeded} needed)` }
        : { zh: `赞成未超过全体代表半数（需 ${o.approveNeeded} 人）`, en: `not more than half of ALL representatives approve (${o.approveNeeded} needed)` },
  );
  return { zh: parts.map((p) => p.zh).join('；'), en: parts.map((p) => p.en).join('; ') };
}
