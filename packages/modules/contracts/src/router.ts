import { exportWorkbook, xlsxFile, type ExportSheet } from '@ufp/kit/excel';
import { z } from 'zod';
import { changedDays, noticeProblems, type WorkCalendar } from '@ufp/core/calendar/calendar';
import { shanghaiDate } from '@ufp/core/clock';
import { autoEffect, filingClockStart, filingTimeliness, openClocks, vacancyLateness, type OpenClock } from '@ufp/core/contracts/clocks';
import {
  clockRules,
  contractStatuses,
  contractStatusLabels,
  contractTypeLabels,
  contractTypes,
  industries,
  industryLabels,
  specialKindLabels,
  specialKinds,
  type Contract,
  type ContractSettings,
  voteRuleOf,
  type HistoryEntry,
  type RepresentativeSide,
  type Side,
} from '@ufp/core/contracts/contract';
import { assertStep, nextSteps, renewalOpensOn, type LifecycleStep } from '@ufp/core/contracts/lifecycle';
import { changesBetween } from '@ufp/core/audit/changes';
import { contractStepMetrics, statusChangeMetrics, unitCoverageMetrics } from '@ufp/core/contracts/metrics';
import { checkMinimumWage, checkRepresentatives, checkTerm, voteFailureText, voteOutcome } from '@ufp/core/contracts/rules';
import { conflict, invalid, staleVersion } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { platformAuditScope, type TenantScope } from '@ufp/core/tenancy/scope';
import { regionProblem } from '@ufp/core/validation/divisions';
import { fieldLabel } from '@ufp/core/validation/labels';
import { limits, numberLimits } from '@ufp/core/validation/limits';
import { currentDivisionCodeSchema, isCalendarDate, isoDateSchema, text, usccSchema } from '@ufp/core/validation/zod';
import { addDays, addYears, daysBetween } from '@ufp/core/calendar/dates';
import { calendarOf, ContractRepository, loadedNotices, noticesInForce, saveNotice, workCalendar, type ContractFilter, type StoredNotice } from '@ufp/db/repositories/contracts';
import { UnitOfWork } from '@ufp/db/unit-of-work';
import { idInput, langInput, pageInput } from '@ufp/kit/schemas';
import { authedProcedure, platformProcedure, router, tenantProcedure, type Context } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';

type Ctx = Context & { scope: TenantScope };

const readers = tenantProcedure(['federation_admin', 'federation_staff', 'unit_reporter']);
const editors = tenantProcedure(['federation_admin', 'federation_staff']);
const admins = tenantProcedure(['federation_admin']);

const repo = (ctx: Ctx) => new ContractRepository(ctx.deps.table, ctx.deps.cursors);
const today = (ctx: Ctx) => shanghaiDate(ctx.deps.clock.now());

const createInput = z.object({
  title: text(limits.contracts.title).optional(),
  type: z.enum(contractTypes),
  specialKind: z.enum(specialKinds).optional(),
  unitId: idInput.optional(),
  scope: z.object({ industry: z.enum(industries).optional(), regionCode: currentDivisionCodeSchema.optional() }).optional(),
  employerParties: z.array(z.object({ name: text(limits.contracts.partyName), uscc: usccSchema.optional() })).min(1).max(200),
  coveredEnterprises: z.number().int().min(numberLimits.coveredEnterprises.min).max(numberLimits.coveredEnterprises.max),
  coveredEmployees: z.number().int().min(numberLimits.coveredEmployees.min).max(numberLimits.coveredEmployees.max),
  term: z.object({ start: isoDateSchema, end: isoDateSchema }),
  clauses: z
    .object({
      wageGrowthPct: z.number().min(-50).max(100).multipleOf(0.01).optional(),
      minimumWageFen: z.number().int().min(0).max(100_000_000).optional(),
      workingHours: text(limits.contracts.clause).optional(),
      leave: text(limits.contracts.clause).optional(),
      protections: text(limits.contracts.clause).optional(),
      other: text(limits.contracts.otherClauses).optional(),
    })
    .default({}),
});

const sideInput = z.enum(['worker', 'employer']);
const sideText = (side: Side) => (side === 'worker' ? '职工方' : '企业方');
const memberInput = z.object({
  name: text(limits.contracts.representativeName),
  role: text(limits.contracts.representativeRole),
  outsider: z.boolean().optional(),
  femaleCommitteeHead: z.boolean().optional(),
  /** 工号 or another internal number that tells namesakes apart; not an ID-card number. */
  personRef: text(limits.contracts.personRef).optional(),
});

const listFilter = {
  type: z.enum(contractTypes).optional(),
  status: z.enum(contractStatuses).optional(),
  industry: z.enum(industries).optional(),
  unitId: idInput.optional(),
  expiringWithinDays: z.number().int().min(0).max(3650).optional(),
};

