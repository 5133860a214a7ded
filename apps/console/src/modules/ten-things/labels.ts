import { lang } from '../../i18n';

// 十件实事 labels (zh-CN first, English beside). Kept with the module so that the shared dictionaries only carry
// the navigation entries; `tt` follows the console's language switch.
const zh = {
  title: '服务职工“十件实事”',
  plan: '年度计划',
  year: '年度',
  planTitle: '计划名称',
  createPlan: '新建年度计划',
  noPlan: '还没有年度计划',
  board: '项目看板',
  candidates: '候选项目（征集/初定）',
  propose: '提交候选项目',
  itemTitle: '项目名称',
  category: '类别',
  leadDept: '牵头部门',
  budget: '预算（元）',
  targetsText: '量化指标（可直接粘贴原文）',
  targetsTextHint: '如：开展宣讲不少于20场，组织160名一线职工疗休养，建驿站2个',
  parsePreview: '解析预览',
  descriptive: '说明性文字（不作为指标）',
  vote: '票决',
  representativesTotal: '应到代表（委员）人数',
  present: '实到人数',
  for: '赞成',
  against: '反对',
  abstain: '弃权',
  quorumOk: '到会 {present} 人，达到法定人数（至少 {required} 人）',
  quorumFail: '到会人数不足三分之二，不能票决',
  willAdopt: '将通过 {n} 项',
  tie: '第 {votes} 票并列：{names} 共 {count} 项争 {seats} 个名额，须由全会决定',
  recordVote: '保存票决结果（保存后不可更改）',
  voteRecorded: '票决结果已记录',
  resolveTie: '记录全会对并列项目的决定',
  passed: '过半数',
  notPassed: '未过半数',
  adopted: '通过',
  notAdopted: '未通过',
  tied: '并列待定',
  candidate: '候选',
  allStatuses: '全部状态',
  allDepts: '全部部门',
  completion: '完成率',
  status: '状态',
  'status.done': '已完成',
  'status.on_track': '正常推进',
  'status.at_risk': '有风险',
  'status.behind': '进度落后',
  'status.overdue': '逾期',
  targets: '指标',
  achieved: '完成量',
  target: '目标',
  ledger: '进度台账',
  report: '填报进度',
  quantity: '数量',
  occurredOn: '发生日期',
  note: '说明',
  targetIndex: '指标',
  submitReport: '提交进度',
  reported: '已填报',
  correct: '冲正',
  correctReason: '冲正原因',
  corrected: '已冲正',
  reversedBy: '已被冲正',
  entryType: '类型',
  'entryType.report': '填报',
  'entryType.correction': '冲正',
  'entryType.linked': '自动统计',
  linked: '由业务事件自动统计',
  assign: '责任状',
  coUnits: '协办基层工会',
  milestones: '季度节点（累计 %）',
  saveAssign: '签订责任状',
  assigned: '责任状已保存',
  myTasks: '我的任务',
  noTasks: '暂无分配给本单位的实事项目',
  satisfaction: '满意度',
  ratings: '{count} 人评价',
  noRatings: '暂无评价',
  publicLink: '满意度测评链接',
  rateTitle: '满意度测评',
  rateIntro: '请为这件实事打分（1–5 分），无需登录。',
  rateThanks: '感谢您的评价！当前平均 {mean} 分（{count} 人）',
  rateSubmit: '提交评价',
  stars: '{n} 分',
  annual: '年度报告',
  print: '打印',
  excel: '导出 Excel',
  asOf: '统计日期 {date}',
  compare: '十件实事对比',
  compareIntro: '各总工会十件实事进展（汇总数据，不含明细）',
  tenant: '总工会',
  adoptedCount: '实事项目',
  doneCount: '已完成',
  meanCompletion: '平均完成率',
  reports: '填报次数',
  meanSatisfaction: '满意度均分',
  open: '查看',
  itemsAdopted: '{n} 项实事',
  deleteNone: '',
  units: '个',
  progressHint: '进度 = 各指标中完成率最低者',
  settings: '设置',
  evidence: '佐证材料',
  addEvidence: '选择文件',
  takePhoto: '拍照',
  evidenceHint: '图片（JPG/PNG/WebP）、PDF、Excel、Word，单个不超过 {mb} MB，最多 {max} 个',
  uploading: '上传中 {pct}%',
  checking: '核验中…',
  uploaded: '已上传',
  removeFile: '移除 {name}',
  uploadFailed: '上传失败（{status}），请重试',
  uploadExpired: '上传链接已过期，请重新选择文件',
  uploadNetwork: '网络中断，上传失败',
  typeNotAllowed: '不支持该文件类型，请上传图片、PDF、Excel 或 Word',
  tooLarge: '文件过大（{size} MB），单个不能超过 {mb} MB',
  tooMany: '最多上传 {max} 个文件',
  waitUploads: '请等待文件上传完成',
};
export type TtKey = keyof typeof zh;

