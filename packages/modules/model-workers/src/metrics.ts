import { atYearEnd, indicator, indicatorFamily, type Base, type Indicator } from '@ufp/core/rollups/indicators';
import { HonourLevel, PersonStatus } from './domain/enums.js';

const people: Base = { module: 'modelWorkers', kind: 'stock', unit: 'people', per: 'members' };

/** The 劳模 indicators of the rollups (counts only: no person ever reaches a rollup). */
export const modelWorkerIndicators: readonly Indicator[] = [
  indicator('modelWorkers.people', people, { zh: '劳模工匠人数', en: 'Honoured people' }, { zh: `持有至少一项未撤销荣誉的人数${atYearEnd.zh}`, en: `People holding at least one honour not revoked${atYearEnd.en}` }),
  ...indicatorFamily(
    'modelWorkers.people.<level>',
    HonourLevel.values,
    HonourLevel.labels,
    people,
    (l) => ({ zh: `劳模工匠人数·${l.zh}`, en: `Honoured people: ${l.en}` }),
    (l) => ({ zh: `最高荣誉为${l.zh}的人数${atYearEnd.zh}`, en: `People whose highest honour is ${l.en}${atYearEnd.en}` }),
  ),
  ...indicatorFamily(
    'modelWorkers.people.status.<status>',
    PersonStatus.values,
    PersonStatus.labels,
    people,
    (l) => ({ zh: `劳模工匠人数·${l.zh}`, en: `Honoured people: ${l.en}` }),
    (l) => ({ zh: `状态为「${l.zh}」的劳模工匠人数${atYearEnd.zh}`, en: `Honoured people with status ${l.en}${atYearEnd.en}` }),
  ),
];
