import type { EvidenceContentType } from '@ufp/core/evidence/rules';
import { defineEnum, type Bilingual } from '@ufp/kit/enum';
import { defaultContractSettings, voteRuleOf, type ContractType } from './contract.js';

/**
 * 备案材料: the papers filed with the contract when it goes to the 人社部门 for review (报送审查, Art. 42). Zod-free and
 * free of the records' rules on purpose: the console imports it for the labels, the hints and the upload pickers.
 *
 * The four a bureau asks of every filing (the text, the vote that approved it, who bargained, and the offer that
 * opened the talks) are required by default; a federation whose bureau asks for more (the minutes, the parties'
 * credentials — items of the local checklists) or less ticks them in its settings (`requiredFilingDocuments`).
 */
export const filingDocumentKind = defineEnum({
  contract_text: { zh: '集体合同文本', en: 'Contract text' },
  congress_resolution: { zh: '职代会决议', en: "Workers' congress resolution" },
  representative_lists: { zh: '双方协商代表名单', en: "Both sides' representative lists" },
  offer_and_reply: { zh: '要约书及书面回复', en: 'Offer and written reply' },
  minutes: { zh: '协商会议纪要', en: 'Bargaining minutes' },
  party_credentials: { zh: '双方主体资格证明', en: "Both parties' credentials" },
});
export type FilingDocumentKind = (typeof filingDocumentKind.values)[number];

/** What a tenant requires until its settings say otherwise: the text, the resolution, the lists, the offer and reply. */
export const DEFAULT_FILING_DOCUMENTS: readonly FilingDocumentKind[] = defaultContractSettings.requiredFilingDocuments;

/**
 * The vote on an industry or regional draft is not one unit's 职代会 but the representatives of the enterprises that
 * accept it (or the region's 职工代表大会或职工大会): the same document under the name the bureau knows it by.
 */
const sectorResolution: Bilingual = { zh: '职工代表大会或职工大会决议', en: "Resolution of the workers' (representatives') assembly" };

/** A kind's name for a contract of `type` (the resolution follows the vote rule, see `voteRuleOf`). */
export function filingKindLabel(kind: FilingDocumentKind, type: ContractType): Bilingual {
  return kind === 'congress_resolution' && voteRuleOf(type) === 'sector' ? sectorResolution : filingDocumentKind.labels[kind];
}

/** What the bureau looks for in a kind (the resolution's counts are those its vote rule is judged by, Art. 36). */
export function filingKindHint(kind: FilingDocumentKind, type: ContractType): Bilingual | undefined {
  if (kind === 'congress_resolution') {
    return voteRuleOf(type) === 'sector'
      ? { zh: '载明接受草案的各企业（或区域）职工代表总数和赞成人数', en: 'States the number of all representatives of the accepting enterprises (or region) and those in favour' }
      : { zh: '载明应到、实到和赞成人数（出席不少于三分之二，赞成超过全体代表半数）', en: 'States all representatives, those present and those in favour (two thirds present, more than half of all in favour)' };
  }
  if (kind === 'contract_text') return { zh: '双方首席代表签字的文本', en: 'The text signed by both chief representatives' };
  if (kind === 'offer_and_reply') return { zh: '协商要约书和对方的书面回复', en: 'The written offer and the other side’s written reply' };
  return undefined;
}

/** The bureau's reply (审查意见书) to a filing. */
export const reviewOpinionLabel: Bilingual = { zh: '审查意见书', en: 'Review opinion' };

const scans = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const satisfies readonly EvidenceContentType[];
const docx = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' as const;
const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' as const;

/** Signed papers as scans or PDFs, texts also as Word files, the lists also as spreadsheets. */
export const filingDocumentTypes: Record<FilingDocumentKind, readonly EvidenceContentType[]> = {
  contract_text: [...scans, docx],
  congress_resolution: [...scans, docx],
  representative_lists: [...scans, docx, xlsx],
  offer_and_reply: [...scans, docx],
  minutes: [...scans, docx],
  party_credentials: scans,
};
export const reviewOpinionTypes: readonly EvidenceContentType[] = [...scans, docx];
