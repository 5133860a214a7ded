import { z } from 'zod';
import { conflict, staleVersion } from '@ufp/core/errors';
import { tenantPrefix } from '@ufp/db/keys';
import { getItem, queryAll } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { benefitAmountsSchema, BenefitKind, defaultBenefitAmounts, type BenefitAmounts } from './domain/benefits.js';
import { HonourLevel } from './domain/ladder.js';
import { SurveyChange } from './domain/survey.js';

/** Keys of the 生活状况调查 and the benefits ledger: tenant-first. */
export const serviceKeys = {
  surveyPartition: (tenantId: string) => `${tenantPrefix(tenantId)}MW#SURVEY`,
  /** One survey per person per year. */
  survey: (tenantId: string, personId: string, year: number) => ({ pk: serviceKeys.surveyPartition(tenantId), sk: `${personId}#${year}` }),
  benefitPartition: (tenantId: string) => `${tenantPrefix(tenantId)}MW#BENEFIT`,
  amounts: (tenantId: string) => ({ pk: serviceKeys.benefitPartition(tenantId), sk: 'AMOUNTS' }),
  budget: (tenantId: string, year: number) => ({ pk: serviceKeys.benefitPartition(tenantId), sk: `BUDGET#${year}` }),
  /** 春节慰问 once per person-year, 荣誉津贴 once per person-month (see `grantSlot`). */
  slot: (tenantId: string, slot: string) => ({ pk: serviceKeys.benefitPartition(tenantId), sk: `SLOT#${slot}` }),
  grantPartition: (tenantId: string) => `${tenantPrefix(tenantId)}MW#BENEFIT#GRANT`,
  grant: (tenantId: string, year: number, grantId: string) => ({ pk: serviceKeys.grantPartition(tenantId), sk: `${year}#${grantId}` }),
};

/** A stored survey: the answers only encrypted; the change flags as codes (their texts carry figures: computed on an audited read). */
export const surveySchema = z.object({
  surveyId: z.string(),
  tenantId: z.string(),
  personId: z.string(),
  unitId: z.string(),
  year: z.number().int(),
  answersEncrypted: z.string(),
  flags: z.array(z.enum(SurveyChange.values)),
  householdSize: z.number().int(),
  submittedBy: z.string(),
  submittedAt: z.string(),
  corrections: z.array(z.object({ version: z.number().int(), by: z.string(), at: z.string() })),
  version: z.number().int(),
  createdAt: z.string(),
});
export type Survey = z.infer<typeof surveySchema>;

export const budgetSchema = z.object({ year: z.number().int(), budgetFen: z.number().int(), grantedFen: z.number().int(), remainingFen: z.number().int(), version: z.number().int(), updatedAt: z.string() });
export type BenefitBudget = z.infer<typeof budgetSchema>;

export const benefitGrantSchema = z.object({
  grantId: z.string(),
  tenantId: z.string(),
  personId: z.string(),
  personNameMasked: z.string(),
  unitId: z.string().optional(),
  benefit: z.enum(BenefitKind.values),
  level: z.enum(HonourLevel.values),
  amountFen: z.number().int(),
  year: z.number().int(),
  grantedOn: z.string(),
  note: z.string().optional(),
  grantedBy: z.string(),
  createdAt: z.string(),
});
export type BenefitGrant = z.infer<typeof benefitGrantSchema>;

const storedAmounts = z.object({ amounts: benefitAmountsSchema, version: z.number().int(), updatedAt: z.string() });

const surveyExists = (year: number) =>
  conflict({ zh: `该劳模 ${year} 年的生活状况调查已经提交，请在原调查上更正`, en: `The ${year} survey of this person is already submitted: correct it instead` }, { field: 'year', reason: 'survey_exists' });

export class SurveyStore {
  constructor(private readonly table: Table) {}

