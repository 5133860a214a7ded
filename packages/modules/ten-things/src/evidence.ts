import { z } from 'zod';
import type { BlobStore } from '@ufp/core/evidence/blob-store';
import type { Evidence } from '@ufp/core/evidence/model';
import { checkDeclaration, checkUploaded, evidenceKey, MAX_EVIDENCE_BYTES, SNIFF_BYTES, uploadRejection } from '@ufp/core/evidence/rules';
import { DomainError, invalid, notFound } from '@ufp/core/errors';
import { newId } from '@ufp/core/ids';
import type { Item } from '@ufp/core/ten-things/model';
import { limits } from '@ufp/core/validation/limits';
import { recordId, text } from '@ufp/core/validation/zod';
import { idInput } from '@ufp/kit/schemas';
import { router } from '@ufp/kit/trpc';
import { write } from '@ufp/kit/write';
import { anyone, tenThingsRepo, visibleItem, type Ctx } from './router-shared.js';

/** Upload URLs are short (the evidence bucket refuses presigned PUTs signed more than 15 minutes ago). */
const UPLOAD_URL_SECONDS = 10 * 60;
const DOWNLOAD_URL_SECONDS = 5 * 60;

function blobStore(ctx: Ctx): BlobStore {
  if (!ctx.deps.blobs) throw new Error('evidence blob store is not configured (EVIDENCE_BUCKET / local blob store)');
  return ctx.deps.blobs;
}

const adoptedOnly = (item: Item) => {
  if (item.stage !== 'adopted') throw invalid({ zh: '只有票决通过的项目才能上传佐证材料', en: 'Evidence is attached to adopted items only' }, { field: 'itemId' });
};

/** The evidence record, if the caller may see its item (a reporter of another unit gets "not found", like the item). */
async function visibleEvidence(ctx: Ctx, evidenceId: string): Promise<{ evidence: Evidence; item: Item }> {
  const evidence = await tenThingsRepo(ctx.deps).evidenceById(ctx.scope.tenantId, evidenceId);
  if (!evidence || evidence.module !== 'tenThings') throw notFound({ zh: '佐证材料', en: 'Evidence' });
  const item = await visibleItem(ctx, evidence.subjectId).catch((e: unknown) => {
    throw e instanceof DomainError && e.kind === 'not_found' ? notFound({ zh: '佐证材料', en: 'Evidence' }) : e;
  });
  return { evidence, item };
}

const view = (e: Evidence) => ({ evidenceId: e.evidenceId, itemId: e.subjectId, fileName: e.fileName, contentType: e.contentType, sizeBytes: e.sizeBytes, status: e.status, entryId: e.entryId, createdAt: e.createdAt });

/**
 * 佐证材料: the browser asks for an upload URL (type and size checked first), PUTs the file straight to the blob
 * store, then calls `complete`, which looks at what arrived (size, the type its bytes say) before the file can be
 * attached to a progress report. Downloads are short-lived URLs, each one audited.
 */
