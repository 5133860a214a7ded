import type { z } from 'zod';
import { checkDownloadable } from '@ufp/core/evidence/lifecycle';
import { checkDeclaration } from '@ufp/core/evidence/rules';
import { newId } from '@ufp/core/ids';
import { notFound } from '@ufp/core/errors';
import { blobStore, completeUpload as completeEvidence, downloadTicket, uploadTicket } from '@ufp/kit/evidence';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import type { WriteCtx } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import type { Contract } from '../domain/contract.js';
import { checkContractEvidence, evidenceMissing, evidenceNoun, evidenceView, newContractEvidence, type ContractEvidence } from '../domain/evidence.js';
import { contractEvidenceStore, filesOfContract } from '../evidence-store.js';
import type { evidenceInput, evidenceUploadInput } from '../schemas.js';
import { ContractRepository } from '../store.js';

/**
 * A contract's files (履约检查材料, 备案材料, 审查意见书), the same flow as 劳模 and 十件实事 evidence: upload URL, the
 * browser's PUT, `complete` checks the bytes, audited downloads.
 */

const evidenceStore = (ctx: WriteCtx) => contractEvidenceStore(ctx.deps.table);

/** The record, if its contract is the caller's tenant's (the key is tenant-first: another tenant's id is not found). */
async function visible(ctx: WriteCtx, evidenceId: string): Promise<{ evidence: ContractEvidence; contract: Contract }> {
  const evidence = checkContractEvidence(await evidenceStore(ctx).byId(ctx.scope.tenantId, evidenceId));
  const contract = await new ContractRepository(ctx.deps.table).find(ctx.scope, evidence.subjectId);
  if (!contract) throw evidenceMissing();
  return { evidence, contract };
}

export async function createUpload(ctx: WriteCtx, input: z.output<typeof evidenceUploadInput>) {
  const declared = checkDeclaration(input);
  const c = await new ContractRepository(ctx.deps.table).find(ctx.scope, input.contractId);
  if (!c) throw notFound({ zh: '集体合同', en: 'Collective contract' });
  const blobs = blobStore(ctx.deps);
  return write(ctx, async (uow, now) => {
    const evidence = newContractEvidence(c, input, declared, { evidenceId: newId(), scope: ctx.scope }, now);
    evidenceStore(ctx).add(uow, evidence);
    uow.audit({ action: 'contracts.evidence.createUpload', entityType: 'contracts.evidence', entityId: evidence.evidenceId, summary: `上传${evidenceNoun(evidence, c).zh}：「${c.title}」· ${declared.fileName}（${declared.sizeBytes} 字节）` });
    return uploadTicket(blobs, evidence);
  });
}

/** Checks the uploaded bytes: the declared size and a signature of the declared type, or the record is rejected for good. */
export async function completeUpload(ctx: WriteCtx, input: z.output<typeof evidenceInput>) {
  const { evidence, contract } = await visible(ctx, input.evidenceId);
  const after = await completeEvidence(ctx, evidence, {
    action: 'contracts.evidence.complete',
    entityType: 'contracts.evidence',
    what: evidenceNoun(evidence, contract).zh,
    missing: evidenceMissing,
    save: (uow, next, before) => evidenceStore(ctx).replace(uow, before, next),
  });
  return evidenceView(after);
}

/** A short-lived download URL of a checked file; every URL handed out is in the audit log. */
export async function downloadUrl(ctx: WriteCtx, input: z.output<typeof evidenceInput>) {
  const { evidence, contract } = await visible(ctx, input.evidenceId);
  checkDownloadable(evidence);
  const blobs = blobStore(ctx.deps);
  return write(ctx, async (uow) => {
    uow.audit({ action: 'contracts.evidence.url', entityType: 'contracts.evidence', entityId: evidence.evidenceId, summary: `查看${evidenceNoun(evidence, contract).zh}：「${contract.title}」· ${evidence.fileName}` });
    return downloadTicket(blobs, evidence);
  });
}

/** The checked files a record cites, read before it is decided (another module's or tenant's id reads as absent). */
export async function citedFiles(ctx: WriteCtx, evidenceIds: readonly string[] | undefined): Promise<(ContractEvidence | undefined)[]> {
  return Promise.all((evidenceIds ?? []).map(async (id) => {
    const e = await evidenceStore(ctx).byId(ctx.scope.tenantId, id);
    return e?.module === 'contracts' ? e : undefined;
  }));
}

/** The files uploaded for a contract (its filing package is made of these). */
export const contractFiles = (ctx: WriteCtx, contractId: string) => filesOfContract(ctx.deps.table, ctx.scope.tenantId, contractId);

/** Marks cited files as cited by `entryId`, in the transaction of the record citing them (so they cannot be cited twice). */
export function markCited(ctx: WriteCtx, uow: UnitOfWork, files: readonly (ContractEvidence | undefined)[], entryId: string, at: string): void {
  for (const f of files) if (f) evidenceStore(ctx).replace(uow, f, { ...f, entryId, version: f.version + 1, updatedAt: at });
}
