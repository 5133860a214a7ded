import { conflict, invalid, notFound } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import { write } from '@ufp/kit/write';
import { householdIncomeFen, HardshipCategory, SurveyChange, surveyAnswersSchema, surveyChanges, type SurveyAnswers } from '../domain/survey.js';
import { surveySubmitted } from '../events.js';
import { surveySubmittedMetrics } from '../metrics-deltas.js';
import type { SubmitSurveyInput } from '../schemas/surveys.js';
import { personMissing } from '../store.js';
import { SurveyStore, type Survey } from '../survey-store.js';
import { cipherField, decrypt, encrypt, store, thisYear, userNames, type Ctx } from './context.js';

const surveys = (ctx: Ctx) => new SurveyStore(ctx.deps.table);
const surveyMissing = () => notFound({ zh: '生活状况调查', en: 'Life-status survey' });

/** Where the answer tells the submitter the hand-over went (the hardship module decides with its own line). */
const handoff = {
  zh: '已转交困难帮扶模块：按本年度困难职工认定标准核算，家庭人均收入低于标准的，将自动建立困难档案草稿（资金渠道：劳模专项资金），由帮扶干部核实。',
  en: 'Handed to hardship assistance: a household below this year’s hardship line gets a draft hardship file (劳模 special fund) for a caseworker to verify.',
};

async function answersOf(ctx: Ctx, survey: Survey | undefined): Promise<SurveyAnswers | undefined> {
  return survey ? surveyAnswersSchema.parse(JSON.parse(await decrypt(ctx, survey.answersEncrypted, cipherField.survey))) : undefined;
}

function assertHousehold(input: SubmitSurveyInput) {
  const listed = 1 + (input.spouseIncomeFen === undefined ? 0 : 1) + input.members.length;
  if (input.householdSize < listed) {
    throw invalid({ zh: `家庭人口 ${input.householdSize} 人少于已填写的 ${listed} 人（本人、配偶和家庭成员）`, en: `Household size ${input.householdSize} is below the ${listed} people entered` }, { field: 'householdSize' });
  }
}

/** The household as the hardship module reads it: every member (the person, the spouse, those listed, the rest unnamed). */
function sealedMembers(input: SubmitSurveyInput, name: string) {
  const members = [
    { relation: '本人', name, annualIncomeFen: input.personIncomeFen, health: input.illness ? (input.health ?? '患病') : undefined },
    ...(input.spouseIncomeFen === undefined ? [] : [{ relation: '配偶', name: input.spouseName ?? '配偶', annualIncomeFen: input.spouseIncomeFen }]),
    ...input.members,
  ];
  while (members.length < input.householdSize) members.push({ relation: '家庭成员', name: '（未列明）', annualIncomeFen: undefined });
  return members;
}

/**
 * Records the year's survey of a person (the person's unit or staff), or corrects it (`version` of the one corrected).
 * The answers are stored only encrypted; changes from last year are flagged; `modelWorkers.survey.submitted` hands
 * the household, sealed under the tenant's key, to the hardship module.
 */
