import type { WorkCalendar } from '@ufp/core/calendar/calendar';
import { addDays, addYears, daysBetween } from '@ufp/core/calendar/dates';
import { conflict, invalid } from '@ufp/core/errors';
import type { DefinedEvent, MetricDeltas } from '@ufp/core/events';
import type { EvidenceRef } from '@ufp/core/evidence/model';
import { fieldLabel } from '@ufp/core/validation/labels';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import { contractRenewed, contractSigned, contractTerminated } from '../events.js';
import type {
  CongressRecordInput,
  FileInput,
  OfferReplyInput,
  OfferSendInput,
  PerformanceCheckInput,
  PublishInput,
  RepresentativesSetInput,
  RepresentativesVacateInput,
  ReviewRecordInput,
  RoundsAddInput,
  SignInput,
  TerminateInput,
} from '../schemas.js';
import { autoEffect, filingClockStart, filingTimeliness, ruleDeadline, vacancyLateness } from './clocks.js';
import { settle } from './outcomes.js';
import { owedContractYear, type PerformanceCheck } from './performance.js';
import type { ContractEvidence } from './evidence.js';
import { filedPackage, reviewOpinionRef } from './filing.js';
import { amendmentDraft, checkAmendable } from './amendment.js';
import { bargainingSide, closedStatuses, voteRuleOf, type Contract, type ContractSettings, type ContractStatus, type HistoryEntry, type RepresentativeSide } from './contract.js';
import { assertStep, renewalOpensOn, type HistoryStep, type LifecycleStep } from './lifecycle.js';
import { contractStepMetrics, statusChangeMetrics, unitCoverageMetrics } from './metrics.js';
import { checkRepresentatives, voteFailureText, voteOutcome } from './rules.js';
import { checkDraftForVote, checkLegalFloors, checkTypeClauses, clauseChanges, clauseLabels, normalClauses } from './clauses.js';

/** What a step decides with beyond the contract: the tenant's rule settings and the working-day calendar. */
export interface StepContext extends DecideContext {
  settings: ContractSettings;
  calendar: WorkCalendar;
}

/** The date field's name in words ("签订日期" / "Signing date"). */
const dateField = (field: string) => fieldLabel('contracts', [field]) ?? { zh: '日期', en: 'The date' };

/** A business date a caller reports may not lie ahead of today. */
export function notFuture(date: string, today: string, field: string): void {
  const name = dateField(field);
  if (date > today) throw invalid({ zh: `${name.zh} ${date} 晚于今天`, en: `${name.en} ${date} is in the future` }, { field });
}

/** A step's date may not precede the earlier step it follows. */
export function notBefore(date: string, earlier: string | undefined, field: string, what: { zh: string; en: string }): void {
  const name = dateField(field);
  if (earlier && date < earlier) throw invalid({ zh: `${name.zh}不能早于${what.zh}（${earlier}）`, en: `${name.en} cannot be before ${what.en} (${earlier})` }, { field });
}

/** A history entry, by whoever acts (a user, or the daily clock). */
export const historyEntry = (step: HistoryStep, on: string, at: string, by: string, note?: string): HistoryEntry => ({ step, on, at, by, ...(note ? { note } : {}) });

interface Change {
  after: Contract;
  note?: string;
  events?: readonly DefinedEvent[];
}

/** One lifecycle step: its place in the order (409 naming the expected step), then the change, its history entry and audit. */
function step(before: Contract, name: LifecycleStep, on: string, ctx: DecideContext, change: (c: Contract) => Change): Decision<Contract> {
  assertStep(before, name);
  const { after, note, events } = change(before);
  const next: Contract = { ...after, history: [...before.history, historyEntry(name, on, ctx.now.toISOString(), ctx.scope.actor.sub, note)], updatedAt: ctx.now.toISOString() };
  return {
    after: next,
    events,
    audit: { action: `contracts.${name}`, entityType: 'contract', entityId: before.contractId, summary: `集体合同「${before.title}」：${note ?? name}`, changes: { status: { from: before.status, to: next.status } } },
  };
}

