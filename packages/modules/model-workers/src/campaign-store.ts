import { z } from 'zod';
import { conflict, notFound, staleVersion } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { keys, tenantPrefix } from '@ufp/db/keys';
import { tableManifest } from '@ufp/db/manifest';
import { getItem, queryAll } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { campaignSchema, type Campaign } from './domain/campaign.js';
import { nominationSchema, type Nomination } from './domain/nomination.js';
import { objectionSchema, type Objection } from './domain/publicity.js';

/** Keys of the campaigns: one partition of campaigns per tenant, one of nominations and one of objections per campaign. */
export const campaignKeys = {
  campaign: (tenantId: string, campaignId: string) => ({ pk: `${tenantPrefix(tenantId)}MW#CAMPAIGN`, sk: campaignId }),
  nominationPartition: (tenantId: string, campaignId: string) => `${tenantPrefix(tenantId)}MW#NOM#${campaignId}`,
  nomination: (tenantId: string, campaignId: string, nominationId: string) => ({ pk: campaignKeys.nominationPartition(tenantId, campaignId), sk: nominationId }),
  /** A person once per campaign (kept after a withdrawal: the list is not a revolving door). */
  nominee: (tenantId: string, campaignId: string, personId: string) => keys.uniqueGuard(tenantId, 'MW_NOMINEE', `${campaignId}#${personId}`),
  objectionPartition: (tenantId: string, campaignId: string) => `${tenantPrefix(tenantId)}MW#OBJ#${campaignId}`,
  objection: (tenantId: string, campaignId: string, objectionId: string) => ({ pk: campaignKeys.objectionPartition(tenantId, campaignId), sk: objectionId }),
  /**
   * The list as the quota check reads it: one small item per campaign with the entries on the list (who, occupation,
   * gender, 农民工), kept in the same transaction as every addition and removal. Its version serialises additions,
   * so two racing additions cannot both pass the quota and places check.
   */
  roster: (tenantId: string, campaignId: string) => ({ pk: `${tenantPrefix(tenantId)}MW#ROSTER`, sk: campaignId }),
  /** One public objection per client, nomination and day (the client is a keyed hash of its address). */
  objectionGuard: (tenantId: string, nominationId: string, day: string, client: string) => ({ pk: `${tenantPrefix(tenantId)}MW#OBJGUARD`, sk: `${nominationId}#${day}#${client}` }),
};

const OBJECTION_GUARD_TTL_SECONDS = 3 * 24 * 3600;

export const campaignMissing = () => notFound({ zh: '评选', en: 'Campaign' });
export const nominationMissing = () => notFound({ zh: '推荐人选', en: 'Nomination' });
export const objectionMissing = () => notFound({ zh: '公示异议', en: 'Objection' });
const alreadyNominated = () => conflict({ zh: '此人已在本次评选的推荐名单中（每次评选只推荐一次）', en: 'This person is already on this campaign’s list (once per campaign)' }, { field: 'personId', reason: 'already_nominated' });

const campaignOf = (i: Record<string, unknown>) => parseStored(campaignSchema, i, 'campaign');
const nominationOf = (i: Record<string, unknown>) => parseStored(nominationSchema, i, 'nomination');
const objectionOf = (i: Record<string, unknown>) => parseStored(objectionSchema, i, 'objection');

/** What the quota check reads of each nomination: a projection, so a 500-entry list is kilobytes, not megabytes of 事迹. */
const quotaRowSchema = nominationSchema.pick({ nominationId: true, personId: true, status: true, occupation: true, gender: true, migrantWorker: true, createdAt: true });
export type QuotaRow = z.infer<typeof quotaRowSchema>;
const quotaFields = Object.keys(quotaRowSchema.shape);

const rosterEntrySchema = nominationSchema.pick({ nominationId: true, personId: true, occupation: true, gender: true, migrantWorker: true });
const rosterSchema = z.object({ tenantId: z.string(), campaignId: z.string(), entries: z.array(rosterEntrySchema), version: z.number().int() });
export type Roster = z.infer<typeof rosterSchema>;
export type RosterEntry = z.infer<typeof rosterEntrySchema>;
export const rosterEntry = (n: RosterEntry): RosterEntry => ({ nominationId: n.nominationId, personId: n.personId, occupation: n.occupation, gender: n.gender, migrantWorker: n.migrantWorker });

export class CampaignStore {
  constructor(private readonly table: Table) {}

