import { conflict, invalid } from '@ufp/core/errors';
import type { EvidenceRef } from '@ufp/core/evidence/model';
import type { Contract } from './contract.js';
import { attachable, filingsMade, packageOpenStatuses, type ContractEvidence, type FilingDocument } from './evidence.js';
import { filingKindLabel, reviewOpinionLabel, type FilingDocumentKind } from './filing-kinds.js';

export { DEFAULT_FILING_DOCUMENTS, filingDocumentKind, filingDocumentTypes, filingKindHint, filingKindLabel, type FilingDocumentKind } from './filing-kinds.js';

/**
 * The 备案材料 package of a filing (报送审查, Art. 42), decided without a database: which documents make it up, which
 * required kinds it still lacks, and the refusal of a filing without them. The 审查意见书 of the review that follows.
 */

/**
 * Kinds a renegotiation after an objection makes anew: the revised text, the new vote on it and the new rounds'
 * minutes. The offer, the representatives and the parties are the same, so their documents carry over to the next
 * filing (a changed list is simply uploaded again).
 */
export const RENEWED_ON_REFILING: readonly FilingDocumentKind[] = ['contract_text', 'congress_resolution', 'minutes'];

/** A filed document as the contract keeps it: what it was, for the audited download. */
export type FiledDocument = EvidenceRef & { kind: FilingDocumentKind };

/** Whether a file of the contract's is in the package of its filing number `round` (0 for the first filing). */
function inPackage(d: ContractEvidence, contractId: string, round: number): d is FilingDocument {
  if (d.purpose !== 'filing' || d.subjectId !== contractId) return false;
  return d.filingRound === round || (d.filingRound < round && !RENEWED_ON_REFILING.includes(d.documentKind));
}

export interface FilingPackage {
  /** The filing this package is for (0: the first). */
  round: number;
  required: FilingDocumentKind[];
  /** Its documents, oldest first, whatever their state (a pending or refused one is shown, never counted). */
  documents: FilingDocument[];
  /** Required kinds of which no checked (ready) document is in the package, in the settings' order. */
  missing: FilingDocumentKind[];
}

/** The package of the contract's next filing: its own documents, uploaded for that filing or carried over. */
export function nextPackage(c: Pick<Contract, 'contractId' | 'history'>, required: readonly FilingDocumentKind[], files: readonly ContractEvidence[]): FilingPackage {
  const round = filingsMade(c);
  const documents = files.filter((d): d is FilingDocument => inPackage(d, c.contractId, round)).sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  const present = new Set(documents.filter((d) => d.status === 'ready').map((d) => d.documentKind));
  return { round, required: [...new Set(required)], documents, missing: [...new Set(required)].filter((k) => !present.has(k)) };
}

/**
 * A contract is filed with every required kind in its package: a 409 naming those missing (under their names for the
 * contract's type), or the checked documents that go with the filing.
 */
export function filedPackage(c: Pick<Contract, 'contractId' | 'history' | 'type'>, required: readonly FilingDocumentKind[], files: readonly ContractEvidence[]): FiledDocument[] {
  const p = nextPackage(c, required, files);
  if (p.missing.length) {
    const names = p.missing.map((k) => filingKindLabel(k, c.type));
    throw conflict(
      {
        zh: `备案材料不齐，尚缺：${names.map((n) => n.zh).join('、')}。请在「备案材料」中上传后再报送审查（《集体合同规定》第四十二条）`,
        en: `The filing package is incomplete; missing: ${names.map((n) => n.en).join(', ')}. Upload them under "Filing package" before filing (Art. 42)`,
      },
      { field: 'documents', reason: 'documents_missing', missing: p.missing },
    );
  }
  return p.documents.filter((d) => d.status === 'ready').map((d) => ({ evidenceId: d.evidenceId, fileName: d.fileName, contentType: d.contentType, sizeBytes: d.sizeBytes, kind: d.documentKind }));
}

/**
 * The bureau's 审查意见书 a review cites. An objection goes out as one (Art. 45), so recording an objection needs it;
 * with no objection the contract takes effect by lapse of time (Art. 47) and a reply, when the bureau sends one, is
 * optional. The file must be this contract's, a review opinion, checked and not cited by another review.
 */
export function reviewOpinionRef(contractId: string, objection: boolean, file: ContractEvidence | undefined, given: boolean): EvidenceRef | undefined {
  const field = 'opinionEvidenceId';
  if (!given) {
    if (objection) throw invalid({ zh: `提出审查异议须附人社部门的《${reviewOpinionLabel.zh}》（《集体合同规定》第四十五条）`, en: `An objection needs the bureau's ${reviewOpinionLabel.en.toLowerCase()} attached (Art. 45)` }, { field });
    return undefined;
  }
  return attachable(contractId, file, 'reviewOpinion', field, { zh: '另一次审查意见', en: 'another review' });
}

/** A document as the contract page lists it: kind, name, type, size and state; never its blob key. */
export interface PackageDocument {
  evidenceId: string;
  kind: FilingDocumentKind;
  fileName: string;
  contentType: FilingDocument['contentType'];
  sizeBytes: number;
  status: FilingDocument['status'];
}

const listed = (d: FilingDocument): PackageDocument => ({ evidenceId: d.evidenceId, kind: d.documentKind, fileName: d.fileName, contentType: d.contentType, sizeBytes: d.sizeBytes, status: d.status });

type Listed = Omit<FilingPackage, 'documents'> & { documents: PackageDocument[] };

export type PackageView =
  /** Not yet filed: the next filing's package, open for uploads. */
  | ({ stage: 'open' } & Listed)
  /** Filed: what went with the filing (`recorded: false` — filed before the system kept the package). */
  | { stage: 'filed'; filedOn: string; recorded: boolean; documents: PackageDocument[] }
  /** Ended before it was filed: what had been uploaded, no longer open. */
  | ({ stage: 'closed' } & Listed);

/** What the contract page shows of the package: the next filing's while it is open, otherwise the one filed. */
export function packageView(c: Contract, required: readonly FilingDocumentKind[], files: readonly ContractEvidence[]): PackageView {
  const next = (): Listed => {
    const p = nextPackage(c, required, files);
    return { ...p, documents: p.documents.map(listed) };
  };
  if (packageOpenStatuses.includes(c.status)) return { stage: 'open', ...next() };
  if (c.filing) return { stage: 'filed', filedOn: c.filing.filedOn, recorded: c.filing.documents !== undefined, documents: (c.filing.documents ?? []).map((d) => ({ ...d, status: 'ready' as const })) };
  return { stage: 'closed', ...next() };
}