export function sendOffer(before: Contract, input: OfferSendInput, ctx: DecideContext): Decision<Contract> {
  notFuture(input.sentOn, ctx.today, 'sentOn');
  return step(before, 'offer.send', input.sentOn, ctx, (c) => ({
    after: { ...c, status: 'offer_sent', offer: { sentOn: input.sentOn, fromSide: input.fromSide } },
    note: `${bargainingSide.labels[input.fromSide].zh}发出协商要约，20日内书面回应`,
  }));
}

/** The other side's written reply; whether it came within the 20 days (Art. 32) settles the offer for the indicators. */
export function replyToOffer(before: Contract, input: OfferReplyInput, ctx: StepContext): Decision<Contract> {
  notFuture(input.repliedOn, ctx.today, 'repliedOn');
  return step(before, 'offer.reply', input.repliedOn, ctx, (c) => {
    notBefore(input.repliedOn, c.offer?.sentOn, 'repliedOn', { zh: '要约发出日', en: 'the offer date' });
    const { dueOn } = ruleDeadline('offerReply', c.offer!.sentOn, ctx.settings, ctx.calendar);
    const replied: Contract = { ...c, status: input.accepted ? 'negotiating' : 'offer_declined', offer: { ...c.offer!, repliedOn: input.repliedOn, accepted: input.accepted } };
    const { after, event } = settle(replied, { duty: 'offerReply', ref: c.offer!.sentOn, on: dueOn, kept: input.repliedOn <= dueOn });
    return {
      after,
      note: `${input.accepted ? '对方书面同意协商' : '对方拒绝协商'}${input.repliedOn > dueOn ? `（超过20日回应期限，期限至 ${dueOn} 止）` : ''}`,
      events: event ? [event] : [],
    };
  });
}

export function setRepresentatives(before: Contract, input: RepresentativesSetInput, ctx: StepContext): Decision<Contract> {
  return step(before, 'representatives.set', ctx.today, ctx, (c) => {
    checkRepresentatives(input, c, ctx.settings);
    const refilled = c.representatives[input.side]?.vacancies ?? [];
    const side: RepresentativeSide = { members: input.members, chiefIndex: input.chiefIndex, setOn: ctx.today, ...(input.side === 'worker' && input.femaleCommittee ? { femaleCommittee: true } : {}) };
    const since = refilled.map((v) => v.vacatedOn).sort()[0];
    const late = since ? vacancyLateness(since, ctx.today, ctx.settings, ctx.calendar).lateDays : 0;
    return {
      after: { ...c, representatives: { ...c.representatives, [input.side]: side } },
      note: `${since ? '补足' : '确定'}${bargainingSide.labels[input.side].zh}协商代表 ${input.members.length} 人${since ? `（空缺自 ${since} 起${late > 0 ? `，超过15日期限 ${late} 天` : ''}）` : ''}`,
    };
  });
}

/** A seat left empty (replacement, resignation, force majeure): the side must be refilled within 15 days (Art. 31). */
export function vacateSeat(before: Contract, input: RepresentativesVacateInput, ctx: DecideContext): Decision<Contract> {
  notFuture(input.vacatedOn, ctx.today, 'vacatedOn');
  return step(before, 'representatives.vacate', input.vacatedOn, ctx, (c) => {
    const sideText = bargainingSide.labels[input.side].zh;
    const side = c.representatives[input.side];
    if (!side) throw invalid({ zh: `${sideText}尚未确定协商代表`, en: `The ${input.side} side has no representatives yet` }, { field: 'side' });
    const index = input.memberIndex ?? side.members.findIndex((m) => m.name === input.name);
    const member = side.members[index];
    if (!member || (input.name !== undefined && member.name !== input.name)) {
      throw invalid({ zh: `${sideText}没有这名代表`, en: `No such representative on the ${input.side} side` }, { field: input.memberIndex !== undefined ? 'memberIndex' : 'name' });
    }
    if (side.vacancies?.some((v) => v.memberIndex === index)) throw conflict({ zh: `「${member.name}」的空缺已登记`, en: `The seat of representative #${index + 1} is already recorded as vacant` }, { field: 'memberIndex' });
    notBefore(input.vacatedOn, side.setOn, 'vacatedOn', { zh: '代表确定日', en: 'the day the side was named' });
    const vacancy = { memberIndex: index, name: member.name, vacatedOn: input.vacatedOn, reason: input.reason, recordedOn: ctx.today };
    return {
      after: { ...c, representatives: { ...c.representatives, [input.side]: { ...side, vacancies: [...(side.vacancies ?? []), vacancy] } } },
      note: `${sideText}${index === side.chiefIndex ? '首席' : ''}代表「${member.name}」空缺（${input.reason}），须于15日内补足`,
    };
  });
}

