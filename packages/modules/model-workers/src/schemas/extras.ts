import { z } from 'zod';
import { limits } from '@ufp/core/validation/limits';
import { isoDateSchema, text } from '@ufp/core/validation/zod';
import { idInput, importJobIdInput, importJobStartInput } from '@ufp/kit/schemas';
import { HonourLevel } from '../domain/ladder.js';

const m = limits.modelWorkers;

export const batchIdInput = z.object({ batchId: idInput });
export const createBatchInput = z.object({
  title: text(m.campaignTitle),
  destination: text(m.enterprise),
  startsOn: isoDateSchema,
  endsOn: isoDateSchema,
  capacity: z.number().int().min(1).max(500),
  minLevel: z.enum(HonourLevel.values).default('city'),
});
export const joinBatchInput = z.object({ batchId: idInput, version: z.number().int().min(1), personIds: z.array(idInput).min(1).max(100) });
export const leaveBatchInput = z.object({ batchId: idInput, version: z.number().int().min(1), personId: idInput });
export const recuperationSettingsInput = z.object({ version: z.number().int().min(0), gapYears: z.number().int().min(0).max(20) });

export const issueCredentialInput = z.object({ personId: idInput, validDays: z.number().int().min(1).max(1825).default(365) });
/** The token from the QR code: opaque ASCII, signed. */
export const verifyCredentialInput = z.object({ token: z.string().min(10).max(400).regex(/^[A-Za-z0-9_.-]+$/) });

/** Largest registry workbook accepted (a federation's 劳模 roll is hundreds of rows; MAX_REGISTRY_ROWS caps the rows). */
export const MAX_REGISTRY_BYTES = 2 * 1024 * 1024;

export const registryTemplateInput = z.object({ lang: z.enum(['zh', 'en']).optional() }).optional();
export const registryExportInput = z.object({ lang: z.enum(['zh', 'en']).optional(), unmasked: z.boolean().optional() }).optional();
/** A registry workbook (base64; 劳模 rolls are small, so no multipart path). */
export const registryImportInput = z.object({ fileBase64: z.string().min(1).max(Math.ceil(MAX_REGISTRY_BYTES / 3) * 4), mode: z.enum(['allOrNothing', 'validRows']), lang: z.enum(['zh', 'en']).optional() });
export const registryImportStartInput = importJobStartInput(MAX_REGISTRY_BYTES);
export const registryImportJobIdInput = importJobIdInput;
