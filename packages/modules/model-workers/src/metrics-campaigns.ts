import { indicator, indicatorFamily, type Base, type Indicator } from '@ufp/core/rollups/indicators';
import { HonourLevel } from './domain/ladder.js';

const approved: Base = { module: 'modelWorkers', kind: 'flow', unit: 'people' };

/** Nominations approved through the campaigns (flow, from `nominationApproved`): in all and by the honour's level. */
export const campaignIndicators: readonly Indicator[] = [
  indicator('modelWorkers.nominations.approved', approved, { zh: '评选审批通过人数', en: 'Nominations approved' }, { zh: '本期经评选推荐、公示和审批通过的人数', en: 'Nominees approved through a campaign in the period' }),
  ...indicatorFamily(
    'modelWorkers.nominations.approved.<level>',
    HonourLevel.values,
    HonourLevel.labels,
    approved,
    (l) => ({ zh: `评选审批通过人数·${l.zh}`, en: `Nominations approved: ${l.en}` }),
    (l) => ({ zh: `本期审批通过的${l.zh}荣誉推荐人数`, en: `Nominees approved in the period for an honour of ${l.en} level` }),
  ),
];
