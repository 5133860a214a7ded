import { conflict, notFound, staleVersion } from '@ufp/core/errors';
import { tenantPrefix } from '@ufp/db/keys';
import { getItem, queryAll } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import { draftSchema, type Draft } from './domain/draft.js';

/** 竞赛推荐草稿: one tenant-first partition, the derived draft id as the sort key (a county has tens a year). */
export const draftKeys = {
  partition: (tenantId: string) => `${tenantPrefix(tenantId)}MW#DRAFT`,
  draft: (tenantId: string, draftId: string) => ({ pk: draftKeys.partition(tenantId), sk: draftId }),
};

export const draftMissing = () => notFound({ zh: '竞赛推荐草稿', en: 'Competition nomination draft' });
const draftExists = () => conflict({ zh: '该推荐草稿已存在', en: 'This draft already exists' }, { reason: 'draft_exists' });

const draftOf = (item: Record<string, unknown>) => parseStored(draftSchema, item, 'modelWorkers.draft');

export class DraftStore {
  constructor(private readonly table: Table) {}

  async find(tenantId: string, draftId: string): Promise<Draft | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, draftKeys.draft(tenantId, draftId));
    return item ? draftOf(item) : undefined;
  }

  /** The tenant's drafts, newest result first. */
  async list(tenantId: string): Promise<Draft[]> {
    const items = await queryAll(this.table, { KeyConditionExpression: 'pk = :pk', ExpressionAttributeValues: { ':pk': draftKeys.partition(tenantId) } });
    return items.map(draftOf).sort((a, b) => b.source.finalizedAt.localeCompare(a.source.finalizedAt) || a.source.rank - b.source.rank || a.draftId.localeCompare(b.draftId));
  }

  /** Create-if-absent: a twin delivery racing this one fails its transaction (retried, it then finds the draft). */
  add(uow: UnitOfWork, d: Draft): void {
    uow.create({ ...draftKeys.draft(d.tenantId, d.draftId), kind: 'modelWorkers.draft', ...d }, draftExists());
  }

  save(uow: UnitOfWork, after: Draft, expectedVersion: number): void {
    uow.replaceVersioned({ ...draftKeys.draft(after.tenantId, after.draftId), kind: 'modelWorkers.draft', ...after }, expectedVersion, staleVersion());
  }
}
