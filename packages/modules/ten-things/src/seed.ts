import type { SeedApi } from '@ufp/kit/seed';

/** 兴化市总工会 2024 服务职工“十件实事” (seed 004), as voted at the 第十七届委员会第二次全体会议. */
const XINGHUA_2024: { title: string; category: string; leadDept: string; targetsText?: string; targets?: unknown[] }[] = [
  { title: '“点亮匠心梦”劳模“双进”专场行', category: 'skills', leadDept: '宣教部', targetsText: '组织劳模工匠、思政教师深入基层一线，开展多形式、分层次、全覆盖的“双进”宣讲活动不少于20场' },
  { title: '书香润职工“阅读赋能成才”', category: 'culture', leadDept: '宣教部', targetsText: '深入开展“送书进企业、书香润职工”活动，组织各类读书活动全年不少于15场' },
  { title: '放大“书”“刊”品牌效应', category: 'culture', leadDept: '宣教部', targetsText: '做好做实产业工人文学刊物《一线》杂志(季刊)的编辑出版工作，全年出版4期' },
  { title: '“劳模工匠助企行”专项行动', category: 'skills', leadDept: '经济技术部', targetsText: '深入企业开展技术服务活动不少于20次，解决技术难题不少于20项，组织职工参加提升企业职工技能水平活动100余人次' },
  { title: '“惠工暖心”系列活动', category: 'care', leadDept: '职工服务中心', targetsText: '培训职工不少于600人次，发布“牛助理”线上招聘信息45期，组织不少于160名一线职工参与疗休养，为600名职工赠送健康体检，为200名特种行业职工做好职业病体检，为200名货车司机、快递员等新业态劳动者赠送意外伤害保险，再建“兴惠有你”24小时自助服务驿站2个' },
  { title: '优化“智慧+普惠”平台建设', category: 'platform', leadDept: '网络工作部', targets: [{ indicator: '接入平台的基层工会', unit: '家', comparator: 'gte', target: 300 }] },
  { title: '职工服务中心赋能创优和幸福企业创建', category: 'care', leadDept: '职工服务中心', targets: [{ indicator: '创建幸福企业', unit: '家', comparator: 'gte', target: 10 }] },
  { title: '“馨”贴“兴”手拉“守”女职工关爱服务', category: 'women', leadDept: '女职工部', targetsText: '为基层女职工送康乃馨专家志愿服务8场，为500名女职工提供“两癌”筛查服务' },
  { title: '基层工会法律服务', category: 'legal', leadDept: '法律工作部', targetsText: '融合各乡镇、街道人社和司法所的资源优势，建立26个基层工会法律服务站，举办100场法治宣传，为1万名以上基层职工提供便捷有效的法律服务' },
  { title: '暖“新”“5+N”综合服务行动', category: 'new_forms', leadDept: '基层工作部', targetsText: '以创建打造2家新业态党工共建示范点为契机，为3000多名新业态群体提供多方位精准服务' },
  // Two candidates the plenary did not adopt, and one linked to 困难帮扶 events.
  {
    title: '金秋助学',
    category: 'care',
    leadDept: '帮扶中心',
    targets: [{ indicator: '资助困难职工子女', unit: '人', comparator: 'gte', target: 100, link: { eventType: 'hardship.aid.granted', filter: { kind: 'education' }, measure: 'sum:students' } }],
  },
  { title: '职工文体联赛', category: 'culture', leadDept: '宣教部', targetsText: '举办职工文体赛事不少于12场' },
];

export async function seedTenThings(api: SeedApi): Promise<void> {
  const xinghua = api.tenants.find((t) => t.id === '321281');
  if (!xinghua) return;
  const admin = api.admin(xinghua.id);
  const plan = await api.call(admin, 'tenThings.plans.create', { year: 2024, title: '兴化市总工会2024年服务职工“十件实事”' });
  const planId = String(plan.planId);
  const ids: string[] = [];
  for (const c of XINGHUA_2024) {
    const item = await api.call(admin, 'tenThings.candidates.propose', { planId, ...c });
    ids.push(String(item.itemId));
  }
  // 全委会: 45 members, 41 present; the last two fall short of a majority of those present.
  const ballots = ids.map((candidateId, i) => ({ candidateId, for: i < 10 ? 40 - i : 16 + (i - 10) * 2, against: i < 10 ? 1 : 15, abstain: i < 10 ? 0 : 2 }));
  await api.call(admin, 'tenThings.plans.recordVote', { planId, representativesTotal: 45, present: 41, ballots });
  const unitId = api.tenants.find((t) => t.id === xinghua.id)?.unitIds[0];
  if (unitId) {
    await api.call(admin, 'tenThings.items.assign', {
      itemId: ids[0],
      version: 2,
      leadDept: '宣教部',
      coUnitIds: [unitId],
      milestones: [{ quarter: 1, share: 25 }, { quarter: 2, share: 50 }, { quarter: 3, share: 75 }, { quarter: 4, share: 100 }],
    });
  }
  const reports: [number, number, number, string][] = [
    [0, 0, 12, '2024-04-18'],
    [0, 0, 9, '2024-10-12'],
    [1, 0, 15, '2024-11-30'],
    [2, 0, 4, '2024-12-20'],
    [3, 0, 22, '2024-09-01'],
    [3, 1, 17, '2024-11-15'],
    [3, 2, 126, '2024-10-01'],
    [7, 0, 8, '2024-06-01'],
    [7, 1, 512, '2024-09-20'],
    [8, 0, 26, '2024-07-01'],
    [8, 1, 86, '2024-12-01'],
    [8, 2, 11_360, '2024-12-25'],
  ];
  for (const [i, targetIndex, quantity, occurredOn] of reports) {
    await api.call(admin, 'tenThings.progress.report', { itemId: ids[i], targetIndex, quantity, occurredOn, note: '年度填报' });
  }
}
