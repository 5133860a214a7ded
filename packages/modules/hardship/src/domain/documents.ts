/**
 * 帮扶材料: the papers of a hardship file, kept as files in the evidence blob store with the checks every module's
 * 佐证材料 gets (declared type and size, the bytes sniffed on arrival). Which kinds must be on the file before it goes
 * on public notice for the federation's review is a rule-pack setting (`requiredDocuments`).
 */
import { conflict, invalid, notFound } from '@ufp/core/errors';
import { newEvidenceRecord } from '@ufp/core/evidence/lifecycle';
import type { Evidence } from '@ufp/core/evidence/model';
import { evidenceTypes, type EvidenceDeclaration } from '@ufp/core/evidence/rules';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { DocumentKind, documentKindLabels, documentTypes } from './document-kinds.js';
import type { FileStatus } from './workflow.js';

export { DEFAULT_REQUIRED_DOCUMENTS, DocumentKind, documentKindLabels, documentTypes } from './document-kinds.js';

/** One document's record (its bytes are in the blob store under `key`). */
export interface HardshipDocument extends Evidence {
  module: 'hardship';
  /** The file it belongs to is `subjectId`. */
  documentKind: DocumentKind;
}

export const documentMissing = () => notFound({ zh: '帮扶材料', en: 'Document' });

/** The declared type must suit the kind of document: the 400 names what the kind accepts. */
export function checkDocumentType(kind: DocumentKind, declared: EvidenceDeclaration): EvidenceDeclaration {
  const allowed = documentTypes[kind];
  if (allowed.includes(declared.contentType)) return declared;
  const accepted = allowed.map((t) => evidenceTypes[t].label).join(', ');
  const label = evidenceTypes[declared.contentType].label;
  throw invalid(
    { zh: `${documentKindLabels[kind].zh}只接受 ${accepted}，不接受 ${label}`, en: `A ${documentKindLabels[kind].en.toLowerCase()} must be ${accepted}, not ${label}` },
    { field: 'contentType', reason: 'type_not_allowed' },
  );
}

/** Until the notice the unit's reporter, who carries out the investigation, adds papers; afterwards only federation staff. */
const REPORTER_STATUSES: readonly FileStatus[] = ['draft', 'submitted', 'investigated'];

export function assertMayAttach(status: FileStatus, byUnitReporter: boolean): void {
  if (byUnitReporter && !REPORTER_STATUSES.includes(status)) {
    throw conflict(
      { zh: '档案已公示，基层工会不能再上传材料，请联系上级工会工作人员', en: 'The file is on notice; the unit can no longer add documents (ask the federation staff)' },
      { reason: 'workflow_order', status },
    );
  }
}

export function newDocument(fileId: string, kind: DocumentKind, declared: EvidenceDeclaration, ids: { evidenceId: string; scope: TenantScope }, now: Date): HardshipDocument {
  return { ...newEvidenceRecord('hardship', fileId, declared, ids, now), documentKind: kind };
}

/** The required kinds of which no checked (ready) document is on the file, in the order the rule pack lists them. */
export function missingDocuments(required: readonly DocumentKind[], documents: readonly Pick<HardshipDocument, 'documentKind' | 'status'>[]): DocumentKind[] {
  const present = new Set(documents.filter((d) => d.status === 'ready').map((d) => d.documentKind));
  return [...new Set(required)].filter((k) => !present.has(k));
}

/** A file goes before the federation (its public notice, then review) only with every required document: a 409 naming those missing. */
export function assertRequiredDocuments(required: readonly DocumentKind[], documents: readonly Pick<HardshipDocument, 'documentKind' | 'status'>[]): void {
  const missing = missingDocuments(required, documents);
  if (missing.length === 0) return;
  throw conflict(
    {
      zh: `缺少必备材料：${missing.map((k) => documentKindLabels[k].zh).join('、')}。请上传后再发布公示、提交审核`,
      en: `Required documents missing: ${missing.map((k) => documentKindLabels[k].en).join(', ')}. Upload them before the notice and review`,
    },
    { field: 'documents', reason: 'documents_missing', missing },
  );
}

/** What the file page lists of a document: kind, name, size, who uploaded it and when; never its key. */
export const documentView = (d: HardshipDocument) => ({
  evidenceId: d.evidenceId,
  fileId: d.subjectId,
  kind: d.documentKind,
  fileName: d.fileName,
  contentType: d.contentType,
  sizeBytes: d.sizeBytes,
  status: d.status,
  uploadedBy: d.uploadedBy,
  createdAt: d.createdAt,
  updatedAt: d.updatedAt,
});
