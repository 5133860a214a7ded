import { atYearEnd, indicator, indicatorFamily, type Base, type DerivedIndicator, type Indicator } from '@ufp/core/rollups/indicators';
import { UnitType } from './domain/unit.js';

const unitsStock: Base = { module: 'units', kind: 'stock', unit: 'count', noun: { zh: '家', en: '' } };

/** The units indicators of the rollups (what `unitMetricDeltas` emits). */
export const unitIndicators: readonly Indicator[] = [
  // 基层工会
  indicator('units.count', unitsStock, { zh: '基层工会数', en: 'Grassroots unions' }, { zh: `已建立的基层工会总数${atYearEnd.zh}`, en: `Grassroots unions established${atYearEnd.en}` }),
  indicator('units.members', { module: 'units', kind: 'stock', unit: 'people' }, { zh: '会员人数', en: 'Members' }, { zh: `基层工会会员人数合计${atYearEnd.zh}`, en: `Members of the grassroots unions${atYearEnd.en}` }),
  ...indicatorFamily('units.byType.<type>', UnitType.values, UnitType.labels, unitsStock, (l) => ({ zh: l.zh, en: l.en }), (l) => ({ zh: `${l.zh}数${atYearEnd.zh}`, en: `${l.en}s${atYearEnd.en}` })),
];

export const unitDerivedIndicators: readonly DerivedIndicator[] = [];
