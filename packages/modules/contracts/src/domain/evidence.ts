import { conflict, invalid, notFound } from '@ufp/core/errors';
import { newEvidenceRecord } from '@ufp/core/evidence/lifecycle';
import { evidenceRef, type Evidence, type EvidenceRef } from '@ufp/core/evidence/model';
import type { EvidenceDeclaration } from '@ufp/core/evidence/rules';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import { contractStatus, type Contract } from './contract.js';

/**
 * 履约检查 evidence (检查记录、职代会报告、整改材料): the same files and checks as every module's 佐证材料 — an upload URL
 * for a declared file, the bytes checked on arrival, audited downloads — kept beside the contract and attached to the
 * yearly check that cites them.
 */
export interface CheckEvidence extends Evidence {
  module: 'contracts';
  purpose: 'performanceCheck';
}

export const evidenceMissing = () => notFound({ zh: '文件', en: 'File' });

/** The statuses in which a contract is checked (in force, or the last year's check after expiry). */
const checkedStatuses: readonly Contract['status'][] = ['effective', 'expiring', 'expired'];

export function newCheckEvidence(c: Contract, declared: EvidenceDeclaration, ids: { evidenceId: string; scope: TenantScope }, now: Date): CheckEvidence {
  if (!checkedStatuses.includes(c.status)) {
    const s = contractStatus.labels[c.status];
    throw conflict({ zh: `当前状态为「${s.zh}」，合同生效后才有履约检查材料`, en: `The contract is ${s.en.toLowerCase()}: check files come once it is in effect` }, { reason: 'out_of_order', status: c.status });
  }
  return { ...newEvidenceRecord('contracts', c.contractId, declared, ids, now), purpose: 'performanceCheck' };
}

/** The record, if it is a contracts evidence record (any other id is "not found"). */
export function checkContractEvidence(evidence: Evidence | undefined): CheckEvidence {
  if (!evidence || evidence.module !== 'contracts') throw evidenceMissing();
  return evidence as CheckEvidence;
}

/** The files a check cites: each uploaded for this contract, checked, and not cited by another check (a 400 naming it). */
export function attachableEvidence(contractId: string, files: readonly (CheckEvidence | undefined)[]): EvidenceRef[] {
  return files.map((e, i) => {
    const field = `evidenceIds.${i}`;
    if (!e || e.subjectId !== contractId) throw invalid({ zh: '该文件不是为本合同上传的', en: 'This file was not uploaded for this contract' }, { field });
    if (e.status !== 'ready') throw invalid(e.status === 'rejected' ? { zh: `文件「${e.fileName}」已被拒收`, en: 'This file was refused' } : { zh: `文件「${e.fileName}」尚未上传完成`, en: 'This file has not finished uploading' }, { field });
    if (e.entryId) throw invalid({ zh: `文件「${e.fileName}」已用于另一次履约检查`, en: 'This file is already cited by another check' }, { field });
    return evidenceRef(e);
  });
}

export const evidenceView = (e: CheckEvidence) => ({ evidenceId: e.evidenceId, contractId: e.subjectId, fileName: e.fileName, contentType: e.contentType, sizeBytes: e.sizeBytes, status: e.status, createdAt: e.createdAt });