const noticeInput = z
  .object({
    year: z.number().int().min(2000).max(2100),
    version: z.number().int().min(0),
    source: text(limits.contracts.noticeSource),
    off: z.array(z.union([isoDateSchema, z.tuple([isoDateSchema, isoDateSchema])])).min(1).max(40),
    work: z.array(isoDateSchema).max(20),
  })
  .superRefine((n, ctx) => {
    // An impossible date already has its issue from the date schema; the notice's own rules read real days only.
    if (![...n.off.flat(), ...n.work].every(isCalendarDate)) return;
    for (const p of noticeProblems(n)) ctx.addIssue({ code: 'custom', path: p.path, message: p.zh, params: { en: p.en } });
  });

const settingsInput = z.object({
  version: z.number().int().min(0),
  dayCount: z.object(Object.fromEntries(clockRules.map((r) => [r, z.enum(['natural', 'working']).optional()])) as Record<(typeof clockRules)[number], z.ZodOptional<z.ZodEnum<{ natural: 'natural'; working: 'working' }>>>).optional(),
  extendOnRestDay: z.boolean().optional(),
  minimumWageFen: z.number().int().min(0).max(100_000_000).nullable().optional(),
  outsiderShareMax: z.object({ num: z.number().int().min(0).max(10), den: z.number().int().min(1).max(10) }).refine((f) => f.num <= f.den, { message: '外聘代表比例不得超过1', params: { en: 'The outsider share cannot exceed 1' } }).optional(),
  publishWithinDays: z.number().int().min(0).max(60).optional(),
});

/** What a contract looks like to callers: the record plus its open steps and running clocks. */
export type ContractView = Contract & { nextSteps: LifecycleStep[]; clocks: OpenClock[] };

const view = (c: Contract, settings: ContractSettings, on: string, cal: WorkCalendar): ContractView => ({ ...c, nextSteps: nextSteps(c), clocks: openClocks(c, settings, on, cal) });

/** The date field's name in words ("签订日期" / "Signing date"). */
const dateField = (field: string) => fieldLabel('contracts', [field]) ?? { zh: '日期', en: 'The date' };
function notFuture(date: string, on: string, field: string) {
  const name = dateField(field);
  if (date > on) throw invalid({ zh: `${name.zh} ${date} 晚于今天`, en: `${name.en} ${date} is in the future` }, { field });
}
function notBefore(date: string, earlier: string | undefined, field: string, what: { zh: string; en: string }) {
  const name = dateField(field);
  if (earlier && date < earlier) throw invalid({ zh: `${name.zh}不能早于${what.zh}（${earlier}）`, en: `${name.en} cannot be before ${what.en} (${earlier})` }, { field });
}

/**
 * One lifecycle step: reads the contract and the tenant's settings, checks the order (409 with
 * the expected next step), applies the change and commits it with its events and audit entry,
 * guarded by the contract's version.
 */
async function runStep(
  ctx: Ctx,
  contractId: string,
  step: LifecycleStep,
  on: string,
  apply: (c: Contract, settings: ContractSettings, uow: UnitOfWork, cal: WorkCalendar) => Promise<{ after: Contract; note?: string }> | { after: Contract; note?: string },
): Promise<ContractView> {
  const r = repo(ctx);
  const [before, settings, cal] = await Promise.all([r.get(ctx.scope, contractId), r.settings(ctx.scope.tenantId), workCalendar(ctx.deps.table)]);
  assertStep(before, step);
  const day = today(ctx);
  return write(ctx, async (uow, now) => {
    const { after, note } = await apply(structuredClone(before), settings, uow, cal);
    const entry: HistoryEntry = { step, on, at: now.toISOString(), by: ctx.scope.actor.sub, ...(note ? { note } : {}) };
    const next: Contract = { ...after, history: [...before.history, entry], version: before.version + 1, updatedAt: now.toISOString() };
    r.replace(uow, before, next);
    uow.audit({ action: `contracts.${step}`, entityType: 'contract', entityId: contractId, summary: `集体合同「${before.title}」：${note ?? step}`, changes: { status: { from: before.status, to: next.status } } });
    return view(next, settings, day, cal);
  });
}

