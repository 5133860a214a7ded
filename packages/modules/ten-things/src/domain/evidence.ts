import { invalid, notFound } from '@ufp/core/errors';
import type { Evidence } from '@ufp/core/evidence/model';
import { newEvidenceRecord } from '@ufp/core/evidence/lifecycle';
import type { EvidenceDeclaration } from '@ufp/core/evidence/rules';
import type { TenantScope } from '@ufp/core/tenancy/scope';
import type { Item } from './model.js';
import { checkItemOpen } from './evaluation.js';

export { checkAccepted, checkArrived, checkDownloadable, checkNotRejected, completed, type UploadVerdict } from '@ufp/core/evidence/lifecycle';

export const evidenceNotFound = () => notFound({ zh: '佐证材料', en: 'Evidence' });

/** Evidence is attached to adopted items only. */
export function checkEvidenceSubject(item: Item): Item {
  checkItemOpen(item);
  if (item.stage !== 'adopted') throw invalid({ zh: '只有票决通过的项目才能上传佐证材料', en: 'Evidence is attached to adopted items only' }, { field: 'itemId' });
  return item;
}

/** A 十件实事 evidence record of this tenant, or "not found". */
export function checkEvidence(evidence: Evidence | undefined): Evidence {
  if (!evidence || evidence.module !== 'tenThings') throw evidenceNotFound();
  return evidence;
}

/** A new (pending) 十件实事 evidence record of an adopted item. */
export function newEvidence(item: Item, declared: EvidenceDeclaration, ids: { evidenceId: string; scope: TenantScope }, now: Date): Evidence {
  return newEvidenceRecord('tenThings', item.itemId, declared, ids, now);
}

/**
 * The evidence a progress report attaches, with a clear 400 per id: it must exist in this tenant, belong to this
 * item, have passed the check and not be attached to another entry yet. (The write repeats the last conditions,
 * so two reports racing for one file cannot both attach it.)
 */
export function checkAttachable(item: Item, found: readonly (Evidence | undefined)[]): Evidence[] {
  return found.map((e, i) => {
    const field = `evidenceIds.${i}`;
    if (!e || e.module !== 'tenThings') throw invalid({ zh: '佐证材料不存在', en: 'Evidence not found' }, { field });
    if (e.subjectId !== item.itemId) throw invalid({ zh: `佐证材料“${e.fileName}”不属于该项目`, en: `Evidence file ${i + 1} belongs to another item` }, { field });
    if (e.status !== 'ready') {
      throw invalid(
        e.status === 'rejected' ? { zh: `佐证材料“${e.fileName}”已被拒收`, en: `Evidence file ${i + 1} was refused` } : { zh: `佐证材料“${e.fileName}”尚未上传完成`, en: `Evidence file ${i + 1} has not finished uploading` },
        { field },
      );
    }
    if (e.entryId) throw invalid({ zh: `佐证材料“${e.fileName}”已被其他记录使用`, en: `Evidence file ${i + 1} is already attached to another entry` }, { field });
    return e;
  });
}

export const evidenceView = (e: Evidence) => ({
  evidenceId: e.evidenceId,
  itemId: e.subjectId,
  fileName: e.fileName,
  contentType: e.contentType,
  sizeBytes: e.sizeBytes,
  status: e.status,
  entryId: e.entryId,
  createdAt: e.createdAt,
});
