import { conflict, invalid, notFound } from '@ufp/core/errors';
import { newEvidenceRecord } from '@ufp/core/evidence/lifecycle';
import { evidenceRef, type Evidence, type EvidenceRef } from '@ufp/core/evidence/model';
import { evidenceTypes, type EvidenceContentType, type EvidenceDeclaration } from '@ufp/core/evidence/rules';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { Bilingual } from '@ufp/kit/enum';
import { contractStatus, type Contract, type ContractStatus } from './contract.js';
import { filingDocumentTypes, filingKindLabel, reviewOpinionLabel, reviewOpinionTypes, type FilingDocumentKind } from './filing-kinds.js';

/**
 * A contract's files, all with the same checks as every module's 佐证材料 — an upload URL for a declared file, the
 * bytes checked on arrival, audited downloads — kept beside the contract, each for one purpose:
 * - `performanceCheck`: 履约检查 evidence (检查记录、职代会报告、整改材料), cited by the yearly check;
 * - `filing`: a 备案材料 of one kind, in the package of the contract's next filing (see `filing.ts`);
 * - `reviewOpinion`: the bureau's 审查意见书, cited when its review is recorded.
 */
interface ContractFile extends Evidence {
  module: 'contracts';
}

export interface CheckEvidence extends ContractFile {
  purpose: 'performanceCheck';
}

export interface FilingDocument extends ContractFile {
  purpose: 'filing';
  documentKind: FilingDocumentKind;
  /** How many filings the contract had when it was uploaded: it belongs to the package of the filing after those. */
  filingRound: number;
}

export interface ReviewOpinionFile extends ContractFile {
  purpose: 'reviewOpinion';
}

export type ContractEvidence = CheckEvidence | FilingDocument | ReviewOpinionFile;
export type EvidencePurpose = ContractEvidence['purpose'];

export const evidenceMissing = () => notFound({ zh: '文件', en: 'File' });

/** What a file is called in refusals and in the audit log. */
export function evidenceNoun(e: Pick<ContractEvidence, 'purpose'> & { documentKind?: FilingDocumentKind }, c?: Pick<Contract, 'type'>): Bilingual {
  if (e.purpose === 'filing' && e.documentKind) return filingKindLabel(e.documentKind, c?.type ?? 'comprehensive');
  return e.purpose === 'reviewOpinion' ? reviewOpinionLabel : { zh: '履约检查材料', en: 'Performance check file' };
}

/** How many times the contract has been filed (a filing the bureau objected to is followed by another). */
export const filingsMade = (c: Pick<Contract, 'history'>): number => c.history.filter((h) => h.step === 'file').length;

/** The statuses in which a contract is checked (in force, or the last year's check after expiry). */
const checkedStatuses: readonly ContractStatus[] = ['effective', 'expiring', 'expired'];
/** Until it is filed the package is open: from the draft (the offer letter is kept from the first day) to signed. */
export const packageOpenStatuses: readonly ContractStatus[] = ['draft', 'offer_sent', 'offer_declined', 'negotiating', 'approved', 'signed'];

const outOfOrder = (c: Contract, text: Bilingual) => {
  const s = contractStatus.labels[c.status];
  return conflict({ zh: `当前状态为「${s.zh}」，${text.zh}`, en: `The contract is ${s.en.toLowerCase()}: ${text.en}` }, { reason: 'out_of_order', status: c.status });
};

/** The declared type must suit the file: the 400 names what it accepts. */
function checkType(declared: EvidenceDeclaration, allowed: readonly EvidenceContentType[], what: Bilingual): EvidenceDeclaration {
  if (allowed.includes(declared.contentType)) return declared;
  const accepted = allowed.map((t) => evidenceTypes[t].label).join(', ');
  const label = evidenceTypes[declared.contentType].label;
  throw invalid({ zh: `${what.zh}只接受 ${accepted}，不接受 ${label}`, en: `${what.en} must be ${accepted}, not ${label}` }, { field: 'contentType', reason: 'type_not_allowed' });
}

export interface EvidenceRequest {
  purpose: EvidencePurpose;
  kind?: FilingDocumentKind;
}