  async survey(tenantId: string, personId: string, year: number): Promise<Survey | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, serviceKeys.survey(tenantId, personId, year));
    return item ? parseStored(surveySchema, item, 'model-worker survey') : undefined;
  }

  async surveysOf(tenantId: string, personId: string): Promise<Survey[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :p)', ExpressionAttributeValues: { ':pk': serviceKeys.surveyPartition(tenantId), ':p': `${personId}#` } });
    return items.map((i) => parseStored(surveySchema, i, 'model-worker survey')).sort((a, b) => b.year - a.year);
  }

  putSurvey(uow: UnitOfWork, survey: Survey, expectedVersion: number | undefined): void {
    const item = { ...serviceKeys.survey(survey.tenantId, survey.personId, survey.year), kind: 'modelWorkers.survey', ...survey };
    if (expectedVersion === undefined) uow.create(item, surveyExists(survey.year));
    else uow.replaceVersioned(item, expectedVersion, staleVersion());
  }
}

export class BenefitStore {
  constructor(private readonly table: Table) {}

  async amounts(tenantId: string): Promise<{ amounts: BenefitAmounts; version: number }> {
    const item = await getItem<Record<string, unknown>>(this.table, serviceKeys.amounts(tenantId));
    return item ? parseStored(storedAmounts, item, 'benefit amounts') : { amounts: defaultBenefitAmounts, version: 0 };
  }

  putAmounts(uow: UnitOfWork, tenantId: string, amounts: BenefitAmounts, version: number, now: string): void {
    const item = { ...serviceKeys.amounts(tenantId), kind: 'modelWorkers.benefitAmounts', amounts, version: version + 1, updatedAt: now };
    if (version === 0) uow.create(item, staleVersion());
    else uow.replaceVersioned(item, version, staleVersion());
  }

  async budget(tenantId: string, year: number): Promise<BenefitBudget | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, serviceKeys.budget(tenantId, year));
    return item ? parseStored(budgetSchema, item, 'benefit budget') : undefined;
  }

  /** Sets a year's budget; the version condition makes a concurrent grant (which bumps it) refuse a stale new total. */
  putBudget(uow: UnitOfWork, tenantId: string, budget: BenefitBudget, expectedVersion: number): void {
    const item = { ...serviceKeys.budget(tenantId, budget.year), kind: 'modelWorkers.benefitBudget', ...budget };
    if (expectedVersion === 0) uow.create(item, staleVersion());
    else uow.replaceVersioned(item, expectedVersion, staleVersion());
  }

  /**
   * A grant: the grant item, its slot guard (a second 春节慰问 in the year is refused) and the budget decrement
   * conditioned on the remaining amount, in the caller's transaction: concurrent grants never take it below zero.
   */
  addGrant(uow: UnitOfWork, grant: BenefitGrant, slot: string | undefined, errors: { budget: ReturnType<typeof conflict>; slot: ReturnType<typeof conflict> }): void {
    uow.create({ ...serviceKeys.grant(grant.tenantId, grant.year, grant.grantId), kind: 'modelWorkers.benefitGrant', ...grant }, conflict({ zh: '发放记录已存在', en: 'Grant already exists' }));
    if (slot) uow.create({ ...serviceKeys.slot(grant.tenantId, slot), kind: 'guard', grantId: grant.grantId }, errors.slot);
    uow.raw(
      {
        Update: {
          TableName: this.table.name,
          Key: serviceKeys.budget(grant.tenantId, grant.year),
          UpdateExpression: 'ADD remainingFen :neg, grantedFen :amt, version :one SET updatedAt = :now',
          ConditionExpression: 'attribute_exists(pk) AND remainingFen >= :amt',
          ExpressionAttributeValues: { ':neg': -grant.amountFen, ':amt': grant.amountFen, ':one': 1, ':now': grant.createdAt },
        },
      },
      errors.budget,
    );
  }

  async grants(tenantId: string, year: number): Promise<BenefitGrant[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk AND begins_with(sk, :y)', ExpressionAttributeValues: { ':pk': serviceKeys.grantPartition(tenantId), ':y': `${year}#` } });
    return items.map((i) => parseStored(benefitGrantSchema, i, 'benefit grant')).sort((a, b) => b.grantedOn.localeCompare(a.grantedOn) || b.createdAt.localeCompare(a.createdAt));
  }
}
