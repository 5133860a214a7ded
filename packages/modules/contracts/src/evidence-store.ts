import { z } from 'zod';
import { storedEvidenceFields } from '@ufp/core/evidence/stored';
import { tenantPrefix } from '@ufp/db/keys';
import type { Table } from '@ufp/db/table';
import { EvidenceRecords } from '@ufp/kit/evidence';
import type { ContractEvidence } from './domain/evidence.js';
import { filingDocumentKind } from './domain/filing-kinds.js';

const base = { ...storedEvidenceFields, module: z.literal('contracts') };
const evidenceSchema = z.discriminatedUnion('purpose', [
  z.object({ ...base, purpose: z.literal('performanceCheck') }),
  z.object({ ...base, purpose: z.literal('filing'), documentKind: z.enum(filingDocumentKind.values), filingRound: z.number().int() }),
  z.object({ ...base, purpose: z.literal('reviewOpinion') }),
]);

type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
// Every field of a filing document is parsed back (a field missing from the schema would be dropped on the next write).
export const evidenceSchemaCoversRecord: SameKeys<Extract<z.output<typeof evidenceSchema>, { purpose: 'filing' }>, Extract<ContractEvidence, { purpose: 'filing' }>> = true;

/** The index partition of one contract's files (its filing package is read from there). */
export const contractFilesLookup = (tenantId: string, contractId: string) => `${tenantPrefix(tenantId)}CONTRACT#FILES#${contractId}`;

/** A contract's files (履约检查材料, 备案材料, 审查意见书): tenant-first keys, like the blob keys, indexed by contract. */
export const contractEvidenceStore = (table: Table) =>
  new EvidenceRecords<ContractEvidence>(table, {
    kind: 'contracts.evidence',
    key: (tenantId, evidenceId) => ({ pk: `${tenantPrefix(tenantId)}CONTRACT#EVIDENCE#${evidenceId}`, sk: 'EVIDENCE' }),
    schema: evidenceSchema as z.ZodType<ContractEvidence>,
    lookup: (e) => ({ lookupPk: contractFilesLookup(e.tenantId, e.subjectId), lookupSk: e.evidenceId }),
  });

/** Every file uploaded for a contract since files were indexed by contract. */
export const filesOfContract = (table: Table, tenantId: string, contractId: string) => contractEvidenceStore(table).byLookup(contractFilesLookup(tenantId, contractId));
