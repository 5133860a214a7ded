import { conflict, DomainError, invalid } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { maskIdNumber, maskName, maskPhone } from '@ufp/core/pii/mask';
import { birthDateOf, genderOf } from '@ufp/core/validation/id-number';
import { exportWorkbook, type ExportSheet } from '@ufp/kit/excel';
import { Gender, SkillGrade, StageKind } from '../domain/enums.js';
import { assertEligible } from '../domain/registration.js';
import { contestantRegistered } from '../events.js';
import { contestantRegisteredMetrics } from '../metrics-deltas.js';
import type { ContestantItem, EventItem } from '../items.js';
import type { RegisterInput, WithdrawInput } from '../schemas/structure.js';
import { competitionKeys, contestantMissing } from '../store.js';
import { transition } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import { defineEnum } from '@ufp/kit/enum';
import { cipherField, contestantIndex, encrypt, store, today, type Ctx } from './context.js';
import { contestantView, type ContestantView } from './views.js';

/**
 * Registration: units enter their members for a 赛项 within its window (platform clock), refusals naming the rule
 * (`details.rule`); the ID number only encrypted, masked and as a per-赛项 blind index (one entry per person). Reporters
 * act for their own unit only.
 */

const otherUnit = () =>
  new DomainError('forbidden', { zh: '只能为本单位职工报名或办理', en: 'You can only act for people of your own union' }, { field: 'unitId', rule: 'unit' });

export async function register(ctx: Ctx, input: RegisterInput): Promise<ContestantView> {
  if (ctx.scope.unitId && input.unitId !== ctx.scope.unitId) throw otherUnit();
  const event = await store(ctx).event(ctx.scope.tenantId, input.eventId);
  const [competition, unit] = await Promise.all([store(ctx).competition(ctx.scope.tenantId, event.competitionId), ctx.deps.units.get(ctx.scope, input.unitId)]);
  const now = ctx.deps.clock.now();
  const birthDate = birthDateOf(input.idNumber, now)!;
  if (genderOf(input.idNumber, now) !== input.gender) {
    throw invalid({ zh: '性别与身份证号不一致', en: 'The gender does not match the ID number' }, { field: 'gender' });
  }
  assertEligible(event.registration, { personId: input.idNumber, unitId: input.unitId, member: input.member, birthDate, trade: input.tradeCode, skillGrade: input.skillGrade }, input.unitId, now);
  const contestant: ContestantItem = {
    contestantId: newId(),
    tenantId: ctx.scope.tenantId,
    competitionId: competition.competitionId,
    eventId: event.eventId,
    unitId: input.unitId,
    name: input.name,
    nameMasked: maskName(input.name),
    idCipher: await encrypt(ctx, input.idNumber, cipherField.idNumber),
    idMasked: maskIdNumber(input.idNumber),
    idIndex: contestantIndex(ctx, event.eventId, input.idNumber),
    birthDate,
    gender: input.gender,
    tradeCode: input.tradeCode,
    skillGrade: input.skillGrade,
    member: input.member,
    ...(input.phone ? { phoneCipher: await encrypt(ctx, input.phone, cipherField.phone), phoneMasked: maskPhone(input.phone) } : {}),
    status: 'registered',
    stage: event.stages[0]!.kind,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
    createdBy: ctx.scope.actor.sub,
  };
  return write(ctx, (uow) => {
    store(ctx).addContestant(uow, contestant);
    uow.emit(contestantRegistered.create({ competitionId: competition.competitionId, eventId: event.eventId, contestantId: contestant.contestantId, tradeCode: contestant.tradeCode, year: competition.year, metrics: contestantRegisteredMetrics() }));
    uow.audit({ action: 'competitions.contestant.register', entityType: 'competitions.contestant', entityId: contestant.contestantId, summary: `${unit.name} 报名赛项「${event.name.zh}」：${contestant.nameMasked}（${contestant.idMasked}）` });
    return contestantView(contestant, unit.name);
  });
}

const firstStart = (e: EventItem) => e.stages[0]!.startsAt;