const contractColumns: ExportSheet<Contract>['columns'] = [
  { zh: '合同名称', en: 'Title', kind: 'text', width: 36, value: (c) => c.title },
  { zh: '类型', en: 'Type', kind: 'label', labels: contractTypeLabels, width: 16, value: (c) => c.type },
  { zh: '专项类别', en: 'Special kind', kind: 'label', labels: specialKindLabels, width: 16, value: (c) => c.specialKind },
  { zh: '行业', en: 'Industry', kind: 'label', labels: industryLabels, width: 14, value: (c) => c.scope?.industry },
  { zh: '状态', en: 'Status', kind: 'label', labels: contractStatusLabels, width: 16, value: (c) => c.status },
  { zh: '覆盖企业数', en: 'Enterprises covered', kind: 'count', value: (c) => c.coveredEnterprises },
  { zh: '覆盖职工数', en: 'Employees covered', kind: 'count', value: (c) => c.coveredEmployees },
  { zh: '起始日', en: 'Term starts', kind: 'date', value: (c) => c.term.start },
  { zh: '终止日', en: 'Term ends', kind: 'date', value: (c) => c.term.end },
  { zh: '工资增幅(%)', en: 'Wage growth (%)', kind: 'decimal', value: (c) => c.clauses.wageGrowthPct },
  { zh: '签订日', en: 'Signed on', kind: 'date', value: (c) => c.signedOn },
  { zh: '报送日', en: 'Filed on', kind: 'date', value: (c) => c.filing?.filedOn },
  { zh: '逾期报送(天)', en: 'Days filed late', kind: 'integer', value: (c) => c.filing?.lateDays },
  { zh: '生效日', en: 'Effective on', kind: 'date', value: (c) => c.effectiveOn },
];

