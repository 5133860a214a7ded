import { invalid, notFound } from '@ufp/core/errors';
import { newEvidenceRecord } from '@ufp/core/evidence/lifecycle';
import { evidenceRef, type Evidence } from '@ufp/core/evidence/model';
import { evidenceTypes, type EvidenceDeclaration, type EvidenceContentType } from '@ufp/core/evidence/rules';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import type { Person } from './person.js';

/**
 * 劳模 evidence files: the scan of an honour's certificate (荣誉证书扫描件). The record lives beside the person; its
 * bytes are in the evidence blob store like every module's 佐证材料, with the same checks (type, size, sniffed bytes).
 */

/** A certificate scan is a picture or a PDF (no spreadsheets, no Word files). */
export const scanTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const satisfies readonly EvidenceContentType[];
type ScanType = (typeof scanTypes)[number];

export interface ModelWorkerEvidence extends Evidence {
  module: 'modelWorkers';
  purpose: 'certificate';
  /** The honour of the person (`subjectId`) the scan is for. */
  honourId: string;
}

export const evidenceMissing = () => notFound({ zh: '证书扫描件', en: 'Certificate scan' });

/** Only pictures and PDFs: the 400 names what is accepted. */
export function checkScanType(declared: EvidenceDeclaration): EvidenceDeclaration & { contentType: ScanType } {
  const ok = (scanTypes as readonly string[]).includes(declared.contentType);
  if (!ok) {
    const label = evidenceTypes[declared.contentType].label;
    throw invalid({ zh: `证书扫描件只接受 JPG、PNG、WebP 图片或 PDF，不接受 ${label}`, en: `A certificate scan must be a JPG, PNG or WebP image or a PDF, not ${label}` }, { field: 'contentType', reason: 'type_not_allowed' });
  }
  return declared as EvidenceDeclaration & { contentType: ScanType };
}

/** The honour a scan is uploaded for: it must be one of the person's. */
export function checkHonourOf(person: Person, honourId: string) {
  const honour = person.honours.find((h) => h.honourId === honourId);
  if (!honour) throw invalid({ zh: '该人员没有这项荣誉记录', en: 'This person has no such honour' }, { field: 'honourId' });
  return honour;
}

export function newCertificateScan(person: Person, honourId: string, declared: EvidenceDeclaration, ids: { evidenceId: string; scope: TenantScope }, now: Date): ModelWorkerEvidence {
  return { ...newEvidenceRecord('modelWorkers', person.personId, declared, ids, now), purpose: 'certificate', honourId };
}

/** The record, if it is a 劳模 evidence record (any other id is "not found"). */
export function checkModelWorkerEvidence(evidence: ModelWorkerEvidence | undefined): ModelWorkerEvidence {
  if (!evidence || evidence.module !== 'modelWorkers') throw evidenceMissing();
  return evidence;
}

/**
 * Records a checked scan on the honour it was uploaded for (a later scan replaces an earlier one; the audit keeps
 * both names). A pending or refused file, or one uploaded for another honour, is a 400.
 */
export function attachCertificate(before: Person, input: { honourId: string; evidence: ModelWorkerEvidence }, ctx: DecideContext): Decision<Person> {
  const { evidence } = input;
  const honour = checkHonourOf(before, input.honourId);
  if (evidence.subjectId !== before.personId || evidence.honourId !== honour.honourId) {
    throw invalid({ zh: '该扫描件不是为这项荣誉上传的', en: 'This scan was uploaded for another honour' }, { field: 'evidenceId' });
  }
  if (evidence.status !== 'ready') {
    throw invalid(evidence.status === 'rejected' ? { zh: '该扫描件已被拒收', en: 'This scan was refused' } : { zh: '该扫描件尚未上传完成', en: 'This scan has not finished uploading' }, { field: 'evidenceId' });
  }
  const certificate = evidenceRef(evidence);
  const after: Person = { ...before, honours: before.honours.map((h) => (h.honourId === honour.honourId ? { ...h, certificate } : h)), updatedAt: ctx.now.toISOString() };
  return {
    after,
    audit: {
      action: 'modelWorkers.honours.attachCertificate',
      entityType: 'modelWorkers.person',
      entityId: before.personId,
      summary: `${before.nameMasked}「${honour.title.zh}」（${honour.year}）上传证书扫描件：${certificate.fileName}`,
      changes: { certificate: { from: honour.certificate?.fileName ?? '', to: certificate.fileName } },
    },
  };
}

export const scanView = (e: ModelWorkerEvidence) => ({
  evidenceId: e.evidenceId,
  personId: e.subjectId,
  honourId: e.honourId,
  fileName: e.fileName,
  contentType: e.contentType,
  sizeBytes: e.sizeBytes,
  status: e.status,
  createdAt: e.createdAt,
});
