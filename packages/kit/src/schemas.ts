import { z } from 'zod';
import { MAX_EVIDENCE_BYTES } from '@ufp/core/evidence/rules';
import { limits } from '@ufp/core/validation/limits';
import { recordId, text } from '@ufp/core/validation/zod';

export const pageInput = {
  /** Opaque and ASCII (a sealed cursor the previous page handed out). */
  cursor: recordId(2000).optional(),
  limit: z.number().int().min(1).max(200).optional(),
};

export const idInput = recordId(64);

/** The language of a spreadsheet download (headers, labels); Chinese when not given. */
export const langInput = z.enum(['zh', 'en']).optional();

/** A background import's start: the workbook's name and exact size (the signed upload accepts exactly these bytes). */
export const importJobStartInput = (maxBytes: number) =>
  z.object({
    fileName: text(limits.evidence.fileName),
    sizeBytes: z.number().int().min(1).refine((n) => n <= maxBytes, { message: `文件超过 ${maxBytes / 1024 / 1024} MB`, params: { en: `The file is over ${maxBytes / 1024 / 1024} MB` } }),
    mode: z.enum(['allOrNothing', 'validRows']),
    lang: langInput,
  });

export const importJobIdInput = z.object({ jobId: idInput });

/**
 * An evidence file as the browser describes it before its upload URL is issued (name, type, size); the type and size
 * are checked by `checkDeclaration` and again against the bytes that arrive.
 */
export const declaredFileInput = {
  fileName: text(limits.evidence.fileName),
  /** A media type as the browser reports it (image/png): ASCII, never echoed in other scripts. */
  contentType: recordId(limits.evidence.contentType.max),
  sizeBytes: z.number().int().min(0).max(MAX_EVIDENCE_BYTES * 100),
};
export const evidenceIdInput = z.object({ evidenceId: idInput });