export const contractsRouter = router({
  create: editors.input(createInput).mutation(async ({ ctx, input }) => {
    checkTerm(input.term);
    if (input.type === 'special' && !input.specialKind) throw invalid({ zh: '专项集体合同须选择专项类别', en: 'Choose the kind of special contract' }, { field: 'specialKind' });
    if (input.type === 'industry' && !input.scope?.industry) throw invalid({ zh: '行业性集体合同须选择行业', en: 'Choose the industry' }, { field: 'scope.industry' });
    if (input.type === 'regional' && !input.scope?.regionCode) throw invalid({ zh: '区域性集体合同须填写区域代码', en: 'Enter the region code' }, { field: 'scope.regionCode' });
    const outside = input.scope?.regionCode ? regionProblem(input.scope.regionCode, ctx.scope.divisionCode) : undefined;
    if (outside) throw invalid(outside.reason, { field: 'scope.regionCode' });
    if ((input.type === 'comprehensive' || input.type === 'special') && !input.unitId) {
      throw invalid({ zh: '企业集体合同须选择所属基层工会', en: 'Choose the enterprise union' }, { field: 'unitId' });
    }
    const r = repo(ctx);
    const [settings, cal] = await Promise.all([r.settings(ctx.scope.tenantId), workCalendar(ctx.deps.table)]);
    checkMinimumWage(input.clauses.minimumWageFen, settings);
    const unit = input.unitId ? await ctx.deps.units.get(ctx.scope, input.unitId) : undefined;
    const day = today(ctx);
    return write(ctx, (uow, now) => {
      const c: Contract = {
        contractId: newId(),
        tenantId: ctx.scope.tenantId,
        title: input.title ?? defaultTitle(input, unit?.name),
        type: input.type,
        ...(input.specialKind && input.type === 'special' ? { specialKind: input.specialKind } : {}),
        ...(input.unitId ? { unitId: input.unitId } : {}),
        ...(input.scope ? { scope: input.scope } : {}),
        employerParties: input.employerParties,
        coveredEnterprises: input.coveredEnterprises,
        coveredEmployees: input.coveredEmployees,
        term: input.term,
        clauses: input.clauses,
        status: 'draft',
        representatives: {},
        rounds: [],
        performanceChecks: [],
        history: [{ step: 'create', on: day, at: now.toISOString(), by: ctx.scope.actor.sub }],
        version: 1,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
      };
      r.add(uow, c);
      uow.emit({ type: 'contracts.contract.created', data: { contractId: c.contractId, type: c.type, metrics: { ...contractStepMetrics.created } } });
      uow.audit({ action: 'contracts.create', entityType: 'contract', entityId: c.contractId, summary: `新建集体合同台账「${c.title}」` });
      return view(c, settings, day, cal);
    });
  }),

  get: readers.input(z.object({ contractId: idInput })).query(async ({ ctx, input }) => {
    const r = repo(ctx);
    const [c, settings, cal] = await Promise.all([r.get(ctx.scope, input.contractId), r.settings(ctx.scope.tenantId), workCalendar(ctx.deps.table)]);
    return view(c, settings, today(ctx), cal);
  }),

  list: readers.input(z.object({ ...pageInput, ...listFilter }).optional()).query(async ({ ctx, input }) => {
    const r = repo(ctx);
    const [page, settings, cal] = await Promise.all([r.list(ctx.scope, filterOf(ctx, input), { cursor: input?.cursor, limit: input?.limit }), r.settings(ctx.scope.tenantId), workCalendar(ctx.deps.table)]);
    const day = today(ctx);
    return { items: page.items.map((c) => view(c, settings, day, cal)), nextCursor: page.nextCursor };
  }),

  /** The ledger as an Excel workbook (base64), with the same filters as `list`, in the chosen language. */
  export: readers.input(z.object({ ...listFilter, lang: langInput }).optional()).query(async ({ ctx, input }) => {
    const lang = input?.lang ?? 'zh';
    const filter = filterOf(ctx, input);
    const items = (await repo(ctx).all(ctx.scope)).filter((c) => matches(c, filter)).sort((a, b) => a.term.end.localeCompare(b.term.end));
    const { bytes, rows } = await exportWorkbook(lang, [{ name: { zh: '集体合同台账', en: 'Collective contracts' }, columns: contractColumns, rows: items }]);
    return xlsxFile(lang === 'zh' ? `集体合同台账-${today(ctx)}.xlsx` : `collective-contracts-${today(ctx)}.xlsx`, bytes, rows);
  }),

  offer: router({
    send: editors
      .input(z.object({ contractId: idInput, sentOn: isoDateSchema, fromSide: z.enum(['worker', 'employer']) }))
      .mutation(({ ctx, input }) => {
        notFuture(input.sentOn, today(ctx), 'sentOn');
        return runStep(ctx, input.contractId, 'offer.send', input.sentOn, (c) => ({
          after: { ...c, status: 'offer_sent', offer: { sentOn: input.sentOn, fromSide: input.fromSide } },
          note: `${sideText(input.fromSide)}发出协商要约，20日内书面回应`,
        }));
      }),
    reply: editors.input(z.object({ contractId: idInput, repliedOn: isoDateSchema, accepted: z.boolean() })).mutation(({ ctx, input }) => {
      notFuture(input.repliedOn, today(ctx), 'repliedOn');
      return runStep(ctx, input.contractId, 'offer.reply', input.repliedOn, (c) => {
        notBefore(input.repliedOn, c.offer?.sentOn, 'repliedOn', { zh: '要约发出日', en: 'the offer date' });
        return {
          after: { ...c, status: input.accepted ? 'negotiating' : 'offer_declined', offer: { ...c.offer!, repliedOn: input.repliedOn, accepted: input.accepted } },
          note: input.accepted ? '对方书面同意协商' : '对方拒绝协商',
        };
      });
    }),
  }),

  representatives: router({
    set: editors
      .input(
        z.object({
          contractId: idInput,
          side: sideInput,
          members: z.array(memberInput).min(1).max(30),
          chiefIndex: z.number().int().min(0),
          femaleCommittee: z.boolean().optional(),
        }),
      )
      .mutation(({ ctx, input }) =>
        runStep(ctx, input.contractId, 'representatives.set', today(ctx), (c, settings, _uow, cal) => {
          checkRepresentatives(input, c, settings);
          const day = today(ctx);
          const refilled = c.representatives[input.side]?.vacancies ?? [];
          const side: RepresentativeSide = { members: input.members, chiefIndex: input.chiefIndex, setOn: day, ...(input.side === 'worker' && input.femaleCommittee ? { femaleCommittee: true } : {}) };
          const since = refilled.map((v) => v.vacatedOn).sort()[0];
          const late = since ? vacancyLateness(since, day, settings, cal).lateDays : 0;
          return {
            after: { ...c, representatives: { ...c.representatives, [input.side]: side } },
            note: `${since ? '补足' : '确定'}${sideText(input.side)}协商代表 ${input.members.length} 人${since ? `（空缺自 ${since} 起${late > 0 ? `，超过15日期限 ${late} 天` : ''}）` : ''}`,
          };
        }),
      ),
    /** Records a seat left empty (replacement, resignation, force majeure): the side must be refilled within 15 days (Art. 31). */
    vacate: editors
      .input(
        z
          .object({ contractId: idInput, side: sideInput, memberIndex: z.number().int().min(0).max(29).optional(), name: text(limits.contracts.representativeName).optional(), vacatedOn: isoDateSchema, reason: text(limits.contracts.reason) })
          .refine((v) => v.memberIndex !== undefined || v.name !== undefined, { message: '请指明空缺的代表（序号或姓名）', params: { en: 'Name the member whose seat is vacant (index or name)' }, path: ['memberIndex'] }),
      )
      .mutation(({ ctx, input }) => {
        notFuture(input.vacatedOn, today(ctx), 'vacatedOn');
        return runStep(ctx, input.contractId, 'representatives.vacate', input.vacatedOn, (c) => {
          const side = c.representatives[input.side];
          if (!side) throw invalid({ zh: `${sideText(input.side)}尚未确定协商代表`, en: `The ${input.side} side has no representatives yet` }, { field: 'side' });
          const index = input.memberIndex ?? side.members.findIndex((m) => m.name === input.name);
          const member = side.members[index];
          if (!member || (input.name !== undefined && member.name !== input.name)) {
            throw invalid({ zh: `${sideText(input.side)}没有这名代表`, en: `No such representative on the ${input.side} side` }, { field: input.memberIndex !== undefined ? 'memberIndex' : 'name' });
          }
          if (side.vacancies?.some((v) => v.memberIndex === index)) throw conflict({ zh: `「${member.name}」的空缺已登记`, en: `The seat of representative #${index + 1} is already recorded as vacant` }, { field: 'memberIndex' });
          notBefore(input.vacatedOn, side.setOn, 'vacatedOn', { zh: '代表确定日', en: 'the day the side was named' });
          const vacancy = { memberIndex: index, name: member.name, vacatedOn: input.vacatedOn, reason: input.reason, recordedOn: today(ctx) };
          return {
            after: { ...c, representatives: { ...c.representatives, [input.side]: { ...side, vacancies: [...(side.vacancies ?? []), vacancy] } } },
            note: `${sideText(input.side)}${index === side.chiefIndex ? '首席' : ''}代表「${member.name}」空缺（${input.reason}），须于15日内补足`,
          };
        });
      }),
  }),

  rounds: router({
    add: editors
      .input(z.object({ contractId: idInput, heldOn: isoDateSchema, minutes: text(limits.contracts.minutes), openIssues: z.array(text(limits.contracts.openIssue)).max(50).default([]) }))
      .mutation(({ ctx, input }) => {
        notFuture(input.heldOn, today(ctx), 'heldOn');
        return runStep(ctx, input.contractId, 'rounds.add', input.heldOn, (c) => {
          if (c.rounds.length >= 50) throw conflict({ zh: '协商会议记录已达上限', en: 'Too many rounds recorded' });
          notBefore(input.heldOn, c.offer?.repliedOn, 'heldOn', { zh: '要约回应日', en: 'the reply date' });
          const no = c.rounds.length + 1;
          return { after: { ...c, rounds: [...c.rounds, { no, heldOn: input.heldOn, minutes: input.minutes, openIssues: input.openIssues }] }, note: `第${no}轮协商，待议事项 ${input.openIssues.length} 项` };
        });
      }),
  }),

  congress: router({
    /** The vote on the draft; the rule follows the contract's type (see `voteOutcome`). */
    record: editors
      .input(z.object({ contractId: idInput, heldOn: isoDateSchema.optional(), representativesTotal: z.number().int().min(1).max(100_000), present: z.number().int().min(0).optional(), approve: z.number().int().min(0) }))
      .mutation(({ ctx, input }) => {
        const on = input.heldOn ?? today(ctx);
        notFuture(on, today(ctx), 'heldOn');
        return runStep(ctx, input.contractId, 'congress.record', on, (c) => {
          notBefore(on, c.rounds.at(-1)?.heldOn, 'heldOn', { zh: '最后一轮协商日', en: 'the last round' });
          const outcome = voteOutcome(voteRuleOf(c.type), input);
          const { representativesTotal: total, present, approve } = input;
          const counts = `应到 ${total}${present !== undefined ? `，实到 ${present}` : ''}，赞成 ${approve}`;
          return {
            after: {
              ...c,
              status: outcome.passed ? 'approved' : 'negotiating',
              congress: { representativesTotal: total, ...(present !== undefined ? { present } : {}), approve, passed: outcome.passed, failed: outcome.failed, rule: outcome.rule, recordedOn: on },
            },
            note: outcome.passed ? `${outcome.rule === 'sector' ? '行业性/区域性草案经全体代表过半数同意，' : '职代会'}审议通过（${counts}）` : `职代会未通过：${voteFailureText(outcome).zh}（${counts}）`,
          };
        });
      }),
  }),

  sign: editors.input(z.object({ contractId: idInput, signedOn: isoDateSchema })).mutation(({ ctx, input }) => {
    notFuture(input.signedOn, today(ctx), 'signedOn');
    return runStep(ctx, input.contractId, 'sign', input.signedOn, (c, _s, uow) => {
      notBefore(input.signedOn, c.congress?.recordedOn, 'signedOn', { zh: '职代会审议日', en: 'the congress vote' });
      uow.emit({ type: 'contracts.contract.signed', data: { contractId: c.contractId, type: c.type, metrics: { ...contractStepMetrics.signed } } });
      return { after: { ...c, status: 'signed', signedOn: input.signedOn }, note: voteRuleOf(c.type) === 'sector' ? `双方首席代表签字；报送期限自草案通过（${c.congress?.recordedOn}）起10日` : '双方首席代表签字，10日内报送' };
    });
  }),

  file: editors.input(z.object({ contractId: idInput, filedOn: isoDateSchema })).mutation(({ ctx, input }) => {
    notFuture(input.filedOn, today(ctx), 'filedOn');
    return runStep(ctx, input.contractId, 'file', input.filedOn, (c, settings, _uow, cal) => {
      notBefore(input.filedOn, c.signedOn, 'filedOn', { zh: '签订日', en: 'the signing date' });
      const { due, lateDays } = filingTimeliness(filingClockStart(c)!, input.filedOn, settings, cal);
      const { review, effectiveOn } = autoEffect(input.filedOn, settings, cal);
      return {
        after: { ...c, status: 'filed', filing: { filedOn: input.filedOn, dueOn: due.dueOn, lateDays }, review: undefined },
        note: `报送人社部门审查${lateDays ? `（逾期 ${lateDays} 天，报送期限至 ${due.dueOn} 止）` : ''}；审查期至 ${review.dueOn} 止（${review.days}个${review.count === 'working' ? '工作日' : '自然日'}），期间无异议则 ${effectiveOn} 起生效${review.provisional ? '（暂定）' : ''}`,
      };
    });
  }),

  review: router({
    record: editors.input(z.object({ contractId: idInput, objectionOn: isoDateSchema.optional(), opinion: text(limits.contracts.opinion).optional() })).mutation(({ ctx, input }) => {
      const on = input.objectionOn ?? today(ctx);
      notFuture(on, today(ctx), 'objectionOn');
      return runStep(ctx, input.contractId, 'review.record', on, (c, settings, _uow, cal) => {
        notBefore(on, c.filing?.filedOn, 'objectionOn', { zh: '报送日', en: 'the filing date' });
        if (!input.objectionOn) return { after: { ...c, review: { opinion: input.opinion, recordedOn: on } }, note: '审查意见：无异议' };
        // In time through the period's last day (Art. 45); from the next day the contract is in effect (Art. 47).
        const { review, effectiveOn } = autoEffect(c.filing!.filedOn, settings, cal);
        if (input.objectionOn > review.dueOn) {
          throw invalid(
            {
              zh: `审查期至 ${review.dueOn} 止，${input.objectionOn} 提出的异议已逾期；未在审查期内提出异议的，合同自 ${effectiveOn} 起生效`,
              en: `The review period ended on ${review.dueOn}; an objection dated ${input.objectionOn} is late. With no objection in the period the contract is in effect from ${effectiveOn}`,
            },
            { field: 'objectionOn' },
          );
        }
        return {
          after: { ...c, status: 'negotiating', congress: undefined, review: { objectionOn: input.objectionOn, opinion: input.opinion, recordedOn: on } },
          note: '人社部门提出审查异议，退回重新协商',
        };
      });
    }),
  }),

  publish: editors.input(z.object({ contractId: idInput, publishedOn: isoDateSchema })).mutation(({ ctx, input }) => {
    notFuture(input.publishedOn, today(ctx), 'publishedOn');
    return runStep(ctx, input.contractId, 'publish', input.publishedOn, (c) => {
      notBefore(input.publishedOn, c.effectiveOn, 'publishedOn', { zh: '生效日', en: 'the effective date' });
      return { after: { ...c, publishedOn: input.publishedOn }, note: '已向全体职工公布' };
    });
  }),

  performance: router({
    check: editors.input(z.object({ contractId: idInput, year: z.number().int().min(2000).max(2100), findings: text(limits.contracts.findings), breaches: text(limits.contracts.breaches).optional() })).mutation(({ ctx, input }) =>
      runStep(ctx, input.contractId, 'performance.check', today(ctx), (c) => {
        if (c.performanceChecks.some((p) => p.year === input.year)) throw conflict({ zh: `${input.year}年度履约检查已记录`, en: `The ${input.year} check is already recorded` }, { field: 'year' });
        return { after: { ...c, performanceChecks: [...c.performanceChecks, { year: input.year, findings: input.findings, breaches: input.breaches, checkedOn: today(ctx) }] }, note: `${input.year}年度履约检查${input.breaches ? '（发现违约）' : ''}` };
      }),
    ),
  }),

  /** Opens the successor contract (draft) within the 3 months before expiry. */
  renew: editors.input(z.object({ contractId: idInput })).mutation(async ({ ctx, input }) => {
    const day = today(ctx);
    const successorId = newId();
    let successor: Contract | undefined;
    const result = await runStep(ctx, input.contractId, 'renew', day, (c, _s, uow) => {
      const opens = renewalOpensOn(c.term.end);
      if (day < opens) throw conflict({ zh: `续签自到期前3个月（${opens}）起方可提出`, en: `Renewal opens on ${opens}, 3 months before expiry` }, { reason: 'renewal_not_open', opensOn: opens });
      const start = addDays(c.term.end, 1);
      const years = Math.min(3, Math.max(1, Math.round(daysBetween(c.term.start, addDays(c.term.end, 1)) / 365)));
      successor = {
        ...c,
        contractId: successorId,
        title: c.title.replace(/（续签）$/, '') + '（续签）',
        term: { start, end: addDays(addYears(start, years), -1) },
        status: 'draft',
        offer: undefined,
        representatives: {},
        rounds: [],
        congress: undefined,
        signedOn: undefined,
        filing: undefined,
        review: undefined,
        effectiveOn: undefined,
        publishedOn: undefined,
        performanceChecks: [],
        terminated: undefined,
        successorId: undefined,
        predecessorId: c.contractId,
        history: [{ step: 'create', on: day, at: ctx.deps.clock.now().toISOString(), by: ctx.scope.actor.sub, note: '续签自上一期合同' }],
        version: 1,
        createdAt: ctx.deps.clock.now().toISOString(),
        updatedAt: ctx.deps.clock.now().toISOString(),
      };
      repo(ctx).add(uow, JSON.parse(JSON.stringify(successor)) as Contract);
      uow.emit({ type: 'contracts.contract.renewed', data: { contractId: c.contractId, successorId, type: c.type, metrics: { ...contractStepMetrics.renewed } } });
      return { after: { ...c, successorId }, note: `发起续签，新合同期限 ${successor.term.start} 至 ${successor.term.end}` };
    });
    return { contract: result, successorId };
  }),

  terminate: editors.input(z.object({ contractId: idInput, reason: text(limits.contracts.reason) })).mutation(({ ctx, input }) =>
    runStep(ctx, input.contractId, 'terminate', today(ctx), async (c, _s, uow) => {
      // Out of force today: the stock indicators drop in today's year, the earlier years keep it.
      const metrics = statusChangeMetrics(c, c.status, 'terminated');
      const inForceDelta = metrics['contracts.inForce'] ?? 0;
      if (c.unitId && inForceDelta !== 0) {
        const coverage = await repo(ctx).unitCoverage(c.tenantId, c.unitId);
        const count = Math.max(0, coverage.count + inForceDelta);
        repo(ctx).setUnitCoverage(uow, coverage, count);
        Object.assign(metrics, unitCoverageMetrics(coverage.count, count));
      }
      uow.emit({ type: 'contracts.contract.terminated', data: { contractId: c.contractId, type: c.type, metrics } });
      return { after: { ...c, status: 'terminated', terminated: { reason: input.reason, on: today(ctx) } }, note: `解除：${input.reason}` };
    }),
  ),

  /** Every open legal clock in the tenant due within `withinDays` (overdue ones included). */
  deadlines: router({
    list: readers.input(z.object({ withinDays: z.number().int().min(0).max(3650).default(30) }).optional()).query(async ({ ctx, input }) => {
      const r = repo(ctx);
      const [all, settings, cal] = await Promise.all([r.all(ctx.scope), r.settings(ctx.scope.tenantId), workCalendar(ctx.deps.table)]);
      const day = today(ctx);
      const within = input?.withinDays ?? 30;
      const items = all
        .flatMap((c) => openClocks(c, settings, day, cal))
        .filter((k) => k.daysLeft <= within)
        .sort((a, b) => a.dueOn.localeCompare(b.dueOn) || a.title.localeCompare(b.title));
      return { today: day, coveredYears: cal.coveredYears(), items };
    }),
  }),

  /** The holiday notices the clocks run on; the platform operator loads a new year's notice as data. */
  calendar: router({
    get: authedProcedure.query(async ({ ctx }) => {
      const loaded = await loadedNotices(ctx.deps.table);
      return {
        coveredYears: calendarOf(loaded).coveredYears(),
        today: shanghaiDate(ctx.deps.clock.now()),
        notices: noticesInForce(loaded).map(({ year, source, off, work, origin }) => ({ year, source, off, work, origin, ...(origin === 'loaded' ? pickLoaded(loaded.find((n) => n.year === year)!) : {}) })),
        loaded: loaded.map(pickLoaded),
      };
    }),
    /**
     * Loads (or replaces) a year's notice for every tenant at once, audited in the platform's own
     * log. Answers which days changed and how many open clocks across the tenants moved or stopped
     * being provisional; clocks are computed on read, so they follow from the next call on.
     */
    load: platformProcedure.input(noticeInput).mutation(async ({ ctx, input }) => {
      const loaded = await loadedNotices(ctx.deps.table);
      const before = loaded.find((n) => n.year === input.year);
      if ((before?.version ?? 0) !== input.version) throw staleVersion();
      const now = ctx.deps.clock.now();
      const notice = { year: input.year, source: input.source, off: input.off, work: input.work, version: input.version + 1, loadedAt: now.toISOString(), loadedBy: ctx.actor.sub };
      const [calBefore, calAfter] = [calendarOf(loaded), calendarOf([...loaded.filter((n) => n.year !== input.year), notice])];
      const days = changedDays(input.year, calBefore, calAfter);
      const clocks = await clocksMoved(ctx, calBefore, calAfter);
      const uow = new UnitOfWork(ctx.deps.table, { scope: platformAuditScope(ctx.actor), correlationId: ctx.correlationId, now });
      saveNotice(uow, notice, before);
      uow.audit({
        action: 'contracts.calendar.load',
        entityType: 'calendar',
        entityId: String(input.year),
        summary: `${before ? '更新' : '加载'}${input.year}年节假日安排（${input.source}）：休息 ${input.off.length} 段，调休上班 ${input.work.length} 天；${days.toRest.length} 个工作日改为休息、${days.toWork.length} 个周末改为上班；${clocks.tenants} 个租户的 ${clocks.changed} 个期限随之改变（${clocks.nowExact} 个不再暂定）`,
        changes: { version: { from: before?.version ?? 0, to: notice.version }, ...(before ? { source: { from: before.source, to: notice.source } } : {}) },
      });
      await uow.commit();
      await workCalendar(ctx.deps.table, { fresh: true });
      return { year: notice.year, version: notice.version, days: { toRest: days.toRest.length, toWork: days.toWork.length }, clocks };
    }),
  }),

  settings: router({
    get: readers.query(async ({ ctx }) => ({ ...(await repo(ctx).settings(ctx.scope.tenantId)), coveredYears: (await workCalendar(ctx.deps.table)).coveredYears(), today: today(ctx) })),
    set: admins.input(settingsInput).mutation(async ({ ctx, input }) => {
      const r = repo(ctx);
      const before = await r.settings(ctx.scope.tenantId);
      if (before.version !== input.version) throw staleVersion();
      const { minimumWageFen, dayCount, version: _v, ...rest } = input;
      const after: ContractSettings = {
        ...before,
        ...Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)),
        dayCount: { ...before.dayCount, ...Object.fromEntries(Object.entries(dayCount ?? {}).filter(([, v]) => v !== undefined)) },
        version: before.version + 1,
      };
      if (minimumWageFen === null) delete after.minimumWageFen;
      else if (minimumWageFen !== undefined) after.minimumWageFen = minimumWageFen;
      return write(ctx, (uow) => {
        r.saveSettings(uow, ctx.scope.tenantId, before, after);
        const changes = changesBetween(before, after, ['dayCount', 'extendOnRestDay', 'minimumWageFen', 'outsiderShareMax', 'publishWithinDays']);
        uow.audit({ action: 'contracts.settings.set', entityType: 'settings', entityId: 'contracts', summary: `修改集体合同规则设置：${Object.keys(changes).join('、') || '无变化'}`, ...(Object.keys(changes).length ? { changes } : {}) });
        return { ...after };
      });
    }),
  }),
});

