import type { z } from 'zod';
import { DomainError } from '@ufp/core/errors';
import type { Evidence } from '@ufp/core/evidence/model';
import { checkDeclaration } from '@ufp/core/evidence/rules';
import { newId } from '@ufp/core/ids';
import { blobStore, completeEvidence, downloadTicket, uploadTicket } from '@ufp/kit/evidence';
import { write } from '@ufp/kit/write';
import {
  checkAttachable,
  checkDownloadable,
  checkEvidence,
  checkEvidenceSubject,
  evidenceNotFound,
  evidenceView,
  newEvidence,
} from '../domain/evidence.js';
import type { Item } from '../domain/model.js';
import type { createUploadInput, evidenceInput } from '../schemas.js';
import { tenThingsStore, visibleItem, type Ctx } from './context.js';

/**
 * 佐证材料: the browser asks for an upload URL (type and size checked first), PUTs the file straight to the blob
 * store, then calls `complete`, which looks at what arrived (size, the type its bytes say) before the file can be
 * attached to a progress report. Downloads are short-lived URLs, each one audited.
 */

/** The evidence record, if the caller may see its item (a reporter of another unit gets "not found", like the item). */
async function visibleEvidence(ctx: Ctx, evidenceId: string): Promise<{ evidence: Evidence; item: Item }> {
  const evidence = checkEvidence(await tenThingsStore(ctx.deps).evidenceById(ctx.scope.tenantId, evidenceId));
  const item = await visibleItem(ctx, evidence.subjectId).catch((e: unknown) => {
    throw e instanceof DomainError && e.kind === 'not_found' ? evidenceNotFound() : e;
  });
  return { evidence, item };
}

export async function createUpload(ctx: Ctx, input: z.infer<typeof createUploadInput>) {
  const declared = checkDeclaration(input);
  const item = checkEvidenceSubject(await visibleItem(ctx, input.itemId));
  const blobs = blobStore(ctx.deps);
  return write(ctx, async (uow, now) => {
    const evidence = newEvidence(item, declared, { evidenceId: newId(), scope: ctx.scope }, now);
    tenThingsStore(ctx.deps).addEvidence(uow, evidence);
    uow.audit({ action: 'tenThings.evidence.createUpload', entityType: 'tenThings.evidence', entityId: evidence.evidenceId, summary: `上传佐证材料：${item.title} · ${declared.fileName}（${declared.sizeBytes} 字节）` });
    return uploadTicket(blobs, evidence);
  });
}

/** Checks the uploaded bytes: the declared size and a signature of the declared type, or the record is rejected for good. */
export async function completeUpload(ctx: Ctx, input: z.infer<typeof evidenceInput>) {
  const { evidence } = await visibleEvidence(ctx, input.evidenceId);
  const store = tenThingsStore(ctx.deps);
  const after = await completeEvidence(ctx, evidence, input, { action: 'tenThings.evidence.complete', entityType: 'tenThings.evidence', missing: evidenceNotFound, save: (uow, next, before) => store.replaceEvidence(uow, before, next) });
  return evidenceView(after);
}

/** A short-lived download URL of a checked file; every URL handed out is in the audit log. */
export async function downloadUrl(ctx: Ctx, input: z.infer<typeof evidenceInput>) {
  const { evidence, item } = await visibleEvidence(ctx, input.evidenceId);
  checkDownloadable(evidence);
  const blobs = blobStore(ctx.deps);
  return write(ctx, async (uow) => {
    uow.audit({ action: 'tenThings.evidence.url', entityType: 'tenThings.evidence', entityId: evidence.evidenceId, summary: `查看佐证材料：${item.title} · ${evidence.fileName}` });
    return downloadTicket(blobs, evidence);
  });
}

/** The evidence a progress report attaches, each checked (see `checkAttachable`). */
export async function evidenceForEntry(ctx: Ctx, item: Item, evidenceIds: readonly string[]): Promise<Evidence[]> {
  const store = tenThingsStore(ctx.deps);
  return checkAttachable(item, await Promise.all(evidenceIds.map((id) => store.evidenceById(ctx.scope.tenantId, id))));
}