const en: Record<TtKey, string> = {
  title: 'Ten practical things for workers',
  plan: 'Annual plan',
  year: 'Year',
  planTitle: 'Plan title',
  createPlan: 'New annual plan',
  noPlan: 'No annual plan yet',
  board: 'Board',
  candidates: 'Candidates',
  propose: 'Propose a candidate',
  itemTitle: 'Title',
  category: 'Category',
  leadDept: 'Lead department',
  budget: 'Budget (yuan)',
  targetsText: 'Targets (paste the text)',
  targetsTextHint: 'e.g. 开展宣讲不少于20场，组织160名一线职工疗休养，建驿站2个',
  parsePreview: 'Parsed targets',
  descriptive: 'Descriptive text (not targets)',
  vote: 'Vote',
  representativesTotal: 'Representatives (total)',
  present: 'Present',
  for: 'For',
  against: 'Against',
  abstain: 'Abstain',
  quorumOk: '{present} present: quorum reached (at least {required})',
  quorumFail: 'Fewer than two thirds present: no vote possible',
  willAdopt: '{n} will be adopted',
  tie: 'Tie at {votes} votes: {names} ({count}) for {seats} seat(s); the plenary decides',
  recordVote: 'Record the vote (final)',
  voteRecorded: 'Vote recorded',
  resolveTie: "Record the plenary's decision on the tie",
  passed: 'Majority',
  notPassed: 'No majority',
  adopted: 'Adopted',
  notAdopted: 'Not adopted',
  tied: 'Tied',
  candidate: 'Candidate',
  allStatuses: 'All statuses',
  allDepts: 'All departments',
  completion: 'Completion',
  status: 'Status',
  'status.done': 'Done',
  'status.on_track': 'On track',
  'status.at_risk': 'At risk',
  'status.behind': 'Behind',
  'status.overdue': 'Overdue',
  targets: 'Targets',
  achieved: 'Achieved',
  target: 'Target',
  ledger: 'Progress ledger',
  report: 'Report progress',
  quantity: 'Quantity',
  occurredOn: 'Date',
  note: 'Note',
  targetIndex: 'Target',
  submitReport: 'Submit',
  reported: 'Reported',
  correct: 'Correct',
  correctReason: 'Reason for the correction',
  corrected: 'Corrected',
  reversedBy: 'Reversed',
  entryType: 'Type',
  'entryType.report': 'Report',
  'entryType.correction': 'Correction',
  'entryType.linked': 'From events',
  linked: 'Counted automatically from events',
  assign: 'Responsibility',
  coUnits: 'Co-responsible unions',
  milestones: 'Quarterly milestones (cumulative %)',
  saveAssign: 'Save responsibility',
  assigned: 'Responsibility saved',
  myTasks: 'My tasks',
  noTasks: 'No items assigned to your union',
  satisfaction: 'Satisfaction',
  ratings: '{count} ratings',
  noRatings: 'No ratings yet',
  publicLink: 'Satisfaction survey link',
  rateTitle: 'Satisfaction survey',
  rateIntro: 'Rate this item from 1 to 5; no sign-in needed.',
  rateThanks: 'Thank you! Average {mean} ({count} ratings)',
  rateSubmit: 'Submit rating',
  stars: '{n}',
  annual: 'Annual report',
  print: 'Print',
  excel: 'Export Excel',
  asOf: 'As of {date}',
  compare: 'Ten things compared',
  compareIntro: 'Progress per federation (aggregates only)',
  tenant: 'Federation',
  adoptedCount: 'Items',
  doneCount: 'Done',
  meanCompletion: 'Mean completion',
  reports: 'Reports',
  meanSatisfaction: 'Mean satisfaction',
  open: 'Open',
  itemsAdopted: '{n} items',
  deleteNone: '',
  units: '',
  progressHint: 'Progress = the least complete target',
  settings: 'Settings',
  evidence: 'Evidence',
  addEvidence: 'Choose files',
  takePhoto: 'Take photo',
  evidenceHint: 'Images (JPG/PNG/WebP), PDF, Excel, Word; up to {mb} MB each, at most {max}',
  uploading: 'Uploading {pct}%',
  checking: 'Checking…',
  uploaded: 'Uploaded',
  removeFile: 'Remove {name}',
  uploadFailed: 'Upload failed ({status}); try again',
  uploadExpired: 'The upload link expired; choose the file again',
  uploadNetwork: 'Network error; the upload failed',
  typeNotAllowed: 'This file type is not accepted; upload an image, PDF, Excel or Word file',
  tooLarge: 'The file is too large ({size} MB); the limit is {mb} MB',
  tooMany: 'At most {max} files',
  waitUploads: 'Wait for the uploads to finish',
};