export const tenThingsEvidenceRouter = router({
  createUpload: anyone
    .input(
      z.object({
        itemId: idInput,
        fileName: text(limits.evidence.fileName),
        /** A media type as the browser reports it (image/png): ASCII, never echoed in other scripts. */
        contentType: recordId(limits.evidence.contentType.max),
        sizeBytes: z.number().int().min(0).max(MAX_EVIDENCE_BYTES * 100),
      }),
    )
    .mutation(async ({ ctx, input }) => {
      const declared = checkDeclaration(input);
      const item = await visibleItem(ctx, input.itemId);
      adoptedOnly(item);
      const blobs = blobStore(ctx);
      return write(ctx, async (uow, now) => {
        const evidenceId = newId();
        const evidence: Evidence = {
          evidenceId,
          tenantId: ctx.scope.tenantId,
          module: 'tenThings',
          subjectId: item.itemId,
          ...declared,
          key: evidenceKey(ctx.scope.tenantId, evidenceId),
          status: 'pending',
          uploadedBy: ctx.scope.actor.sub,
          uploaderUnitId: ctx.scope.unitId,
          version: 1,
          createdAt: now.toISOString(),
          updatedAt: now.toISOString(),
        };
        tenThingsRepo(ctx.deps).addEvidence(uow, evidence);
        uow.audit({ action: 'tenThings.evidence.createUpload', entityType: 'tenThings.evidence', entityId: evidenceId, summary: `上传佐证材料：${item.title} · ${declared.fileName}（${declared.sizeBytes} 字节）` });
        const upload = await blobs.presignPut(evidence.key, { contentType: declared.contentType, contentLength: declared.sizeBytes, expiresInSeconds: UPLOAD_URL_SECONDS });
        return { evidenceId, fileName: declared.fileName, uploadUrl: upload.url, method: upload.method, headers: upload.headers, expiresAt: upload.expiresAt };
      });
    }),

  /** Checks the uploaded bytes: the declared size and a signature of the declared type, or the record is rejected for good. */
  complete: anyone.input(z.object({ evidenceId: idInput })).mutation(async ({ ctx, input }) => {
    const { evidence } = await visibleEvidence(ctx, input.evidenceId);
    if (evidence.status === 'ready') return view(evidence);
    if (evidence.status === 'rejected') throw invalid(uploadRejection[evidence.rejectReason ?? 'type_mismatch'], { field: 'evidenceId', reason: evidence.rejectReason });
    const blobs = blobStore(ctx);
    const stored = await blobs.head(evidence.key);
    if (!stored) throw invalid({ zh: '文件尚未上传完成', en: 'The file has not been uploaded yet' }, { field: 'evidenceId', reason: 'not_uploaded' });
    const head = await blobs.readStart(evidence.key, SNIFF_BYTES, stored.version);
    const verdict = checkUploaded(evidence, { sizeBytes: stored.sizeBytes, head });
    const after = await write(ctx, (uow, now) => {
      const next: Evidence = verdict.ok
        ? { ...evidence, status: 'ready', blobVersion: stored.version, version: evidence.version + 1, updatedAt: now.toISOString() }
        : { ...evidence, status: 'rejected', rejectReason: verdict.reason, version: evidence.version + 1, updatedAt: now.toISOString() };
      tenThingsRepo(ctx.deps).replaceEvidence(uow, evidence, next);
      uow.audit({
        action: 'tenThings.evidence.complete',
        entityType: 'tenThings.evidence',
        entityId: evidence.evidenceId,
        summary: verdict.ok ? `佐证材料已核验：${evidence.fileName}` : `佐证材料被拒收（${verdict.reason === 'size_mismatch' ? '大小不符' : '内容与类型不符'}）：${evidence.fileName}`,
        changes: { status: { from: evidence.status, to: next.status } },
      });
      return view(next);
    });
    // The rejection is recorded (the file can never be attached), and the caller gets the 400 saying why.
    if (!verdict.ok) throw invalid(uploadRejection[verdict.reason], { field: 'evidenceId', reason: verdict.reason });
    return after;
  }),

  /** A short-lived download URL of a checked file; every URL handed out is in the audit log. */
  url: anyone.meta({ auditedRead: true }).input(z.object({ evidenceId: idInput })).mutation(async ({ ctx, input }) => {
    const { evidence, item } = await visibleEvidence(ctx, input.evidenceId);
    if (evidence.status !== 'ready') throw invalid({ zh: '该佐证材料未通过核验，不能下载', en: 'This evidence has not passed the check and cannot be downloaded' }, { field: 'evidenceId' });
    const blobs = blobStore(ctx);
    return write(ctx, async (uow) => {
      uow.audit({ action: 'tenThings.evidence.url', entityType: 'tenThings.evidence', entityId: evidence.evidenceId, summary: `查看佐证材料：${item.title} · ${evidence.fileName}` });
      const get = await blobs.presignGet(evidence.key, { fileName: evidence.fileName, contentType: evidence.contentType, version: evidence.blobVersion, expiresInSeconds: DOWNLOAD_URL_SECONDS });
      return { url: get.url, fileName: evidence.fileName, contentType: evidence.contentType, expiresAt: get.expiresAt };
    });
  }),
});

/**
 * The evidence a progress report attaches, checked before the write with a clear 400 per id: it must exist in
 * this tenant, belong to this item, have passed the check and not be attached to another entry yet. (The write
 * repeats the last conditions, so two reports racing for one file cannot both attach it.)
 */
export async function evidenceForEntry(ctx: Ctx, item: Item, evidenceIds: readonly string[]): Promise<Evidence[]> {
  const repo = tenThingsRepo(ctx.deps);
  const found = await Promise.all(evidenceIds.map((id) => repo.evidenceById(ctx.scope.tenantId, id)));
  return found.map((e, i) => {
    const field = `evidenceIds.${i}`;
    if (!e || e.module !== 'tenThings') throw invalid({ zh: '佐证材料不存在', en: 'Evidence not found' }, { field });
    if (e.subjectId !== item.itemId) throw invalid({ zh: `佐证材料“${e.fileName}”不属于该项目`, en: `Evidence file ${i + 1} belongs to another item` }, { field });
    if (e.status !== 'ready') {
      throw invalid(
        e.status === 'rejected' ? { zh: `佐证材料“${e.fileName}”已被拒收`, en: `Evidence file ${i + 1} was refused` } : { zh: `佐证材料“${e.fileName}”尚未上传完成`, en: `Evidence file ${i + 1} has not finished uploading` },
        { field },
      );
    }
    if (e.entryId) throw invalid({ zh: `佐证材料“${e.fileName}”已被其他记录使用`, en: `Evidence file ${i + 1} is already attached to another entry` }, { field });
    return e;
  });
}