/** A bargaining round: its minutes and open issues, and the clauses it agreed to change (checked against the legal floors). */
export function addRound(before: Contract, input: RoundsAddInput, ctx: StepContext): Decision<Contract> {
  notFuture(input.heldOn, ctx.today, 'heldOn');
  return step(before, 'rounds.add', input.heldOn, ctx, (c) => {
    if (c.rounds.length >= 50) throw conflict({ zh: '协商会议记录已达上限', en: 'Too many rounds recorded' });
    notBefore(input.heldOn, c.offer?.repliedOn, 'heldOn', { zh: '要约回应日', en: 'the reply date' });
    const no = c.rounds.length + 1;
    const agreed = normalClauses(input.amendments ?? {});
    checkTypeClauses(c, agreed, 'amendments');
    const amendments = clauseChanges(c.clauses, agreed);
    const clauses = { ...c.clauses, ...agreed };
    if (amendments.length) checkLegalFloors(clauses, ctx.settings);
    const round = { no, heldOn: input.heldOn, minutes: input.minutes, openIssues: input.openIssues, ...(amendments.length ? { amendments } : {}) };
    const changed = amendments.length ? `，修改条款 ${amendments.length} 项（${amendments.map((a) => clauseLabels[a.clause].zh).join('、')}）` : '';
    return { after: { ...c, clauses, rounds: [...c.rounds, round] }, note: `第${no}轮协商${changed}，待议事项 ${input.openIssues.length} 项` };
  });
}