  async findCampaign(tenantId: string, campaignId: string): Promise<Campaign | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, campaignKeys.campaign(tenantId, campaignId));
    return item && campaignOf(item);
  }

  async getCampaign(tenantId: string, campaignId: string): Promise<Campaign> {
    const c = await this.findCampaign(tenantId, campaignId);
    if (!c) throw campaignMissing();
    return c;
  }

  async campaigns(scope: TenantScope): Promise<Campaign[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': campaignKeys.campaign(scope.tenantId, '').pk } });
    return items.map(campaignOf).sort((a, b) => b.year - a.year || b.createdAt.localeCompare(a.createdAt));
  }

  addCampaign(uow: UnitOfWork, c: Campaign): void {
    uow.create({ ...campaignKeys.campaign(c.tenantId, c.campaignId), kind: 'modelWorkers.campaign', ...c }, staleVersion());
  }

  saveCampaign(uow: UnitOfWork, after: Campaign, expectedVersion: number): void {
    uow.replaceVersioned({ ...campaignKeys.campaign(after.tenantId, after.campaignId), kind: 'modelWorkers.campaign', ...after }, expectedVersion, staleVersion());
  }

  /** Every nomination of a campaign (a list is bounded by the places: hundreds at most). */
  async nominations(tenantId: string, campaignId: string): Promise<Nomination[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': campaignKeys.nominationPartition(tenantId, campaignId) } });
    return items.map(nominationOf).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  /** The campaign's roster (version 0 when none was written yet: built from the nominations). */
  async roster(tenantId: string, campaignId: string): Promise<Roster> {
    const item = await getItem<Record<string, unknown>>(this.table, campaignKeys.roster(tenantId, campaignId));
    if (item) return parseStored(rosterSchema, item, 'campaign roster');
    const rows = await this.quotaRows(tenantId, campaignId);
    return { tenantId, campaignId, entries: rows.filter((r) => r.status === 'nominated' || r.status === 'reviewed' || r.status === 'approved').map(rosterEntry), version: 0 };
  }

  /** Writes the roster if its version is still `before.version`. */
  putRoster(uow: UnitOfWork, before: Roster, entries: RosterEntry[]): void {
    const item = { ...campaignKeys.roster(before.tenantId, before.campaignId), kind: 'modelWorkers.roster', tenantId: before.tenantId, campaignId: before.campaignId, entries, version: before.version + 1 };
    if (before.version === 0) uow.create(item, staleVersion());
    else uow.replaceVersioned(item, before.version, staleVersion());
  }

  /** The quota's view of every nomination of a campaign (in the order nominated). */
  async quotaRows(tenantId: string, campaignId: string): Promise<QuotaRow[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      ProjectionExpression: quotaFields.map((_, i) => `#f${i}`).join(', '),
      ExpressionAttributeNames: Object.fromEntries(quotaFields.map((f, i) => [`#f${i}`, f])),
      ExpressionAttributeValues: { ':pk': campaignKeys.nominationPartition(tenantId, campaignId) },
    });
    return items.map((i) => parseStored(quotaRowSchema, i, 'nomination')).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  }

  async findNomination(tenantId: string, campaignId: string, nominationId: string): Promise<Nomination | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, campaignKeys.nomination(tenantId, campaignId, nominationId));
    return item && nominationOf(item);
  }

  addNomination(uow: UnitOfWork, n: Nomination): void {
    uow.create({ ...campaignKeys.nominee(n.tenantId, n.campaignId, n.personId), kind: 'guard', nominationId: n.nominationId }, alreadyNominated());
    uow.create({ ...campaignKeys.nomination(n.tenantId, n.campaignId, n.nominationId), kind: 'modelWorkers.nomination', ...n }, alreadyNominated());
  }

  saveNomination(uow: UnitOfWork, after: Nomination, expectedVersion: number): void {
    uow.replaceVersioned({ ...campaignKeys.nomination(after.tenantId, after.campaignId, after.nominationId), kind: 'modelWorkers.nomination', ...after }, expectedVersion, staleVersion());
  }

  async objections(tenantId: string, campaignId: string): Promise<Objection[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': campaignKeys.objectionPartition(tenantId, campaignId) } });
    return items.map(objectionOf).sort((a, b) => a.receivedAt.localeCompare(b.receivedAt));
  }

  async findObjection(tenantId: string, campaignId: string, objectionId: string): Promise<Objection | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, campaignKeys.objection(tenantId, campaignId, objectionId));
    return item && objectionOf(item);
  }

  addObjection(uow: UnitOfWork, o: Objection, client: string, now: Date): void {
    uow.create(
      { ...campaignKeys.objectionGuard(o.tenantId, o.nominationId, o.receivedOn, client), kind: 'guard', [tableManifest.ttlAttribute]: Math.floor(now.getTime() / 1000) + OBJECTION_GUARD_TTL_SECONDS },
      conflict({ zh: '今天已对该人选提出过异议，我们会认真核查', en: 'You already objected to this nominee today; it will be looked into' }, { reason: 'rate_limited' }),
    );
    uow.create({ ...campaignKeys.objection(o.tenantId, o.campaignId, o.objectionId), kind: 'modelWorkers.objection', ...o }, staleVersion());
  }

  saveObjection(uow: UnitOfWork, after: Objection, expectedVersion: number): void {
    uow.replaceVersioned({ ...campaignKeys.objection(after.tenantId, after.campaignId, after.objectionId), kind: 'modelWorkers.objection', ...after }, expectedVersion, staleVersion());
  }
}
