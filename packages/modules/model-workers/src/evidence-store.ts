import { z } from 'zod';
import { conflict, staleVersion } from '@ufp/core/errors';
import { storedEvidenceFields } from '@ufp/core/evidence/stored';
import { tenantPrefix } from '@ufp/db/keys';
import { getItem } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import type { ModelWorkerEvidence } from './domain/evidence.js';

/** 劳模 evidence records (certificate scans, nomination minutes): tenant-first keys, like the blob keys. */
const evidenceKey = (tenantId: string, evidenceId: string) => ({ pk: `${tenantPrefix(tenantId)}MW#EVIDENCE#${evidenceId}`, sk: 'EVIDENCE' });

const evidenceSchema = z.discriminatedUnion('purpose', [
  z.object({ ...storedEvidenceFields, module: z.literal('modelWorkers'), purpose: z.literal('certificate'), honourId: z.string() }),
  z.object({ ...storedEvidenceFields, module: z.literal('modelWorkers'), purpose: z.literal('minutes'), campaignId: z.string() }),
]);

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
// Every field of the record is parsed back (a field missing from the schema would be dropped on the next write).
export const evidenceSchemaCoversRecord: SameKeys<z.output<typeof evidenceSchema>, ModelWorkerEvidence> = true;

export class ModelWorkerEvidenceStore {
  constructor(private readonly table: Table) {}

  add(uow: UnitOfWork, evidence: ModelWorkerEvidence): void {
    uow.create({ ...evidenceKey(evidence.tenantId, evidence.evidenceId), kind: 'modelWorkers.evidence', ...evidence }, conflict({ zh: '该文件记录已存在', en: 'The file record already exists' }));
  }

  replace(uow: UnitOfWork, before: Pick<ModelWorkerEvidence, 'version'>, after: ModelWorkerEvidence): void {
    uow.replaceVersioned({ ...evidenceKey(after.tenantId, after.evidenceId), kind: 'modelWorkers.evidence', ...after }, before.version, staleVersion());
  }

  /** The tenant's record; another tenant's id is simply not found (the key is tenant-first). */
  async byId(tenantId: string, evidenceId: string): Promise<ModelWorkerEvidence | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, evidenceKey(tenantId, evidenceId));
    return item ? parseStored(evidenceSchema, item, 'modelWorkers.evidence') : undefined;
  }
}
