import type { z } from 'zod';
import { conflict, staleVersion, type DomainError } from '@ufp/core/errors';
import type { BlobStore } from '@ufp/core/evidence/blob-store';
import { checkAccepted, checkArrived, checkNotRejected, completed, verdictSummary, type UploadVerdict } from '@ufp/core/evidence/lifecycle';
import type { Evidence } from '@ufp/core/evidence/model';
import { checkUploaded, SNIFF_BYTES } from '@ufp/core/evidence/rules';
import { batchGetAll, getItem, queryAll } from '@ufp/db/query';
import { parseStored } from '@ufp/db/stored';
import type { Table } from '@ufp/db/table';
import type { UnitOfWork } from '@ufp/db/unit-of-work';
import type { ApiDeps } from './deps.js';
import { transition, type WriteCtx } from './transition.js';

/**
 * The blob-store side of an evidence upload, shared by the modules that take files: the signed PUT handed to the
 * browser, the look at what arrived, and the signed GET of exactly the checked version.
 */

/** Upload URLs are short (the evidence bucket refuses presigned PUTs signed more than 15 minutes ago). */
export const UPLOAD_URL_SECONDS = 10 * 60;
export const DOWNLOAD_URL_SECONDS = 5 * 60;

export function blobStore(deps: Pick<ApiDeps, 'blobs'>): BlobStore {
  if (!deps.blobs) throw new Error('evidence blob store is not configured (EVIDENCE_BUCKET / local blob store)');
  return deps.blobs;
}

/** The signed PUT of a new (pending) record, as the browser needs it. */
export async function uploadTicket(blobs: BlobStore, evidence: Evidence) {
  const upload = await blobs.presignPut(evidence.key, { contentType: evidence.contentType, contentLength: evidence.sizeBytes, expiresInSeconds: UPLOAD_URL_SECONDS });
  return { evidenceId: evidence.evidenceId, fileName: evidence.fileName, uploadUrl: upload.url, method: upload.method, headers: upload.headers, expiresAt: upload.expiresAt };
}

/** What arrived at the record's key: its version and whether its size and leading bytes are what was declared. */
export async function inspectUpload(blobs: BlobStore, evidence: Evidence): Promise<{ verdict: UploadVerdict; version: string | undefined }> {
  const stored = checkArrived(await blobs.head(evidence.key));
  const head = await blobs.readStart(evidence.key, SNIFF_BYTES, stored.version);
  return { verdict: checkUploaded(evidence, { sizeBytes: stored.sizeBytes, head }), version: stored.version };
}

/** A short-lived GET of the checked version, served as an attachment under the record's file name. */
export async function downloadTicket(blobs: BlobStore, evidence: Evidence) {
  const get = await blobs.presignGet(evidence.key, { fileName: evidence.fileName, contentType: evidence.contentType, version: evidence.blobVersion, expiresInSeconds: DOWNLOAD_URL_SECONDS });
  return { url: get.url, fileName: evidence.fileName, contentType: evidence.contentType, expiresAt: get.expiresAt };
}

/**
 * `complete` of an upload, as every module runs it: a record already checked answers as it is, a refused one repeats its
 * refusal; otherwise what arrived is inspected and the verdict recorded (ready, or rejected for good) with its audit
 * entry, and a rejection then answered with the 400 saying why.
 */
export async function completeUpload<E extends Evidence>(
  ctx: WriteCtx,
  evidence: E,
  record: { action: string; entityType: string; what?: string; missing: () => DomainError; save: (uow: UnitOfWork, after: E, before: E) => void },
): Promise<E> {
  if (evidence.status === 'ready') return evidence;
  checkNotRejected(evidence);
  const { verdict, version } = await inspectUpload(blobStore(ctx.deps), evidence);
  const after = await transition(
    ctx,
    {
      load: async () => evidence,
      missing: record.missing,
      decide: (before: E, _input, { now }) => ({
        after: completed(before, verdict, version, now),
        audit: {
          action: record.action,
          entityType: record.entityType,
          entityId: before.evidenceId,
          summary: verdictSummary(verdict, before.fileName, record.what),
          changes: { status: { from: before.status, to: verdict.ok ? 'ready' : 'rejected' } },
        },
      }),
      save: record.save,
    },
    { evidenceId: evidence.evidenceId },
  );
  // The rejection is recorded (the file can never be used), and the caller gets the 400 saying why.
  checkAccepted(verdict);
  return after;
}

/**
 * A module's evidence records, one item each under a tenant-first key (like the blob keys): created once, replaced at
 * the version read, read back through the module's schema (another tenant's id is simply not found). With `lookup`,
 * each record is also indexed (`byLookup`) under a tenant-first partition of the module's choosing — a subject's
 * files — that `byLookup` lists.
 */
export class EvidenceRecords<E extends Evidence> {
  constructor(
    private readonly table: Table,
    private readonly spec: {
      kind: string;
      key: (tenantId: string, evidenceId: string) => { pk: string; sk: string };
      schema: z.ZodType<E>;
      lookup?: (e: E) => { lookupPk: string; lookupSk: string };
    },
  ) {}

  add(uow: UnitOfWork, evidence: E): void {
    uow.create(this.item(evidence), conflict({ zh: '该文件记录已存在', en: 'The file record already exists' }));
  }

  replace(uow: UnitOfWork, before: Pick<E, 'version'>, after: E): void {
    uow.replaceVersioned(this.item(after), before.version, staleVersion());
  }

  private item(e: E): Record<string, unknown> & { version: number } {
    return { ...this.spec.key(e.tenantId, e.evidenceId), ...this.spec.lookup?.(e), kind: this.spec.kind, ...(e as Evidence & Record<string, unknown>) };
  }

  /**
   * The records indexed under `lookupPk`: the index (eventually consistent) finds their keys, the records themselves
   * are read back consistently, so a file just checked reads as checked.
   */
  async byLookup(lookupPk: string): Promise<E[]> {
    const keys = await queryAll<{ pk: string; sk: string }>(this.table, {
      IndexName: 'byLookup',
      KeyConditionExpression: 'lookupPk = :p',
      ExpressionAttributeValues: { ':p': lookupPk },
      ProjectionExpression: '#pk, #sk',
      ExpressionAttributeNames: { '#pk': 'pk', '#sk': 'sk' },
    });
    const items = await batchGetAll<Record<string, unknown>>(this.table, keys.map(({ pk, sk }) => ({ pk, sk })));
    return items.map((item) => parseStored(this.spec.schema, item, this.spec.kind));
  }

  async byId(tenantId: string, evidenceId: string): Promise<E | undefined> {
    const item = await getItem<Record<string, unknown>>(this.table, this.spec.key(tenantId, evidenceId));
    return item ? parseStored(this.spec.schema, item, this.spec.kind) : undefined;
  }
}