export async function submit(ctx: Ctx, input: SubmitSurveyInput) {
  const person = await store(ctx).findPerson(ctx.scope, input.personId);
  if (!person) throw personMissing();
  if (person.status === 'deceased' || person.status === 'revoked') throw conflict({ zh: `${person.nameMasked} 的档案状态不需要生活状况调查`, en: 'No survey for a deceased person or a revoked title' }, { field: 'personId' });
  if (input.year > thisYear(ctx)) throw invalid({ zh: `调查年度 ${input.year} 晚于今年`, en: `Year ${input.year} is after this year` }, { field: 'year' });
  if (ctx.scope.unitId && input.unitId && input.unitId !== ctx.scope.unitId) throw invalid({ zh: '只能填报本单位的劳模', en: 'You can only report people of your own union' }, { field: 'unitId' });
  const unitId = person.unitId ?? input.unitId ?? ctx.scope.unitId;
  if (!unitId) throw invalid({ zh: '该劳模尚未登记所属基层工会，请选择基层工会', en: 'This person has no union on record: choose one' }, { field: 'unitId' });
  if (!person.unitId) await ctx.deps.units.get(ctx.scope, unitId);
  assertHousehold(input);

  const repo = surveys(ctx);
  const [existing, previous] = await Promise.all([repo.survey(ctx.scope.tenantId, person.personId, input.year), repo.survey(ctx.scope.tenantId, person.personId, input.year - 1)]);
  if (existing && input.version === undefined) throw conflict({ zh: `该劳模 ${input.year} 年的生活状况调查已经提交，请在原调查上更正`, en: `The ${input.year} survey is already submitted: correct it instead` }, { field: 'year', reason: 'survey_exists' });
  if (!existing && input.version !== undefined) throw surveyMissing();
  const { personId: _p, year, version, unitId: _u, spouseName: _s, ...fields } = input;
  const answers: SurveyAnswers = surveyAnswersSchema.parse(fields);
  const flags = surveyChanges(await answersOf(ctx, previous), answers);

  const now = ctx.deps.clock.now().toISOString();
  const idNumber = await decrypt(ctx, person.idEncrypted, cipherField.idNumber);
  const phone = person.phoneEncrypted ? await decrypt(ctx, person.phoneEncrypted, cipherField.phone) : undefined;
  const causes = [...(answers.hardshipCategory === 'none' ? [] : [HardshipCategory.labels[answers.hardshipCategory].zh]), ...(answers.difficulties ? [answers.difficulties.slice(0, 100)] : [])];
  const household = { name: person.name, idNumber, phone, members: sealedMembers(input, person.name), annualIncomeFen: householdIncomeFen(answers), rigidExpensesFen: answers.rigidExpensesFen, health: answers.health, causes };
  const survey: Survey = {
    surveyId: existing?.surveyId ?? newId(),
    tenantId: ctx.scope.tenantId,
    personId: person.personId,
    unitId,
    year,
    answersEncrypted: await encrypt(ctx, JSON.stringify({ ...answers, spouseName: input.spouseName }), cipherField.survey),
    flags: flags.map((f) => f.code),
    householdSize: answers.householdSize,
    submittedBy: ctx.scope.actor.sub,
    submittedAt: now,
    corrections: existing ? [...existing.corrections, { version: existing.version, by: existing.submittedBy, at: existing.submittedAt }] : [],
    version: (existing?.version ?? 0) + 1,
    createdAt: existing?.createdAt ?? now,
  };
  const sealedHousehold = await encrypt(ctx, JSON.stringify(household), cipherField.handoff);
  return write(ctx, (uow) => {
    repo.putSurvey(uow, survey, existing ? version : undefined);
    uow.emit(surveySubmitted.create({ surveyId: survey.surveyId, personId: person.personId, unitId, year, householdSize: answers.householdSize, sealedHousehold, metrics: surveySubmittedMetrics(!existing) }));
    uow.audit({
      action: existing ? 'modelWorkers.surveys.correct' : 'modelWorkers.surveys.submit',
      entityType: 'modelWorkers.survey',
      entityId: survey.surveyId,
      summary: `${existing ? '更正' : '提交'} ${person.nameMasked} ${year} 年劳模生活状况调查${flags.length ? `（较上年变化：${flags.map((f) => SurveyChange.labels[f.code].zh).join('、')}）` : ''}`,
      changes: { version: { from: existing?.version ?? 0, to: survey.version } },
    });
    return { ...surveyRow(survey), flags, handoff };
  });
}

/** A survey without its answers: what changed (labels only), who submitted it, its version. */
function surveyRow(s: Survey, names?: Map<string, string>) {
  return {
    surveyId: s.surveyId,
    personId: s.personId,
    unitId: s.unitId,
    year: s.year,
    version: s.version,
    householdSize: s.householdSize,
    changes: s.flags.map((code) => ({ code, ...SurveyChange.labels[code] })),
    submittedBy: s.submittedBy,
    submittedByName: names?.get(s.submittedBy),
    submittedAt: s.submittedAt,
    corrections: s.corrections.length,
  };
}

/** A person's surveys, newest year first, without answers (the unit's reporter sees their own unit's people). */
export async function listOfPerson(ctx: Ctx, input: { personId: string }) {
  const person = await store(ctx).getPerson(ctx.scope, input.personId);
  const [rows, names] = await Promise.all([surveys(ctx).surveysOf(ctx.scope.tenantId, person.personId), userNames(ctx)]);
  return { personId: person.personId, nameMasked: person.nameMasked, thisYear: thisYear(ctx), items: rows.map((s) => surveyRow(s, names)) };
}

/** One year's survey with its answers decrypted and the changes from the year before, for staff: every read is audited. */
export async function get(ctx: Ctx, input: { personId: string; year: number }) {
  const person = await store(ctx).getPerson(ctx.scope, input.personId);
  const repo = surveys(ctx);
  const [survey, previous, names] = await Promise.all([repo.survey(ctx.scope.tenantId, person.personId, input.year), repo.survey(ctx.scope.tenantId, person.personId, input.year - 1), userNames(ctx)]);
  if (!survey) throw surveyMissing();
  const raw = JSON.parse(await decrypt(ctx, survey.answersEncrypted, cipherField.survey)) as SurveyAnswers & { spouseName?: string };
  const answers = surveyAnswersSchema.parse(raw);
  const flags = surveyChanges(await answersOf(ctx, previous), answers);
  await write(ctx, (uow) => {
    uow.audit({ action: 'pii.read', entityType: 'modelWorkers.survey', entityId: survey.surveyId, summary: `查看 ${person.nameMasked} ${input.year} 年劳模生活状况调查（收入、健康、住房，解密）`, fields: ['survey.income', 'survey.health', 'survey.housing'] });
  });
  return { ...surveyRow(survey, names), answers: { ...answers, spouseName: raw.spouseName }, householdIncomeFen: householdIncomeFen(answers), flags };
}
