import { z } from 'zod';
import { evidenceContentTypes } from './rules.js';

/** The fields of every module's stored evidence record, parsed back on read; a store adds its `module` literal and its own. */
export const storedEvidenceFields = {
  evidenceId: z.string(),
  tenantId: z.string(),
  subjectId: z.string(),
  fileName: z.string(),
  contentType: z.enum(evidenceContentTypes),
  sizeBytes: z.number(),
  key: z.string(),
  status: z.enum(['pending', 'ready', 'rejected']),
  blobVersion: z.string().optional(),
  rejectReason: z.enum(['size_mismatch', 'type_mismatch']).optional(),
  entryId: z.string().optional(),
  uploadedBy: z.string(),
  uploaderUnitId: z.string().optional(),
  version: z.number(),
  createdAt: z.string(),
  updatedAt: z.string(),
};

/** What a record keeps of an attached file (`EvidenceRef`), parsed back on read. */
export const storedEvidenceRef = z.object({ evidenceId: z.string(), fileName: z.string(), contentType: z.enum(evidenceContentTypes), sizeBytes: z.number() });
