import { z } from 'zod';
import { staleVersion, notFound, conflict } from '@ufp/core/errors';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { tenantPrefix } from '@ufp/db/keys';
import { getItem, queryAll } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { batchSchema, defaultRecuperationSettings, recuperationSettingsSchema, type Batch, type RecuperationSettings } from './domain/recuperation.js';

export const recuperationKeys = {
  batchPartition: (tenantId: string) => `${tenantPrefix(tenantId)}MW#BATCH`,
  batch: (tenantId: string, batchId: string) => ({ pk: recuperationKeys.batchPartition(tenantId), sk: batchId }),
  settings: (tenantId: string) => ({ pk: `${tenantPrefix(tenantId)}SETTINGS`, sk: 'modelWorkers.recuperation' }),
};

export const batchMissing = () => notFound({ zh: '疗休养批次', en: 'Recuperation batch' });
const storedSettings = recuperationSettingsSchema.extend({ version: z.number().int() });

export class RecuperationStore {
  constructor(private readonly table: Table) {}

  async settings(scope: TenantScope): Promise<RecuperationSettings & { version: number }> {
    const item = await getItem<Record<string, unknown>>(this.table, recuperationKeys.settings(scope.tenantId));
    return item ? parseStored(storedSettings, item, 'recuperation settings') : { ...defaultRecuperationSettings, version: 0 };
  }

  putSettings(uow: UnitOfWork, scope: TenantScope, settings: RecuperationSettings, expectedVersion: number): void {
    const item = { ...recuperationKeys.settings(scope.tenantId), kind: 'modelWorkers.recuperationSettings', ...settings, version: expectedVersion + 1 };
    if (expectedVersion === 0) uow.create(item, staleVersion());
    else uow.replaceVersioned(item, expectedVersion, staleVersion());
  }

  async batch(scope: TenantScope, batchId: string): Promise<Batch | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, recuperationKeys.batch(scope.tenantId, batchId));
    return item ? parseStored(batchSchema, item, 'recuperation batch') : undefined;
  }

  async batches(scope: TenantScope): Promise<Batch[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': recuperationKeys.batchPartition(scope.tenantId) } });
    return items.map((i) => parseStored(batchSchema, i, 'recuperation batch'));
  }

  addBatch(uow: UnitOfWork, batch: Batch): void {
    uow.create({ ...recuperationKeys.batch(batch.tenantId, batch.batchId), kind: 'modelWorkers.batch', ...batch }, conflict({ zh: '批次已存在', en: 'Batch already exists' }));
  }

  saveBatch(uow: UnitOfWork, after: Batch, expectedVersion: number): void {
    uow.replaceVersioned({ ...recuperationKeys.batch(after.tenantId, after.batchId), kind: 'modelWorkers.batch', ...after }, expectedVersion, staleVersion());
  }
}
