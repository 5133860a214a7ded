import type { z } from 'zod';
import { checkAccepted, checkDownloadable, checkNotRejected, completed, verdictSummary } from '@ufp/core/evidence/lifecycle';
import { checkDeclaration } from '@ufp/core/evidence/rules';
import { newId } from '@ufp/core/ids';
import { blobStore, downloadTicket, inspectUpload, uploadTicket } from '@ufp/kit/evidence';
import { transition } from '@ufp/kit/transition';
import { write } from '@ufp/kit/write';
import { attachCertificate, checkHonourOf, checkModelWorkerEvidence, checkScanType, evidenceMissing, newCertificateScan, scanView, type ModelWorkerEvidence } from '../domain/evidence.js';
import type { Person } from '../domain/person.js';
import { ModelWorkerEvidenceStore } from '../evidence-store.js';
import type { attachCertificateInput, createUploadInput, evidenceInput } from '../schemas/evidence.js';
import { store, type Ctx } from './context.js';
import { changePerson } from './people.js';

type In<S extends z.ZodType> = z.output<S>;

/**
 * 荣誉证书扫描件: the same flow as 十件实事 佐证材料 — an upload URL after the type and size are checked, the
 * browser's PUT straight to the blob store, `complete` looking at what arrived, audited short-lived downloads — and
 * then `honours.attachCertificate` records the checked scan on the honour.
 */

const evidenceStore = (ctx: Ctx) => new ModelWorkerEvidenceStore(ctx.deps.table);

/** The record, if the caller may see its person (a reporter of another unit gets "not found", like the person). */
async function visibleEvidence(ctx: Ctx, evidenceId: string): Promise<{ evidence: ModelWorkerEvidence; person: Person }> {
  const evidence = checkModelWorkerEvidence(await evidenceStore(ctx).byId(ctx.scope.tenantId, evidenceId));
  const person = await store(ctx).findPerson(ctx.scope, evidence.subjectId);
  if (!person) throw evidenceMissing();
  return { evidence, person };
}

export async function createUpload(ctx: Ctx, input: In<typeof createUploadInput>) {
  const declared = checkScanType(checkDeclaration(input));
  const person = await store(ctx).getPerson(ctx.scope, input.personId);
  const honour = checkHonourOf(person, input.honourId);
  const blobs = blobStore(ctx.deps);
  return write(ctx, async (uow, now) => {
    const evidence = newCertificateScan(person, honour.honourId, declared, { evidenceId: newId(), scope: ctx.scope }, now);
    evidenceStore(ctx).add(uow, evidence);
    uow.audit({ action: 'modelWorkers.evidence.createUpload', entityType: 'modelWorkers.evidence', entityId: evidence.evidenceId, summary: `上传证书扫描件：${person.nameMasked}「${honour.title.zh}」· ${declared.fileName}（${declared.sizeBytes} 字节）` });
    return uploadTicket(blobs, evidence);
  });
}

/** Checks the uploaded bytes: the declared size and a signature of the declared type, or the record is rejected for good. */
export async function completeUpload(ctx: Ctx, input: In<typeof evidenceInput>) {
  const { evidence } = await visibleEvidence(ctx, input.evidenceId);
  if (evidence.status === 'ready') return scanView(evidence);
  checkNotRejected(evidence);
  const { verdict, version } = await inspectUpload(blobStore(ctx.deps), evidence);
  const after = await transition(
    ctx,
    {
      load: async () => evidence,
      missing: evidenceMissing,
      decide: (before, _input, { now }) => ({
        after: completed(before, verdict, version, now),
        audit: {
          action: 'modelWorkers.evidence.complete',
          entityType: 'modelWorkers.evidence',
          entityId: before.evidenceId,
          summary: verdictSummary(verdict, before.fileName, '证书扫描件'),
          changes: { status: { from: before.status, to: verdict.ok ? 'ready' : 'rejected' } },
        },
      }),
      save: (uow, next, before) => evidenceStore(ctx).replace(uow, before, next),
    },
    input,
  );
  // The rejection is recorded (the file can never be attached), and the caller gets the 400 saying why.
  checkAccepted(verdict);
  return scanView(after);
}

/** A short-lived download URL of a checked scan; every URL handed out is in the audit log. */
export async function downloadUrl(ctx: Ctx, input: In<typeof evidenceInput>) {
  const { evidence, person } = await visibleEvidence(ctx, input.evidenceId);
  checkDownloadable(evidence);
  const blobs = blobStore(ctx.deps);
  return write(ctx, async (uow) => {
    uow.audit({ action: 'modelWorkers.evidence.url', entityType: 'modelWorkers.evidence', entityId: evidence.evidenceId, summary: `查看证书扫描件：${person.nameMasked} · ${evidence.fileName}` });
    return downloadTicket(blobs, evidence);
  });
}

/** Records a checked scan on its honour (versioned like every change of the person, audited). */
export async function attach(ctx: Ctx, input: In<typeof attachCertificateInput>) {
  const evidence = checkModelWorkerEvidence(await evidenceStore(ctx).byId(ctx.scope.tenantId, input.evidenceId));
  return changePerson(ctx, input, (before, i, d) => attachCertificate(before, { honourId: i.honourId, evidence }, d));
}
