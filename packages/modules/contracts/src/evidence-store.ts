import { z } from 'zod';
import { storedEvidenceFields } from '@ufp/core/evidence/stored';
import { tenantPrefix } from '@ufp/db/keys';
import type { Table } from '@ufp/db/table';
import { EvidenceRecords } from '@ufp/kit/evidence';
import type { CheckEvidence } from './domain/evidence.js';

/** 履约检查 evidence records: tenant-first keys, like the blob keys. */
const evidenceSchema = z.object({ ...storedEvidenceFields, module: z.literal('contracts'), purpose: z.literal('performanceCheck') });

export const contractEvidenceStore = (table: Table) =>
  new EvidenceRecords<CheckEvidence>(table, { kind: 'contracts.evidence', key: (tenantId, evidenceId) => ({ pk: `${tenantPrefix(tenantId)}CONTRACT#EVIDENCE#${evidenceId}`, sk: 'EVIDENCE' }), schema: evidenceSchema });
