import { z } from 'zod';
import { conflict } from '@ufp/core/errors';
import { FundSource } from './rules.js';

/**
 * 临时救助 without a file: a one-off grant to a worker in sudden hardship who has no hardship file (yet). A light
 * record — the person (name, masked and encrypted ID, blind indexes), the reason (encrypted: it often names an illness),
 * the amount within the year's 临时救助 cap, the fund source drawn on — and, once a full file is opened for the household
 * (转正), the file it was carried over to.
 */
export const temporaryAidSchema = z.object({
  aidId: z.string(),
  tenantId: z.string(),
  year: z.number().int(),
  person: z.object({ name: z.string(), nameMasked: z.string(), idMasked: z.string(), idEncrypted: z.string() }),
  /** Tenant-scoped blind index of the ID number (the open-file guard's key). */
  idIndex: z.string(),
  /** Province-scoped blind index (the cross-federation duplicate check). */
  provinceIndex: z.string(),
  reasonEncrypted: z.string(),
  amountFen: z.number().int(),
  fundSource: z.enum(FundSource.values),
  grantedOn: z.string(),
  grantedBy: z.string(),
  status: z.enum(['open', 'converted']),
  /** 转正: the file opened for the household, which now carries the grant. */
  convertedFileId: z.string().optional(),
  convertedOn: z.string().optional(),
  version: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type TemporaryAid = z.infer<typeof temporaryAidSchema>;

/** Someone on an open file (as applicant or household member) is helped through that file, not beside it. */
export function assertNoOpenFile(openFileId: string | undefined): void {
  if (openFileId) {
    throw conflict(
      { zh: `该职工已在本工会的困难档案（${openFileId}）中，请在档案中办理帮扶`, en: `This person is already on an open hardship file (${openFileId}); grant aid on that file` },
      { field: 'worker.idNumber', reason: 'open_file_exists', fileId: openFileId },
    );
  }
}

/** A grant a second staff member would have to approve goes through a file (双人审批 is a step of the file's aid). */
export function assertNoApprovalNeeded(amountFen: number, pack: { grantApprovalAboveFen?: number }): void {
  if (pack.grantApprovalAboveFen !== undefined && amountFen > pack.grantApprovalAboveFen) {
    throw conflict(
      { zh: `超过审批额度 ${pack.grantApprovalAboveFen / 100} 元的临时救助须先建档，再经双人审批发放`, en: `Temporary aid above the ${pack.grantApprovalAboveFen / 100} yuan approval threshold needs a file and a second approver` },
      { field: 'amountFen', reason: 'approval_needed' },
    );
  }
}

/** 转正 happens once: a record already carried over to a file says which. */
export function assertConvertible(aid: Pick<TemporaryAid, 'status' | 'convertedFileId'>): void {
  if (aid.status === 'converted') {
    throw conflict(
      { zh: `该临时救助已转入困难档案（${aid.convertedFileId ?? ''}）`, en: `This temporary aid was already carried over to a hardship file (${aid.convertedFileId ?? ''})` },
      { reason: 'already_converted', fileId: aid.convertedFileId },
    );
  }
}

/** The list view: masked identity and the money, never the ciphertexts. */
export function temporaryAidView(aid: TemporaryAid) {
  const { person, reasonEncrypted: _r, idIndex: _i, provinceIndex: _p, ...rest } = aid;
  return { ...rest, person: { name: person.name, nameMasked: person.nameMasked, idMasked: person.idMasked } };
}
