// Types, labels and small helpers shared by the 劳模 pages. The labels are the server's own (zod-free enums).
import { DeputyBody, Education, Gender, HonourCategory, HonourLevel, nextStatuses, Occupation, PersonStatus, PoliticalStatus, SkillGrade } from '@ufp/model-workers/domain/enums';
import type { RouterOutputs } from '../../api';
import { label } from '../../i18n';

export type PersonRow = RouterOutputs['modelWorkers']['people']['list']['items'][number];
export type PersonDetail = RouterOutputs['modelWorkers']['people']['get'];
export type PersonHonour = PersonDetail['honours'][number];
export type Ladder = RouterOutputs['modelWorkers']['honours']['ladder'];
export type LadderHonour = Ladder['honours'][number];
export type Level = LadderHonour['level'];
export type Status = PersonRow['status'];
export type DeputyBodyValue = PersonRow['deputies'][number]['body'];

export const enums = { DeputyBody, Education, Gender, HonourCategory, HonourLevel, nextStatuses, Occupation, PersonStatus, PoliticalStatus, SkillGrade };

/** The label of an enum value in the current language ('' for none). */
export function enumLabel<V extends string>(e: { labels: Readonly<Record<V, { zh: string; en: string }>> }, v: V | null | undefined): string {
  return v ? label(e.labels[v]) : '';
}

export { shanghaiToday } from '../../format';

/** The statuses a person may move to (the server's rule; the page offers only these). */
export const NEXT_STATUS = nextStatuses;
