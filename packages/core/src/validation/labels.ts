/**
 * The name of every input field in words, in Chinese and English, so that every 400 says which
 * field is wrong the way a person would ("工会名称至少需要 2 个字" / "Union name must have at
 * least 2 characters"), never as a path such as `chair.name`.
 *
 * One dictionary for the whole API, looked up by the field's path with the array positions taken
 * out. The most specific entry wins:
 *   1. `<procedure or its prefix>:<path suffix>` — "users.create:name", "units:name";
 *   2. `<path suffix>` — "chair.name", "household.members.name", then the leaf "name".
 * tests/validation.messages.test.ts walks every procedure's input schema and fails on a field
 * without a label here.
 *
 * Pure data (the console may use it too).
 */

export interface FieldLabel {
  zh: string;
  en: string;
}

const l = (zh: string, en: string): FieldLabel => ({ zh, en });

export const fieldLabels: Readonly<Record<string, FieldLabel>> = {
  // ── shared ────────────────────────────────────────────────────────────────────────────
  '': l('请求参数', 'The input'),
  cursor: l('分页游标', 'Page cursor'),
  limit: l('每页条数', 'Page size'),
  version: l('版本号', 'Version'),
  lang: l('语言', 'Language'),
  year: l('年度', 'Year'),
  name: l('名称', 'Name'),
  type: l('类型', 'Type'),
  status: l('状态', 'Status'),
  tenantId: l('租户标识', 'Tenant id'),
  unitId: l('基层工会', 'Union'),
  note: l('备注', 'Note'),
  reason: l('原因', 'Reason'),
  findings: l('调查情况', 'Findings'),
  title: l('标题', 'Title'),
  source: l('来源', 'Source'),
  module: l('业务模块', 'Module'),
  id: l('编号', 'Id'),
  from: l('开始时间', 'From'),
  to: l('结束时间', 'To'),
  budgetFen: l('预算金额', 'Budget'),

  // ── platform ──────────────────────────────────────────────────────────────────────────
  'platform.tenants:id': l('租户标识', 'Tenant id'),
  'platform.tenants:name': l('租户名称', 'Tenant name'),
  level: l('级别', 'Level'),
  divisionCode: l('行政区划代码', 'Division code'),
  'platform.deadLetters:all': l('要重新投递的死信筛选条件', 'Filter of the letters to redrive'),
  'all.tenantId': l('筛选的租户', 'Tenant filter'),
  'all.module': l('筛选的业务模块', 'Module filter'),
  'all.source': l('筛选的死信来源', 'Dead-letter source filter'),
  'platform.deadLetters:source': l('死信来源', 'Dead-letter source'),
  ids: l('死信编号', 'Dead-letter id'),
  'deadLetters.replay:id': l('死信编号', 'Dead-letter id'),
  'notifications.markRead:id': l('通知编号', 'Notification id'),

  // ── units and users ───────────────────────────────────────────────────────────────────
  // For the tenant and user lifecycle procedures (platform.tenants.update/suspend, users.update/disable…).
  'platform.tenants:reason': l('停用原因', 'Reason for the suspension'),
  contact: l('联系人', 'Contact'),
  'contact.name': l('联系人姓名', "Contact's name"),
  'contact.phone': l('联系电话', "Contact's phone"),
  'contact.email': l('联系邮箱', "Contact's e-mail"),
  loginId: l('登录标识（手机号或账号名）', 'Login id (mobile number or account name)'),
  userId: l('用户', 'User'),
  modules: l('负责的业务模块', 'Assigned modules'),
  'units:name': l('工会名称', 'Union name'),
  'units:type': l('工会类型', 'Union type'),
  uscc: l('统一社会信用代码', 'Unified social credit code'),
  memberCount: l('会员人数', 'Member count'),
  chair: l('工会主席', 'Union chair'),
  'chair.name': l('主席姓名', "Chair's name"),
  'chair.phone': l('主席联系电话', "Chair's phone"),
  q: l('搜索关键词', 'Search text'),
  'users:name': l('姓名', 'Name'),
  roles: l('角色', 'Roles'),
  role: l('角色', 'Role'),
  imported: l('只看台账导入的草稿', 'Imported drafts only'),

  // ── audit, notifications, rollups ─────────────────────────────────────────────────────
  actor: l('操作人', 'Actor'),
  action: l('操作', 'Action'),
  entityType: l('对象类型', 'Object type'),
  unreadOnly: l('仅看未读', 'Unread only'),
  'notifications:module': l('业务模块', 'Module'),

  // ── 十件实事 ───────────────────────────────────────────────────────────────────────────
  maxAdopted: l('最多通过项目数', 'Most items adopted'),
  atRiskPoints: l('“有风险”阈值', 'At-risk threshold'),
  behindPoints: l('“落后”阈值', 'Behind threshold'),
  'tenThings.plans:title': l('计划名称', 'Plan title'),
  'tenThings.candidates:title': l('项目名称', 'Item title'),
  planId: l('十件实事计划', 'Plan'),
  representativesTotal: l('应到代表人数', 'Representatives in total'),
  present: l('实到代表人数', 'Representatives present'),
  ballots: l('票决结果', 'Ballots'),
  'ballots.candidateId': l('候选项目', 'Candidate'),
  'ballots.for': l('赞成票数', 'Votes for'),
  'ballots.against': l('反对票数', 'Votes against'),
  'ballots.abstain': l('弃权票数', 'Abstentions'),
  candidateIds: l('并列项目中通过的项目', 'Adopted tied candidates'),
  targetsText: l('量化指标（文字）', 'Targets (text)'),
  description: l('项目说明', 'Description'),
  category: l('项目类别', 'Category'),
  leadDept: l('牵头部门', 'Lead department'),
  'tenThings.candidates:budgetFen': l('项目预算', 'Item budget'),
  targets: l('量化指标', 'Targets'),
  'targets.indicator': l('指标名称', 'Indicator'),
  'targets.unit': l('指标单位', 'Unit of the target'),
  'targets.comparator': l('指标比较方式', 'Comparator'),
  'targets.target': l('目标值', 'Target value'),
  'targets.baseline': l('基数', 'Baseline'),
  'targets.deadline': l('指标截止日期', 'Target deadline'),
  'targets.link': l('关联业务事件', 'Linked events'),
  'targets.link.eventType': l('关联的业务事件类型', 'Linked event type'),
  'targets.link.filter': l('关联事件的筛选条件', 'Linked event filter'),
  'targets.link.measure': l('关联事件的统计方式', 'Linked event measure'),
  itemId: l('实事项目', 'Item'),
  coUnitIds: l('协办单位', 'Co-responsible units'),
  milestones: l('季度节点', 'Milestones'),
  'milestones.quarter': l('季度', 'Quarter'),
  'milestones.share': l('累计进度（%）', 'Cumulative share (%)'),
  targetIndex: l('指标序号', 'Target number'),
  quantity: l('完成数量', 'Quantity'),
  occurredOn: l('发生日期', 'Date'),
  evidenceIds: l('佐证材料', 'Evidence'),
  'tenThings.progress:note': l('进度说明', 'Progress note'),
  entryId: l('进度记录', 'Ledger entry'),
  'tenThings.progress.correct:reason': l('冲正原因', 'Reason for the correction'),
  fileName: l('文件名', 'File name'),
  contentType: l('文件类型', 'File type'),
  sizeBytes: l('文件大小', 'File size'),
  evidenceId: l('佐证材料', 'Evidence'),
  score: l('满意度评分', 'Satisfaction score'),

  // ── 集体合同 ───────────────────────────────────────────────────────────────────────────
  'contracts:title': l('合同名称', 'Contract title'),
  'contracts:type': l('合同类型', 'Contract type'),
  specialKind: l('专项类别', 'Kind of special contract'),
  scope: l('适用范围', 'Scope'),
  'scope.industry': l('行业', 'Industry'),
  'scope.regionCode': l('区域代码', 'Region code'),
  industry: l('行业', 'Industry'),
  employerParties: l('企业方', 'Employer parties'),
  'employerParties.name': l('企业方名称', 'Employer party name'),
  'employerParties.uscc': l('企业方统一社会信用代码', "Employer party's unified social credit code"),
  coveredEnterprises: l('覆盖企业数', 'Enterprises covered'),
  coveredEmployees: l('覆盖职工数', 'Employees covered'),
  term: l('合同期限', 'Term'),
  'term.start': l('合同起始日', 'Term start'),
  'term.end': l('合同终止日', 'Term end'),
  clauses: l('合同条款', 'Clauses'),
  'clauses.wageGrowthPct': l('工资增幅（%）', 'Wage growth (%)'),
  'clauses.minimumWageFen': l('最低工资标准', 'Minimum wage'),
  'clauses.workingHours': l('工作时间条款', 'Working hours clause'),
  'clauses.leave': l('休息休假条款', 'Leave clause'),
  'clauses.protections': l('劳动保护条款', 'Protections clause'),
  'clauses.other': l('其他条款', 'Other clauses'),
  contractId: l('集体合同', 'Contract'),
  expiringWithinDays: l('到期天数', 'Expiring within days'),
  'contracts:status': l('合同状态', 'Contract status'),
  sentOn: l('要约发出日期', 'Offer date'),
  fromSide: l('要约方', 'Offering side'),
  repliedOn: l('回应日期', 'Reply date'),
  accepted: l('是否同意协商', 'Accepted'),
  side: l('协商方', 'Side'),
  members: l('协商代表', 'Representatives'),
  'members.name': l('代表姓名', "Representative's name"),
  'members.role': l('代表职务', "Representative's role"),
  'members.outsider': l('是否外聘代表', 'Outside representative'),
  'members.femaleCommitteeHead': l('是否女职工委员会主任', 'Head of the female workers committee'),
  'members.personRef': l('代表工号', "Representative's staff number"),
  chiefIndex: l('首席代表', 'Chief representative'),
  femaleCommittee: l('是否设女职工委员会', 'Female workers committee'),
  memberIndex: l('空缺代表序号', 'Vacant seat'),
  'contracts.representatives.vacate:name': l('空缺代表姓名', 'Name of the vacant seat'),
  vacatedOn: l('空缺日期', 'Vacancy date'),
  'contracts.representatives.vacate:reason': l('空缺原因', 'Reason for the vacancy'),
  heldOn: l('会议日期', 'Meeting date'),
  minutes: l('会议纪要', 'Minutes'),
  openIssues: l('待议事项', 'Open issues'),
  approve: l('赞成人数', 'Votes in favour'),
  signedOn: l('签订日期', 'Signing date'),
  filedOn: l('报送日期', 'Filing date'),
  objectionOn: l('异议提出日期', 'Objection date'),
  opinion: l('审查意见', 'Review opinion'),
  publishedOn: l('公布日期', 'Publication date'),
  'contracts.performance:findings': l('履约检查情况', 'Performance findings'),
  breaches: l('违约情况', 'Breaches'),
  'contracts.terminate:reason': l('解除原因', 'Reason for termination'),
  withinDays: l('天数范围', 'Within days'),
  'contracts.calendar:source': l('通知来源', 'Notice source'),
  off: l('放假日期', 'Days off'),
  work: l('调休上班日期', 'Weekend days worked'),
  dayCount: l('期限计算方式', 'Day count'),
  'dayCount.offerReply': l('要约回应期限的计算方式', 'Day count of the offer reply'),
  'dayCount.repVacancy': l('代表补足期限的计算方式', 'Day count of the vacancy refill'),
  'dayCount.filing': l('报送期限的计算方式', 'Day count of the filing'),
  'dayCount.review': l('审查期限的计算方式', 'Day count of the review'),
  'dayCount.publish': l('公布期限的计算方式', 'Day count of the publication'),
  extendOnRestDay: l('遇休息日顺延', 'Extend on rest days'),
  minimumWageFen: l('最低工资标准', 'Minimum wage'),
  outsiderShareMax: l('外聘代表比例上限', 'Outside representatives share'),
  'outsiderShareMax.num': l('外聘代表比例的分子', 'Outside share numerator'),
  'outsiderShareMax.den': l('外聘代表比例的分母', 'Outside share denominator'),
  publishWithinDays: l('公布期限（天）', 'Days to publish'),

  // ── 劳模工匠 ───────────────────────────────────────────────────────────────────────────
  personId: l('劳模档案', 'Model worker record'),
  'modelWorkers.people:name': l('姓名', 'Name'),
  'modelWorkers.people:idNumber': l('身份证号', 'ID number'),
  'modelWorkers.people:phone': l('联系电话', 'Phone'),
  ethnicity: l('民族', 'Ethnic group'),
  politicalStatus: l('政治面貌', 'Political status'),
  education: l('学历', 'Education'),
  occupation: l('人员类别', 'Occupational category'),
  migrantWorker: l('农民工', 'Migrant worker'),
  skillGrade: l('职业技能等级', 'Skill grade'),
  trade: l('工种/职业', 'Trade'),
  employers: l('工作经历', 'Employment history'),
  'employers.employer': l('工作单位', 'Employer'),
  'employers.from': l('入职日期', 'Employed from'),
  'employers.to': l('离职日期', 'Employed until'),
  'employers.position': l('职务/岗位', 'Position'),
  deputies: l('人大代表/政协委员任职', 'Deputy mandates'),
  'deputies.body': l('代表类别', 'Assembly'),
  'deputies.level': l('代表级别', 'Level of the assembly'),
  'deputies.term': l('届次', 'Term'),
  deputy: l('代表类别', 'Assembly'),
  'modelWorkers.people.setStatus:on': l('状态变更日期', 'Date of the status change'),
  'modelWorkers.people.reveal:fields': l('要查看明文的字段', 'Fields to reveal'),
  code: l('荣誉', 'Honour'),
  conferredBy: l('授予机关', 'Conferring body'),
  certificateNo: l('证书编号', 'Certificate number'),
  certificateKey: l('证书扫描件', 'Certificate scan'),
  honourId: l('荣誉记录', 'Honour record'),
  'modelWorkers.honours.revoke:on': l('撤销日期', 'Date of the revocation'),
  document: l('撤销文件（文号）', 'Revocation document'),
  'modelWorkers.honours.revoke:reason': l('撤销原因', 'Reason for the revocation'),
  // 评选推荐 (campaigns, nominations, 公示 objections)
  campaignId: l('评选', 'Campaign'),
  nominationId: l('推荐人选', 'Nomination'),
  objectionId: l('公示异议', 'Objection'),
  'modelWorkers.campaigns:code': l('评选的荣誉', 'Honour of the campaign'),
  'modelWorkers.campaigns:title': l('评选名称', 'Campaign title'),
  'modelWorkers.campaigns:year': l('评选年度', 'Campaign year'),
  opensOn: l('推荐开始日期', 'Nominations open on'),
  closesOn: l('推荐截止日期', 'Nominations close on'),
  places: l('推荐名额', 'Places'),
  rules: l('名额结构要求', 'Quota rules'),
  'rules.managerMax': l('企业负责人占比上限（%）', 'Maximum share of enterprise heads (%)'),
  'rules.frontlineTechnicalMin': l('一线工人和专业技术人员占比下限（%）', 'Minimum share of front-line and technical staff (%)'),
  'rules.womenMin': l('女性占比下限（%）', 'Minimum share of women (%)'),
  'rules.migrantMin': l('农民工占比下限（%）', 'Minimum share of migrant workers (%)'),
  agencies: l('联审部门', 'Vetting agencies'),
  publicityDays: l('公示工作日数', 'Working days of public notice'),
  'modelWorkers.campaigns.startPublicity:startsOn': l('公示开始日期', 'Public notice starts on'),
  add: l('拟加入的人员', 'Person to add'),
  remove: l('拟移出的推荐人选', 'Nomination to remove'),
  minutesRef: l('职代会/民主推荐会议纪要', 'Minutes of the democratic recommendation'),
  deedsShort: l('事迹材料（简要）', 'Deeds (short)'),
  deedsLong: l('事迹材料（详细）', 'Deeds (full)'),
  acknowledgeQuota: l('确认突破名额结构要求', 'Acknowledge the quota breach'),
  'modelWorkers.nominations.review:note': l('审核意见', 'Review note'),
  agency: l('联审部门', 'Vetting agency'),
  'modelWorkers.nominations.vet:on': l('联审日期', 'Date of the vetting'),
  'modelWorkers.nominations.vet:document': l('联审意见文件', 'Vetting document'),
  'modelWorkers.nominations:reason': l('原因', 'Reason'),
  'modelWorkers.objections.submit:text': l('异议内容', 'Objection'),
  outcome: l('处理结论', 'Outcome'),
  'modelWorkers.objections.decide:reason': l('处理理由', 'Reason for the decision'),
  honours: l('荣誉体系', 'Honour ladder'),
  'honours.code': l('荣誉代码', 'Honour code'),
  'honours.name': l('荣誉名称', 'Honour name'),
  'honours.name.zh': l('荣誉名称（中文）', 'Honour name (Chinese)'),
  'honours.name.en': l('荣誉名称（英文）', 'Honour name (English)'),
  'honours.category': l('荣誉类别', 'Honour category'),
  'honours.level': l('荣誉级别', 'Honour level'),
  'honours.treatment': l('享受待遇级别', 'Treatment level'),
  'honours.periodYears': l('评选周期（年）', 'Round period (years)'),
  'honours.prerequisiteLevel': l('前置荣誉级别', 'Prerequisite level'),
  'honours.retired': l('停用', 'Retired'),
  'modelWorkers.surveys:personIncomeFen': l('本人年收入', "Person's annual income"),
  'modelWorkers.surveys:spouseName': l('配偶姓名', "Spouse's name"),
  'modelWorkers.surveys:spouseIncomeFen': l('配偶年收入', "Spouse's annual income"),
  'modelWorkers.surveys:members': l('其他家庭成员', 'Other household members'),
  'modelWorkers.surveys:members.relation': l('家庭成员与本人关系', "Household member's relation"),
  'modelWorkers.surveys:members.name': l('家庭成员姓名', "Household member's name"),
  'modelWorkers.surveys:members.annualIncomeFen': l('家庭成员年收入', "Household member's annual income"),
  'modelWorkers.surveys:members.health': l('家庭成员健康状况', "Household member's health"),
  'modelWorkers.surveys:householdSize': l('家庭人口', 'Household size'),
  'modelWorkers.surveys:rigidExpensesFen': l('刚性支出（年）', 'Rigid expenses (a year)'),
  'modelWorkers.surveys:illness': l('是否患病', 'Illness'),
  'modelWorkers.surveys:health': l('健康状况', 'Health'),
  'modelWorkers.surveys:pensionInsurance': l('养老保险', 'Pension insurance'),
  'modelWorkers.surveys:medicalInsurance': l('医疗保险', 'Medical insurance'),
  'modelWorkers.surveys:housingType': l('住房类型', 'Housing type'),
  'modelWorkers.surveys:housingAreaM2': l('住房面积（平方米）', 'Housing area (m²)'),
  'modelWorkers.surveys:employmentStatus': l('就业状况', 'Employment status'),
  'modelWorkers.surveys:difficulties': l('家庭困难情况', 'Difficulties'),
  'modelWorkers.surveys:hardshipCategory': l('困难类别', 'Hardship category'),
  'modelWorkers.surveys:unitId': l('所属基层工会', "The person's union"),
  'modelWorkers.benefits:kind': l('待遇类别', 'Kind of benefit'),
  'modelWorkers.benefits:grantedOn': l('发放日期', 'Date granted'),
  'modelWorkers.benefits:amountFen': l('发放金额', 'Amount'),
  'modelWorkers.benefits:budgetFen': l('年度待遇预算', 'Benefits budget of the year'),
  'modelWorkers.benefits:amounts': l('待遇标准', 'Benefit amounts'),
  'modelWorkers.benefits:amounts.special_subsidy': l('专项补助标准', 'Special subsidy amounts'),
  'modelWorkers.benefits:amounts.special_subsidy.national': l('专项补助（全国）', 'Special subsidy (national)'),
  'modelWorkers.benefits:amounts.special_subsidy.provincial': l('专项补助（省部级）', 'Special subsidy (provincial)'),
  'modelWorkers.benefits:amounts.special_subsidy.city': l('专项补助（市级）', 'Special subsidy (city)'),
  'modelWorkers.benefits:amounts.special_subsidy.county': l('专项补助（县级）', 'Special subsidy (county)'),
  'modelWorkers.benefits:amounts.honour_allowance': l('荣誉津贴标准', 'Honour allowance amounts'),
  'modelWorkers.benefits:amounts.honour_allowance.national': l('荣誉津贴（全国）', 'Honour allowance (national)'),
  'modelWorkers.benefits:amounts.honour_allowance.provincial': l('荣誉津贴（省部级）', 'Honour allowance (provincial)'),
  'modelWorkers.benefits:amounts.honour_allowance.city': l('荣誉津贴（市级）', 'Honour allowance (city)'),
  'modelWorkers.benefits:amounts.honour_allowance.county': l('荣誉津贴（县级）', 'Honour allowance (county)'),
  'modelWorkers.benefits:amounts.spring_festival': l('春节慰问标准', 'Spring Festival visit amounts'),
  'modelWorkers.benefits:amounts.spring_festival.national': l('春节慰问（全国）', 'Spring Festival visit (national)'),
  'modelWorkers.benefits:amounts.spring_festival.provincial': l('春节慰问（省部级）', 'Spring Festival visit (provincial)'),
  'modelWorkers.benefits:amounts.spring_festival.city': l('春节慰问（市级）', 'Spring Festival visit (city)'),
  'modelWorkers.benefits:amounts.spring_festival.county': l('春节慰问（县级）', 'Spring Festival visit (county)'),

  batchId: l('疗休养批次', 'Recuperation batch'),
  destination: l('疗休养地点', 'Destination'),
  'modelWorkers.recuperation:title': l('批次名称', 'Batch title'),
  'modelWorkers.recuperation:startsOn': l('开始日期', 'Starts on'),
  'modelWorkers.recuperation:endsOn': l('结束日期', 'Ends on'),
  capacity: l('名额', 'Places'),
  minLevel: l('最低待遇级别', 'Lowest treatment level'),
  personIds: l('安排人员', 'People to add'),
  gapYears: l('轮换间隔（年）', 'Rotation gap (years)'),
  validDays: l('凭证有效天数', 'Days the credential is valid'),
  token: l('凭证二维码', 'Credential code'),
  unmasked: l('导出身份证号明文', 'Export ID numbers unmasked'),
  'modelWorkers.registry:fileBase64': l('劳模台账 Excel 文件', 'Registry workbook'),
  'modelWorkers.registry:mode': l('导入方式', 'Import mode'),

  // ── 困难帮扶 ───────────────────────────────────────────────────────────────────────────
  fileId: l('困难档案', 'Hardship file'),
  worker: l('职工信息', 'Worker'),
  'worker.name': l('职工姓名', "Worker's name"),
  'worker.idNumber': l('职工身份证号', "Worker's ID number"),
  'worker.phone': l('职工联系电话', "Worker's phone"),
  'worker.migrant': l('是否农民工', 'Migrant worker'),
  'worker.unionMember': l('是否工会会员', 'Union member'),
  'worker.employmentStart': l('入职日期', 'Employment start'),
  household: l('家庭情况', 'Household'),
  'household.members': l('家庭成员', 'Household members'),
  'household.members.relation': l('家庭成员与本人关系', "Household member's relation"),
  'household.members.name': l('家庭成员姓名', "Household member's name"),
  'household.members.idNumber': l('家庭成员身份证号', "Household member's ID number"),
  'household.members.annualIncomeFen': l('家庭成员年收入', "Household member's annual income"),
  'household.members.health': l('家庭成员健康状况', "Household member's health"),
  annualIncomeFen: l('家庭年收入', 'Annual household income'),
  rigidExpensesFen: l('刚性支出', 'Rigid expenses'),
  hardshipCostsFen: l('年内困难支出', 'Hardship costs'),
  'household.assets': l('家庭财产情况', 'Household assets'),
  'household.causes': l('致困原因', 'Causes of hardship'),
  events: l('致困事件', 'Hardship events'),
  excludedSchooling: l('是否扣除教育支出', 'Schooling excluded'),
  householdSize: l('家庭人口', 'Household size'),
  migrantMonths: l('农民工劳动关系月数', "Migrant worker's months of employment"),
  consentGiven: l('职工本人授权', "Worker's consent"),
  consentConfirmed: l('已取得职工本人同意', 'Worker consent obtained'),
  dibaoMonthlyFen: l('低保标准', 'Subsistence line'),
  relativeMultiplier: l('相对困难倍数', 'Relative hardship multiple'),
  accidentalShare: l('意外致困比例', 'Accidental hardship share'),
  caps: l('帮扶金额上限', 'Aid caps'),
  'caps.living': l('生活救助上限', 'Living aid cap'),
  'caps.medical': l('医疗救助上限', 'Medical aid cap'),
  'caps.education': l('助学上限', 'Education aid cap'),
  'caps.festival': l('节日慰问上限', 'Festival visit cap'),
  'caps.temporary': l('临时救助上限', 'Temporary aid cap'),
  'caps.training': l('就业培训上限', 'Training aid cap'),
  investigationDays: l('入户调查期限（天）', 'Days to investigate'),
  noticeDays: l('公示天数', 'Notice days'),
  followUpMonths: l('脱困回访期限（月）', 'Months to follow up'),
  visitedOn: l('走访日期', 'Visit date'),
  'hardship.files.investigate:findings': l('入户调查情况', 'Investigation findings'),
  'hardship.files.followUp:findings': l('回访情况', 'Follow-up findings'),
  startsOn: l('公示开始日期', 'Notice start'),
  decision: l('审核结论', 'Decision'),
  'hardship.files.review:reason': l('审核意见', 'Reason for the decision'),
  'hardship.files.exit:reason': l('脱困原因', 'Reason for the exit'),
  'hardship.files.reenter:reason': l('返困原因', 'Reason for the re-entry'),
  field: l('要查看的字段', 'Field to reveal'),
  'hardship.funds:source': l('资金来源', 'Fund source'),
  'hardship.funds:budgetFen': l('资金预算', 'Fund budget'),
  kind: l('帮扶类别', 'Kind of aid'),
  amountFen: l('发放金额', 'Amount'),
  fundSource: l('资金来源', 'Fund source'),
  'hardship.aid:note': l('发放备注', 'Grant note'),
  bankAccount: l('银行账号', 'Bank account'),
  grantId: l('发放记录', 'Grant'),
  file: l('Excel 文件', 'Excel file'),
  fileBase64: l('Excel 文件', 'Excel file'),
  mode: l('导入方式', 'Import mode'),
  'hardship.files:status': l('档案状态', 'File status'),
};

