import { lang } from '../../i18n';

/** Bilingual text for the 集体合同 pages (zh-CN first); follows the language switch. */
export const tx = (zh: string, en: string): string => (lang() === 'en' ? en : zh);
export const bi = (b: { zh: string; en: string } | undefined): string => (b ? tx(b.zh, b.en) : '');

export const TYPES = ['comprehensive', 'special', 'industry', 'regional'] as const;
export const SPECIAL_KINDS = ['wage', 'skill_level_wage', 'female_workers', 'safety', 'tech_innovation'] as const;
export const INDUSTRIES = ['express', 'logistics', 'construction', 'catering', 'mining', 'manufacturing', 'retail', 'platform_work', 'other'] as const;
export const STATUSES = ['draft', 'offer_sent', 'offer_declined', 'negotiating', 'approved', 'signed', 'filed', 'effective', 'expiring', 'expired', 'terminated'] as const;

export const typeLabel: Record<string, { zh: string; en: string }> = {
  comprehensive: { zh: '综合性集体合同', en: 'Comprehensive' },
  special: { zh: '专项集体合同', en: 'Special' },
  industry: { zh: '行业性集体合同', en: 'Industry-wide' },
  regional: { zh: '区域性集体合同', en: 'Regional' },
};
export const specialLabel: Record<string, { zh: string; en: string }> = {
  wage: { zh: '工资专项', en: 'Wages' },
  skill_level_wage: { zh: '能级工资', en: 'Skill-level wages' },
  female_workers: { zh: '女职工权益保护', en: 'Female workers' },
  safety: { zh: '劳动安全卫生', en: 'Safety and health' },
  tech_innovation: { zh: '职工技术创新', en: 'Technical innovation' },
};
export const industryLabel: Record<string, { zh: string; en: string }> = {
  express: { zh: '快递行业', en: 'Express delivery' },
  logistics: { zh: '物流行业', en: 'Logistics' },
  construction: { zh: '建筑业', en: 'Construction' },
  catering: { zh: '餐饮服务业', en: 'Catering' },
  mining: { zh: '采矿业', en: 'Mining' },
  manufacturing: { zh: '制造业', en: 'Manufacturing' },
  retail: { zh: '商贸零售业', en: 'Retail' },
  platform_work: { zh: '平台用工（新就业形态）', en: 'Platform work' },
  other: { zh: '其他行业', en: 'Other' },
};
export const statusLabel: Record<string, { zh: string; en: string }> = {
  draft: { zh: '草拟', en: 'Draft' },
  offer_sent: { zh: '已发要约', en: 'Offer sent' },
  offer_declined: { zh: '要约被拒', en: 'Offer declined' },
  negotiating: { zh: '协商中', en: 'Negotiating' },
  approved: { zh: '职代会已通过', en: 'Approved by congress' },
  signed: { zh: '已签订', en: 'Signed' },
  filed: { zh: '已报送审查', en: 'Filed for review' },
  effective: { zh: '已生效', en: 'Effective' },
  expiring: { zh: '即将到期', en: 'Expiring' },
  expired: { zh: '已到期', en: 'Expired' },
  terminated: { zh: '已解除', en: 'Terminated' },
};
export const stepLabel: Record<string, { zh: string; en: string }> = {
  create: { zh: '建立台账', en: 'Created' },
  'offer.send': { zh: '发出要约', en: 'Send the offer' },
  'offer.reply': { zh: '要约回应', en: 'Reply to the offer' },
  'representatives.set': { zh: '确定协商代表', en: 'Name the representatives' },
  'rounds.add': { zh: '协商会议', en: 'Bargaining round' },
  'congress.record': { zh: '职代会审议', en: 'Congress vote' },
  sign: { zh: '首席代表签字', en: 'Sign' },
  file: { zh: '报送审查', en: 'File for review' },
  'review.record': { zh: '审查意见', en: 'Review opinion' },
  effective: { zh: '生效', en: 'Effective' },
  publish: { zh: '向职工公布', en: 'Publish' },
  'performance.check': { zh: '履约检查', en: 'Performance check' },
  expiring: { zh: '进入到期提醒', en: 'Expiring' },
  renew: { zh: '续签', en: 'Renew' },
  expired: { zh: '期满终止', en: 'Expired' },
  terminate: { zh: '解除', en: 'Terminate' },
};

/** The main path of the lifecycle, for the timeline. */
export const MAIN_PATH = ['create', 'offer.send', 'offer.reply', 'representatives.set', 'rounds.add', 'congress.record', 'sign', 'file', 'effective', 'publish'] as const;

export interface Clock {
  contractId: string;
  title: string;
  kind: string;
  label: { zh: string; en: string };
  basis: string;
  from: string;
  dueOn: string;
  days?: number;
  count?: 'natural' | 'working';
  extendedFrom?: string;
  provisional?: { years: number[]; reason: { zh: string; en: string } };
  daysLeft: number;
  state: 'open' | 'due_soon' | 'due_today' | 'overdue';
}

export interface Contract {
  contractId: string;
  title: string;
  type: string;
  specialKind?: string;
  unitId?: string;
  scope?: { industry?: string; regionCode?: string };
  employerParties: { name: string; uscc?: string }[];
  coveredEnterprises: number;
  coveredEmployees: number;
  term: { start: string; end: string };
  clauses: { wageGrowthPct?: number; minimumWageFen?: number; workingHours?: string; leave?: string; protections?: string; other?: string };
  status: string;
  offer?: { sentOn: string; fromSide: string; repliedOn?: string; accepted?: boolean };
  representatives: Partial<Record<'worker' | 'employer', { members: { name: string; role: string; outsider?: boolean }[]; chiefIndex: number }>>;
  rounds: { no: number; heldOn: string; minutes: string; openIssues: string[] }[];
  congress?: { representativesTotal: number; present: number; approve: number; passed: boolean; failed: string[] };
  signedOn?: string;
  filing?: { filedOn: string; dueOn: string; lateDays: number };
  effectiveOn?: string;
  publishedOn?: string;
  predecessorId?: string;
  successorId?: string;
  history: { step: string; on: string; at: string; by: string; note?: string }[];
  version: number;
  updatedAt: string;
  nextSteps: string[];
  clocks: Clock[];
}

export const countLabel = (c?: 'natural' | 'working') => (c === 'working' ? tx('工作日', 'working days') : tx('自然日', 'natural days'));

export function clockText(k: Clock): string {
  const left =
    k.state === 'overdue'
      ? tx(`已逾期 ${-k.daysLeft} 天`, `${-k.daysLeft} days overdue`)
      : k.state === 'due_today'
        ? tx('今日到期', 'due today')
        : tx(`剩余 ${k.daysLeft} 天`, `${k.daysLeft} days left`);
  const span = k.days !== undefined ? tx(`（${k.days}个${countLabel(k.count)}）`, ` (${k.days} ${countLabel(k.count)})`) : '';
  return `${bi(k.label)}${span}：${k.dueOn} · ${left}`;
}

/** Today in Shanghai as the browser sees it (server clocks come with each contract). */
export const todayIso = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
