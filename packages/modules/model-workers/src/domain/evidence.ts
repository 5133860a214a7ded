import { invalid, notFound } from '@ufp/core/errors';
import { newEvidenceRecord } from '@ufp/core/evidence/lifecycle';
import { evidenceRef, type Evidence } from '@ufp/core/evidence/model';
import { evidenceTypes, type EvidenceDeclaration, type EvidenceContentType } from '@ufp/core/evidence/rules';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { Decision, DecideContext } from '@ufp/kit/transition';
import type { Nomination } from './nomination.js';
import type { Person } from './person.js';

/**
 * 劳模 evidence files: the scan of an honour's certificate (荣誉证书扫描件, beside the person) and the 职代会 / 民主推荐
 * minutes of a nomination (会议纪要, beside the nomination). Their bytes are in the evidence blob store like every
 * module's 佐证材料, with the same checks (type, size, sniffed bytes).
 */

/** A certificate scan is a picture or a PDF (no spreadsheets, no Word files). */
export const scanTypes = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const satisfies readonly EvidenceContentType[];
/** Minutes are often kept as a Word file; a scan or a PDF of the signed copy does as well. */
export const minutesTypes = [...scanTypes, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'] as const satisfies readonly EvidenceContentType[];

interface CertificateScan extends Evidence {
  module: 'modelWorkers';
  purpose: 'certificate';
  /** The honour of the person (`subjectId`) the scan is for. */
  honourId: string;
}

interface NominationMinutes extends Evidence {
  module: 'modelWorkers';
  purpose: 'minutes';
  /** The nomination is `subjectId`; its campaign keys it. */
  campaignId: string;
}

export type ModelWorkerEvidence = CertificateScan | NominationMinutes;

/** What each kind of file is called, in refusals and in the audit log. */
export const evidenceNoun = { certificate: { zh: '证书扫描件', en: 'Certificate scan' }, minutes: { zh: '推荐会议纪要', en: 'Recommendation minutes' } } as const;

export const evidenceMissing = () => notFound({ zh: '文件', en: 'File' });

function checkType<T extends EvidenceContentType>(declared: EvidenceDeclaration, allowed: readonly T[], refusal: (label: string) => { zh: string; en: string }): EvidenceDeclaration & { contentType: T } {
  if (!(allowed as readonly string[]).includes(declared.contentType)) throw invalid(refusal(evidenceTypes[declared.contentType].label), { field: 'contentType', reason: 'type_not_allowed' });
  return declared as EvidenceDeclaration & { contentType: T };
}

/** Only pictures and PDFs: the 400 names what is accepted. */
export const checkScanType = (declared: EvidenceDeclaration) =>
  checkType(declared, scanTypes, (label) => ({ zh: `证书扫描件只接受 JPG、PNG、WebP 图片或 PDF，不接受 ${label}`, en: `A certificate scan must be a JPG, PNG or WebP image or a PDF, not ${label}` }));

/** Pictures, PDFs and Word files (no spreadsheets). */
export const checkMinutesType = (declared: EvidenceDeclaration) =>
  checkType(declared, minutesTypes, (label) => ({ zh: `会议纪要只接受 JPG、PNG、WebP 图片、PDF 或 Word（.docx），不接受 ${label}`, en: `Minutes must be a JPG, PNG or WebP image, a PDF or a Word file (.docx), not ${label}` }));

/** A file can be recorded once its bytes were checked; a pending or refused one is a 400. */
export function checkReady(evidence: ModelWorkerEvidence): void {
  if (evidence.status === 'ready') return;
  const what = evidenceNoun[evidence.purpose];
  throw invalid(
    evidence.status === 'rejected' ? { zh: `该${what.zh}已被拒收`, en: `This ${what.en.toLowerCase()} was refused` } : { zh: `该${what.zh}尚未上传完成`, en: `This ${what.en.toLowerCase()} has not finished uploading` },
    { field: 'evidenceId' },
  );
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

export function newMinutesFile(n: Pick<Nomination, 'nominationId' | 'campaignId'>, declared: EvidenceDeclaration, ids: { evidenceId: string; scope: TenantScope }, now: Date): ModelWorkerEvidence {
  return { ...newEvidenceRecord('modelWorkers', n.nominationId, declared, ids, now), purpose: 'minutes', campaignId: n.campaignId };
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
  if (evidence.purpose !== 'certificate' || evidence.subjectId !== before.personId || evidence.honourId !== honour.honourId) {
    throw invalid({ zh: '该扫描件不是为这项荣誉上传的', en: 'This scan was uploaded for another honour' }, { field: 'evidenceId' });
  }
  checkReady(evidence);
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

export const evidenceView = (e: ModelWorkerEvidence) => ({
  evidenceId: e.evidenceId,
  purpose: e.purpose,
  personId: e.purpose === 'certificate' ? e.subjectId : undefined,
  honourId: e.purpose === 'certificate' ? e.honourId : undefined,
  nominationId: e.purpose === 'minutes' ? e.subjectId : undefined,
  fileName: e.fileName,
  contentType: e.contentType,
  sizeBytes: e.sizeBytes,
  status: e.status,
  createdAt: e.createdAt,
});
