import { z } from 'zod';
import { storedEvidenceFields } from '@ufp/core/evidence/stored';
import { tenantPrefix } from '@ufp/db/keys';
import type { Table } from '@ufp/db/table';
import { EvidenceRecords } from '@ufp/kit/evidence';
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

/** 劳模 evidence records (see `EvidenceRecords`). */
export class ModelWorkerEvidenceStore extends EvidenceRecords<ModelWorkerEvidence> {
  constructor(table: Table) {
    super(table, { kind: 'modelWorkers.evidence', key: evidenceKey, schema: evidenceSchema as z.ZodType<ModelWorkerEvidence> });
  }
}