/** The vote on the draft as the rounds left it (its legal floors checked again); the rule follows the contract's type (see `voteOutcome`). */
export function recordCongress(before: Contract, input: CongressRecordInput, ctx: StepContext): Decision<Contract> {
  const on = input.heldOn ?? ctx.today;
  notFuture(on, ctx.today, 'heldOn');
  return step(before, 'congress.record', on, ctx, (c) => {
    notBefore(on, c.rounds.at(-1)?.heldOn, 'heldOn', { zh: '最后一轮协商日', en: 'the last round' });
    checkDraftForVote(c.clauses, ctx.settings);
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
}

export function sign(before: Contract, input: SignInput, ctx: DecideContext): Decision<Contract> {
  notFuture(input.signedOn, ctx.today, 'signedOn');
  return step(before, 'sign', input.signedOn, ctx, (c) => {
    notBefore(input.signedOn, c.congress?.recordedOn, 'signedOn', { zh: '职代会审议日', en: 'the congress vote' });
    return {
      after: { ...c, status: 'signed', signedOn: input.signedOn },
      note: voteRuleOf(c.type) === 'sector' ? `双方首席代表签字；报送期限自草案通过（${c.congress?.recordedOn}）起10日` : '双方首席代表签字，10日内报送',
      // An amendment's signature is not a contract signed (签订集体合同N份 counts contracts).
      events: [contractSigned.create({ contractId: c.contractId, type: c.type, ...(c.amends ? {} : { metrics: { ...contractStepMetrics.signed } }) })],
    };
  });
}

/**
 * 报送审查 with the 备案材料 package complete (the kinds the tenant requires, each with a checked document of this
 * contract's next filing, `files` being the contract's files): a 409 naming the missing kinds otherwise. The documents
 * filed are kept with the filing.
 */
export function file(before: Contract, input: FileInput & { files: readonly ContractEvidence[] }, ctx: StepContext): Decision<Contract> {
  notFuture(input.filedOn, ctx.today, 'filedOn');
  return step(before, 'file', input.filedOn, ctx, (c) => {
    notBefore(input.filedOn, c.signedOn, 'filedOn', { zh: '签订日', en: 'the signing date' });
    const documents = filedPackage(c, ctx.settings.requiredFilingDocuments, input.files);
    const { due, lateDays } = filingTimeliness(filingClockStart(c)!, input.filedOn, ctx.settings, ctx.calendar);
    const { review, effectiveOn } = autoEffect(input.filedOn, ctx.settings, ctx.calendar);
    return {
      after: { ...c, status: 'filed', filing: { filedOn: input.filedOn, dueOn: due.dueOn, lateDays, documents }, review: undefined },
      note: `报送人社部门审查${documents.length ? `，附备案材料 ${documents.length} 份` : ''}${lateDays ? `（逾期 ${lateDays} 天，报送期限至 ${due.dueOn} 止）` : ''}；审查期至 ${review.dueOn} 止（${review.days}个${review.count === 'working' ? '工作日' : '自然日'}），期间无异议则 ${effectiveOn} 起生效${review.provisional ? '（暂定）' : ''}`,
    };
  });
}

/**
 * The bureau's review: no objection (its reply attached when it sent one), or an objection in the review period with
 * its 审查意见书 attached (`opinionFile`, the record of `opinionEvidenceId`), which sends the contract back to talks.
 */
export function recordReview(before: Contract, input: ReviewRecordInput & { opinionFile?: ContractEvidence }, ctx: StepContext): Decision<Contract> {
  const on = input.objectionOn ?? ctx.today;
  notFuture(on, ctx.today, 'objectionOn');
  return step(before, 'review.record', on, ctx, (c) => {
    notBefore(on, c.filing?.filedOn, 'objectionOn', { zh: '报送日', en: 'the filing date' });
    const opinion = (opinionFile: ReturnType<typeof reviewOpinionRef>) => ({ ...(input.opinion ? { opinion: input.opinion } : {}), ...(opinionFile ? { opinionFile } : {}), recordedOn: on });
    if (!input.objectionOn) {
      const file = reviewOpinionRef(c.contractId, false, input.opinionFile, input.opinionEvidenceId !== undefined);
      return { after: { ...c, review: opinion(file) }, note: `审查意见：无异议${file ? `（附审查意见书「${file.fileName}」）` : ''}` };
    }
    // In time through the period's last day (Art. 45); from the next day the contract is in effect (Art. 47).
    const { review, effectiveOn } = autoEffect(c.filing!.filedOn, ctx.settings, ctx.calendar);
    if (input.objectionOn > review.dueOn) {
      throw invalid(
        {
          zh: `审查期至 ${review.dueOn} 止，${input.objectionOn} 提出的异议已逾期；未在审查期内提出异议的，合同自 ${effectiveOn} 起生效`,
          en: `The review period ended on ${review.dueOn}; an objection dated ${input.objectionOn} is late. With no objection in the period the contract is in effect from ${effectiveOn}`,
        },
        { field: 'objectionOn' },
      );
    }
    const file = reviewOpinionRef(c.contractId, true, input.opinionFile, input.opinionEvidenceId !== undefined);
    const objected = settle(
      { ...c, status: 'negotiating', congress: undefined, review: { objectionOn: input.objectionOn, ...opinion(file) } },
      { duty: 'review', ref: c.filing!.filedOn, on: input.objectionOn, kept: false },
    );
    return { after: objected.after, note: `人社部门提出审查异议（审查意见书「${file!.fileName}」），退回重新协商`, events: objected.event ? [objected.event] : [] };
  });
}

export function publish(before: Contract, input: PublishInput, ctx: DecideContext): Decision<Contract> {
  notFuture(input.publishedOn, ctx.today, 'publishedOn');
  return step(before, 'publish', input.publishedOn, ctx, (c) => {
    notBefore(input.publishedOn, c.effectiveOn, 'publishedOn', { zh: '生效日', en: 'the effective date' });
    return { after: { ...c, publishedOn: input.publishedOn }, note: '已向全体职工公布' };
  });
}

/**
 * A yearly 履约 check: it answers the earliest contract year begun by its date that has none (a late check answers the
 * year it was owed for), in time when done by that year's last day. A check when every year begun is checked is a 409.
 */
export function checkPerformance(before: Contract, input: PerformanceCheckInput & { evidence?: EvidenceRef[] }, ctx: DecideContext): Decision<Contract> {
  notFuture(input.checkedOn, ctx.today, 'checkedOn');
  if (input.reportedOn) {
    notFuture(input.reportedOn, ctx.today, 'reportedOn');
    notBefore(input.reportedOn, input.checkedOn, 'reportedOn', { zh: '检查日期', en: 'the check date' });
  }
  return step(before, 'performance.check', input.checkedOn, ctx, (c) => {
    notBefore(input.checkedOn, c.effectiveOn, 'checkedOn', { zh: '生效日', en: 'the effective date' });
    const owed = owedContractYear(c, input.checkedOn);
    if (!owed) {
      throw conflict(
        { zh: `截至 ${input.checkedOn} 已开始的各合同年度均已有履约检查记录`, en: `Every contract year begun by ${input.checkedOn} already has its performance check` },
        { field: 'checkedOn', reason: 'already_checked' },
      );
    }
    const onTime = input.checkedOn <= owed.dueOn;
    const check: PerformanceCheck = {
      contractYear: owed.contractYear,
      checkedOn: input.checkedOn,
      checkers: input.checkers,
      items: input.items,
      findings: input.findings,
      ...(input.breaches ? { breaches: input.breaches } : {}),
      reportedToCongress: input.reportedToCongress,
      ...(input.reportedOn ? { reportedOn: input.reportedOn } : {}),
      ...(input.evidence?.length ? { evidence: input.evidence } : {}),
      dueOn: owed.dueOn,
      onTime,
    };
    const notKept = input.items.filter((i) => !i.kept).length;
    const { after, event } = settle({ ...c, performanceChecks: [...c.performanceChecks, check] }, { duty: 'performanceCheck', ref: String(owed.contractYear), on: owed.dueOn, kept: onTime });
    return {
      after,
      events: event ? [event] : [],
      note: `第${owed.contractYear}合同年度履约检查：${input.items.length} 项中 ${notKept} 项未履行${input.reportedToCongress ? '，已向职代会报告' : '，尚未向职代会报告'}${onTime ? '' : `（逾期，应于 ${owed.dueOn} 前完成）`}`,
    };
  });
}

/** Opens the successor contract (a draft) within the 3 months before expiry (Art. 38). */
export function renew(before: Contract, input: { successorId: string }, ctx: DecideContext): Decision<Contract> & { successor: Contract } {
  let successor: Contract | undefined;
  const decision = step(before, 'renew', ctx.today, ctx, (c) => {
    const opens = renewalOpensOn(c.term.end);
    if (ctx.today < opens) throw conflict({ zh: `续签自到期前3个月（${opens}）起方可提出`, en: `Renewal opens on ${opens}, 3 months before expiry` }, { reason: 'renewal_not_open', opensOn: opens });
    successor = successorOf(c, input.successorId, ctx);
    return {
      after: { ...c, successorId: input.successorId },
      note: `发起续签，新合同期限 ${successor.term.start} 至 ${successor.term.end}`,
      events: [contractRenewed.create({ contractId: c.contractId, successorId: input.successorId, type: c.type, metrics: { ...contractStepMetrics.renewed } })],
    };
  });
  return { ...decision, successor: successor! };
}

/** The next term's draft: the same parties and clauses, as long as the current term (1–3 years), with none of its record. */
function successorOf(c: Contract, successorId: string, ctx: DecideContext): Contract {
  const start = addDays(c.term.end, 1);
  const years = Math.min(3, Math.max(1, Math.round(daysBetween(c.term.start, addDays(c.term.end, 1)) / 365)));
  const { offer: _o, congress: _c, signedOn: _s, filing: _f, review: _r, effectiveOn: _e, publishedOn: _p, terminated: _t, successorId: _n, overdueClocks: _m, outcomes: _x, amendment: _a, amendments: _as, ...kept } = c;
  return {
    ...kept,
    contractId: successorId,
    title: c.title.replace(/（续签）$/, '') + '（续签）',
    term: { start, end: addDays(addYears(start, years), -1) },
    status: 'draft',
    representatives: {},
    rounds: [],
    performanceChecks: [],
    predecessorId: c.contractId,
    history: [historyEntry('create', ctx.today, ctx.now.toISOString(), ctx.scope.actor.sub, '续签自上一期合同')],
    version: 1,
    createdAt: ctx.now.toISOString(),
    updatedAt: ctx.now.toISOString(),
  };
}

/**
 * 变更 (Art. 40–41): opens an amendment of a contract in force — a draft of the same type, parties and term with its
 * clauses, linked both ways (`amends` / `amendment`) — which then runs the bargaining steps. Refused (409) for an
 * amendment, while another is open, or when the contract is not in force.
 */
export function amend(before: Contract, input: { amendmentId: string }, ctx: DecideContext): Decision<Contract> & { amendment: Contract } {
  checkAmendable(before);
  let amendment: Contract | undefined;
  const decision = step(before, 'amend', ctx.today, ctx, (c) => {
    amendment = amendmentDraft(c, input.amendmentId, ctx);
    return { after: { ...c, amendment: { contractId: input.amendmentId, openedOn: ctx.today } }, note: `发起变更，变更协议「${amendment.title}」进入协商` };
  });
  return { ...decision, amendment: amendment! };
}

/**
 * A status change's rollup deltas, and the unit's count of contracts in force moved with it (建制 on the
 * 0 → 1 and 1 → 0 transitions). `unitInForce` is the count before (when the contract has a unit); the
 * result's count is set only when the change moves it.
 */
export function statusChange(c: Contract, from: ContractStatus, to: ContractStatus, unitInForce: number | undefined): { metrics: MetricDeltas; unitInForce?: number } {
  const metrics = statusChangeMetrics(c, from, to);
  const delta = metrics['contracts.inForce'] ?? 0;
  if (!c.unitId || delta === 0 || unitInForce === undefined) return { metrics };
  const next = Math.max(0, unitInForce + delta);
  return { metrics: { ...metrics, ...unitCoverageMetrics(unitInForce, next) }, unitInForce: next };
}

/** Out of force today: the stock indicators drop in today's year, the earlier years keep it. */
export function terminate(before: Contract, input: TerminateInput & { unitInForce?: number }, ctx: DecideContext): Decision<Contract> & { unitInForce?: number } {
  if (before.amendment && !closedStatuses.includes(before.status)) {
    throw conflict(
      { zh: `「${before.title}」有进行中的变更协议（编号 ${before.amendment.contractId}），须先终止变更协议再解除合同`, en: `"${before.title}" has an open amendment (${before.amendment.contractId}); end the amendment before terminating the contract` },
      { reason: 'amendment_open', amendmentId: before.amendment.contractId },
    );
  }
  let unitInForce: number | undefined;
  const decision = step(before, 'terminate', ctx.today, ctx, (c) => {
    const change = statusChange(c, c.status, 'terminated', input.unitInForce);
    unitInForce = change.unitInForce;
    return {
      after: { ...c, status: 'terminated', terminated: { reason: input.reason, on: ctx.today } },
      note: `${c.amends ? '终止变更协议' : '解除'}：${input.reason}`,
      events: [contractTerminated.create({ contractId: c.contractId, type: c.type, metrics: change.metrics })],
    };
  });
  return { ...decision, unitInForce };
}