/**
 * A new (pending) file for the contract, if its purpose fits the contract's state: check files once it is in effect,
 * 备案材料 until it is filed, the 审查意见书 while the bureau reviews it. A filing document names its kind, no other file does.
 */
export function newContractEvidence(c: Contract, request: EvidenceRequest, declared: EvidenceDeclaration, ids: { evidenceId: string; scope: TenantScope }, now: Date): ContractEvidence {
  const { purpose, kind } = request;
  if (purpose !== 'filing' && kind) throw invalid({ zh: '只有备案材料需要选择材料类别', en: 'Only a filing document has a kind' }, { field: 'kind' });
  const record = () => newEvidenceRecord('contracts', c.contractId, declared, ids, now);
  switch (purpose) {
    case 'performanceCheck':
      if (!checkedStatuses.includes(c.status)) throw outOfOrder(c, { zh: '合同生效后才有履约检查材料', en: 'check files come once it is in effect' });
      return { ...record(), purpose };
    case 'filing': {
      if (!kind) throw invalid({ zh: '请选择备案材料的类别', en: 'Choose the kind of filing document' }, { field: 'kind' });
      if (!packageOpenStatuses.includes(c.status)) {
        throw outOfOrder(c, {
          zh: '备案材料随报送一并提交，报送后不能再增补；人社部门提出异议的，重新协商后再为下一次报送上传',
          en: 'the filing package went with the filing and cannot be added to; after an objection, upload for the next filing once talks resume',
        });
      }
      checkType(declared, filingDocumentTypes[kind], filingKindLabel(kind, c.type));
      return { ...record(), purpose, documentKind: kind, filingRound: filingsMade(c) };
    }
    case 'reviewOpinion':
      if (c.status !== 'filed') throw outOfOrder(c, { zh: '审查意见书在报送审查后、记录审查意见时上传', en: 'the review opinion is uploaded while the bureau reviews the filing' });
      checkType(declared, reviewOpinionTypes, reviewOpinionLabel);
      return { ...record(), purpose };
  }
}

/** The record, if it is a contracts evidence record (any other id is "not found"). */
export function checkContractEvidence(evidence: Evidence | undefined): ContractEvidence {
  if (!evidence || evidence.module !== 'contracts') throw evidenceMissing();
  return evidence as ContractEvidence;
}

/**
 * A file a record cites: uploaded for this contract for that purpose, checked, and not cited before (a 400 on `field`
 * naming it). `cited` says what else cites it.
 */
export function attachable(contractId: string, e: ContractEvidence | undefined, purpose: EvidencePurpose, field: string, cited: Bilingual): EvidenceRef {
  if (!e || e.subjectId !== contractId) throw invalid({ zh: '该文件不是为本合同上传的', en: 'This file was not uploaded for this contract' }, { field });
  if (e.purpose !== purpose) {
    const what = evidenceNoun({ purpose });
    throw invalid({ zh: `文件「${e.fileName}」不是${what.zh}`, en: `This file is not a ${what.en.toLowerCase()}` }, { field });
  }
  if (e.status !== 'ready') throw invalid(e.status === 'rejected' ? { zh: `文件「${e.fileName}」已被拒收`, en: 'This file was refused' } : { zh: `文件「${e.fileName}」尚未上传完成`, en: 'This file has not finished uploading' }, { field });
  if (e.entryId) throw invalid({ zh: `文件「${e.fileName}」已用于${cited.zh}`, en: `This file is already cited by ${cited.en}` }, { field });
  return evidenceRef(e);
}

/** The files a check cites: each uploaded for this contract as check evidence, checked, and not cited by another check. */
export function attachableEvidence(contractId: string, files: readonly (ContractEvidence | undefined)[]): EvidenceRef[] {
  return files.map((e, i) => attachable(contractId, e, 'performanceCheck', `evidenceIds.${i}`, { zh: '另一次履约检查', en: 'another check' }));
}

export const evidenceView = (e: ContractEvidence) => ({
  evidenceId: e.evidenceId,
  contractId: e.subjectId,
  purpose: e.purpose,
  ...(e.purpose === 'filing' ? { kind: e.documentKind } : {}),
  fileName: e.fileName,
  contentType: e.contentType,
  sizeBytes: e.sizeBytes,
  status: e.status,
  createdAt: e.createdAt,
});