export function tt(key: TtKey, params?: Record<string, string | number>): string {
  const text = (lang() === 'en' ? en : zh)[key] ?? key;
  return params ? text.replace(/\{(\w+)\}/g, (m, n: string) => (n in params ? String(params[n]) : m)) : text;
}

export const CATEGORIES: Record<string, [string, string]> = {
  skills: ['技能提升', 'Skills'],
  culture: ['文化阅读', 'Culture'],
  care: ['关爱服务', 'Care'],
  health: ['健康体检', 'Health'],
  legal: ['法律服务', 'Legal'],
  women: ['女职工', 'Women workers'],
  new_forms: ['新就业形态', 'New forms of work'],
  platform: ['平台建设', 'Platform'],
  other: ['其他', 'Other'],
};
export const categoryLabel = (c: string) => (CATEGORIES[c] ?? [c, c])[lang() === 'en' ? 1 : 0];

export const STATUSES = ['done', 'on_track', 'at_risk', 'behind', 'overdue'] as const;
export type Status = (typeof STATUSES)[number];
export const statusLabel = (s: string) => tt(`status.${s}` as TtKey);
export const comparatorSign = (c: string) => (c === 'gte' ? '≥' : c === 'lte' ? '≤' : '');
export const pct = (n: number | undefined) => `${Math.round((n ?? 0) * 1000) / 10}%`;
export const todayIso = () => new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);

export interface TargetV {
  indicator: string;
  unit: string;
  comparator: string;
  target: number;
  deadline?: string;
  link?: { eventType: string };
}
export interface ItemV {
  itemId: string;
  planId: string;
  year: number;
  title: string;
  description?: string;
  category: string;
  leadDept: string;
  targets: TargetV[];
  stage: 'candidate' | 'adopted' | 'not_adopted' | 'tied';
  achieved: number[];
  entryCount: number;
  version: number;
  tenantId: string;
  votes?: { for: number; against: number; abstain: number; rank?: number };
  assignment?: { leadDept: string; coUnitIds: string[]; milestones: { quarter: number; share: number }[] };
  satisfaction: { mean: number | null; count: number };
  progress?: { targets: number[]; completion: number; status: Status; gapPoints: number };
}
export interface PlanV {
  planId: string;
  year: number;
  title: string;
  status: 'collecting' | 'tie_pending' | 'adopted';
  candidateCount: number;
  version: number;
  vote?: { representativesTotal: number; present: number; adopted: string[]; tie?: { votes: number; candidateIds: string[]; seats: number }; tieResolution?: unknown };
}
export interface PlanViewV {
  plan: PlanV;
  items: ItemV[];
  summary: { byStatus: Record<Status, number>; completion: number };
  asOf: string;
}
