import { invalid } from '../errors.js';
import type { TenantScope } from '../tenancy/scope.js';
import type { Evidence, EvidenceModule } from './model.js';
import { evidenceKey, uploadRejection, type EvidenceDeclaration } from './rules.js';

/**
 * The life of one evidence record, whatever module it supports: issued (pending) → checked (ready) or refused for
 * good (rejected). Pure rules; the modules keep their own records and decide who may see them.
 */

export function newEvidenceRecord<M extends EvidenceModule>(module: M, subjectId: string, declared: EvidenceDeclaration, ids: { evidenceId: string; scope: TenantScope }, now: Date): Evidence & { module: M } {
  return {
    evidenceId: ids.evidenceId,
    tenantId: ids.scope.tenantId,
    module,
    subjectId,
    ...declared,
    key: evidenceKey(ids.scope.tenantId, ids.evidenceId),
    status: 'pending',
    uploadedBy: ids.scope.actor.sub,
    uploaderUnitId: ids.scope.unitId,
    version: 1,
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
}

/** A record rejected once stays rejected: `complete` answers with the reason again. */
export function checkNotRejected(evidence: Evidence): void {
  if (evidence.status === 'rejected') throw rejection(evidence.rejectReason ?? 'type_mismatch');
}

export function checkArrived<T>(stored: T | undefined): T {
  if (!stored) throw invalid({ zh: '文件尚未上传完成', en: 'The file has not been uploaded yet' }, { field: 'evidenceId', reason: 'not_uploaded' });
  return stored;
}

export type UploadVerdict = { ok: true } | { ok: false; reason: 'size_mismatch' | 'type_mismatch' };

export function completed<E extends Evidence>(evidence: E, verdict: UploadVerdict, blobVersion: string | undefined, now: Date): E {
  return verdict.ok
    ? { ...evidence, status: 'ready', blobVersion, updatedAt: now.toISOString() }
    : { ...evidence, status: 'rejected', rejectReason: verdict.reason, updatedAt: now.toISOString() };
}

/** The caller's 400 for a rejected upload (the rejection itself is recorded first). */
export function checkAccepted(verdict: UploadVerdict): void {
  if (!verdict.ok) throw rejection(verdict.reason);
}

export function checkDownloadable(evidence: Evidence): void {
  if (evidence.status !== 'ready') throw invalid({ zh: '该佐证材料未通过核验，不能下载', en: 'This evidence has not passed the check and cannot be downloaded' }, { field: 'evidenceId' });
}

/** The completion audit's summary of a verdict. */
export const verdictSummary = (verdict: UploadVerdict, fileName: string, what = '佐证材料') =>
  verdict.ok ? `${what}已核验：${fileName}` : `${what}被拒收（${verdict.reason === 'size_mismatch' ? '大小不符' : '内容与类型不符'}）：${fileName}`;

const rejection = (reason: 'size_mismatch' | 'type_mismatch') => invalid(uploadRejection[reason], { field: 'evidenceId', reason });
