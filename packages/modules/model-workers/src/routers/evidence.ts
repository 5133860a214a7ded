import type { Role } from '@ufp/core/roles';
import { router, tenantProcedure } from '@ufp/kit/trpc';
import * as s from '../schemas/evidence.js';
import * as evidence from '../service/evidence.js';

const STAFF: Role[] = ['federation_admin', 'federation_staff'];
const staff = tenantProcedure(STAFF);
const readers = tenantProcedure([...STAFF, 'unit_reporter']);

/** 荣誉证书扫描件 and 推荐会议纪要 in the evidence blob store (see service/evidence.ts). */
export const evidenceRouter = router({
  createUpload: staff.input(s.createUploadInput).mutation(({ ctx, input }) => evidence.createUpload(ctx, input)),
  /** The 职代会 / 民主推荐 minutes of a nomination: the nominating union's reporter or staff. */
  createMinutesUpload: readers.input(s.createMinutesUploadInput).mutation(({ ctx, input }) => evidence.createMinutesUpload(ctx, input)),
  /** Checks the uploaded bytes; a mismatch rejects the record for good. A reporter completes only what they may see. */
  complete: readers.input(s.evidenceInput).mutation(({ ctx, input }) => evidence.completeUpload(ctx, input)),
  /** A short-lived download URL; every URL handed out is audited. A reporter of another unit gets "not found". */
  url: readers.meta({ auditedRead: true }).input(s.evidenceInput).mutation(({ ctx, input }) => evidence.downloadUrl(ctx, input)),
  attachCertificate: staff.input(s.attachCertificateInput).mutation(({ ctx, input }) => evidence.attach(ctx, input)),
});
