import type { EvidenceContentType } from './rules.js';

/** pending: URL issued, nothing checked yet; ready: stored bytes checked; rejected: never usable. */
export type EvidenceStatus = 'pending' | 'ready' | 'rejected';

/** The modules that keep evidence files. */
export type EvidenceModule = 'tenThings' | 'modelWorkers' | 'hardship' | 'contracts';

/** One evidence file's record (the bytes are in the blob store under `key`). */
export interface Evidence {
  evidenceId: string;
  tenantId: string;
  /** What the file supports, e.g. a 十件实事 item or a 劳模's honour. */
  module: EvidenceModule;
  subjectId: string;
  fileName: string;
  contentType: EvidenceContentType;
  sizeBytes: number;
  key: string;
  status: EvidenceStatus;
  /** The blob version checked at completion; downloads serve exactly this version. */
  blobVersion?: string;
  rejectReason?: 'size_mismatch' | 'type_mismatch';
  /** The ledger entry it is attached to (once attached, never reused). */
  entryId?: string;
  uploadedBy: string;
  uploaderUnitId?: string;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/** What a ledger entry keeps of each attached file. */
export type EvidenceRef = Pick<Evidence, 'evidenceId' | 'fileName' | 'contentType' | 'sizeBytes'>;
export const evidenceRef = (e: Evidence): EvidenceRef => ({ evidenceId: e.evidenceId, fileName: e.fileName, contentType: e.contentType, sizeBytes: e.sizeBytes });
