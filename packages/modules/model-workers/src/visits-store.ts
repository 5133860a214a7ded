import { conflict, notFound, staleVersion } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { keys, tenantPrefix } from '@ufp/db/keys';
import { getItem, queryAll } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { serviceRequestSchema, visitLogKey, visitSchema, type ServiceRequest, type Visit } from './domain/visits.js';
import { studioSchema, type Studio } from './domain/studio.js';

/**
 * 助企行 requests and visits, and the 创新工作室 registry. Tenant-first partitions like the person records; a visit's
 * sort key starts with its day, so a year's visits (the matching's load balance) are one range read.
 */
export const visitKeys = {
  requestPartition: (tenantId: string) => `${tenantPrefix(tenantId)}MW#VISITREQ`,
  request: (tenantId: string, requestId: string) => ({ pk: visitKeys.requestPartition(tenantId), sk: requestId }),
  visitPartition: (tenantId: string) => `${tenantPrefix(tenantId)}MW#VISIT`,
  visit: (tenantId: string, visitedOn: string, visitId: string) => ({ pk: visitKeys.visitPartition(tenantId), sk: visitLogKey({ visitedOn, visitId }) }),
  studioPartition: (tenantId: string) => `${tenantPrefix(tenantId)}MW#STUDIO`,
  studio: (tenantId: string, studioId: string) => ({ pk: visitKeys.studioPartition(tenantId), sk: studioId }),
  /** One studio of a name per tenant (a retried create is a 409, not a second studio). */
  studioName: (tenantId: string, name: string) => keys.uniqueGuard(tenantId, 'MW_STUDIO', name),
};

export const requestMissing = () => notFound({ zh: '助企行需求', en: 'Service request' });
export const studioMissing = () => notFound({ zh: '创新工作室', en: 'Innovation studio' });
const studioExists = () => conflict({ zh: '已有同名的创新工作室', en: 'A studio of this name already exists' }, { field: 'name' });

const requestOf = (i: Record<string, unknown>) => parseStored(serviceRequestSchema, i, 'service request');
const visitOf = (i: Record<string, unknown>) => parseStored(visitSchema, i, 'visit');
const studioOf = (i: Record<string, unknown>) => parseStored(studioSchema, i, 'innovation studio');

export class VisitStore {
  constructor(private readonly table: Table) {}

  /** A request of the tenant; a unit reporter sees only its own unit's. */
  async request(scope: TenantScope, requestId: string): Promise<ServiceRequest | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, visitKeys.request(scope.tenantId, requestId));
    const r = item && requestOf(item);
    return r && (!scope.unitId || r.unitId === scope.unitId) ? r : undefined;
  }

  /** Every request of the tenant (a county's 助企行 runs to tens a year). */
  async requests(scope: TenantScope): Promise<ServiceRequest[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': visitKeys.requestPartition(scope.tenantId) } });
    return items.map(requestOf).filter((r) => !scope.unitId || r.unitId === scope.unitId);
  }

  addRequest(uow: UnitOfWork, r: ServiceRequest): void {
    uow.create({ ...visitKeys.request(r.tenantId, r.requestId), kind: 'modelWorkers.visitRequest', ...r }, conflict({ zh: '需求已存在', en: 'Request already exists' }));
  }

  saveRequest(uow: UnitOfWork, after: ServiceRequest, expectedVersion: number): void {
    uow.replaceVersioned({ ...visitKeys.request(after.tenantId, after.requestId), kind: 'modelWorkers.visitRequest', ...after }, expectedVersion, staleVersion());
  }

  /** The tenant's visits of a year (sort keys begin with the day). */
  async visitsOfYear(tenantId: string, year: number): Promise<Visit[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk AND begins_with(sk, :y)',
      ExpressionAttributeValues: { ':pk': visitKeys.visitPartition(tenantId), ':y': `${year}-` },
    });
    return items.map(visitOf);
  }

  /**
   * The tenant's visits from `from` to `to`, both days included (either open), by the sort key's leading day:
   * `${to}$` sorts after every `${to}#…` key and before the next day.
   */
  async visitsBetween(tenantId: string, from: string | undefined, to: string | undefined): Promise<Visit[]> {
    const range =
      from && to ? { cond: ' AND sk BETWEEN :from AND :to', values: { ':from': from, ':to': `${to}$` } }
      : from ? { cond: ' AND sk >= :from', values: { ':from': from } }
      : to ? { cond: ' AND sk < :to', values: { ':to': `${to}$` } }
      : { cond: '', values: {} };
    const items = await queryAll(this.table, {
      KeyConditionExpression: `pk = :pk${range.cond}`,
      ExpressionAttributeValues: { ':pk': visitKeys.visitPartition(tenantId), ...range.values },
    });
    return items.map(visitOf);
  }

  async visitsOfRequest(tenantId: string, requestId: string): Promise<Visit[]> {
    const items = await queryAll(this.table, {
      KeyConditionExpression: 'pk = :pk',
      FilterExpression: 'requestId = :r',
      ExpressionAttributeValues: { ':pk': visitKeys.visitPartition(tenantId), ':r': requestId },
    });
    return items.map(visitOf).sort((a, b) => b.visitedOn.localeCompare(a.visitedOn) || b.loggedAt.localeCompare(a.loggedAt));
  }

  addVisit(uow: UnitOfWork, v: Visit): void {
    uow.create({ ...visitKeys.visit(v.tenantId, v.visitedOn, v.visitId), kind: 'modelWorkers.visit', ...v }, conflict({ zh: '走访记录已存在', en: 'Visit already logged' }));
  }

  // ── 创新工作室 ─────────────────────────────────────────────────────────────────────────
  async studio(scope: TenantScope, studioId: string): Promise<Studio | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, visitKeys.studio(scope.tenantId, studioId));
    const s = item && studioOf(item);
    return s && (!scope.unitId || s.unitId === scope.unitId) ? s : undefined;
  }

  async studios(scope: TenantScope): Promise<Studio[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': visitKeys.studioPartition(scope.tenantId) } });
    return items.map(studioOf).filter((s) => !scope.unitId || s.unitId === scope.unitId);
  }

  addStudio(uow: UnitOfWork, s: Studio): void {
    uow.create({ ...visitKeys.studio(s.tenantId, s.studioId), kind: 'modelWorkers.studio', ...s }, studioExists());
    uow.create({ ...visitKeys.studioName(s.tenantId, s.name), kind: 'guard', studioId: s.studioId }, studioExists());
  }

  /** Writes `after` on `before`'s version; a new name moves the name guard in the same transaction. */
  saveStudio(uow: UnitOfWork, after: Studio, before: Studio): void {
    uow.replaceVersioned({ ...visitKeys.studio(after.tenantId, after.studioId), kind: 'modelWorkers.studio', ...after }, before.version, staleVersion());
    if (after.name !== before.name) {
      uow.delete(visitKeys.studioName(before.tenantId, before.name));
      uow.create({ ...visitKeys.studioName(after.tenantId, after.name), kind: 'guard', studioId: after.studioId }, studioExists());
    }
  }
}