/**
 * The field's label: the most specific dictionary entry for `path` in `procedure` (array positions
 * ignored). A path into a record (`targets.0.link.filter.<any key>`) takes its nearest labelled
 * parent unless `exact` is set.
 */
export function fieldLabel(procedure: string | undefined, path: readonly (string | number)[], opts: { exact?: boolean } = {}): FieldLabel | undefined {
  const keys = path.filter((p): p is string => typeof p === 'string');
  const procedures: string[] = [];
  if (procedure) {
    const parts = procedure.split('.');
    for (let n = parts.length; n > 0; n--) procedures.push(parts.slice(0, n).join('.'));
  }
  const lookup = (segments: string[]): FieldLabel | undefined => {
    const suffixes = segments.length ? segments.map((_, i) => segments.slice(i).join('.')) : [''];
    for (const suffix of suffixes) {
      for (const p of procedures) {
        const scoped = fieldLabels[`${p}:${suffix}`];
        if (scoped) return scoped;
      }
      if (Object.hasOwn(fieldLabels, suffix)) return fieldLabels[suffix];
    }
    return undefined;
  };
  const found = lookup(keys);
  if (found || opts.exact) return found;
  for (let end = keys.length - 1; end > 0; end--) {
    const parent = lookup(keys.slice(0, end));
    if (parent) return parent;
  }
  return undefined;
}

/**
 * The label with the positions of the arrays on the way: "家庭成员身份证号（第2项）" /
 * "Household member's ID number (item 2)".
 */
export function describeField(procedure: string | undefined, path: readonly (string | number)[]): FieldLabel {
  const label = fieldLabel(procedure, path) ?? fallbackLabel(path);
  const positions = path.filter((p): p is number => typeof p === 'number').map((i) => i + 1);
  if (positions.length === 0) return label;
  return { zh: `${label.zh}（第${positions.join('-')}项）`, en: `${label.en} (item ${positions.join('-')})` };
}

/** A field the dictionary lacks (the messages test keeps this from happening): its path, in ASCII. */
function fallbackLabel(path: readonly (string | number)[]): FieldLabel {
  const name = path.filter((p) => typeof p === 'string').join('.').replace(/[^\x20-\x7E]/g, '?') || 'input';
  return { zh: `字段 ${name}`, en: `Field ${name}` };
}
