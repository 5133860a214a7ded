import type { z } from 'zod';
import { checkDownloadable } from '@ufp/core/evidence/lifecycle';
import { checkDeclaration } from '@ufp/core/evidence/rules';
import { newId } from '@ufp/core/ids';
import { blobStore, completeUpload, downloadTicket, uploadTicket } from '@ufp/kit/evidence';
import { write } from '@ufp/kit/write';
import { assertMayAttach, checkDocumentType, documentKindLabels, documentMissing, documentView, missingDocuments, newDocument, type HardshipDocument } from '../domain/documents.js';
import type { HardshipFile } from '../domain/file.js';
import type { HardshipRulePack } from '../domain/rules.js';
import type { createDocumentUploadInput, documentInput } from '../schemas.js';
import { store, type Ctx } from './context.js';

type In<S extends z.ZodType> = z.output<S>;

/**
 * 帮扶材料 (申请表, 收入核对授权书, 入户调查照片, 民政核对结果, 其他): the 佐证材料 flow of the other modules — an upload
 * URL once the type (for the kind) and size are checked, the browser's PUT straight to the blob store, `complete`
 * looking at what arrived — and audited short-lived downloads. A document belongs to one file: whoever may not see
 * the file (another unit's reporter, another tenant) gets "not found".
 */

/** The document and its file, if the caller may see the file. */
async function visibleDocument(ctx: Ctx, input: { fileId: string; evidenceId: string }): Promise<{ document: HardshipDocument; file: HardshipFile }> {
  const files = store(ctx);
  const file = await files.findFile(ctx.scope, input.fileId);
  const document = file && (await files.document(ctx.scope, file.fileId, input.evidenceId));
  if (!file || !document) throw documentMissing();
  return { document, file };
}

export async function createUpload(ctx: Ctx, input: In<typeof createDocumentUploadInput>) {
  const declared = checkDocumentType(input.kind, checkDeclaration(input));
  const file = await store(ctx).getFile(ctx.scope, input.fileId);
  assertMayAttach(file.status, !!ctx.scope.unitId);
  const blobs = blobStore(ctx.deps);
  return write(ctx, async (uow, now) => {
    const document = newDocument(file.fileId, input.kind, declared, { evidenceId: newId(), scope: ctx.scope }, now);
    store(ctx).addDocument(uow, document);
    uow.audit({
      action: 'hardship.documents.createUpload',
      entityType: 'hardship.document',
      entityId: document.evidenceId,
      summary: `上传${documentKindLabels[input.kind].zh}：困难档案 ${file.worker.nameMasked} · ${declared.fileName}（${declared.sizeBytes} 字节）`,
    });
    return uploadTicket(blobs, document);
  });
}

/** Checks the uploaded bytes: the declared size and a signature of the declared type, or the record is rejected for good. */
export async function complete(ctx: Ctx, input: In<typeof documentInput>) {
  const { document } = await visibleDocument(ctx, input);
  const files = store(ctx);
  const after = await completeUpload(ctx, document, {
    action: 'hardship.documents.complete',
    entityType: 'hardship.document',
    what: documentKindLabels[document.documentKind].zh,
    missing: documentMissing,
    save: (uow, next, before) => files.replaceDocument(uow, before, next),
  });
  return documentView(after);
}

/** A short-lived download URL of a checked document: a read of sensitive material, so every URL handed out is audited. */
export async function downloadUrl(ctx: Ctx, input: In<typeof documentInput>) {
  const { document, file } = await visibleDocument(ctx, input);
  checkDownloadable(document);
  const blobs = blobStore(ctx.deps);
  return write(ctx, async (uow) => {
    uow.audit({
      action: 'pii.read',
      entityType: 'hardship.document',
      entityId: document.evidenceId,
      summary: `下载困难档案 ${file.worker.nameMasked} 的${documentKindLabels[document.documentKind].zh}：${document.fileName}`,
      fields: [`documents.${document.documentKind}`],
    });
    return downloadTicket(blobs, document);
  });
}

/** What the file page shows: the checked documents (oldest first), and which required kinds are still missing. */
export async function documentsOfFile(ctx: Ctx, file: HardshipFile, rules: Pick<HardshipRulePack, 'requiredDocuments'>, names: Map<string, string>) {
  const documents = await store(ctx).documentsOfFile(ctx.scope, file.fileId);
  return {
    documents: documents
      .filter((d) => d.status === 'ready')
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt))
      .map((d) => ({ ...documentView(d), uploadedByName: names.get(d.uploadedBy) })),
    requiredDocuments: rules.requiredDocuments,
    missingDocuments: missingDocuments(rules.requiredDocuments, documents),
  };
}
