import { z } from 'zod';
import { conflict, staleVersion } from '@ufp/core/errors';
import { storedEvidenceFields } from '@ufp/core/evidence/stored';
import { tenantPrefix } from '@ufp/db/keys';
import { getItem } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import type { CheckEvidence } from './domain/evidence.js';

/** 履约检查 evidence records: tenant-first keys, like the blob keys. */
const evidenceKey = (tenantId: string, evidenceId: string) => ({ pk: `${tenantPrefix(tenantId)}CONTRACT#EVIDENCE#${evidenceId}`, sk: 'EVIDENCE' });
const evidenceSchema = z.object({ ...storedEvidenceFields, module: z.literal('contracts'), purpose: z.literal('performanceCheck') });

export class ContractEvidenceStore {
  constructor(private readonly table: Table) {}

  add(uow: UnitOfWork, evidence: CheckEvidence): void {
    uow.create({ ...evidenceKey(evidence.tenantId, evidence.evidenceId), kind: 'contracts.evidence', ...evidence }, conflict({ zh: '该文件记录已存在', en: 'The file record already exists' }));
  }

  replace(uow: UnitOfWork, before: Pick<CheckEvidence, 'version'>, after: CheckEvidence): void {
    uow.replaceVersioned({ ...evidenceKey(after.tenantId, after.evidenceId), kind: 'contracts.evidence', ...after }, before.version, staleVersion());
  }

  /** The tenant's record; another tenant's id is simply not found (the key is tenant-first). */
  async byId(tenantId: string, evidenceId: string): Promise<CheckEvidence | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, evidenceKey(tenantId, evidenceId));
    return item ? parseStored(evidenceSchema, item, 'contracts.evidence') : undefined;
  }
}