/** Withdraws before the 赛项's first stage starts (409 after); the person may register again. */
export async function withdraw(ctx: Ctx, input: WithdrawInput): Promise<ContestantView> {
  const event = await store(ctx).event(ctx.scope.tenantId, input.eventId);
  const found = await store(ctx).contestant(ctx.scope.tenantId, input.eventId, input.contestantId);
  if (ctx.scope.unitId && found.unitId !== ctx.scope.unitId) throw otherUnit();
  const unit = await ctx.deps.units.get(ctx.scope, found.unitId);
  return transition(
    ctx,
    {
      load: () => store(ctx).findContestant(ctx.scope.tenantId, input.eventId, input.contestantId),
      missing: contestantMissing,
      expectedVersion: input.version,
      decide: (before, _i, { now }) => {
        if (before.status !== 'registered') throw conflict({ zh: '该选手已退赛', en: 'The contestant has already withdrawn' }, { reason: 'withdrawn' });
        if (now.getTime() >= Date.parse(firstStart(event))) {
          throw conflict({ zh: '赛项已开始，不能再退赛', en: 'The event has started; withdrawing is no longer possible' }, { reason: 'event_started' });
        }
        return {
          after: { ...before, status: 'withdrawn' as const, updatedAt: now.toISOString() },
          audit: { action: 'competitions.contestant.withdraw', entityType: 'competitions.contestant', entityId: before.contestantId, summary: `${unit.name} 的选手 ${before.nameMasked} 退出赛项「${event.name.zh}」` },
        };
      },
      save: (uow, after, before) => {
        store(ctx).saveContestant(uow, after, before.version);
        uow.delete(competitionKeys.contestantGuard(before.tenantId, before.eventId, before.idIndex));
      },
      view: (after) => contestantView(after, unit.name),
    },
    input,
  );
}

async function unitNames(ctx: Ctx, unitIds: readonly string[]): Promise<Map<string, string>> {
  const ids = [...new Set(unitIds)];
  const units = await Promise.all(ids.map((id) => ctx.deps.units.get(ctx.scope, id).then((u) => u.name, () => '（已删除的工会）')));
  return new Map(ids.map((id, i) => [id, units[i]!]));
}

/** The 赛项's contestants (reporters: their unit's only), masked. */
export async function list(ctx: Ctx, input: { eventId: string }): Promise<ContestantView[]> {
  await store(ctx).event(ctx.scope.tenantId, input.eventId);
  const all = await store(ctx).contestants(ctx.scope.tenantId, input.eventId);
  const mine = ctx.scope.unitId ? all.filter((c) => c.unitId === ctx.scope.unitId) : all;
  const names = await unitNames(ctx, mine.map((c) => c.unitId));
  return mine.map((c) => contestantView(c, names.get(c.unitId)!));
}

const ContestantStatusLabel = defineEnum({ registered: { zh: '已报名', en: 'Registered' }, withdrawn: { zh: '已退赛', en: 'Withdrawn' } });
type Row = ContestantView & { n: number };
const columns: ExportSheet<Row>['columns'] = [
  { zh: '序号', en: 'No.', kind: 'integer', value: (r) => r.n },
  { zh: '姓名', en: 'Name', kind: 'text', width: 12, value: (r) => r.name },
  { zh: '性别', en: 'Gender', kind: 'label', labels: Gender.labels, value: (r) => r.gender },
  { zh: '身份证号（脱敏）', en: 'ID number (masked)', kind: 'text', width: 22, value: (r) => r.idMasked },
  { zh: '出生日期', en: 'Born', kind: 'date', value: (r) => r.birthDate },
  { zh: '所在单位', en: 'Union', kind: 'text', width: 24, value: (r) => r.unitName },
  { zh: '工种', en: 'Trade', kind: 'text', value: (r) => r.tradeCode },
  { zh: '职业技能等级', en: 'Skill grade', kind: 'label', labels: SkillGrade.labels, value: (r) => r.skillGrade },
  { zh: '联系电话（脱敏）', en: 'Phone (masked)', kind: 'text', value: (r) => r.phoneMasked ?? '' },
  { zh: '当前阶段', en: 'Stage', kind: 'label', labels: StageKind.labels, value: (r) => r.stage },
  { zh: '状态', en: 'Status', kind: 'label', labels: ContestantStatusLabel.labels, value: (r) => r.status },
];

/** 报名表: the 赛项's contestants as a workbook (ID numbers and phones masked), audited as an export. */
export async function exportList(ctx: Ctx, input: { eventId: string; lang?: 'zh' | 'en' }) {
  const lang = input.lang ?? 'zh';
  const event = await store(ctx).event(ctx.scope.tenantId, input.eventId);
  const rows = (await list(ctx, input)).map((c, i) => ({ ...c, n: i + 1 }));
  const { bytes, rows: written } = await exportWorkbook(lang, [{ name: { zh: '报名表', en: 'Registrations' }, columns, rows }]);
  await write(ctx, (uow) => {
    uow.audit({ action: 'competitions.contestant.export', entityType: 'competitions.event', entityId: event.eventId, summary: `导出赛项「${event.name.zh}」报名表（${written} 人，身份证号脱敏）` });
  });
  const fileName = lang === 'zh' ? `${event.name.zh}-报名表-${today(ctx)}.xlsx` : `registrations-${event.eventId}-${today(ctx)}.xlsx`;
  return { fileName, contentBase64: bytes.toString('base64'), rows: written };
}
