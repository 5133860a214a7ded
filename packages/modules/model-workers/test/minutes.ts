import { SAMPLE_PDF, uploadEvidence, type TestPlatform } from '@ufp/testing/platform';
import type { Claims } from '@ufp/kit/auth';

/** Uploads a PDF as the nomination's 职代会 / 民主推荐 minutes and records it on the nomination; answers the nomination. */
export async function fileMinutes(p: TestPlatform, who: Claims, ref: { campaignId: string; nominationId: string }, fileName = '职代会决议.pdf') {
  const evidenceId = await uploadEvidence(p, who, { path: 'modelWorkers.evidence.createMinutesUpload', input: { ...ref, fileName, contentType: 'application/pdf' } }, 'modelWorkers.evidence.complete', SAMPLE_PDF);
  const res = await p.mutate(who, 'modelWorkers.nominations.attachMinutes', { ...ref, evidenceId });
  if (res.status !== 200) throw new Error(`attachMinutes: ${res.status} ${JSON.stringify(res.error)}`);
  return res.data;
}
