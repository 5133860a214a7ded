import { z } from 'zod';
import { conflict, notFound, staleVersion } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { keys, tenantPrefix } from '@ufp/db/keys';
import { tableManifest } from '@ufp/db/manifest';
import { batchGetAll, getItem, queryAll } from '@ufp/db/query';
import { parseStored, StoredItemInvalid } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { campaignSchema, type Campaign } from './domain/campaign.js';
import { Gender, Occupation } from './domain/enums.js';
import { personSchema } from './domain/person.js';
import { nominationSchema, type Nomination } from './domain/nomination.js';
import { objectionSchema, type Objection } from './domain/publicity.js';
import { modelWorkerKeys } from './store.js';

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
export type RosterEntry = z.infer<typeof rosterEntrySchema>;
export interface Roster {
  tenantId: string;
  campaignId: string;
  entries: RosterEntry[];
  version: number;
}
export const rosterEntry = (n: RosterEntry): RosterEntry => ({ nominationId: n.nominationId, personId: n.personId, occupation: n.occupation, gender: n.gender, migrantWorker: n.migrantWorker });

/**
 * The roster as stored: `rows`, one line per entry (`nominationId⇥personId⇥occupation⇥gender⇥0|1`), one string
 * attribute rather than a list of 500 maps — the live quota check reads it on every keystroke, and a string is
 * passed whole by DynamoDB and the SDK where a list of maps is marshalled attribute by attribute (a 500-entry
 * roster: 23 kB and ~3 ms instead of 62 kB and ~16 ms). A roster written before (`entries`, a list) still reads.
 */
const storedRosterSchema = z.object({ tenantId: z.string(), campaignId: z.string(), version: z.number().int(), rows: z.string().optional(), entries: z.array(rosterEntrySchema).optional() });
const occupations = new Set<string>(Occupation.values);
const genders = new Set<string>(Gender.values);

export const encodeRosterRows = (entries: readonly RosterEntry[]): string => entries.map((e) => `${e.nominationId}\t${e.personId}\t${e.occupation}\t${e.gender}\t${e.migrantWorker ? 1 : 0}`).join('\n');

/** The entries of a stored `rows` string; a line that does not fit is a loud 500 (as `parseStored`), never a guess. */
function decodeRosterRows(rows: string, key: unknown): RosterEntry[] {
  if (rows === '') return [];
  return rows.split('\n').map((line, i) => {
    const [nominationId, personId, occupation, gender, migrant, extra] = line.split('\t');
    if (!nominationId || !personId || !occupations.has(occupation!) || !genders.has(gender!) || (migrant !== '0' && migrant !== '1') || extra !== undefined) {
      throw new StoredItemInvalid('campaign roster', key, [{ code: 'custom', path: ['rows', i], message: 'not nominationId⇥personId⇥occupation⇥gender⇥0|1', input: line }]);
    }
    return { nominationId, personId, occupation: occupation as RosterEntry['occupation'], gender: gender as RosterEntry['gender'], migrantWorker: migrant === '1' };
  });
}

function rosterOf(item: Record<string, unknown>): Roster {
  const stored = parseStored(storedRosterSchema, item, 'campaign roster');
  const entries = stored.rows !== undefined ? decodeRosterRows(stored.rows, { pk: item.pk, sk: item.sk }) : (stored.entries ?? []);
  return { tenantId: stored.tenantId, campaignId: stored.campaignId, entries, version: stored.version };
}

/** What the live quota check reads of the campaign and of the person to add (projections of their items). */
const quotaSettingsSchema = campaignSchema.pick({ rules: true, places: true });
const quotaPersonSchema = personSchema.pick({ personId: true, unitId: true, occupation: true, gender: true, migrantWorker: true });
export type QuotaSettings = z.infer<typeof quotaSettingsSchema>;
export type QuotaPerson = z.infer<typeof quotaPersonSchema>;
const quotaReadAttributes = ['pk', 'sk', 'rules', 'places', 'tenantId', 'campaignId', 'version', 'rows', 'entries', 'personId', 'unitId', 'occupation', 'gender', 'migrantWorker'];

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
    return item ? rosterOf(item) : this.rosterFromNominations(tenantId, campaignId);
  }

  private async rosterFromNominations(tenantId: string, campaignId: string): Promise<Roster> {
    const rows = await this.quotaRows(tenantId, campaignId);
    return { tenantId, campaignId, entries: rows.filter((r) => r.status === 'nominated' || r.status === 'reviewed' || r.status === 'approved').map(rosterEntry), version: 0 };
  }

  /**
   * The live quota check's read, in one round trip (BatchGetItem, one projection): the campaign's quota settings,
   * its roster and — when asked — the person to add, without their 事迹, honours or ciphertexts.
   */
  async quotaView(tenantId: string, campaignId: string, personId?: string): Promise<{ settings?: QuotaSettings; roster: Roster; person?: QuotaPerson }> {
    const keysWanted = [campaignKeys.campaign(tenantId, campaignId), campaignKeys.roster(tenantId, campaignId), ...(personId ? [modelWorkerKeys.person(tenantId, personId)] : [])];
    const items = new Map((await batchGetAll(this.table, keysWanted, { projection: quotaReadAttributes })).map((item) => [`${String(item.pk)}|${String(item.sk)}`, item]));
    const at = (k: { pk: string; sk: string }) => items.get(`${k.pk}|${k.sk}`);
    const [campaignItem, rosterItem, personItem] = keysWanted.map(at);
    return {
      settings: campaignItem && parseStored(quotaSettingsSchema, campaignItem, 'campaign'),
      roster: rosterItem ? rosterOf(rosterItem) : await this.rosterFromNominations(tenantId, campaignId),
      person: personItem && parseStored(quotaPersonSchema, personItem, 'model worker'),
    };
  }

  /** Writes the roster if its version is still `before.version`. */
  putRoster(uow: UnitOfWork, before: Roster, entries: RosterEntry[]): void {
    const item = { ...campaignKeys.roster(before.tenantId, before.campaignId), kind: 'modelWorkers.roster', tenantId: before.tenantId, campaignId: before.campaignId, rows: encodeRosterRows(entries), version: before.version + 1 };
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
