import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { z } from 'zod';
import { conflict, notFound, staleVersion } from '@ufp/core/errors';
import type { Evidence } from '@ufp/core/evidence/model';
import { storedEvidenceFields, storedEvidenceRef } from '@ufp/core/evidence/stored';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { CursorCodec } from '@ufp/db/cursor';
import { keys, tenantPrefix } from '@ufp/db/keys';
import { tableManifest } from '@ufp/db/manifest';
import { getItem, queryPage, type Page } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { EntryType, type LedgerEntry } from './domain/ledger.js';
import { ItemStage, PlanStatus, type Assignment, type Item, type Plan, type VoteRecord } from './domain/model.js';
import { defaultSettings, ItemStatus, ReportCycle, type TenThingsSettings } from './domain/status.js';
import { Comparator, linkableEventTypes, type Target, type TargetLink } from './domain/targets.js';

/** 十件实事 keys: all tenant-first. Ledger entries live apart from items, so reading a plan never touches them. */
export const tenThingsKeys = {
  plan: (tenantId: string, planId: string) => ({ pk: `${tenantPrefix(tenantId)}TT#PLAN`, sk: planId }),
  planPartition: (tenantId: string) => `${tenantPrefix(tenantId)}TT#PLAN`,
  item: (tenantId: string, itemId: string) => ({ pk: `${tenantPrefix(tenantId)}TT#ITEM#${itemId}`, sk: 'ITEM' }),
  /** Items of a plan, through the byLookup index. */
  planItems: (tenantId: string, planId: string) => `${tenantPrefix(tenantId)}TT#PLANITEMS#${planId}`,
  entry: (tenantId: string, itemId: string, entryId: string) => ({ pk: `${tenantPrefix(tenantId)}TT#LEDGER#${itemId}`, sk: entryId }),
  ledgerPartition: (tenantId: string, itemId: string) => `${tenantPrefix(tenantId)}TT#LEDGER#${itemId}`,
  task: (tenantId: string, unitId: string, itemId: string) => ({ pk: `${tenantPrefix(tenantId)}TT#TASKS#${unitId}`, sk: itemId }),
  taskPartition: (tenantId: string, unitId: string) => `${tenantPrefix(tenantId)}TT#TASKS#${unitId}`,
  link: (tenantId: string, eventType: string, itemId: string, targetIndex: number) => ({
    pk: `${tenantPrefix(tenantId)}TT#LINK#${eventType}`,
    sk: `${itemId}#${targetIndex}`,
  }),
  linkPartition: (tenantId: string, eventType: string) => `${tenantPrefix(tenantId)}TT#LINK#${eventType}`,
  settings: (tenantId: string) => ({ pk: `${tenantPrefix(tenantId)}TT#SETTINGS`, sk: 'SETTINGS' }),
  rating: (tenantId: string, itemId: string, day: string, client: string) => ({ pk: `${tenantPrefix(tenantId)}TT#RATE#${itemId}#${day}#${client}`, sk: 'RATE' }),
  evidence: (tenantId: string, evidenceId: string) => ({ pk: `${tenantPrefix(tenantId)}TT#EVIDENCE#${evidenceId}`, sk: 'EVIDENCE' }),
};

export interface LinkRegistration {
  itemId: string;
  planId: string;
  targetIndex: number;
  link: TargetLink;
}