function filterOf(ctx: Ctx, input: { type?: Contract['type']; status?: Contract['status']; industry?: ContractFilter['industry']; unitId?: string; expiringWithinDays?: number } | undefined): ContractFilter {
  return {
    type: input?.type,
    status: input?.status,
    industry: input?.industry,
    unitId: input?.unitId,
    endingBy: input?.expiringWithinDays !== undefined ? addDays(today(ctx), input.expiringWithinDays) : undefined,
  };
}

function matches(c: Contract, f: ContractFilter): boolean {
  if (f.type && c.type !== f.type) return false;
  if (f.status && c.status !== f.status) return false;
  if (f.industry && c.scope?.industry !== f.industry) return false;
  if (f.unitId && c.unitId !== f.unitId) return false;
  if (f.endingBy && !((c.status === 'effective' || c.status === 'expiring') && c.term.end <= f.endingBy)) return false;
  return true;
}

function defaultTitle(input: z.infer<typeof createInput>, unitName?: string): string {
  const year = input.term.start.slice(0, 4);
  if (input.type === 'industry' && input.scope?.industry) return `${year}年${industryLabels[input.scope.industry].zh}集体合同`;
  if (input.type === 'special' && input.specialKind) return `${unitName ?? input.employerParties[0]!.name}${year}年${({ wage: '工资', skill_level_wage: '能级工资', female_workers: '女职工权益保护', safety: '劳动安全卫生', tech_innovation: '职工技术创新' } as const)[input.specialKind]}专项集体合同`;
  if (input.type === 'regional') return `${unitName ?? input.employerParties[0]!.name}${year}年区域性集体合同`;
  return `${unitName ?? input.employerParties[0]!.name}${year}年集体合同`;
}

