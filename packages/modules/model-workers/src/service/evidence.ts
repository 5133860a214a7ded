import type { z } from 'zod';
import { checkDownloadable } from '@ufp/core/evidence/lifecycle';
import { checkDeclaration } from '@ufp/core/evidence/rules';
import { newId } from '@ufp/core/ids';
import { blobStore, completeEvidence, downloadTicket, uploadTicket } from '@ufp/kit/evidence';
import { write } from '@ufp/kit/write';
import { checkMinutesReplaceable } from '../domain/nomination.js';
import { attachCertificate, checkHonourOf, checkMinutesType, checkModelWorkerEvidence, checkScanType, evidenceMissing, evidenceNoun, evidenceView, newCertificateScan, newMinutesFile, type ModelWorkerEvidence } from '../domain/evidence.js';
import type { Person } from '../domain/person.js';
import { ModelWorkerEvidenceStore } from '../evidence-store.js';
import type { attachCertificateInput, createMinutesUploadInput, createUploadInput, evidenceInput } from '../schemas/evidence.js';
import { store, type Ctx } from './context.js';
import { findMine } from './nominations.js';
import { changePerson } from './people.js';
import { nominationMissing } from '../campaign-store.js';

type In<S extends z.ZodType> = z.output<S>;

/**
 * 荣誉证书扫描件 and 推荐会议纪要: the same flow as 十件实事 佐证材料 — an upload URL after the type and size are
 * checked, the browser's PUT straight to the blob store, `complete` looking at what arrived, audited short-lived
 * downloads — and then `honours.attachCertificate` / `nominations.attachMinutes` records the checked file.
 */

const evidenceStore = (ctx: Ctx) => new ModelWorkerEvidenceStore(ctx.deps.table);

/**
 * The record and whose file it is (masked), if the caller may see what it belongs to: a reporter of another unit
 * gets "not found", like the person or the nomination.
 */
async function visibleEvidence(ctx: Ctx, evidenceId: string): Promise<{ evidence: ModelWorkerEvidence; whose: string }> {
  const evidence = checkModelWorkerEvidence(await evidenceStore(ctx).byId(ctx.scope.tenantId, evidenceId));
  const owner: Pick<Person, 'nameMasked'> | undefined =
    evidence.purpose === 'certificate' ? await store(ctx).findPerson(ctx.scope, evidence.subjectId) : await findMine(ctx, evidence.campaignId, evidence.subjectId);
  if (!owner) throw evidenceMissing();
  return { evidence, whose: owner.nameMasked };
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

/** The minutes of a nomination the caller may see (a reporter: their own union's), until the county review. */
export async function createMinutesUpload(ctx: Ctx, input: In<typeof createMinutesUploadInput>) {
  const declared = checkMinutesType(checkDeclaration(input));
  const n = await findMine(ctx, input.campaignId, input.nominationId);
  if (!n) throw nominationMissing();
  checkMinutesReplaceable(n);
  const blobs = blobStore(ctx.deps);
  return write(ctx, async (uow, now) => {
    const evidence = newMinutesFile(n, declared, { evidenceId: newId(), scope: ctx.scope }, now);
    evidenceStore(ctx).add(uow, evidence);
    uow.audit({ action: 'modelWorkers.evidence.createUpload', entityType: 'modelWorkers.evidence', entityId: evidence.evidenceId, summary: `上传推荐会议纪要：${n.nameMasked} · ${declared.fileName}（${declared.sizeBytes} 字节）` });
    return uploadTicket(blobs, evidence);
  });
}

/** Checks the uploaded bytes: the declared size and a signature of the declared type, or the record is rejected for good. */
export async function completeUpload(ctx: Ctx, input: In<typeof evidenceInput>) {
  const { evidence } = await visibleEvidence(ctx, input.evidenceId);
  const after = await completeEvidence(ctx, evidence, input, {
    action: 'modelWorkers.evidence.complete',
    entityType: 'modelWorkers.evidence',
    noun: evidenceNoun[evidence.purpose].zh,
    missing: evidenceMissing,
    save: (uow, next, before) => evidenceStore(ctx).replace(uow, before, next),
  });
  return evidenceView(after);
}

/** A short-lived download URL of a checked scan; every URL handed out is in the audit log. */
export async function downloadUrl(ctx: Ctx, input: In<typeof evidenceInput>) {
  const { evidence, whose } = await visibleEvidence(ctx, input.evidenceId);
  checkDownloadable(evidence);
  const blobs = blobStore(ctx.deps);
  return write(ctx, async (uow) => {
    uow.audit({ action: 'modelWorkers.evidence.url', entityType: 'modelWorkers.evidence', entityId: evidence.evidenceId, summary: `查看${evidenceNoun[evidence.purpose].zh}：${whose} · ${evidence.fileName}` });
    return downloadTicket(blobs, evidence);
  });
}

/** Records a checked scan on its honour (versioned like every change of the person, audited). */
export async function attach(ctx: Ctx, input: In<typeof attachCertificateInput>) {
  const evidence = checkModelWorkerEvidence(await evidenceStore(ctx).byId(ctx.scope.tenantId, input.evidenceId));
  return changePerson(ctx, input, (before, i, d) => attachCertificate(before, { honourId: i.honourId, evidence }, d));
}