/** Stored shapes, parsed on read (a field missing here would be dropped on read and then on the next write: see `sameKeys`). */
const link = z.object({
  eventType: z.enum(linkableEventTypes),
  filter: z.record(z.string(), z.union([z.string(), z.number(), z.boolean()])).optional(),
  measure: z.custom<TargetLink['measure']>((m) => m === 'count' || (typeof m === 'string' && m.startsWith('sum:'))),
});
const target = z.object({
  indicator: z.string(),
  unit: z.string(),
  comparator: z.enum(Comparator.values),
  target: z.number(),
  baseline: z.number().optional(),
  deadline: z.string().optional(),
  link: link.optional(),
});
const ballotResult = z.object({ candidateId: z.string(), for: z.number(), against: z.number(), abstain: z.number(), passed: z.boolean(), rank: z.number().optional(), adopted: z.boolean() });
const tie = z.object({ votes: z.number(), candidateIds: z.array(z.string()), seats: z.number() });
const vote = z.object({
  representativesTotal: z.number(),
  present: z.number(),
  quorumRequired: z.number(),
  maxAdopted: z.number(),
  results: z.array(ballotResult),
  adopted: z.array(z.string()),
  tie: tie.optional(),
  tieResolution: z.object({ candidateIds: z.array(z.string()), recordedAt: z.string(), recordedBy: z.string() }).optional(),
  recordedAt: z.string(),
  recordedBy: z.string(),
});
const planSchema = z.object({
  planId: z.string(),
  tenantId: z.string(),
  year: z.number(),
  title: z.string(),
  status: z.enum(PlanStatus.values),
  candidateCount: z.number(),
  proposalCount: z.number().optional(),
  vote: vote.optional(),
  evaluation: z.object({ representativesTotal: z.number(), respondents: z.number(), floorPercent: z.number(), recordedAt: z.string(), recordedBy: z.string() }).optional(),
  closedAt: z.string().optional(),
  closedBy: z.string().optional(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const assignment = z.object({
  leadDept: z.string(),
  coUnitIds: z.array(z.string()),
  milestones: z.array(z.object({ quarter: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)]), share: z.number() })),
  assignedAt: z.string(),
  assignedBy: z.string(),
});
const itemSchema = z.object({
  itemId: z.string(),
  planId: z.string(),
  tenantId: z.string(),
  year: z.number(),
  title: z.string(),
  description: z.string().optional(),
  category: z.string(),
  leadDept: z.string(),
  budgetFen: z.number().optional(),
  targets: z.array(target),
  stage: z.enum(ItemStage.values),
  achieved: z.array(z.number()),
  entryCount: z.number(),
  votes: z.object({ for: z.number(), against: z.number(), abstain: z.number(), rank: z.number().optional() }).optional(),
  assignment: assignment.optional(),
  satisfaction: z.object({ sum: z.number(), count: z.number() }),
  status: z.enum(ItemStatus.values).optional(),
  completionBp: z.number().optional(),
  doneOnTime: z.boolean().optional(),
  lastReportedOn: z.string().optional(),
  evaluation: z.object({ satisfied: z.number(), basic: z.number(), dissatisfied: z.number() }).optional(),
  closedAt: z.string().optional(),
  proposedBy: z.string(),
  proposers: z.array(z.object({ sub: z.string(), unitId: z.string().optional(), unitName: z.string().optional() })).optional(),
  mergedInto: z.string().optional(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
const evidenceRefSchema = storedEvidenceRef;
const entrySchema = z.object({
  entryId: z.string(),
  itemId: z.string(),
  planId: z.string(),
  targetIndex: z.number(),
  quantity: z.number(),
  occurredOn: z.string(),
  entryType: z.enum(EntryType.values),
  note: z.string().optional(),
  evidenceIds: z.array(z.string()).optional(),
  evidence: z.array(evidenceRefSchema).optional(),
  reporter: z.string(),
  reporterUnitId: z.string().optional(),
  reverses: z.string().optional(),
  reason: z.string().optional(),
  reversedBy: z.string().optional(),
  eventId: z.string().optional(),
  recordedAt: z.string(),
});
const evidenceSchema = z.object({
  ...storedEvidenceFields,
  module: z.literal('tenThings'),
});
const settingsSchema = z.object({
  maxAdopted: z.number().default(defaultSettings.maxAdopted),
  atRiskPoints: z.number().default(defaultSettings.atRiskPoints),
  behindPoints: z.number().default(defaultSettings.behindPoints),
  reportCycle: z.enum(ReportCycle.values).default(defaultSettings.reportCycle),
  evaluationFloorPercent: z.number().default(defaultSettings.evaluationFloorPercent),
  version: z.number(),
});
const linkSchema = z.object({ itemId: z.string(), planId: z.string(), targetIndex: z.number(), link });

type SameKeys<A, B> = [Exclude<keyof A, keyof B> | Exclude<keyof B, keyof A>] extends [never] ? true : false;
/** Compile-time: each stored schema has exactly its entity's fields. */
export const sameKeys: [
  SameKeys<z.output<typeof planSchema>, Plan>,
  SameKeys<z.output<typeof vote>, VoteRecord>,
  SameKeys<z.output<typeof itemSchema>, Item>,
  SameKeys<z.output<typeof assignment>, Assignment>,
  SameKeys<z.output<typeof target>, Target>,
  SameKeys<z.output<typeof link>, TargetLink>,
  SameKeys<z.output<typeof entrySchema>, LedgerEntry>,
  SameKeys<z.output<typeof evidenceSchema>, Evidence>,
  SameKeys<z.output<typeof settingsSchema>, TenThingsSettings & { version: number }>,
] = [true, true, true, true, true, true, true, true, true];

const asPlan = (i: Record<string, unknown>): Plan => parseStored(planSchema, i, 'tenThings.plan');
const asItem = (i: Record<string, unknown>): Item => parseStored(itemSchema, i, 'tenThings.item');
const asEntry = (i: Record<string, unknown>): LedgerEntry => parseStored(entrySchema, i, 'tenThings.entry');
const asEvidence = (i: Record<string, unknown>): Evidence => parseStored(evidenceSchema, i, 'tenThings.evidence');

const RATING_GUARD_TTL_SECONDS = 2 * 24 * 3600;

export class TenThingsStore {
  constructor(
    private readonly table: Table,
    private readonly cursors: CursorCodec,
  ) {}

  async settings(tenantId: string): Promise<TenThingsSettings & { version: number }> {
    const item = await getItem<Record<string, unknown>>(this.table, tenThingsKeys.settings(tenantId));
    return item ? parseStored(settingsSchema, item, 'tenThings.settings') : { ...defaultSettings, version: 0 };
  }

  putSettings(uow: UnitOfWork, tenantId: string, settings: TenThingsSettings, expectedVersion: number): void {
    const item = { ...tenThingsKeys.settings(tenantId), kind: 'tenThings.settings', ...settings, version: expectedVersion + 1 };
    if (expectedVersion === 0) uow.create(item, staleVersion());
    else uow.replaceVersioned(item, expectedVersion, staleVersion());
  }

  async getPlan(scope: TenantScope, planId: string): Promise<Plan> {
    const item = await getItem<Record<string, unknown>>(this.table, tenThingsKeys.plan(scope.tenantId, planId));
    if (!item) throw notFound({ zh: '十件实事计划', en: 'Ten-things plan' });
    return asPlan(item);
  }

  async listPlans(scope: TenantScope, filter: { year?: number }, page: { cursor?: string; limit?: number }): Promise<Page<Plan>> {
    return queryPage<Plan>(
      this.table,
      this.cursors,
      tenantPrefix(scope.tenantId),
      {
        KeyConditionExpression: 'pk = :pk',
        FilterExpression: filter.year ? '#y = :y' : undefined,
        ExpressionAttributeNames: filter.year ? { '#y': 'year' } : undefined,
        ExpressionAttributeValues: { ':pk': tenThingsKeys.planPartition(scope.tenantId), ...(filter.year ? { ':y': filter.year } : {}) },
        ScanIndexForward: false,
      },
      { ...page, map: asPlan },
    );
  }

  addPlan(uow: UnitOfWork, plan: Plan): void {
    uow.create({ ...tenThingsKeys.plan(plan.tenantId, plan.planId), kind: 'tenThings.plan', ...plan }, conflict({ zh: '计划已存在', en: 'Plan already exists' }));
    uow.create(
      { ...keys.uniqueGuard(plan.tenantId, 'TTPLAN', String(plan.year)), kind: 'guard', planId: plan.planId },
      conflict({ zh: `${plan.year} 年的十件实事计划已存在`, en: `A plan for ${plan.year} already exists` }, { field: 'year' }),
    );
  }

  replacePlan(uow: UnitOfWork, before: Plan, after: Plan): void {
    uow.replaceVersioned({ ...tenThingsKeys.plan(after.tenantId, after.planId), kind: 'tenThings.plan', ...after }, before.version, staleVersion());
  }

  async getItem(scope: TenantScope, itemId: string): Promise<Item> {
    const item = await getItem<Record<string, unknown>>(this.table, tenThingsKeys.item(scope.tenantId, itemId));
    if (!item) throw notFound({ zh: '实事项目', en: 'Ten-things item' });
    return asItem(item);
  }

  /** Every item of a plan (candidates and adopted): one index query, independent of the ledger's size. */
  async planItems(scope: TenantScope, planId: string): Promise<Item[]> {
    const out: Item[] = [];
    let startKey: Record<string, unknown> | undefined;
    do {
      const res = await this.table.doc.send(
        new QueryCommand({
          TableName: this.table.name,
          IndexName: 'byLookup',
          KeyConditionExpression: 'lookupPk = :p',
          ExpressionAttributeValues: { ':p': tenThingsKeys.planItems(scope.tenantId, planId) },
          ExclusiveStartKey: startKey,
        }),
      );
      for (const i of res.Items ?? []) out.push(asItem(i));
      startKey = res.LastEvaluatedKey;
    } while (startKey);
    return out.sort((a, b) => a.itemId.localeCompare(b.itemId));
  }

  private itemRecord(item: Item) {
    return { ...tenThingsKeys.item(item.tenantId, item.itemId), kind: 'tenThings.item', lookupPk: tenThingsKeys.planItems(item.tenantId, item.planId), lookupSk: item.itemId, ...item };
  }

  addItem(uow: UnitOfWork, item: Item): void {
    uow.create(this.itemRecord(item), conflict({ zh: '候选项目已存在', en: 'Candidate already exists' }));
  }

  replaceItem(uow: UnitOfWork, before: Pick<Item, 'version'>, after: Item): void {
    uow.replaceVersioned(this.itemRecord(after), before.version, staleVersion());
  }

  /** The same versioned replacement as a raw transact item, for consumers (which write through ConsumerEffects). */
  itemReplacement(before: Pick<Item, 'version'>, after: Item) {
    return {
      Put: {
        TableName: this.table.name,
        Item: this.itemRecord(after),
        ConditionExpression: 'attribute_exists(pk) AND #v = :expected',
        ExpressionAttributeNames: { '#v': 'version' },
        ExpressionAttributeValues: { ':expected': before.version },
      },
    };
  }

  addEntry(uow: UnitOfWork, tenantId: string, entry: LedgerEntry): void {
    uow.create({ ...tenThingsKeys.entry(tenantId, entry.itemId, entry.entryId), kind: 'tenThings.entry', ...entry }, conflict({ zh: '记录已存在', en: 'Entry already exists' }));
  }

  entryPut(tenantId: string, entry: LedgerEntry) {
    return {
      Put: {
        TableName: this.table.name,
        Item: { ...tenThingsKeys.entry(tenantId, entry.itemId, entry.entryId), kind: 'tenThings.entry', ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    };
  }

  /** Marks an entry reversed, only if it was not reversed already (a concurrent second correction fails). */
  markReversed(uow: UnitOfWork, tenantId: string, entry: LedgerEntry, by: string): void {
    uow.raw(
      {
        Update: {
          TableName: this.table.name,
          Key: tenThingsKeys.entry(tenantId, entry.itemId, entry.entryId),
          UpdateExpression: 'SET reversedBy = :by',
          ConditionExpression: 'attribute_exists(pk) AND attribute_not_exists(reversedBy)',
          ExpressionAttributeValues: { ':by': by },
        },
      },
      conflict({ zh: '该记录已冲正', en: 'This entry was already corrected' }, { field: 'entryId' }),
    );
  }

  async getEntry(scope: TenantScope, itemId: string, entryId: string): Promise<LedgerEntry> {
    const item = await getItem<Record<string, unknown>>(this.table, tenThingsKeys.entry(scope.tenantId, itemId, entryId));
    if (!item) throw notFound({ zh: '进度记录', en: 'Ledger entry' });
    return asEntry(item);
  }

  async ledger(scope: TenantScope, itemId: string, page: { cursor?: string; limit?: number }): Promise<Page<LedgerEntry>> {
    return queryPage<LedgerEntry>(
      this.table,
      this.cursors,
      `${tenantPrefix(scope.tenantId)}${itemId}`,
      { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': tenThingsKeys.ledgerPartition(scope.tenantId, itemId) }, ScanIndexForward: false },
      { ...page, map: asEntry },
    );
  }

  setTasks(uow: UnitOfWork, item: Item, before: string[], after: string[]): void {
    for (const unitId of before.filter((u) => !after.includes(u))) uow.delete(tenThingsKeys.task(item.tenantId, unitId, item.itemId));
    for (const unitId of after.filter((u) => !before.includes(u))) {
      uow.raw({ Put: { TableName: this.table.name, Item: { ...tenThingsKeys.task(item.tenantId, unitId, item.itemId), kind: 'tenThings.task', itemId: item.itemId, planId: item.planId } } });
    }
  }

  async taskItemIds(scope: TenantScope, unitId: string): Promise<string[]> {
    const res = await this.table.doc.send(
      new QueryCommand({ TableName: this.table.name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': tenThingsKeys.taskPartition(scope.tenantId, unitId) } }),
    );
    return (res.Items ?? []).map((i) => String(i.itemId));
  }

  registerLink(uow: UnitOfWork, tenantId: string, reg: LinkRegistration): void {
    uow.raw({ Put: { TableName: this.table.name, Item: { ...tenThingsKeys.link(tenantId, reg.link.eventType, reg.itemId, reg.targetIndex), kind: 'tenThings.link', ...reg } } });
  }

  /** Registers every linked target of an adopted item for the consumer of the linked event types. */
  registerLinks(uow: UnitOfWork, item: Item): void {
    item.targets.forEach((t, targetIndex) => {
      if (t.link) this.registerLink(uow, item.tenantId, { itemId: item.itemId, planId: item.planId, targetIndex, link: t.link });
    });
  }

  async links(tenantId: string, eventType: string): Promise<LinkRegistration[]> {
    const res = await this.table.doc.send(
      new QueryCommand({ TableName: this.table.name, KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': tenThingsKeys.linkPartition(tenantId, eventType) } }),
    );
    return (res.Items ?? []).map((i) => parseStored(linkSchema, i, 'tenThings.link'));
  }

  async itemById(tenantId: string, itemId: string): Promise<Item | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, tenThingsKeys.item(tenantId, itemId));
    return item ? asItem(item) : undefined;
  }

  /** One rating per client, item and day: the guard's creation fails for a second one. */
  guardRating(uow: UnitOfWork, tenantId: string, itemId: string, day: string, client: string, now: Date): void {
    uow.create(
      { ...tenThingsKeys.rating(tenantId, itemId, day, client), kind: 'guard', [tableManifest.ttlAttribute]: Math.floor(now.getTime() / 1000) + RATING_GUARD_TTL_SECONDS },
      conflict({ zh: '今天已经评价过该项目，谢谢参与', en: 'You have already rated this item today; thank you' }, { reason: 'rate_limited' }),
    );
  }

  /** Adds a rating to the item's running sum and count (ADD: concurrent ratings never overwrite each other). */
  addRating(uow: UnitOfWork, tenantId: string, itemId: string, score: number): void {
    uow.raw(
      {
        Update: {
          TableName: this.table.name,
          Key: tenThingsKeys.item(tenantId, itemId),
          UpdateExpression: 'SET satisfaction.#s = satisfaction.#s + :score, satisfaction.#c = satisfaction.#c + :one, version = version + :one',
          ConditionExpression: 'attribute_exists(pk) AND stage = :adopted',
          ExpressionAttributeNames: { '#s': 'sum', '#c': 'count' },
          ExpressionAttributeValues: { ':score': score, ':one': 1, ':adopted': 'adopted' },
        },
      },
      conflict({ zh: '该项目暂不接受评价', en: 'This item is not open for rating' }),
    );
  }

  addEvidence(uow: UnitOfWork, evidence: Evidence): void {
    uow.create({ ...tenThingsKeys.evidence(evidence.tenantId, evidence.evidenceId), kind: 'tenThings.evidence', ...evidence }, conflict({ zh: '佐证材料已存在', en: 'Evidence already exists' }));
  }

  replaceEvidence(uow: UnitOfWork, before: Pick<Evidence, 'version'>, after: Evidence): void {
    uow.replaceVersioned({ ...tenThingsKeys.evidence(after.tenantId, after.evidenceId), kind: 'tenThings.evidence', ...after }, before.version, staleVersion());
  }

  /** The tenant's evidence record; another tenant's id is simply not found (the key is tenant-first). */
  async evidenceById(tenantId: string, evidenceId: string): Promise<Evidence | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, tenThingsKeys.evidence(tenantId, evidenceId));
    return item ? asEvidence(item) : undefined;
  }

  /** Attaches ready evidence of this item to a ledger entry, once: a concurrent second attachment fails the transaction. */
  attachEvidence(uow: UnitOfWork, tenantId: string, evidence: Evidence, entryId: string, at: string): void {
    uow.raw(
      {
        Update: {
          TableName: this.table.name,
          Key: tenThingsKeys.evidence(tenantId, evidence.evidenceId),
          UpdateExpression: 'SET entryId = :entry, updatedAt = :at, version = version + :one',
          ConditionExpression: 'attribute_exists(pk) AND #s = :ready AND subjectId = :subject AND attribute_not_exists(entryId)',
          ExpressionAttributeNames: { '#s': 'status' },
          ExpressionAttributeValues: { ':entry': entryId, ':at': at, ':one': 1, ':ready': 'ready', ':subject': evidence.subjectId },
        },
      },
      conflict({ zh: `佐证材料“${evidence.fileName}”已被其他记录使用`, en: 'An evidence file is already attached to another entry' }, { field: 'evidenceIds' }),
    );
  }
}