const pickLoaded = ({ year, source, version, loadedAt }: StoredNotice) => ({ year, source, version, loadedAt });

/**
 * How many open clocks, across every active tenant, a calendar change moves (a different due day
 * or provisional state) and how many of them stop being provisional.
 */
async function clocksMoved(ctx: Context, before: WorkCalendar, after: WorkCalendar): Promise<{ tenants: number; changed: number; nowExact: number }> {
  const r = new ContractRepository(ctx.deps.table);
  const day = shanghaiDate(ctx.deps.clock.now());
  const out = { tenants: 0, changed: 0, nowExact: 0 };
  for (const tenant of await ctx.deps.tenants.list()) {
    if (tenant.status !== 'active') continue;
    const [all, settings] = await Promise.all([r.all({ tenantId: tenant.id }), r.settings(tenant.id)]);
    let changed = 0;
    for (const c of all) {
      const [a, b] = [openClocks(c, settings, day, before), openClocks(c, settings, day, after)];
      a.forEach((k, i) => {
        const n = b[i];
        if (!n || n.dueOn !== k.dueOn || !!n.provisional !== !!k.provisional) changed++;
        if (k.provisional && n && !n.provisional) out.nowExact++;
      });
    }
    if (changed) out.tenants++;
    out.changed += changed;
  }
  return out;
}
