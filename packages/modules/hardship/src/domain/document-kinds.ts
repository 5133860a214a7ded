import { evidenceTypes, type EvidenceContentType } from '@ufp/core/evidence/rules';
import { defineEnum } from '@ufp/kit/enum';

/**
 * The kinds of 帮扶材料 on a hardship file and the file types each takes. Zod-free and free of the records' rules on
 * purpose: the console imports it for the labels and the upload pickers.
 */
export const DocumentKind = defineEnum({
  application: { zh: '申请表', en: 'Application form' },
  income_consent: { zh: '收入核对授权书', en: 'Consent to income checks' },
  investigation_photo: { zh: '入户调查照片', en: 'Investigation photo' },
  civil_affairs_check: { zh: '民政核对结果', en: 'Civil-affairs check result' },
  other: { zh: '其他材料', en: 'Other document' },
});
export type DocumentKind = (typeof DocumentKind.values)[number];
export const documentKindLabels = DocumentKind.labels;

/** What a tenant requires until its rule pack says otherwise: the signed application and the consent to income checks. */
export const DEFAULT_REQUIRED_DOCUMENTS: readonly DocumentKind[] = ['application', 'income_consent'];

const scans = ['image/jpeg', 'image/png', 'image/webp', 'application/pdf'] as const satisfies readonly EvidenceContentType[];
/** A photo is a picture; the papers may be scans, PDFs or (forms, results) Word files; 其他 takes whatever evidence may be. */
export const documentTypes: Record<DocumentKind, readonly EvidenceContentType[]> = {
  application: [...scans, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'],
  income_consent: scans,
  investigation_photo: ['image/jpeg', 'image/png', 'image/webp'],
  civil_affairs_check: [...scans, 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  other: Object.keys(evidenceTypes) as EvidenceContentType[],
};
